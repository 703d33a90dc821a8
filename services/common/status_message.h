// Capping status messages: errors travel in responses and log lines, so
// their length is bounded in one place.
#ifndef GLEANER_SERVICES_COMMON_STATUS_MESSAGE_H_
#define GLEANER_SERVICES_COMMON_STATUS_MESSAGE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace gleaner {

// Messages longer than this are cut, so a huge error cannot blow up a
// response or a log line.
inline constexpr size_t kMaxStatusMessageBytes = 1024;

// Returns `message` cut to at most `max_bytes` bytes without splitting a
// UTF-8 sequence.
std::string CapMessage(absl::string_view message,
                       size_t max_bytes = kMaxStatusMessageBytes);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_STATUS_MESSAGE_H_
