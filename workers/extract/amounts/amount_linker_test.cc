#include "workers/extract/amounts/amount_linker.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

Amount Money(const std::string& text, const std::string& span, const char* currency) {
  Amount a;
  a.kind = AmountKind::kMoney;
  a.begin = text.find(span);
  a.end = a.begin + span.size();
  a.currency = currency;
  a.value = "1";
  return a;
}

TEST(AmountLinkerTest, LinksAConversionInParentheses) {
  const std::string text = "62억달러(약 9조원)를";
  std::vector<Amount> out = {Money(text, "62억달러", "USD")};
  std::vector<size_t> tails = {out[0].end};
  Amount b = Money(text, "약 9조원", "KRW");
  LinkAmount(text, out, tails, b, b.end);
  EXPECT_EQ(b.conversion_of, 0);
}

TEST(AmountLinkerTest, LinksAConversionAfterAGloss) {
  const std::string text = "3억 달러(한화 약 4000억 원)";
  std::vector<Amount> out = {Money(text, "3억 달러", "USD")};
  std::vector<size_t> tails = {out[0].end};
  Amount b = Money(text, "약 4000억 원", "KRW");
  LinkAmount(text, out, tails, b, b.end);
  EXPECT_EQ(b.conversion_of, 0);
}

TEST(AmountLinkerTest, SameCurrencyIsNoConversion) {
  const std::string text = "3억 달러(4억 달러)";
  std::vector<Amount> out = {Money(text, "3억 달러", "USD")};
  std::vector<size_t> tails = {out[0].end};
  Amount b = Money(text, "4억 달러", "USD");
  LinkAmount(text, out, tails, b, b.end);
  EXPECT_EQ(b.conversion_of, -1);
}

TEST(AmountLinkerTest, LinksTheEndsOfARangeInWords) {
  const std::string text = "2000억 위안에서 5000억 위안에 이르는";
  std::vector<Amount> out = {Money(text, "2000억 위안", "CNY")};
  std::vector<size_t> tails = {out[0].end};
  Amount b = Money(text, "5000억 위안", "CNY");
  LinkAmount(text, out, tails, b, b.end);
  EXPECT_EQ(out[0].range_partner, 1);
  EXPECT_EQ(b.range_partner, 0);
}

TEST(AmountLinkerTest, NoRangeWithoutAnEndWord) {
  const std::string text = "2000억 위안에서 5000억 위안으로 늘었다";
  std::vector<Amount> out = {Money(text, "2000억 위안", "CNY")};
  std::vector<size_t> tails = {out[0].end};
  Amount b = Money(text, "5000억 위안", "CNY");
  LinkAmount(text, out, tails, b, b.end);
  EXPECT_EQ(b.range_partner, -1);
}

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
