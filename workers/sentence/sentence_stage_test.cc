#include "workers/sentence/sentence_stage.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

using ::gleaner::testing::IsOk;

TEST(SentenceStageConversion, SpansGoToTheDeltaAndBack) {
  const std::vector<SentenceSpan> spans = {{0, 5}, {6, 6}, {7, 4000000000u}};
  v1::SentenceDelta delta;
  SpansToProto(spans, &delta);
  ASSERT_EQ(delta.sentences_size(), 3);
  EXPECT_EQ(delta.sentences(0).begin(), 0u);
  EXPECT_EQ(delta.sentences(0).end(), 5u);
  EXPECT_EQ(delta.sentences(2).end(), 4000000000u);
  const std::vector<SentenceSpan> back = SpansFromProto(delta);
  ASSERT_EQ(back.size(), spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    EXPECT_EQ(back[i].begin, spans[i].begin);
    EXPECT_EQ(back[i].end, spans[i].end);
  }
}

TEST(SentenceStage, AnswersWithTheSentencesOfTheGivenTextOnly) {
  auto stage = SentenceStage::Create();
  ASSERT_THAT(stage, IsOk());
  v1::DocumentResult document;
  document.set_id("d");
  document.set_text("첫 문장이다. 둘째 문장이다.");
  v1::StageResponse response;
  ASSERT_THAT((*stage)->Process({"job", document}, &response), IsOk());
  EXPECT_EQ(response.delta_case(), v1::StageResponse::kSentence);
  ASSERT_EQ(response.sentence().sentences_size(), 2);
  const v1::SentenceSpan& second = response.sentence().sentences(1);
  EXPECT_EQ(document.text().substr(second.begin(), second.end() - second.begin()),
            "둘째 문장이다.");
  EXPECT_FALSE(response.has_error());
}

}  // namespace
}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
