// A direct proto3 JSON writer: walks a message with reflection and writes
// JSON straight into one buffer, instead of protobuf's JsonPrinter (which
// serialises the message, re-parses it through a type resolver and an
// object-writer stack: about a fifth of `gleaner run`'s CPU before issue 10).
//
// Output is proto3 JSON as JsonPrinter writes it with
// preserve_proto_field_names: .proto field names, fields at their default
// value omitted (proto3 `optional` and oneof members printed when set),
// 64-bit integers as strings, enums by name (by number when unknown), bytes
// in base64, maps as objects, NaN/Infinity as strings. Fields added to the
// protos later are written without changes here. Well-known types
// (google.protobuf.*), which have special JSON forms, are handed to
// protobuf's printer.
//
//   std::string line;
//   GLEANER_RETURN_IF_ERROR(AppendProtoJson(result, &line));
//   line.push_back('\n');
#ifndef GLEANER_CLI_PROTO_JSON_H_
#define GLEANER_CLI_PROTO_JSON_H_

#include <string>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace gleaner {
namespace cli {

// Appends the proto3 JSON form of `message`, on one line, to `out`. Fails
// only when protobuf's printer fails on a well-known type inside it.
absl::Status AppendProtoJson(const google::protobuf::Message& message,
                             std::string* out);

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_PROTO_JSON_H_
