// Character classes for the scripts Korean news is written in, written out
// explicitly because RE2's \s \w \d and <cctype> are ASCII-only.
//
//   IsHangulSyllable(U'가')   -> true
//   IsHangulLetter(U'ㄱ')     -> true  (compatibility jamo)
//   IsUnicodeSpace(0x3000)    -> true  (ideographic space)
#ifndef GLEANER_TEXT_CHAR_CLASS_H_
#define GLEANER_TEXT_CHAR_CLASS_H_

namespace gleaner {
namespace text {

inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char32_t c) {
  return IsAsciiUpper(c) || IsAsciiLower(c);
}
inline bool IsAsciiAlnum(char32_t c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c);
}
// ASCII white space as C's isspace() sees it.
inline bool IsAsciiSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

// Precomposed Hangul syllables, U+AC00..U+D7A3 (가..힣).
inline bool IsHangulSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
// Conjoining jamo (U+1100..U+11FF) and compatibility jamo (U+3130..U+318F).
inline bool IsHangulJamo(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}
// Any Hangul letter: a syllable or a jamo.
inline bool IsHangulLetter(char32_t c) {
  return IsHangulSyllable(c) || IsHangulJamo(c);
}
// CJK ideographs (漢字): the unified block, extension A and compatibility.
inline bool IsHanIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}
// Hiragana and katakana.
inline bool IsKana(char32_t c) { return c >= 0x3040 && c <= 0x30FF; }
// ASCII letters and the Latin-1 and Latin Extended-A/B letters (not × ÷).
inline bool IsLatinLetter(char32_t c) {
  return IsAsciiAlpha(c) ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// Unicode White_Space, plus the zero-width space and the BOM/ZWNBSP that
// scrapers leave behind in text.
inline bool IsUnicodeSpace(char32_t c) {
  if (c < 0x80) return IsAsciiSpace(c);
  switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;
  }
}

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_CHAR_CLASS_H_
