#include "cli/proto_json.h"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "text/json_string.h"

namespace gleaner {
namespace cli {

using ::gleaner::text::AppendJsonString;
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumValueDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;

// Writes a double as protobuf does: the shortest of 15 or 17 significant
// digits that reads back as the same value.
void AppendDouble(double value, std::string* out) {
  if (std::isnan(value)) {
    out->append("\"NaN\"");
  } else if (std::isinf(value)) {
    out->append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  } else {
    char buffer[32];
    snprintf(buffer, sizeof(buffer), "%.*g", DBL_DIG, value);
    if (std::strtod(buffer, nullptr) != value) {
      snprintf(buffer, sizeof(buffer), "%.*g", DBL_DIG + 2, value);
    }
    out->append(buffer);
  }
}

void AppendFloat(float value, std::string* out) {
  if (std::isnan(value) || std::isinf(value)) {
    AppendDouble(value, out);
    return;
  }
  char buffer[32];
  snprintf(buffer, sizeof(buffer), "%.*g", FLT_DIG, value);
  if (std::strtof(buffer, nullptr) != value) {
    snprintf(buffer, sizeof(buffer), "%.*g", FLT_DIG + 3, value);
  }
  out->append(buffer);
}

// What the writer needs of a field, read from its descriptor once per
// message type and document: FieldDescriptor::type() takes a once-flag on
// every call, and the quoted key is the same for every occurrence.
struct FieldPlan {
  const FieldDescriptor* field;
  FieldDescriptor::CppType cpp_type;
  bool repeated;
  bool map;
  bool bytes;
  std::string key;  // "name": (escaped, with the colon)
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  absl::Status Message(const google::protobuf::Message& message) {
    const Descriptor* descriptor = message.GetDescriptor();
    if (descriptor->file()->package() == "google.protobuf") {
      return WellKnown(message);
    }
    // GetReflection() passes through a once-flag too: read it once per
    // message, not once per field.
    const Reflection* reflection = message.GetReflection();
    out_->push_back('{');
    bool first = true;
    for (const FieldPlan& plan : PlanFor(descriptor)) {
      if (plan.repeated ? reflection->FieldSize(message, plan.field) == 0
                        : !reflection->HasField(message, plan.field)) {
        continue;  // proto3 JSON omits fields at their default value
      }
      if (!first) out_->push_back(',');
      first = false;
      out_->append(plan.key);
      absl::Status status = plan.map        ? Map(message, reflection, plan)
                            : plan.repeated ? List(message, reflection, plan)
                                            : Value(message, reflection, plan, -1);
      if (!status.ok()) return status;
    }
    out_->push_back('}');
    return absl::OkStatus();
  }

 private:
  const std::vector<FieldPlan>& PlanFor(const Descriptor* descriptor) {
    auto [it, inserted] = plans_.try_emplace(descriptor);
    if (inserted) {
      for (int i = 0; i < descriptor->field_count(); ++i) {
        const FieldDescriptor* field = descriptor->field(i);
        FieldPlan plan{field,
                       field->cpp_type(),
                       field->is_repeated(),
                       field->is_map(),
                       field->type() == FieldDescriptor::TYPE_BYTES,
                       {}};
        AppendJsonString(field->name(), &plan.key);
        plan.key.push_back(':');
        it->second.push_back(std::move(plan));
      }
    }
    return it->second;
  }

  absl::Status List(const google::protobuf::Message& message,
                    const Reflection* reflection, const FieldPlan& plan) {
    const int size = reflection->FieldSize(message, plan.field);
    out_->push_back('[');
    for (int i = 0; i < size; ++i) {
      if (i > 0) out_->push_back(',');
      absl::Status status = Value(message, reflection, plan, i);
      if (!status.ok()) return status;
    }
    out_->push_back(']');
    return absl::OkStatus();
  }

  // A map is a repeated entry message with fields `key` (1) and `value` (2).
  // (Reflection's map iterators are private in protobuf 3.21.)
  absl::Status Map(const google::protobuf::Message& message,
                   const Reflection* reflection, const FieldPlan& plan) {
    const int size = reflection->FieldSize(message, plan.field);
    const Descriptor* entry_type = plan.field->message_type();
    const FieldDescriptor* key = entry_type->map_key();
    const FieldPlan& value = PlanFor(entry_type)[entry_type->map_value()->index()];
    out_->push_back('{');
    for (int i = 0; i < size; ++i) {
      const google::protobuf::Message& entry =
          reflection->GetRepeatedMessage(message, plan.field, i);
      const Reflection* entry_reflection = entry.GetReflection();
      if (i > 0) out_->push_back(',');
      MapKey(entry, entry_reflection, key);
      out_->push_back(':');
      absl::Status status = Value(entry, entry_reflection, value, -1);
      if (!status.ok()) return status;
    }
    out_->push_back('}');
    return absl::OkStatus();
  }

  // JSON object keys are strings whatever the key's type.
  void MapKey(const google::protobuf::Message& entry, const Reflection* r,
              const FieldDescriptor* key) {
    switch (key->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        AppendJsonString(r->GetString(entry, key), out_);
        return;
      case FieldDescriptor::CPPTYPE_BOOL:
        out_->append(r->GetBool(entry, key) ? "\"true\"" : "\"false\"");
        return;
      case FieldDescriptor::CPPTYPE_INT32:
        absl::StrAppend(out_, "\"", r->GetInt32(entry, key), "\"");
        return;
      case FieldDescriptor::CPPTYPE_UINT32:
        absl::StrAppend(out_, "\"", r->GetUInt32(entry, key), "\"");
        return;
      case FieldDescriptor::CPPTYPE_INT64:
        absl::StrAppend(out_, "\"", r->GetInt64(entry, key), "\"");
        return;
      case FieldDescriptor::CPPTYPE_UINT64:
        absl::StrAppend(out_, "\"", r->GetUInt64(entry, key), "\"");
        return;
      default:  // proto maps allow no other key types
        out_->append("\"\"");
        return;
    }
  }

  void Enum(const FieldDescriptor* field, int number) {
    const EnumValueDescriptor* value =
        field->enum_type()->FindValueByNumber(number);
    if (value != nullptr) {
      AppendJsonString(value->name(), out_);
    } else {
      absl::StrAppend(out_, number);
    }
  }

  void String(const FieldPlan& plan, const std::string& text) {
    if (plan.bytes) {
      absl::StrAppend(out_, "\"", absl::Base64Escape(text), "\"");
    } else {
      AppendJsonString(text, out_);
    }
  }

  // Writes one value of the planned field: element `index` when repeated,
  // else the singular value (index -1).
  absl::Status Value(const google::protobuf::Message& message,
                     const Reflection* r, const FieldPlan& plan, int index) {
    const FieldDescriptor* field = plan.field;
    const bool repeated = index >= 0;
#define GLEANER_GET(Type) \
  (repeated ? r->GetRepeated##Type(message, field, index) \
            : r->Get##Type(message, field))
    switch (plan.cpp_type) {
      case FieldDescriptor::CPPTYPE_INT32:
        absl::StrAppend(out_, GLEANER_GET(Int32));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        absl::StrAppend(out_, GLEANER_GET(UInt32));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        absl::StrAppend(out_, "\"", GLEANER_GET(Int64), "\"");
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        absl::StrAppend(out_, "\"", GLEANER_GET(UInt64), "\"");
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        AppendDouble(GLEANER_GET(Double), out_);
        break;
      case FieldDescriptor::CPPTYPE_FLOAT:
        AppendFloat(GLEANER_GET(Float), out_);
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        out_->append(GLEANER_GET(Bool) ? "true" : "false");
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        Enum(field, GLEANER_GET(EnumValue));
        break;
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        String(plan, repeated ? r->GetRepeatedStringReference(
                                     message, field, index, &scratch)
                               : r->GetStringReference(message, field,
                                                       &scratch));
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return Message(GLEANER_GET(Message));
    }
#undef GLEANER_GET
    return absl::OkStatus();
  }

  absl::Status WellKnown(const google::protobuf::Message& message) {
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    std::string json;
    auto status =
        google::protobuf::util::MessageToJsonString(message, &json, options);
    if (!status.ok()) {
      return absl::InternalError(absl::StrCat(
          "cannot write ", message.GetTypeName(), " as JSON: ",
          status.ToString()));
    }
    out_->append(json);
    return absl::OkStatus();
  }

  std::string* const out_;
  // Node map: PlanFor hands out references that must survive later inserts.
  absl::node_hash_map<const Descriptor*, std::vector<FieldPlan>> plans_;
};

}  // namespace

absl::Status AppendProtoJson(const google::protobuf::Message& message,
                             std::string* out) {
  return JsonWriter(out).Message(message);
}

}  // namespace cli
}  // namespace gleaner
