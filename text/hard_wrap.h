// Detects hard-wrapped plain text and finds the line breaks to delete.
//
// News-agency wire feeds break every line at a fixed width (about 40 Hangul,
// 80 columns), inside words, and keep a real space as a trailing space
// before the break. Joining such lines with a space invents word breaks
// (`만민중앙\r\n교회` is 만민중앙교회, `소득 1\r\n천942만원` is 1천942만원),
// so the breaks inside a wrapped paragraph are deleted, nothing else.
//
//   for (const LineBreak& b : FindHardWrapBreaks(text)) { ... }
//
// A text counts as hard-wrapped when several lines reach one common width
// (at least 40 columns or 20 characters) and almost none goes past it. A
// break is deleted when the line before it reaches that width and the line
// after it continues the paragraph (not blank, not indented, not a list
// item); ordinary line breaks stay.
#ifndef GLEANER_TEXT_HARD_WRAP_H_
#define GLEANER_TEXT_HARD_WRAP_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace gleaner {
namespace text {

// One line break of the text: bytes [begin, end), "\n" or "\r\n".
struct LineBreak {
  size_t begin = 0;
  size_t end = 0;
};

// How a text is wrapped, when it is.
struct HardWrap {
  // True if the wrap width is counted in display columns (Hangul and other
  // non-ASCII characters two, ASCII one, as a byte count in EUC-KR), false
  // if in characters.
  bool columns = true;
  size_t width = 0;  // 0: not hard-wrapped
};

// Returns how `text` is wrapped (width 0 when it is not).
HardWrap DetectHardWrap(absl::string_view text);

// Returns, in order, the line breaks inside the hard-wrapped paragraphs of
// `text`: the ones to delete to unwrap it. Empty when it is not wrapped.
std::vector<LineBreak> FindHardWrapBreaks(absl::string_view text);

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_HARD_WRAP_H_
