#include "workers/extract/entities/name_tagger.h"

#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/extract/entities/lexicon.h"
#include "workers/extract/entities/name_tagger_trainer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::gleaner::testing::StatusIs;

// A tiny lexicon, not the shipped lists, so editing data cannot break this.
std::unique_ptr<Lexicons> TestLexicons() {
  std::vector<Lexicons::Source> sources = {
      {"titles", "회장\n감독\n"}, {"tail_morphemes", "은\n는\n이\n가\n"}, {"korean_surnames", "김\n박\n"}};
  return Lexicons::FromSources(sources);
}

constexpr absl::string_view kKlue =
    "## s1\t<김철수:PS> 회장은\n김\tB-PS\n철\tI-PS\n수\tI-PS\n \tO\n회\tO\n장\tO\n은\tO\n\n"
    "## s2\t<부산:LC>에서 <5일:DT>\n부\tB-LC\n산\tI-LC\n에\tO\n서\tO\n \tO\n5\tB-DT\n일\tI-DT\n";

TEST(ParseKlueNer, ReadsTextTagsAndSpans) {
  absl::StatusOr<std::vector<KlueSentence>> s = ParseKlueNer(kKlue);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].id, "s1");
  EXPECT_EQ((*s)[0].text, "김철수 회장은");
  ASSERT_EQ((*s)[0].spans.size(), 1u);
  EXPECT_EQ((*s)[0].spans[0].begin, 0u);
  EXPECT_EQ((*s)[0].spans[0].end, 9u);  // three syllables, three bytes each
  EXPECT_EQ((*s)[0].spans[0].type, EntityType::kPerson);
  // DT is not learned: only the place remains.
  ASSERT_EQ((*s)[1].spans.size(), 1u);
  EXPECT_EQ((*s)[1].spans[0].type, EntityType::kLocation);
  EXPECT_EQ((*s)[1].tags[5], kTagO);
}

TEST(ParseKlueNer, RejectsALineWithoutATag) {
  EXPECT_THAT(ParseKlueNer("## s1\tx\nx\n").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "2: expected CHARACTER<TAB>TAG"));
}

TEST(NameTagger, ParseRejectsAWrongHeader) {
  auto lexicons = TestLexicons();
  EXPECT_THAT(NameTagger::Parse("model 2\n", *lexicons).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "1: expected the header \"gleaner-name-tagger\t1\""));
}

TEST(NameTagger, LearnsAndRoundTripsThroughItsFile) {
  auto lexicons = TestLexicons();
  absl::StatusOr<std::vector<KlueSentence>> sentences = ParseKlueNer(kKlue);
  ASSERT_TRUE(sentences.ok());
  NameTagger featurizer(*lexicons);
  std::vector<TrainingExample> examples;
  for (const KlueSentence& s : *sentences) examples.push_back({featurizer.Featurize(s.text, {}), s.tags});
  std::vector<size_t> all(examples.size());
  std::iota(all.begin(), all.end(), 0);
  std::unique_ptr<NameTagger> model = TrainNameTagger(examples, all, {}, *lexicons);
  for (size_t i = 0; i < examples.size(); ++i) {
    EXPECT_EQ(model->Decode(examples[i].input), examples[i].gold) << (*sentences)[i].text;
  }
  absl::StatusOr<std::unique_ptr<NameTagger>> read = NameTagger::Parse(model->Serialize(0), *lexicons);
  ASSERT_TRUE(read.ok()) << read.status();
  const std::vector<TaggedSpan> spans = (*read)->Tag("김철수 회장은", {});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].end, 9u);
  EXPECT_EQ(spans[0].type, EntityType::kPerson);
}

TEST(NameTagger, DecodeNeverStartsWithAnInsideTag) {
  auto lexicons = TestLexicons();
  NameTagger model(*lexicons);
  // Make I-PER the best tag everywhere; the decoder must still not open with it.
  for (uint32_t row = 0; row < NameTagger::kRows; ++row) {
    model.weights()[static_cast<size_t>(row) * kNumNameTags + kTagIPer] = 1;
  }
  const std::vector<NameTag> tags = model.Decode(model.Featurize("김철수", {}));
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_NE(tags[0], kTagIPer);
}

TEST(NameTagger, ShippedModelLoads) { EXPECT_NE(NameTagger::Default(), nullptr); }

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
