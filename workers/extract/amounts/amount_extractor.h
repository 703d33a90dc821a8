// Extraction of money, percentages and counted quantities from Korean news.
//
// Finds amounts such as `62억달러(약 9조원)`, `최대 5000억 위안`, `5~20%`,
// `1.513%p`, `15만 명 이상`, `10GW`, `수십억 달러` and normalises them exactly:
// values are decimal strings computed without floating point, currencies are
// ISO 4217 codes, units are kept as written plus a canonical form.
//
//   absl::StatusOr<std::unique_ptr<AmountExtractor>> ex = AmountExtractor::Create();
//   std::vector<Amount> got = (*ex)->Extract("62억달러(약 9조원)를 조달했다.");
//   // got[0]: MONEY "62억달러" value "6200000000" currency "USD"
//   // got[1]: MONEY "약 9조원" value "9000000000000" currency "KRW",
//   //         approximate, conversion_of == 0
//
// Also: ranges as one amount (5~20%, 200억-300억 달러: value and value_max) or
// as two linked ones (2000억 위안에서 5000억 위안에 이르는: range_partner),
// signed values (-2.5%), hundredths (50센트 = 0.5 USD), amounts without a
// currency word next to a money word (2억, 3억 연봉; 영업익 9.1조; 1억대 연봉:
// KRW), vague money with no currency (조 단위) and English forms ($1.2B,
// US$ 2.5 billion, 3.5 million dollars, 20 percent).
//
// Dates and clock times, model names (H200, GPT-4o), ordinals (3분기, 제3회),
// "top-N" names (500대 기업), age brackets (30대), multipliers (4배), index
// levels (2700선), scores (3대1), phone numbers, versions, URLs and e-mail
// addresses are not amounts.
//
// The scan is one RE2 search for candidate anchors (a digit, a currency
// symbol, a 수- vague form, a Hangul numeral before a currency word), then
// hand-written parsing around each anchor, so the cost per byte stays close to
// one DFA pass.
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_EXTRACTOR_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_EXTRACTOR_H_

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"

namespace gleaner {
namespace workers {
namespace extract {

enum class AmountKind { kMoney, kPercent, kPercentPoint, kQuantity };

enum class AmountBound {
  kNone,
  kLowerInclusive,  // 이상, 최소
  kLowerExclusive,  // 초과, 넘는, 넘게
  kUpperInclusive,  // 이하, 최대
  kUpperExclusive,  // 미만
};

// One amount found in a text.
struct Amount {
  size_t begin = 0, end = 0;  // UTF-8 byte offsets into the text passed to Extract
  AmountKind kind = AmountKind::kQuantity;
  std::string value;           // exact decimal string; empty when vague
  std::string value_max;       // upper end when this one amount is a range like 5~20%; else empty
  std::string currency;        // ISO 4217 for money, else empty
  std::string unit;            // unit/counter as written (명, 개국, GW, 기가와트, %, 달러)
  std::string canonical_unit;  // e.g. GW for 기가와트, km for 킬로미터; empty when none
  bool approximate = false;    // 약, 가량, 여, 안팎, 정도, 쯤, 가까이, 수-, -대
  AmountBound bound = AmountBound::kNone;
  bool vague = false;                   // 수십억 달러
  int magnitude = 0;                    // power of ten of a vague amount (수십억 -> 9)
  bool per_unit = false;                // 주당 30달러
  int range_partner = -1;               // index in the result of the other end of a range, or -1
  int conversion_of = -1;               // index of the amount this one converts, or -1
  std::vector<std::string> qualifiers;  // qualifier words as written (약, 이상, 주당 ...)
};

// Returns "MONEY", "PERCENT", "PERCENT_POINT" or "QUANTITY".
absl::string_view AmountKindName(AmountKind kind);

struct AmountExtractorOptions {
  // Emit vague amounts without a value such as 수십억 달러 (true).
  bool include_vague = true;
  // Emit counted quantities (15만 명, 10GW, 18개월) (true).
  bool include_quantities = true;
};

// Finds amounts in Korean text. Thread-safe: Extract() is const and the
// compiled patterns are shared read-only. Not copyable or movable.
class AmountExtractor {
 public:
  // Builds an extractor; the anchor pattern is compiled on first use, once per
  // process. Returns kInvalidArgument if it does not compile.
  static absl::StatusOr<std::unique_ptr<AmountExtractor>> Create(
      AmountExtractorOptions options = {});

  AmountExtractor(const AmountExtractor&) = delete;
  AmountExtractor& operator=(const AmountExtractor&) = delete;

  // Returns the amounts in `text`, sorted by begin. Offsets are UTF-8 bytes.
  // Invalid UTF-8 never crashes; it simply yields no amount around it.
  std::vector<Amount> Extract(absl::string_view text) const;

  // Internal unit/currency table entry (public so the .cc can define tables).
  struct UnitDef;

 private:
  AmountExtractor(AmountExtractorOptions options, const RE2* anchor);

  // Tries to read one amount around the anchor at text[a, anchor_end). On
  // success fills `out`, sets `out_tail` to the end of any trailing qualifier
  // (이상, 가량) and returns true. Always sets `resume`, where the scan goes on.
  bool ParseAt(absl::string_view text, size_t a, size_t anchor_end, Amount* out, size_t* out_tail,
               size_t* resume) const;
  // Longest unit or currency word at `pos` (no leading space), or nullptr.
  const UnitDef* MatchUnit(absl::string_view text, size_t pos, size_t* len) const;

  AmountExtractorOptions options_;
  // Candidate anchors (see the .cc); compiled once per process, not owned.
  const RE2* anchor_;
  // Unit table bucketed by first byte, longest surface first.
  std::array<std::vector<const UnitDef*>, 256> units_by_byte_;
};

}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_EXTRACTOR_H_
