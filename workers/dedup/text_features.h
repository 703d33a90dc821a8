// Text features the deduplicator hashes: normalised content, shingle code
// points, number sketches and line blocks.
//
// The dedup stage sees text already cleaned by the sentence worker, but copies
// of one story still differ in whitespace, leftover markup, full-width forms
// and quote styles. These functions remove exactly those differences and keep
// everything that changes meaning, in particular digits: unlike datatrove
// (which maps every digit to 0), two reports that differ only in their figures
// keep different features.
//
//   std::string norm = NormalizeContent("<p>삼성전자  1,000원</p>");  // "삼성전자 1,000원"
//   std::vector<uint32_t> cps;
//   AppendShingleCodePoints(norm, &cps);     // 삼 성 전 자 1 , 0 0 0 원
//   NumberSketch numbers = ComputeNumberSketch(norm);  // one bit for "1000"
#ifndef GLEANER_WORKERS_DEDUP_TEXT_FEATURES_H_
#define GLEANER_WORKERS_DEDUP_TEXT_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "text/utf8.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Decodes one UTF-8 code point at text[pos]; stores it in *cp and returns the
// number of bytes consumed (>= 1). Malformed bytes decode to U+FFFD, one byte
// at a time, so the function never stalls. Inline: it runs once per byte of
// every document, several times over.
inline size_t DecodeUtf8(absl::string_view text, size_t pos, uint32_t* cp) {
  char32_t c;
  const size_t len = text::DecodeUtf8(text, pos, &c);
  *cp = c;
  return len;
}

// Returns true for ASCII and Unicode white space (including NBSP, ideographic
// space and zero-width space/BOM, which scrapers leave behind).
bool IsSpace(uint32_t cp);

// Returns `text` with markup tags (`<p ...>`, `</div>`, `<!-- -->`) removed,
// the common character entities decoded (&nbsp; &amp; &lt; &gt; &quot; &#39;
// and numeric ones), runs of white space collapsed to one ASCII space and the
// ends trimmed. Two documents are exact duplicates when these strings match.
std::string NormalizeContent(absl::string_view text);

// Maps `cp` to its comparison form: ASCII letters lower-cased, full-width
// ASCII to ASCII, curly/angle quotes to '"', dashes to '-', wave dashes to
// '~', '⋯' to '…'. White space maps to 0 (dropped from shingles, because
// Korean spacing varies between portals and re-wrapping moves line breaks).
uint32_t FoldCodePointSlow(uint32_t cp);
inline uint32_t FoldCodePoint(uint32_t cp) {
  // Fast paths: Hangul syllables and plain ASCII letters and digits.
  if (cp >= 0xAC00 && cp <= 0xD7A3) return cp;
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return cp;
  return FoldCodePointSlow(cp);
}

// Appends the folded, non-space code points of `text` to *out.
void AppendShingleCodePoints(absl::string_view text, std::vector<uint32_t>* out);

// A 128-bit Bloom-style sketch of the distinct numbers in a text: each number
// sets one bit. 128 bits keep chance collisions rare for the 5-60 distinct
// figures of a news article.
struct NumberSketch {
  static constexpr int kBits = 128;
  uint64_t bits[2] = {0, 0};

  // Returns the number of set bits (about the number of distinct numbers).
  int Count() const {
    return __builtin_popcountll(bits[0]) + __builtin_popcountll(bits[1]);
  }
  // Returns how many of this sketch's bits are missing from `other`.
  int MissingFrom(const NumberSketch& other) const {
    return __builtin_popcountll(bits[0] & ~other.bits[0]) +
           __builtin_popcountll(bits[1] & ~other.bits[1]);
  }
  bool operator==(const NumberSketch& o) const {
    return bits[0] == o.bits[0] && bits[1] == o.bits[1];
  }
};

// Returns the sketch of the numbers in `text`: each maximal digit run (with
// ',' grouping removed and a '.' kept between digits) of two or more digits
// sets one bit. Single digits ("3가지", "1위") are left out: they recur in
// unrelated texts and would make different figures look shared. Used to
// refuse near-duplicate verdicts between texts whose figures disagree.
// Empty (all zero) when the text has no digits.
NumberSketch ComputeNumberSketch(absl::string_view text);

// One non-empty, white-space-trimmed line of a document.
struct Block {
  size_t begin = 0;        // byte offset of the first non-space byte
  size_t end = 0;          // byte offset one past the last non-space byte
  size_t code_points = 0;  // folded, non-space code points in the line
  size_t letters = 0;      // of which letters (Hangul, Latin, CJK, kana)
  uint64_t hash = 0;       // StableHash64 of the folded code points
};

// Returns true for letters of the scripts news is written in: Latin, Hangul
// (syllables and jamo), CJK ideographs and kana.
bool IsLetter(uint32_t cp);

// Splits `text` on '\n' into trimmed non-empty lines. Leading list markers
// ("- ", "• ", "▶") and trailing table bars (" |") are trimmed too. Lines that
// differ only in white space, width, quote style or markers get the same hash.
std::vector<Block> SplitBlocks(absl::string_view text, uint64_t seed);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_TEXT_FEATURES_H_
