#include "services/common/status_message.h"

#include "text/utf8.h"

namespace gleaner {

std::string CapMessage(absl::string_view message, size_t max_bytes) {
  if (message.size() <= max_bytes) return std::string(message);
  return std::string(
      message.substr(0, text::Utf8BoundaryAtOrBefore(message, max_bytes)));
}

}  // namespace gleaner
