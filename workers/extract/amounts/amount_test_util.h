// Helpers shared by the amount extractor's table-driven tests.
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_TEST_UTIL_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_TEST_UTIL_H_

#include <algorithm>
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

// Returns the amount whose span is exactly `span` (first occurrence), or null.
inline const Amount* FindSpan(absl::string_view text, const std::vector<Amount>& got,
                              absl::string_view span) {
  for (const Amount& a : got) {
    if (text.substr(a.begin, a.end - a.begin) == span) return &a;
  }
  return nullptr;
}

// Returns whether the amount overlaps the first occurrence of `span`.
inline bool Overlaps(absl::string_view text, const Amount& a, absl::string_view span) {
  const size_t b = text.find(span);
  if (b == absl::string_view::npos) return false;
  return a.begin < b + span.size() && b < a.end;
}

// Returns whether decimal strings `want` and `got` differ by a factor of ten
// or more (or in sign): the worst error an analyst can meet. Empty values
// (vague amounts) are never off.
inline bool OffByFactorOfTen(absl::string_view want, absl::string_view got) {
  if (want.empty() || got.empty()) return false;
  const bool wneg = want[0] == '-', gneg = got[0] == '-';
  if (wneg) want.remove_prefix(1);
  if (gneg) got.remove_prefix(1);
  // Position of the leading non-zero digit relative to the point, and the
  // digits from there: the value is 0.d1d2... x 10^exp.
  auto norm = [](absl::string_view s, int* exp) {
    const size_t point = s.find('.');
    const std::string ip(s.substr(0, point));
    const std::string fp(point == absl::string_view::npos ? "" : s.substr(point + 1));
    std::string digits = ip + fp;
    int e = static_cast<int>(ip.size());
    size_t lead = 0;
    while (lead < digits.size() && digits[lead] == '0') ++lead;
    e -= static_cast<int>(lead);
    *exp = e;
    digits = digits.substr(lead);
    return digits.empty() ? std::string("0") : digits;
  };
  int we = 0, ge = 0;
  std::string wd = norm(want, &we), gd = norm(got, &ge);
  if (wd == "0" || gd == "0") return wd != gd;
  if (wneg != gneg) return true;
  // Compare got >= 10*want or want >= 10*got on the mantissas.
  auto ge10 = [](const std::string& a, int ae, const std::string& b, int be) {
    // a*10^ae >= 10 * b*10^be ?
    if (ae != be + 1) return ae > be + 1;
    const size_t n = std::max(a.size(), b.size());
    std::string x = a + std::string(n - a.size(), '0'), y = b + std::string(n - b.size(), '0');
    return x >= y;
  };
  return ge10(gd, ge, wd, we) || ge10(wd, we, gd, ge);
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
