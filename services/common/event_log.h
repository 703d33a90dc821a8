// Structured one-line logs: every event a server reports (a job starting or
// ending, a document failing, the server starting or stopping) is one JSON
// object on one line of stderr, so that log collectors (kubectl logs, Loki,
// journald) can filter by job and document without parsing prose.
//
//   LogEvent(LogLevel::kError, "document_failed",
//            {{"job_id", job_id}, {"document_id", id}, {"stage", "sentence"},
//             {"code", "INVALID_ARGUMENT"}, {"message", message}});
// writes
//   {"ts":"2026-12-02T00:51:02.123456Z","level":"error",
//    "service":"gleaner.v1.Sentence","event":"document_failed",
//    "job_id":"job-1","document_id":"a.txt",...}
//
// Keys are fixed identifiers; values are JSON strings (invalid UTF-8 shown
// as U+FFFD) or numbers. Field names used across the servers: job_id,
// document_id, stage, code, message, documents, failed, seconds; see
// docs/operations.md.
#ifndef GLEANER_SERVICES_COMMON_EVENT_LOG_H_
#define GLEANER_SERVICES_COMMON_EVENT_LOG_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace gleaner {

enum class LogLevel { kInfo, kWarning, kError };

// One key and its value, rendered as a JSON string or number. Holds a copy
// of the value (events are rare: errors, jobs, start and stop).
struct LogField {
  LogField(absl::string_view key, absl::string_view value)
      : key(key), value(value) {}
  LogField(absl::string_view key, const char* value)
      : key(key), value(value) {}
  LogField(absl::string_view key, const std::string& value)
      : key(key), value(value) {}
  template <typename Number,
            typename = std::enable_if_t<std::is_arithmetic<Number>::value &&
                                        !std::is_same<Number, bool>::value>>
  LogField(absl::string_view key, Number value)
      : key(key), value(absl::StrCat(value)), is_number(true) {}

  absl::string_view key;
  std::string value;
  bool is_number = false;
};

// Names the process in every later line ("service"); servers call it once
// with their gRPC service name before logging. Thread-safe.
void SetLogService(absl::string_view service);

// Renders one event as a line (newline included), at `now`. Exposed for
// tests; LogEvent is what servers call.
std::string FormatLogLine(LogLevel level, absl::string_view event,
                          std::initializer_list<LogField> fields,
                          absl::Time now);

// Writes one event to stderr with a single write, so lines from several
// threads never interleave. Thread-safe.
void LogEvent(LogLevel level, absl::string_view event,
              std::initializer_list<LogField> fields = {});

// The field "code" of a status: its canonical name (INVALID_ARGUMENT).
inline LogField CodeField(const absl::Status& status) {
  return LogField("code", absl::StatusCodeToString(status.code()));
}

// Logs what stops a server from starting or serving ("server_failed", with
// the status's code and message) under `service`, which it also sets as the
// service of later lines.
void LogServerFailed(absl::string_view service, const absl::Status& status);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_EVENT_LOG_H_
