#include "workers/extract/amounts/qualifier_reader.h"

#include <string>

#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

const AmountLexicon& Lex() { return **AmountLexicon::Default(); }

TEST(QualifierReaderTest, ReadsTwoWordsBefore) {
  const std::string text = "최대 약 3000억 달러";
  Amount am;
  const size_t begin = ReadQualifiersBefore(Lex(), text, text.find("3000"), &am);
  EXPECT_EQ(begin, text.find("약"));  // 약 stays in the span, 최대 does not
  EXPECT_TRUE(am.approximate);
  EXPECT_EQ(am.bound, AmountBound::kUpperInclusive);
  EXPECT_EQ(am.qualifiers, (std::vector<std::string>{"최대", "약"}));
}

TEST(QualifierReaderTest, WordsMustBeWhole) {
  const std::string text = "만약 3000억 달러";
  Amount am;
  EXPECT_EQ(ReadQualifiersBefore(Lex(), text, text.find("3000"), &am), text.find("3000"));
  EXPECT_TRUE(am.qualifiers.empty());
}

TEST(QualifierReaderTest, ReadsPerUnitPrefixes) {
  const std::string text = "주당 30달러";
  Amount am;
  ReadQualifiersBefore(Lex(), text, text.find("30"), &am);
  EXPECT_TRUE(am.per_unit);
}

struct AfterCase {
  const char* text;
  const char* unit_end_before;  // the amount's unit ends right before this
  AmountKind kind;
  AmountBound bound;
  bool approximate;
  const char* tail_before;  // tail ends right before this ("" = end of text)
};

void PrintTo(const AfterCase& c, std::ostream* os) { *os << c.text; }

class QualifiersAfterTest : public ::testing::TestWithParam<AfterCase> {};

TEST_P(QualifiersAfterTest, ReadsBoundsAndApproximation) {
  const AfterCase& c = GetParam();
  const std::string text = c.text;
  Amount am;
  am.kind = c.kind;
  const size_t end = text.find(c.unit_end_before);
  const size_t tail = ReadQualifiersAfter(Lex(), text, end, false, &am);
  EXPECT_EQ(am.bound, c.bound);
  EXPECT_EQ(am.approximate, c.approximate);
  const std::string rest = c.tail_before;
  EXPECT_EQ(tail, rest.empty() ? text.size() : text.find(rest));
}

constexpr AmountKind kM = AmountKind::kMoney;
constexpr AmountKind kQ = AmountKind::kQuantity;
constexpr AmountKind kP = AmountKind::kPercent;

INSTANTIATE_TEST_SUITE_P(
    After, QualifiersAfterTest,
    ::testing::Values(
        AfterCase{"15만 명 이상 모였다", " 이상", kQ, AmountBound::kLowerInclusive, false, " 모였다"},
        AfterCase{"4600억원이 넘는 주식", "이 넘는", kM, AmountBound::kLowerExclusive, false,
                  " 주식"},
        // The gloss (GW) sits between the unit and 넘는.
        AfterCase{"1기가와트(GW)가 넘는 규모", "(GW)", kQ, AmountBound::kLowerExclusive, false,
                  " 규모"},
        AfterCase{"10억 달러가량", "가량", kM, AmountBound::kNone, true, ""},
        AfterCase{"2%대 하락", "대", kP, AmountBound::kNone, true, " 하락"},
        AfterCase{"40% 미만으로", " 미만", kP, AmountBound::kUpperExclusive, false, "으로"},
        // A conversion in parentheses is no gloss.
        AfterCase{"62억달러(약 9조원)", "(약", kM, AmountBound::kNone, false, "(약"},
        AfterCase{"5% 대비", " 대비", kP, AmountBound::kNone, false, " 대비"}));

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
