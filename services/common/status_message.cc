#include "services/common/status_message.h"

namespace gleaner {

std::string CapMessage(absl::string_view message, size_t max_bytes) {
  if (message.size() <= max_bytes) return std::string(message);
  size_t cut = max_bytes;
  // Step back over UTF-8 continuation bytes (10xxxxxx).
  while (cut > 0 &&
         (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(message.substr(0, cut));
}

}  // namespace gleaner
