// Invariant checks shared by the fuzz targets. A failed check prints what
// broke and aborts, which libFuzzer reports as a crash with the input saved
// (and the seed replay test reports as a failure naming the input).
//
//   FUZZ_CHECK(span.end <= text.size(), "sentence past the end");
//   CheckSpanInText(text, m.begin, m.end, "entity");
#ifndef GLEANER_TESTS_FUZZ_FUZZ_CHECKS_H_
#define GLEANER_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstddef>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "text/utf8.h"

namespace gleaner {
namespace fuzz {

[[noreturn]] inline void FailCheck(const char* condition, const char* what, const char* file,
                                   int line) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s (%s)\n", file, line, what, condition);
  std::abort();
}

#define FUZZ_CHECK(condition, what)                                     \
  do {                                                                  \
    if (!(condition)) {                                                 \
      ::gleaner::fuzz::FailCheck(#condition, what, __FILE__, __LINE__); \
    }                                                                   \
  } while (0)

// True when `i` is a character boundary of the UTF-8 string `s`.
inline bool IsUtf8Boundary(absl::string_view s, size_t i) {
  return i == 0 || i == s.size() ||
         (i < s.size() && !text::IsUtf8Continuation(static_cast<unsigned char>(s[i])));
}

// Every offset the project returns must point into its text, on character
// boundaries, with begin <= end.
inline void CheckSpanInText(absl::string_view text, size_t begin, size_t end, const char* what) {
  FUZZ_CHECK(begin <= end, what);
  FUZZ_CHECK(end <= text.size(), what);
  FUZZ_CHECK(IsUtf8Boundary(text, begin), what);
  FUZZ_CHECK(IsUtf8Boundary(text, end), what);
}

// True when every byte of `s` belongs to a well-formed UTF-8 sequence.
inline bool IsValidUtf8(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const size_t len = text::DecodeUtf8Checked(s, i, &cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// The longest prefix of `data` that is valid UTF-8: the extractors take
// cleaned text, which is always valid, so fuzzing them with raw bytes would
// only test the cleaner again.
inline absl::string_view ValidUtf8Prefix(absl::string_view data) {
  size_t i = 0;
  while (i < data.size()) {
    char32_t cp;
    const size_t len = text::DecodeUtf8Checked(data, i, &cp);
    if (len == 0) break;
    i += len;
  }
  return data.substr(0, i);
}

}  // namespace fuzz
}  // namespace gleaner

#endif  // GLEANER_TESTS_FUZZ_FUZZ_CHECKS_H_
