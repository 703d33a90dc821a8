#include "workers/extract/attribution/attribution_lexicon.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace attribution {
namespace {

using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

TEST(AttributionLexicon, DefaultParsesAndSortsLongestFirst) {
  absl::StatusOr<std::unique_ptr<const AttributionLexicon>> lexicon =
      AttributionLexicon::Default();
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  const std::vector<Cue>& cues = (*lexicon)->cues();
  ASSERT_FALSE(cues.empty());
  EXPECT_TRUE(std::is_sorted(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
    return a.word.size() > b.word.size();
  }));
  const auto revenue = std::find_if(cues.begin(), cues.end(),
                                    [](const Cue& c) { return c.word == "매출"; });
  ASSERT_NE(revenue, cues.end());
  EXPECT_EQ(revenue->relation, Relation::kRevenue);
  EXPECT_FALSE((*lexicon)->Words(WordList::kSubjectParticles).empty());
  EXPECT_FALSE((*lexicon)->Words(WordList::kReporters).empty());
}

TEST(AttributionLexicon, ParsesFlagsAndLists) {
  const EmbeddedFile files[] = {
      {"data/attribution/relations.tsv", "# c\nfund\t자금\tweak\nacquire\t사들\tprefix\n"},
      {"data/attribution/words.tsv", "subject\t이\npartner\t와의\npartner\t와\n"},
  };
  absl::StatusOr<std::unique_ptr<const AttributionLexicon>> lexicon =
      AttributionLexicon::Parse(files);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  ASSERT_EQ((*lexicon)->cues().size(), 2u);
  EXPECT_EQ((*lexicon)->cues()[0].word, "사들");  // same length: byte order
  EXPECT_TRUE((*lexicon)->cues()[0].prefix);
  EXPECT_TRUE((*lexicon)->cues()[1].weak);
  EXPECT_THAT((*lexicon)->Words(WordList::kPartnerParticles),
              ::testing::ElementsAre("와의", "와"));
}

TEST(AttributionLexicon, BadLinesNameFileAndLine) {
  const EmbeddedFile bad_relation[] = {
      {"data/attribution/relations.tsv", "invest\t투자\nloan\t대출\n"}};
  EXPECT_THAT(AttributionLexicon::Parse(bad_relation).status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("relations.tsv:2: unknown relation 'loan'")));
  const EmbeddedFile bad_flag[] = {
      {"data/attribution/relations.tsv", "invest\t투자\tbig\n"}};
  EXPECT_THAT(AttributionLexicon::Parse(bad_flag).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown flag 'big'")));
  const EmbeddedFile bad_list[] = {{"data/attribution/words.tsv", "verb\t한다\n"}};
  EXPECT_THAT(AttributionLexicon::Parse(bad_list).status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("words.tsv:1: unknown word list 'verb'")));
  const EmbeddedFile unknown_file[] = {{"data/attribution/x.tsv", ""}};
  EXPECT_THAT(AttributionLexicon::Parse(unknown_file).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("x.tsv")));
}

TEST(AttributionLexicon, RelationNamesRoundTrip) {
  for (Relation r : {Relation::kInvest, Relation::kProfitLoss, Relation::kMarketValue,
                     Relation::kOther}) {
    absl::StatusOr<Relation> back = RelationFromName(RelationName(r));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, r);
  }
}

}  // namespace
}  // namespace attribution
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
