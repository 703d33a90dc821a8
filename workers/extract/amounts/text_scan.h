// Byte and character helpers for scanning UTF-8 Korean text around amounts.
// Hangul syllables are three UTF-8 bytes; offsets are bytes.
//
//   SpaceAt("1 달러", 1) == 1;  WholeWordBefore("만약 3", 6, "약") == false
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_TEXT_SCAN_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_TEXT_SCAN_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

using WordSpan = absl::Span<const absl::string_view>;

// Bytes of one space at `pos`: ' ' or a no-break space (U+00A0); 0 if none.
size_t SpaceAt(absl::string_view text, size_t pos);

// Bytes of one space ending right before `pos`; 0 if none.
size_t SpaceBefore(absl::string_view text, size_t pos);

// ASCII classes (RE2 and <cctype> are locale- or ASCII-bound anyway).
bool IsAsciiDigit(char c);

bool IsAsciiAlpha(char c);

bool IsAsciiAlnum(char c);

// Returns whether an ASCII digit stands at `pos`.
bool DigitAt(absl::string_view text, size_t pos);

// Decodes the code point starting at `pos`; -1 when it is not valid UTF-8.
int CodePointAt(absl::string_view text, size_t pos, size_t* len);

// Start of the character that ends right before `pos` (pos itself if none).
size_t PrevCharStart(absl::string_view text, size_t pos);

// Returns whether `cp` is a Hangul syllable (U+AC00..U+D7A3).
bool IsHangulCp(int cp);

// Returns whether a Hangul syllable starts at / ends right before `pos`.
bool HangulAt(absl::string_view text, size_t pos);

bool HangulBefore(absl::string_view text, size_t pos);

// Returns whether any of `words` stands at text[pos].
bool StartsWithAny(absl::string_view text, size_t pos, WordSpan words);

// True when a Hangul word (a run of syllables) ends at `end` and equals
// `word`: the character before it is not Hangul. 만약 does not end in the
// word 약.
bool WholeWordBefore(absl::string_view text, size_t end, absl::string_view word);

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_TEXT_SCAN_H_
