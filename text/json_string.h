// JSON string literals from arbitrary bytes: the one escaping routine shared
// by the CLI's proto3 JSON writer (cli/proto_json) and the servers'
// one-line event log (services/common/event_log).
#ifndef GLEANER_TEXT_JSON_STRING_H_
#define GLEANER_TEXT_JSON_STRING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace gleaner {
namespace text {

// Appends `text` as a JSON string literal (quotes included) to `out`.
// Control characters, '"', '\\' and DEL are escaped, and U+2028/U+2029
// (line ends in JavaScript); invalid UTF-8 bytes are written as U+FFFD, so
// the output is always valid JSON on one line.
void AppendJsonString(absl::string_view text, std::string* out);

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_JSON_STRING_H_
