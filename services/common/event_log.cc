#include "services/common/event_log.h"

#include <unistd.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "text/json_string.h"

namespace gleaner {
namespace {

absl::Mutex service_mu(absl::kConstInit);
std::string* service_name ABSL_GUARDED_BY(service_mu) = nullptr;

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

std::string ServiceName() {
  absl::MutexLock lock(&service_mu);
  return service_name == nullptr ? "gleaner" : *service_name;
}

void AppendField(absl::string_view key, absl::string_view value,
                 bool is_number, std::string* line) {
  line->push_back(',');
  text::AppendJsonString(key, line);
  line->push_back(':');
  if (is_number) {
    line->append(value.data(), value.size());
  } else {
    text::AppendJsonString(value, line);
  }
}

}  // namespace

void SetLogService(absl::string_view service) {
  absl::MutexLock lock(&service_mu);
  if (service_name == nullptr) {
    service_name = new std::string(service);  // never freed: used to exit
  } else {
    service_name->assign(service.data(), service.size());
  }
}

std::string FormatLogLine(LogLevel level, absl::string_view event,
                          std::initializer_list<LogField> fields,
                          absl::Time now) {
  std::string line = "{\"ts\":";
  text::AppendJsonString(
      absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", now, absl::UTCTimeZone()),
      &line);
  AppendField("level", LevelName(level), false, &line);
  AppendField("service", ServiceName(), false, &line);
  AppendField("event", event, false, &line);
  for (const LogField& field : fields) {
    AppendField(field.key, field.value, field.is_number, &line);
  }
  line += "}\n";
  return line;
}

void LogEvent(LogLevel level, absl::string_view event,
              std::initializer_list<LogField> fields) {
  const std::string line = FormatLogLine(level, event, fields, absl::Now());
  // One write(2) per line: concurrent lines never interleave. A failed or
  // short write to stderr has nowhere to be reported.
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + written,
                              line.size() - written);
    if (n <= 0) break;
    written += n;
  }
}

void LogServerFailed(absl::string_view service, const absl::Status& status) {
  SetLogService(service);
  LogEvent(LogLevel::kError, "server_failed",
           {CodeField(status), {"message", status.message()}});
}

}  // namespace gleaner
