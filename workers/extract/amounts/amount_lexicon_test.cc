#include "workers/extract/amounts/amount_lexicon.h"

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

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

const UnitDef* Find(const AmountLexicon& lex, absl::string_view surface) {
  for (const UnitDef& u : lex.units()) {
    if (u.surface == surface) return &u;
  }
  return nullptr;
}

TEST(AmountLexiconTest, DefaultParsesAndHasTheCurrencies) {
  absl::StatusOr<const AmountLexicon*> lex = AmountLexicon::Default();
  ASSERT_THAT(lex.status(), IsOk());
  struct Row {
    const char* surface;
    const char* code;
  };
  for (const Row& r : {Row{"달러", "USD"}, Row{"호주 달러", "AUD"}, Row{"호주달러", "AUD"},
                       Row{"스위스 프랑", "CHF"}, Row{"랜드", "ZAR"}, Row{"동", "VND"},
                       Row{"즈워티", "PLN"}, Row{"펜스", "GBP"}, Row{"₩", "KRW"}}) {
    const UnitDef* u = Find(**lex, r.surface);
    ASSERT_NE(u, nullptr) << r.surface;
    EXPECT_EQ(u->kind, AmountKind::kMoney) << r.surface;
    EXPECT_EQ(u->code, r.code) << r.surface;
  }
  EXPECT_TRUE(Find(**lex, "동")->flags & kLarge);
  EXPECT_TRUE(Find(**lex, "프로")->flags & kStrict);
  EXPECT_FALSE((*lex)->Words(WordList::kUnitSuffixes).empty());
  EXPECT_FALSE((*lex)->before_qualifiers().empty());
  EXPECT_FALSE((*lex)->sub_units().empty());
}

TEST(AmountLexiconTest, ParsesEachFileKind) {
  const LexiconFile files[] = {
      {"units.tsv", "# comment\n\n십원\tmoney\tKRW\tstrict,spelled\n미+달러\tmoney\tUSD\t-\n"},
      {"qualifiers.tsv", "after\t이상\tge\t-\nbefore\t약\tapprox\tspan\n"},
      {"words.tsv", "unit_suffixes\t이\nrange_end\t 사이\n"},
      {"symbols.tsv", "$\tUSD\n"},
      {"subunits.tsv", "USD\t센트\n"}};
  absl::StatusOr<std::unique_ptr<AmountLexicon>> lex = AmountLexicon::Parse(files);
  ASSERT_THAT(lex.status(), IsOk());
  ASSERT_EQ((*lex)->units().size(), 3u);  // 미달러 and 미 달러 from one row
  EXPECT_EQ((*lex)->units()[0].flags, kStrict | kSpelled);
  EXPECT_EQ((*lex)->units()[1].surface, "미달러");
  EXPECT_EQ((*lex)->units()[2].surface, "미 달러");
  EXPECT_EQ((*lex)->after_qualifiers()[0].bound, AmountBound::kLowerInclusive);
  EXPECT_TRUE((*lex)->before_qualifiers()[0].in_span);
  ASSERT_EQ((*lex)->Words(WordList::kRangeEnd).size(), 1u);
  EXPECT_EQ((*lex)->Words(WordList::kRangeEnd)[0], " 사이");  // leading space kept
  EXPECT_EQ((*lex)->symbols()[0].code, "USD");
  EXPECT_EQ((*lex)->sub_units()[0].surface, "센트");
}

TEST(AmountLexiconTest, RejectsMalformedRows) {
  const LexiconFile bad_kind[] = {{"units.tsv", "달러\tcash\tUSD\t-\n"}};
  EXPECT_THAT(AmountLexicon::Parse(bad_kind).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("units.tsv:1")));
  const LexiconFile bad_flag[] = {{"units.tsv", "# x\n달러\tmoney\tUSD\tshiny\n"}};
  EXPECT_THAT(AmountLexicon::Parse(bad_flag).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("units.tsv:2")));
  const LexiconFile bad_list[] = {{"words.tsv", "no_such_list\t이\n"}};
  EXPECT_THAT(AmountLexicon::Parse(bad_list).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no_such_list")));
}

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
