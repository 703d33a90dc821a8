#include "text/json_string.h"

#include "text/utf8.h"

namespace gleaner {
namespace text {
namespace {

// The escape for an ASCII byte, or nullptr when it is written as is.
const char* AsciiEscape(unsigned char c) {
  static const char* const kControl[32] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005",
      "\\u0006", "\\u0007", "\\b",     "\\t",     "\\n",     "\\u000b",
      "\\f",     "\\r",     "\\u000e", "\\u000f", "\\u0010", "\\u0011",
      "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d",
      "\\u001e", "\\u001f"};
  if (c < 0x20) return kControl[c];
  if (c == '"') return "\\\"";
  if (c == '\\') return "\\\\";
  if (c == 0x7F) return "\\u007f";
  return nullptr;
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string* out) {
  out->reserve(out->size() + text.size() + 2);
  out->push_back('"');
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t run = 0;  // start of the bytes not yet written
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    const char* escape = nullptr;
    size_t length = 1;
    if (c < 0x80) {
      escape = AsciiEscape(c);
    } else {
      char32_t cp;
      length = DecodeUtf8Checked(text, i, &cp);
      if (length == 0) {
        escape = "\xEF\xBF\xBD";  // U+FFFD for a byte that does not decode
        length = 1;
      } else if (length == 3 && c == 0xE2 && p[i + 1] == 0x80 &&
                 (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
        // U+2028 and U+2029 end lines in JavaScript.
        escape = p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
      }
    }
    if (escape != nullptr) {
      out->append(text.data() + run, i - run);
      out->append(escape);
      run = i + length;
    }
    i += length;
  }
  out->append(text.data() + run, n - run);
  out->push_back('"');
}

}  // namespace text
}  // namespace gleaner
