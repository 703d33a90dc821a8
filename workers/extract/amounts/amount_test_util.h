// Helpers shared by the amount extractor's table-driven tests.
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_TEST_UTIL_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/extract/amounts/amount_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// Returns one extractor, built once per test binary.
inline const AmountExtractor& Extractor() {
  static const AmountExtractor* const kExtractor = [] {
    absl::StatusOr<std::unique_ptr<AmountExtractor>> ex =
        AmountExtractor::Create();
    EXPECT_THAT(ex.status(), ::gleaner::testing::IsOk());
    return ex->release();
  }();
  return *kExtractor;
}

// Describes what was found, for failure messages:
// "[62억달러] MONEY 6200000000 USD; ...".
inline std::string Describe(absl::string_view text,
                            const std::vector<Amount>& got) {
  std::string s;
  for (const Amount& a : got) {
    absl::StrAppend(&s, "[", text.substr(a.begin, a.end - a.begin), "] ",
                    AmountKindName(a.kind), " ", a.value,
                    a.value_max.empty() ? "" : "~", a.value_max, " ",
                    a.currency, a.unit, "; ");
  }
  return s.empty() ? "(none)" : s;
}

// Short names for table rows.
constexpr AmountKind kMoney = AmountKind::kMoney;
constexpr AmountKind kPercent = AmountKind::kPercent;
constexpr AmountKind kPoint = AmountKind::kPercentPoint;
constexpr AmountKind kQuantity = AmountKind::kQuantity;

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_TEST_UTIL_H_
