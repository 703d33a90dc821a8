// The result type of amount extraction: one money amount, percentage or
// counted quantity found in a text, exactly normalised.
//
//   Amount a;  // 62억달러 -> kind kMoney, value "6200000000", currency "USD"
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

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

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_H_
