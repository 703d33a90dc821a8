#include "services/common/stage_processor.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_message.h"

namespace gleaner {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

class EchoContent : public StageProcessor {
 public:
  absl::Status Process(const v1::StageRequest& request,
                       v1::DocumentResult* result) override {
    if (request.document().content().empty()) {
      return absl::InvalidArgumentError(std::string(5000, 'x'));
    }
    result->set_text(request.document().content());
    return absl::OkStatus();
  }
};

v1::StageRequest Request(const std::string& content) {
  v1::StageRequest request;
  request.mutable_document()->set_content(content);
  request.mutable_result()->set_id("d");
  request.mutable_result()->add_completed_stages(v1::STAGE_DEDUP);
  return request;
}

TEST(RunStage, MarksTheStageCompletedAndKeepsEarlierFields) {
  EchoContent processor;
  v1::DocumentResult result =
      RunStage(processor, v1::STAGE_SENTENCE, Request("text"));
  EXPECT_EQ(result.id(), "d");
  EXPECT_EQ(result.text(), "text");
  EXPECT_THAT(result.completed_stages(),
              ElementsAre(v1::STAGE_DEDUP, v1::STAGE_SENTENCE));
  EXPECT_THAT(result.errors(), SizeIs(0));
}

TEST(RunStage, RecordsAFailureAsAStageErrorWithACappedMessage) {
  EchoContent processor;
  v1::DocumentResult result =
      RunStage(processor, v1::STAGE_SENTENCE, Request(""));
  EXPECT_THAT(result.completed_stages(), ElementsAre(v1::STAGE_DEDUP));
  ASSERT_THAT(result.errors(), SizeIs(1));
  EXPECT_EQ(result.errors(0).stage(), v1::STAGE_SENTENCE);
  EXPECT_EQ(result.errors(0).code(), "INVALID_ARGUMENT");
  EXPECT_EQ(result.errors(0).message().size(), kMaxStatusMessageBytes);
}

}  // namespace
}  // namespace gleaner
