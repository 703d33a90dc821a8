#include "workers/extract/amounts/korean_number.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

using ::gleaner::testing::IsOkAndHolds;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

struct NumberCase {
  const char* input;
  const char* want;  // canonical decimal string
};

class ParseKoreanNumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(ParseKoreanNumberTest, ParsesExactly) {
  EXPECT_THAT(ParseKoreanNumber(GetParam().input), IsOkAndHolds(std::string(GetParam().want)))
      << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, ParseKoreanNumberTest,
    ::testing::Values(
        // Arabic digits, separators and decimals.
        NumberCase{"0", "0"}, NumberCase{"7", "7"}, NumberCase{"1,234", "1234"},
        NumberCase{"1,234,567", "1234567"}, NumberCase{"2.17", "2.17"},
        NumberCase{"27.75", "27.75"}, NumberCase{"0.68", "0.68"},
        NumberCase{"122.860", "122.86"},  // trailing zero after the point dropped
        NumberCase{"0.050", "0.05"}, NumberCase{"007", "7"}, NumberCase{"1,234.5", "1234.5"},
        // Scale words with digits.
        NumberCase{"62억", "6200000000"}, NumberCase{"1조 4000억", "1400000000000"},
        NumberCase{"300억 4000만", "30040000000"}, NumberCase{"8만 7000", "87000"},
        NumberCase{"1억8000만", "180000000"}, NumberCase{"2천억", "200000000000"},
        NumberCase{"5천만", "50000000"}, NumberCase{"3만5천", "35000"},
        NumberCase{"2경9000조", "29000000000000000"}, NumberCase{"1조 87억", "1008700000000"},
        NumberCase{"16만 8100", "168100"},
        NumberCase{"1.5조", "1500000000000"},  // decimal times a scale stays exact
        NumberCase{"0.5억", "50000000"}, NumberCase{"121조8000억", "121800000000000"},
        NumberCase{"41조 8900억", "41890000000000"}, NumberCase{"286억 8000만", "28680000000"},
        NumberCase{"3조 3350억", "3335000000000"}, NumberCase{"1만", "10000"},
        NumberCase{"2천5백", "2500"}, NumberCase{"7억3000만", "730000000"},
        // A space between small-scale parts of one section (3천 5백만).
        NumberCase{"3천 5백만", "35000000"}, NumberCase{"1억 2천 5백만", "125000000"},
        // Sino-Korean numerals in Hangul.
        NumberCase{"오천만", "50000000"}, NumberCase{"이십일조", "21000000000000"},
        NumberCase{"십억", "1000000000"}, NumberCase{"천만", "10000000"},
        NumberCase{"백만", "1000000"}, NumberCase{"삼백오십", "350"},
        NumberCase{"일억", "100000000"}, NumberCase{"구천구백구십구", "9999"},
        NumberCase{"이조 오천억", "2500000000000"}, NumberCase{"만", "10000"},
        // Surrounding spaces are ignored.
        NumberCase{"  62억 ", "6200000000"}));

class ParseKoreanNumberErrorTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ParseKoreanNumberErrorTest, RejectsNonNumbers) {
  EXPECT_THAT(ParseKoreanNumber(GetParam()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("number")))
      << GetParam();
}

INSTANTIATE_TEST_SUITE_P(NotNumbers, ParseKoreanNumberErrorTest,
                         ::testing::Values("", "   ", "abc", "62억달러",
                                           "16만 16만",  // repeated scale
                                           "1.2.3", "2025.11.25", "09:06", "억억", "3만 5만",
                                           "1조 4000억 원", "GPT-4", "3천 5천"));

TEST(DecimalTest, AddsAndShiftsExactly) {
  absl::StatusOr<Decimal> a = Decimal::FromString("0.1");
  ASSERT_TRUE(a.ok());
  absl::StatusOr<Decimal> b = Decimal::FromString("0.2");
  ASSERT_TRUE(b.ok());
  a->Add(*b);
  EXPECT_EQ(a->ToString(), "0.3");  // no binary floating point drift
  a->ShiftLeft(1);
  EXPECT_EQ(a->ToString(), "3");
  a->ShiftLeft(12);
  EXPECT_EQ(a->ToString(), "3000000000000");
}

TEST(DecimalTest, ShiftsRight) {
  Decimal d = Decimal::FromInt(50);
  d.ShiftRight(2);
  EXPECT_EQ(d.ToString(), "0.5");
  d.ShiftRight(3);
  EXPECT_EQ(d.ToString(), "0.0005");
  d.ShiftLeft(4);
  EXPECT_EQ(d.ToString(), "5");
}

TEST(DecimalTest, AddsCarries) {
  Decimal d = Decimal::FromInt(999);
  d.Add(Decimal::FromInt(1));
  EXPECT_EQ(d.ToString(), "1000");
  absl::StatusOr<Decimal> f = Decimal::FromString("99.99");
  ASSERT_TRUE(f.ok());
  f->Add(*Decimal::FromString("0.01"));
  EXPECT_EQ(f->ToString(), "100");
}

TEST(DecimalTest, Compares) {
  EXPECT_LT(Decimal::FromInt(31).Compare(Decimal::FromInt(32)), 0);
  EXPECT_EQ(Decimal::FromString("31.0")->Compare(Decimal::FromInt(31)), 0);
  EXPECT_GT(Decimal::FromString("0.5")->Compare(*Decimal::FromString("0.25")), 0);
  EXPECT_LT(Decimal::FromString("0.05")->Compare(*Decimal::FromString("0.5")), 0);
}

TEST(DecimalTest, RejectsGarbage) {
  EXPECT_THAT(Decimal::FromString("1e5").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("1e5")));
  EXPECT_THAT(Decimal::FromString("").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("decimal")));
}

TEST(ConsumeKoreanNumberTest, StopsBeforeRepeatedScale) {
  KoreanNumber n;
  ASSERT_TRUE(ConsumeKoreanNumber("16만 16만 8100원", 0, KoreanNumberOptions(), &n));
  EXPECT_EQ(n.length, std::string("16만").size());
  EXPECT_EQ(n.value.ToString(), "160000");
  EXPECT_TRUE(n.has_big_scale);
}

TEST(ConsumeKoreanNumberTest, ReportsPlainIntegers) {
  KoreanNumber n;
  ASSERT_TRUE(ConsumeKoreanNumber("2026년", 0, KoreanNumberOptions(), &n));
  EXPECT_TRUE(n.plain_integer);
  EXPECT_EQ(n.integer_digits, 4);
  EXPECT_EQ(n.length, 4u);
}

TEST(ConsumeKoreanNumberTest, LeavesTrailingSpaceAlone) {
  KoreanNumber n;
  ASSERT_TRUE(ConsumeKoreanNumber("62억 달러", 0, KoreanNumberOptions(), &n));
  EXPECT_EQ(n.length, std::string("62억").size());
}

TEST(ConsumeKoreanNumberTest, HangulOnlyWhenAsked) {
  KoreanNumber n;
  EXPECT_FALSE(ConsumeKoreanNumber("오천만 원", 0, KoreanNumberOptions(), &n));
  KoreanNumberOptions o;
  o.hangul = true;
  ASSERT_TRUE(ConsumeKoreanNumber("오천만 원", 0, o, &n));
  EXPECT_EQ(n.value.ToString(), "50000000");
}

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
