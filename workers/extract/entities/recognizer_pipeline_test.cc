#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/entities/recognizer.h"
#include "workers/extract/entities/recognizer_test_util.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::testing::ElementsAreArray;

// The default pipeline builds from any lexicon and runs every recogniser;
// its order is the precedence (the gazetteer before patterns).
TEST(RecognizerPipelineTest, OrderAndPrecedence) {
  const RecognizerTestBed bed({{"latin_corporate_words", "Labs\n"}}, "롯데 신동빈\tPER\t신동빈\n");
  absl::StatusOr<std::vector<RecognizerPtr>> pipeline = DefaultPipeline(bed.lexicons(), bed.gazetteer());
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();
  std::vector<std::string> names;
  for (const RecognizerPtr& r : *pipeline) names.emplace_back(r->name());
  ASSERT_EQ(names.size(), 21u);
  EXPECT_EQ(names.front(), "gazetteer");
  EXPECT_EQ(names.back(), "bare_korean_name");  // the weakest evidence, last
  // The gazetteer's canonical wins over the titled-person pattern.
  EXPECT_THAT(bed.RunAll("신동빈 회장과 김범수 의원이 만났다.", *pipeline),
              ElementsAreArray({"신동빈|PER|롯데 신동빈", "김범수|PER|김범수"}));
}

TEST(RecognizerPipelineTest, NeedsLatinCorporateWords) {
  const RecognizerTestBed bed({}, "");
  EXPECT_FALSE(DefaultPipeline(bed.lexicons(), bed.gazetteer()).ok());
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
