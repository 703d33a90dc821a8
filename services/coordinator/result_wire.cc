#include "services/coordinator/result_wire.h"

#include <cstdint>
#include <utility>

#include "google/protobuf/unknown_field_set.h"

namespace gleaner {
namespace coordinator {
namespace {

constexpr uint32_t kLengthDelimited = 2;

void AppendVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void AppendLengthDelimited(int field, absl::string_view bytes,
                           std::string* out) {
  AppendVarint((static_cast<uint64_t>(field) << 3) | kLengthDelimited, out);
  AppendVarint(bytes.size(), out);
  out->append(bytes.data(), bytes.size());
}

}  // namespace

std::string SerializeWithoutText(const v1::DocumentResult& result,
                                 size_t text_size) {
  std::string wire;
  const size_t size = result.ByteSizeLong();
  // Room for the appended stage and text: SetSubmitResult then copies
  // nothing but the text.
  wire.reserve(size + text_size + 32);
  wire.resize(size);
  result.SerializeWithCachedSizesToArray(
      reinterpret_cast<uint8_t*>(wire.data()));
  return wire;
}

void AppendCompletedStage(v1::Stage stage, std::string* wire) {
  // completed_stages is packed (proto3): one more record of one element,
  // which a parser appends to the elements already read.
  std::string element;
  AppendVarint(static_cast<uint64_t>(static_cast<int64_t>(stage)), &element);
  AppendLengthDelimited(v1::DocumentResult::kCompletedStagesFieldNumber,
                        element, wire);
}

void SetStageRequestResult(std::string wire, v1::StageRequest* request) {
  *request->GetReflection()->MutableUnknownFields(request)->AddLengthDelimited(
      v1::StageRequest::kResultFieldNumber) = std::move(wire);
}

std::string TakeStageRequestResult(v1::StageRequest* request) {
  google::protobuf::UnknownFieldSet* fields = request->GetReflection()->MutableUnknownFields(request);
  for (int i = 0; i < fields->field_count(); ++i) {
    google::protobuf::UnknownField* field = fields->mutable_field(i);
    if (field->number() == v1::StageRequest::kResultFieldNumber &&
        field->type() == google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED) {
      std::string wire = std::move(*field->mutable_length_delimited());
      fields->DeleteSubrange(i, 1);
      return wire;
    }
  }
  return "";
}

void SetSubmitResult(std::string wire, absl::string_view text,
                     v1::SubmitResponse* response) {
  if (!text.empty()) {
    AppendLengthDelimited(v1::DocumentResult::kTextFieldNumber, text, &wire);
  }
  *response->GetReflection()->MutableUnknownFields(response)->AddLengthDelimited(
      v1::SubmitResponse::kResultFieldNumber) = std::move(wire);
}

}  // namespace coordinator
}  // namespace gleaner
