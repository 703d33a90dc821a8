// UTF-8 encoding of one code point, shared by the workers that rebuild text
// (the cleaner decoding HTML entities, dedup normalising content).
//
//   std::string out;
//   AppendUtf8(0xAC00, &out);  // "가"
#ifndef GLEANER_WORKERS_COMMON_UTF8_H_
#define GLEANER_WORKERS_COMMON_UTF8_H_

#include <string>

namespace gleaner {
namespace workers {

// Appends the UTF-8 encoding of `cp` to `out`. REQUIRES: cp <= 0x10FFFF
// and not a surrogate (callers map those to U+FFFD first).
inline void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_COMMON_UTF8_H_
