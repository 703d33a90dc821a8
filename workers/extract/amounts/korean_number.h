// Exact parsing of numbers as Korean news writes them.
//
// Korean groups large numbers by four digits with scale words (만 = 1e4,
// 억 = 1e8, 조 = 1e12, 경 = 1e16) and mixes them freely with Arabic digits and
// the small scales 십/백/천. The grammar: a number is a sequence of groups
// with strictly falling big scales, then an optional trailing section below
// the last scale; a group is a section plus its big scale; a section is
// either one Arabic number (4000, 1,200, 1.5) or 천/백/십 terms in falling
// order with one-digit coefficients (Arabic or Sino-Korean, or none) and
// optional units below the last term. One space may stand between groups
// and between the terms of a section. Examples: `62억`, `1조 4000억`,
// `8만 7000`, `3만5천`, `4천 820만`, `1천 1백 70만`, `1만 2천 345`, and with
// Hangul numerals `오천만`, `이십일조`, `천 4백만`, `일점이삼` (점/쩜 decimals).
// Values are kept exact as decimal digit strings, never binary floating point:
//
//   absl::StatusOr<std::string> v = ParseKoreanNumber("1조 4000억");
//   // *v == "1400000000000"
//   ParseKoreanNumber("0.68");   // "0.68"
//   ParseKoreanNumber("오천만");  // "50000000"
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_KOREAN_NUMBER_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_KOREAN_NUMBER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// An exact non-negative decimal: an integer digit string times 10^-scale.
// Only what number words need is supported: parsing, addition and
// multiplication by powers of ten. Copyable value type.
class Decimal {
 public:
  // Zero.
  Decimal() = default;

  // Parses ASCII digits with optional thousands separators and one decimal
  // point ("1,234", "2.17", "27.75"). Returns kInvalidArgument otherwise.
  static absl::StatusOr<Decimal> FromString(absl::string_view s);
  // Builds a decimal from a small integer.
  static Decimal FromInt(unsigned long long v);

  // Multiplies in place by 10^k. REQUIRES: k >= 0.
  void ShiftLeft(int k);
  // Divides in place by 10^k (50 센트 -> 0.5 달러). REQUIRES: k >= 0.
  void ShiftRight(int k);
  // Adds `other` in place.
  void Add(const Decimal& other);

  bool IsZero() const;
  // Number of digits before the decimal point (0 for values below 1).
  int IntegerDigits() const;
  // True when the value has no fractional part.
  bool IsInteger() const;
  // Three-way comparison: <0, 0, >0.
  int Compare(const Decimal& other) const;

  // Returns the canonical form: no exponent, no leading zeros, no trailing
  // zeros after the point, no point for integers ("1400000000000", "0.68").
  std::string ToString() const;

 private:
  void Normalize();

  std::string digits_ = "0";  // integer digits, most significant first
  int scale_ = 0;             // number of digits after the decimal point
};

// What ConsumeKoreanNumber recognised.
struct KoreanNumber {
  size_t length = 0;                 // bytes consumed from the start position
  Decimal value;                     // exact value
  bool has_scale = false;            // any of 십백천만억조경 took part
  bool has_big_scale = false;        // any of 만억조경 took part
  bool hangul = false;               // written with Hangul numerals (오천만)
  bool plain_integer = false;        // only ASCII digits, no separator/point/scale
  bool has_point = false;            // has a decimal point
  int integer_digits = 0;            // digits of a plain number (2026 -> 4)
  bool ends_with_big_scale = false;  // last thing read was 만/억/조/경
  bool bare_scale = false;           // only one scale word (만, 백, 십): 만원, 십불
  int groups = 0;                    // big-scale groups plus a trailing section
  // For one group ending in a big scale (200만): its section (200) and the
  // scale's exponent (4); lead_scale is 0 otherwise. Lets 100~200만 share 만.
  Decimal lead;
  int lead_scale = 0;
};

// The most digits a number may have before the point unless the caller says
// otherwise: a 200,000-digit run before 조원 is not an amount, and no amount
// in news comes near 10^30.
inline constexpr int kDefaultMaxNumberDigits = 30;

// Options for ConsumeKoreanNumber.
struct KoreanNumberOptions {
  // Read Sino-Korean numerals (일..구, 영/공 around 점, 십백천 and 만억조경
  // without a coefficient, 점/쩜 decimals) (false). Arabic digits may then
  // stand as coefficients and units too (천 4백만).
  bool hangul = false;
  // Allow one ASCII space between scale groups ("1조 4000억") (true).
  bool allow_space = true;
  // Reject numbers with more integer digits than this (kDefaultMaxNumberDigits).
  int max_digits = kDefaultMaxNumberDigits;
};

// Reads the longest Korean number starting exactly at `pos` in `text` and
// returns true with `*out` filled, or false when no number starts there.
// Scale groups must be strictly decreasing (`16만 16만` stops after the first
// `16만`), and a trailing plain number after a space must be smaller than the
// last scale (`8만 7000`). The caller checks the surrounding context.
bool ConsumeKoreanNumber(absl::string_view text, size_t pos, const KoreanNumberOptions& options,
                         KoreanNumber* out);

// Parses the whole of `s` (surrounding spaces ignored) as a Korean number and
// returns its canonical decimal string, e.g. "1조 4000억" -> "1400000000000".
// Returns kInvalidArgument when `s` is not exactly one number.
absl::StatusOr<std::string> ParseKoreanNumber(absl::string_view s);

// Returns whether `word` stands at text[pos]. Called for every candidate
// against word lists, so it compares bytes inline, last byte first: the
// words are short and Hangul syllables share their lead byte but rarely
// their final byte.
inline bool HasAt(absl::string_view text, size_t pos, absl::string_view word) {
  const size_t n = word.size();
  if (pos > text.size() || text.size() - pos < n) return false;
  if (n == 0) return true;
  const char* p = text.data() + pos;
  if (p[n - 1] != word[n - 1]) return false;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (p[i] != word[i]) return false;
  }
  return true;
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_KOREAN_NUMBER_H_
