#include "services/coordinator/stage_delta.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::testing::ElementsAre;

v1::DocumentResult Document() {
  v1::DocumentResult result;
  result.set_id("d");
  result.set_text("0123456789");
  result.add_blocks()->set_end(10);
  return result;
}

TEST(MergeStageResponse, MovesEachStagesDeltaIntoTheResult) {
  v1::DocumentResult result = Document();
  v1::StageResponse dedup;
  dedup.mutable_duplicate()->set_kind(v1::DUPLICATE_KIND_NEAR);
  dedup.mutable_duplicate()->add_repeated_blocks()->set_end(4);
  MergeStageResponse(v1::STAGE_DEDUP, dedup, &result);
  v1::StageResponse sentence;
  sentence.mutable_sentence()->add_sentences()->set_end(10);
  MergeStageResponse(v1::STAGE_SENTENCE, sentence, &result);
  v1::StageResponse extract;
  extract.mutable_extract()->add_entities()->set_end(3);
  extract.mutable_extract()->add_amounts()->set_end(5);
  MergeStageResponse(v1::STAGE_EXTRACT, extract, &result);
  MergeStageResponse(v1::STAGE_AGGREGATE, v1::StageResponse(), &result);

  EXPECT_THAT(result.completed_stages(),
              ElementsAre(v1::STAGE_DEDUP, v1::STAGE_SENTENCE,
                          v1::STAGE_EXTRACT, v1::STAGE_AGGREGATE));
  EXPECT_EQ(result.duplicate().kind(), v1::DUPLICATE_KIND_NEAR);
  EXPECT_EQ(result.duplicate().repeated_blocks(0).end(), 4u);
  EXPECT_EQ(result.sentences(0).end(), 10u);
  EXPECT_EQ(result.entities(0).end(), 3u);
  EXPECT_EQ(result.amounts(0).end(), 5u);
  // What the coordinator set on entry is untouched.
  EXPECT_EQ(result.text(), "0123456789");
  EXPECT_EQ(result.blocks_size(), 1);
  EXPECT_EQ(result.errors_size(), 0);
}

// An exact duplicate answered from the store: the original's results, the
// original named, still a skipped duplicate.
TEST(MergeStageResponse, TakesAnExactDuplicatesStoredResults) {
  v1::DocumentResult result = Document();
  result.set_skipped_as_duplicate(true);
  v1::StageResponse aggregate;
  v1::StoredResults* stored = aggregate.mutable_stored();
  stored->mutable_origin()->set_job_id("run-1");
  stored->mutable_origin()->set_document_id("d");
  stored->add_sentences()->set_end(10);
  stored->add_entities()->set_end(3);
  stored->add_amounts()->set_end(5);
  MergeStageResponse(v1::STAGE_AGGREGATE, aggregate, &result);
  EXPECT_EQ(result.errors_size(), 0);
  EXPECT_THAT(result.completed_stages(), ElementsAre(v1::STAGE_AGGREGATE));
  EXPECT_EQ(result.results_from().job_id(), "run-1");
  EXPECT_EQ(result.entities_size(), 1);
  EXPECT_EQ(result.amounts_size(), 1);
  EXPECT_TRUE(result.skipped_as_duplicate());

  // Spans outside the text are refused like any stage's.
  v1::DocumentResult other = Document();
  stored->mutable_entities(0)->set_end(11);
  MergeStageResponse(v1::STAGE_AGGREGATE, aggregate, &other);
  EXPECT_EQ(other.errors_size(), 1);
  EXPECT_EQ(other.entities_size(), 0);
}

TEST(MergeStageResponse, KeepsTheStagesErrorAndNothingElse) {
  v1::DocumentResult result = Document();
  v1::StageResponse response;
  response.mutable_error()->set_stage(v1::STAGE_EXTRACT);
  response.mutable_error()->set_code("INVALID_ARGUMENT");
  MergeStageResponse(v1::STAGE_EXTRACT, response, &result);
  ASSERT_EQ(result.errors_size(), 1);
  EXPECT_EQ(result.errors(0).code(), "INVALID_ARGUMENT");
  EXPECT_EQ(result.completed_stages_size(), 0);
}

struct BadDeltaCase {
  const char* name;
  v1::Stage stage;
  v1::StageResponse response;
};

TEST(MergeStageResponse, RefusesAWrongOrOutOfRangeDelta) {
  v1::StageResponse sentence_delta;
  sentence_delta.mutable_sentence()->add_sentences()->set_end(3);
  v1::StageResponse past_the_end;
  past_the_end.mutable_extract()->add_amounts()->set_end(11);
  v1::StageResponse reversed;
  v1::SentenceSpan* span = reversed.mutable_sentence()->add_sentences();
  span->set_begin(5);
  span->set_end(4);
  v1::StageResponse repeated_past_the_end;
  repeated_past_the_end.mutable_duplicate()
      ->add_repeated_blocks()
      ->set_first_begin(20);
  const BadDeltaCase cases[] = {
      {"sentence delta from extract", v1::STAGE_EXTRACT, sentence_delta},
      {"delta from the aggregator", v1::STAGE_AGGREGATE, sentence_delta},
      {"no delta from dedup", v1::STAGE_DEDUP, v1::StageResponse()},
      {"amount past the text", v1::STAGE_EXTRACT, past_the_end},
      {"reversed sentence", v1::STAGE_SENTENCE, reversed},
      {"first copy past the text", v1::STAGE_DEDUP, repeated_past_the_end},
  };
  for (const BadDeltaCase& c : cases) {
    v1::DocumentResult result = Document();
    MergeStageResponse(c.stage, c.response, &result);
    ASSERT_EQ(result.errors_size(), 1) << c.name;
    EXPECT_EQ(result.errors(0).stage(), c.stage) << c.name;
    EXPECT_EQ(result.errors(0).code(), "INTERNAL") << c.name;
    EXPECT_EQ(result.completed_stages_size(), 0) << c.name;
    EXPECT_EQ(result.sentences_size() + result.amounts_size(), 0) << c.name;
  }
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
