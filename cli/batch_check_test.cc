#include "cli/batch_check.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace cli {
namespace {

using ::testing::HasSubstr;

v1::DocumentResult Complete(const std::string& id) {
  v1::DocumentResult result;
  result.set_id(id);
  for (v1::Stage stage :
       {v1::STAGE_DEDUP, v1::STAGE_SENTENCE, v1::STAGE_EXTRACT, v1::STAGE_AGGREGATE}) {
    result.add_completed_stages(stage);
  }
  return result;
}

TEST(LostAStage, TellsAnErrorFromASilentGap) {
  EXPECT_FALSE(LostAStage(Complete("a")));
  v1::DocumentResult no_verdict = Complete("b");
  no_verdict.mutable_completed_stages()->erase(no_verdict.completed_stages().begin());
  EXPECT_TRUE(LostAStage(no_verdict));  // dedup missing, no error
  v1::DocumentResult failed = no_verdict;
  failed.add_errors()->set_stage(v1::STAGE_DEDUP);
  EXPECT_FALSE(LostAStage(failed));  // it says why: exit 1, not 5
  v1::DocumentResult duplicate;
  duplicate.add_completed_stages(v1::STAGE_DEDUP);
  duplicate.add_completed_stages(v1::STAGE_AGGREGATE);
  duplicate.set_skipped_as_duplicate(true);
  EXPECT_FALSE(LostAStage(duplicate));
  duplicate.set_skipped_as_duplicate(false);
  EXPECT_TRUE(LostAStage(duplicate));
}

TEST(BatchCheck, CompleteBatch) {
  BatchCheck check;
  check.AddResult(Complete("a"), false);
  check.AddResult(Complete("b"), false);
  check.set_expected(2);
  check.set_received(2);
  check.CheckView(2, 2);
  EXPECT_TRUE(check.complete());
  EXPECT_EQ(check.Describe(), "");
}

TEST(BatchCheck, MissingDoubledAndPartialAreEachReported) {
  BatchCheck check;
  check.AddResult(Complete("a"), false);
  check.AddResult(Complete("a"), true);
  check.set_expected(3);
  check.set_received(1);
  check.CheckView(1, 2);
  EXPECT_FALSE(check.complete());
  EXPECT_THAT(check.Describe(), HasSubstr("2 of 3 documents got no result"));
  EXPECT_THAT(check.Describe(), HasSubstr("1 results came twice"));
  EXPECT_THAT(check.Describe(), HasSubstr("covers 1 of the job's 2 aggregated documents"));
}

TEST(BatchCheck, ViewCountUnknownIsNotPartial) {
  BatchCheck check;
  check.CheckView(5, 0);  // a coordinator older than aggregated_documents
  EXPECT_TRUE(check.complete());
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
