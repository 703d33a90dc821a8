#include "workers/extract/amounts/text_scan.h"

#include "workers/extract/amounts/korean_number.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// Bytes of one space at `pos`: ' ' or a no-break space (U+00A0); 0 if none.
size_t SpaceAt(absl::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == ' ') return 1;
  if (pos + 1 < text.size() && text[pos] == '\xC2' && text[pos + 1] == '\xA0') return 2;
  return 0;
}

// Bytes of one space ending right before `pos`; 0 if none.
size_t SpaceBefore(absl::string_view text, size_t pos) {
  if (pos >= 1 && text[pos - 1] == ' ') return 1;
  if (pos >= 2 && text[pos - 2] == '\xC2' && text[pos - 1] == '\xA0') return 2;
  return 0;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

bool DigitAt(absl::string_view text, size_t pos) {
  return pos < text.size() && IsAsciiDigit(text[pos]);
}

// Decodes the code point starting at `pos`; -1 when it is not valid UTF-8.
int CodePointAt(absl::string_view text, size_t pos, size_t* len) {
  *len = 1;
  if (pos >= text.size()) return -1;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return c;
  int n = 0, cp = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return -1;
  }
  if (pos + n > text.size()) return -1;
  for (int i = 1; i < n; ++i) {
    const unsigned char d = static_cast<unsigned char>(text[pos + i]);
    if ((d & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = static_cast<size_t>(n);
  return cp;
}

// Start of the character that ends right before `pos` (pos itself if none).
size_t PrevCharStart(absl::string_view text, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  int back = 0;
  while (p > 0 && back < 3 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
    --p;
    ++back;
  }
  return p;
}

bool IsHangulCp(int cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

bool HangulAt(absl::string_view text, size_t pos) {
  size_t len;
  return IsHangulCp(CodePointAt(text, pos, &len));
}

bool HangulBefore(absl::string_view text, size_t pos) {
  if (pos == 0) return false;
  return HangulAt(text, PrevCharStart(text, pos));
}

bool StartsWithAny(absl::string_view text, size_t pos, WordSpan words) {
  for (absl::string_view w : words) {
    if (HasAt(text, pos, w)) return true;
  }
  return false;
}

// True when a Hangul word (a run of syllables) ends at `end` and equals
// `word`: the character before it is not Hangul. 만약 does not end in the
// word 약.
bool WholeWordBefore(absl::string_view text, size_t end, absl::string_view word) {
  if (end < word.size()) return false;
  const size_t start = end - word.size();
  if (!HasAt(text, start, word)) return false;
  return !HangulBefore(text, start);
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
