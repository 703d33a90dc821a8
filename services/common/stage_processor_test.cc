#include "services/common/stage_processor.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_message.h"

namespace gleaner {
namespace {

// Answers with one sentence over the whole text; fails on an empty text,
// after writing a partial delta.
class OneSentence : public StageProcessor {
 public:
  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override {
    v1::SentenceSpan* span = response->mutable_sentence()->add_sentences();
    span->set_end(input.document.text().size());
    if (input.document.text().empty()) {
      return absl::InvalidArgumentError(std::string(5000, 'x'));
    }
    return absl::OkStatus();
  }
};

TEST(RunStage, ReturnsOnlyTheDelta) {
  OneSentence processor;
  v1::DocumentResult document;
  document.set_id("d");
  document.set_text("text");
  v1::StageResponse response =
      RunStage(processor, v1::STAGE_SENTENCE, {"job", document});
  EXPECT_FALSE(response.has_error());
  ASSERT_EQ(response.sentence().sentences_size(), 1);
  EXPECT_EQ(response.sentence().sentences(0).end(), 4u);
}

TEST(RunStage, RecordsAFailureAsAStageErrorAndDropsThePartialDelta) {
  OneSentence processor;
  v1::DocumentResult document;
  document.set_id("d");
  v1::StageResponse response =
      RunStage(processor, v1::STAGE_SENTENCE, {"job", document});
  EXPECT_EQ(response.delta_case(), v1::StageResponse::DELTA_NOT_SET);
  ASSERT_TRUE(response.has_error());
  EXPECT_EQ(response.error().stage(), v1::STAGE_SENTENCE);
  EXPECT_EQ(response.error().code(), "INVALID_ARGUMENT");
  EXPECT_EQ(response.error().message().size(), kMaxStatusMessageBytes);
}

}  // namespace
}  // namespace gleaner
