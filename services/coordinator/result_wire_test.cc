#include "services/coordinator/result_wire.h"

#include <string>

#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;

// A result with a field of every shape the wire carries: strings (Hangul),
// a long text (a length of several varint bytes), repeated messages, a
// packed repeated enum, a map.
v1::DocumentResult Result() {
  v1::DocumentResult result;
  result.set_id("doc-1");
  result.set_source("news/1.html");
  std::string text;
  for (int i = 0; i < 400; ++i) text += "삼성전자가 62억달러를 투자했다. ";
  result.set_text(text);
  result.add_blocks()->set_end(40);
  result.add_sentences()->set_end(20);
  v1::Entity* entity = result.add_entities();
  entity->set_text("삼성전자");
  entity->set_canonical("삼성전자");
  entity->set_end(4);
  (*entity->mutable_metadata())["ticker"] = "005930";
  result.add_amounts()->set_value("6200000000");
  result.mutable_duplicate()->set_kind(v1::DUPLICATE_KIND_UNIQUE);
  result.add_completed_stages(v1::STAGE_DEDUP);
  result.add_completed_stages(v1::STAGE_SENTENCE);
  result.add_completed_stages(v1::STAGE_EXTRACT);
  (*result.mutable_metadata())["feed"] = "wire";
  return result;
}

// What the coordinator serialises before the aggregator call: the result
// with its text moved aside.
std::string WithoutText(const v1::DocumentResult& result) {
  v1::DocumentResult copy = result;
  copy.clear_text();
  return SerializeWithoutText(copy, result.text().size());
}

TEST(ResultWire, SubmitResultParsesToTheResultWithItsText) {
  const v1::DocumentResult result = Result();
  v1::SubmitResponse response;
  SetSubmitResult(WithoutText(result), result.text(), &response);
  v1::SubmitResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(response.SerializeAsString()));
  ASSERT_TRUE(parsed.has_result());
  EXPECT_TRUE(MessageDifferencer::Equals(parsed.result(), result))
      << parsed.result().DebugString();
  EXPECT_TRUE(parsed.GetReflection()->GetUnknownFields(parsed).empty());
}

TEST(ResultWire, AnAppendedStageFollowsTheOthers) {
  v1::DocumentResult result = Result();
  std::string wire = WithoutText(result);
  AppendCompletedStage(v1::STAGE_AGGREGATE, &wire);
  v1::SubmitResponse response;
  SetSubmitResult(std::move(wire), result.text(), &response);
  v1::SubmitResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(response.SerializeAsString()));
  EXPECT_THAT(parsed.result().completed_stages(),
              ElementsAre(v1::STAGE_DEDUP, v1::STAGE_SENTENCE,
                          v1::STAGE_EXTRACT, v1::STAGE_AGGREGATE));
  result.add_completed_stages(v1::STAGE_AGGREGATE);
  EXPECT_TRUE(MessageDifferencer::Equals(parsed.result(), result));
}

TEST(ResultWire, AStageAppendsToAResultWithNone) {
  v1::DocumentResult result;
  result.set_id("d");
  std::string wire = WithoutText(result);
  AppendCompletedStage(v1::STAGE_AGGREGATE, &wire);
  v1::DocumentResult parsed;
  ASSERT_TRUE(parsed.ParseFromString(wire));
  EXPECT_THAT(parsed.completed_stages(), ElementsAre(v1::STAGE_AGGREGATE));
}

TEST(ResultWire, AnEmptyTextStaysEmpty) {
  v1::DocumentResult result = Result();
  result.clear_text();
  v1::SubmitResponse response;
  SetSubmitResult(WithoutText(result), "", &response);
  v1::SubmitResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(response.SerializeAsString()));
  EXPECT_TRUE(MessageDifferencer::Equals(parsed.result(), result));
}

TEST(ResultWire, StageRequestCarriesTheResultAndGivesItBack) {
  const v1::DocumentResult result = Result();
  const std::string wire = WithoutText(result);
  v1::StageRequest request;
  request.set_job_id("job");
  request.set_text(result.text());
  SetStageRequestResult(wire, &request);
  v1::StageRequest parsed;
  ASSERT_TRUE(parsed.ParseFromString(request.SerializeAsString()));
  EXPECT_EQ(parsed.job_id(), "job");
  EXPECT_EQ(parsed.text(), result.text());
  v1::DocumentResult expected = result;
  expected.clear_text();
  EXPECT_TRUE(MessageDifferencer::Equals(parsed.result(), expected));
  EXPECT_TRUE(parsed.GetReflection()->GetUnknownFields(parsed).empty());

  EXPECT_EQ(TakeStageRequestResult(&request), wire);
  EXPECT_TRUE(request.GetReflection()->GetUnknownFields(request).empty());
  EXPECT_EQ(TakeStageRequestResult(&request), "");
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
