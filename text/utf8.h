// UTF-8 decoding and encoding, written once for every stage that walks text
// (the cleaner, dedup, sentences, entities, amounts, status messages).
//
//   char32_t cp;
//   size_t len = DecodeUtf8("가나", 0, &cp);   // cp == U+AC00, len == 3
//   std::string out;
//   AppendUtf8(0xAC00, &out);                  // "가"
//
// Two decoders: DecodeUtf8Checked reports an ill-formed sequence (length 0),
// DecodeUtf8 never stalls (an ill-formed byte is U+FFFD of length 1). Both
// accept exactly the well-formed sequences of Unicode's table 3-7 (no
// overlong forms, surrogates or code points above U+10FFFF).
#ifndef GLEANER_TEXT_UTF8_H_
#define GLEANER_TEXT_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"

namespace gleaner {
namespace text {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// Returns true for a UTF-8 continuation byte (10xxxxxx).
inline bool IsUtf8Continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The full check of table 3-7 behind DecodeUtf8Checked (below), for what
// it does not decode inline; kept out of line so that the inlined part stays
// small.
ABSL_ATTRIBUTE_NOINLINE inline size_t DecodeUtf8CheckedSlow(absl::string_view s,
                                                           size_t i,
                                                           char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t left = s.size() - i;
  const unsigned char c = p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  *cp = kReplacementCharacter;
  if (c >= 0xC2 && c <= 0xDF) {
    if (left < 2 || !IsUtf8Continuation(p[1])) return 0;
    *cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !IsUtf8Continuation(p[1]) || !IsUtf8Continuation(p[2])) {
      return 0;
    }
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    *cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !IsUtf8Continuation(p[1]) || !IsUtf8Continuation(p[2]) ||
        !IsUtf8Continuation(p[3])) {
      return 0;
    }
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    *cp = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
          (p[3] & 0x3F);
    return 4;
  }
  return 0;
}

// Returns the byte length of the well-formed UTF-8 character at s[i] and
// stores its code point in *cp; returns 0 (and stores U+FFFD) when the bytes
// at i do not form one: truncated, overlong, a surrogate, above U+10FFFF or a
// stray continuation byte. REQUIRES: i < s.size().
//
// Inlined into every loop that walks text: ASCII and the three-byte
// characters that need no range check beyond their continuation bytes
// (U+1000-U+CFFF, U+D000-U+D7FF: all Hangul syllables and most CJK) are
// decoded here; everything else takes the out-of-line full check.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t DecodeUtf8Checked(
    absl::string_view s, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const unsigned char c = p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xE1 && c <= 0xED && s.size() - i >= 3 &&
      (p[1] & (c == 0xED ? 0xE0 : 0xC0)) == 0x80 && IsUtf8Continuation(p[2])) {
    *cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  return DecodeUtf8CheckedSlow(s, i, cp);
}

// Decodes the character at s[i] like DecodeUtf8Checked, except that an
// ill-formed byte decodes as U+FFFD of length 1, so a loop over the text
// always advances. REQUIRES: i < s.size().
inline size_t DecodeUtf8(absl::string_view s, size_t i, char32_t* cp) {
  const size_t len = DecodeUtf8Checked(s, i, cp);
  return len == 0 ? 1 : len;
}

// Returns the byte length of the well-formed character at s[i], or 0.
// REQUIRES: i < s.size().
inline size_t Utf8CharLength(absl::string_view s, size_t i) {
  char32_t cp;
  return DecodeUtf8Checked(s, i, &cp);
}

// Decodes the character that ends right before s[i] and returns where it
// starts; when the bytes before i do not end in one well-formed character,
// returns i - 1 and stores U+FFFD. REQUIRES: 0 < i <= s.size().
inline size_t DecodeUtf8Before(absl::string_view s, size_t i, char32_t* cp) {
  size_t j = i - 1;
  while (j > 0 && i - j < 4 &&
         IsUtf8Continuation(static_cast<unsigned char>(s[j]))) {
    --j;
  }
  if (DecodeUtf8Checked(s.substr(0, i), j, cp) == i - j) return j;
  *cp = kReplacementCharacter;
  return i - 1;
}

// Returns the largest offset <= i (and <= s.size()) that does not fall
// inside a multi-byte character, for cutting text without splitting one.
inline size_t Utf8BoundaryAtOrBefore(absl::string_view s, size_t i) {
  if (i >= s.size()) return s.size();
  while (i > 0 && IsUtf8Continuation(static_cast<unsigned char>(s[i]))) --i;
  return i;
}

// Returns true if all of `s` is well-formed UTF-8.
inline bool IsValidUtf8(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t len = Utf8CharLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// Returns the number of code points in well-formed UTF-8 `s`: the bytes that
// are not continuation bytes (a byte loop, cheap enough for every word).
inline size_t CountCodePoints(absl::string_view s) {
  size_t n = 0;
  for (char c : s) n += !IsUtf8Continuation(static_cast<unsigned char>(c));
  return n;
}

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

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_UTF8_H_
