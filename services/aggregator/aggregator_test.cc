#include "services/aggregator/aggregator.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace aggregator {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "엔비디아가 20억달러를 투자했다." with one organisation and one amount.
v1::StageRequest NvidiaDocument(const std::string& job, const std::string& id) {
  v1::StageRequest request;
  request.set_job_id(job);
  v1::DocumentResult* result = request.mutable_result();
  result->set_id(id);
  result->set_text("엔비디아가 20억달러를 투자했다.");
  v1::SentenceSpan* sentence = result->add_sentences();
  sentence->set_begin(0);
  sentence->set_end(result->text().size());
  v1::Entity* entity = result->add_entities();
  entity->set_begin(0);
  entity->set_end(12);
  entity->set_canonical("엔비디아");
  entity->set_type(v1::ENTITY_TYPE_ORGANIZATION);
  v1::Amount* amount = result->add_amounts();
  amount->set_begin(16);
  amount->set_end(28);
  amount->set_kind(v1::AMOUNT_KIND_MONEY);
  amount->set_value("2000000000");
  amount->set_currency("USD");
  return request;
}

// Sends `request` to the aggregator as the pipeline does; the answer is
// status only, so the response must stay empty.
absl::Status Record(Aggregator& aggregator, const v1::StageRequest& request) {
  v1::StageResponse response;
  absl::Status status =
      aggregator.Process({request.job_id(), request.result()}, &response);
  EXPECT_EQ(response.ByteSizeLong(), 0u);
  return status;
}

v1::GetViewRequest ViewOf(const std::string& job) {
  v1::GetViewRequest request;
  request.set_job_id(job);
  return request;
}

TEST(Aggregator, CountsEntitiesAndAttributesMoneyInTheSameSentence) {
  Aggregator aggregator;
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "a")), IsOk());
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "b")), IsOk());
  absl::StatusOr<v1::CorpusView> view = aggregator.GetView(ViewOf("j"));
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->documents(), 2u);
  ASSERT_EQ(view->entity_counts_size(), 1);
  EXPECT_EQ(view->entity_counts(0).canonical(), "엔비디아");
  EXPECT_EQ(view->entity_counts(0).mentions(), 2u);
  EXPECT_EQ(view->entity_counts(0).documents(), 2u);
  ASSERT_EQ(view->amounts_by_entity_size(), 1);
  ASSERT_EQ(view->amounts_by_entity(0).amounts_size(), 2);
  EXPECT_EQ(view->amounts_by_entity(0).amounts(0).amount().value(),
            "2000000000");
  EXPECT_EQ(view->amounts_by_entity(0).amounts(0).sentence(),
            "엔비디아가 20억달러를 투자했다.");
}

TEST(Aggregator, LeavesFlaggedMentionsAndDuplicatesOutOfCounts) {
  Aggregator aggregator;
  v1::StageRequest flagged = NvidiaDocument("j", "a");
  flagged.mutable_result()->mutable_entities(0)->set_flagged(true);
  ASSERT_THAT(Record(aggregator, flagged), IsOk());
  v1::StageRequest original = NvidiaDocument("j", "b");
  ASSERT_THAT(Record(aggregator, original), IsOk());
  v1::StageRequest copy = NvidiaDocument("j", "c");
  copy.mutable_result()->mutable_duplicate()->set_kind(
      v1::DUPLICATE_KIND_NEAR);
  copy.mutable_result()->mutable_duplicate()->set_cluster_id("b");
  copy.mutable_result()->mutable_duplicate()->set_duplicate_of("b");
  ASSERT_THAT(Record(aggregator, copy), IsOk());

  absl::StatusOr<v1::CorpusView> view = aggregator.GetView(ViewOf("j"));
  ASSERT_THAT(view, IsOk());
  ASSERT_EQ(view->entity_counts_size(), 1);
  EXPECT_EQ(view->entity_counts(0).mentions(), 1u);
  ASSERT_EQ(view->duplicate_clusters_size(), 1);
  EXPECT_EQ(view->duplicate_clusters(0).cluster_id(), "b");
  EXPECT_THAT(view->duplicate_clusters(0).document_ids(),
              ElementsAre("b", "c"));
}

TEST(Aggregator, KeepsJobsApartAndReleasesThem) {
  Aggregator aggregator;
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j1", "a")), IsOk());
  EXPECT_THAT(aggregator.GetView(ViewOf("j2")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("j2")));
  v1::GetViewRequest release = ViewOf("j1");
  release.set_release(true);
  EXPECT_THAT(aggregator.GetView(release), IsOk());
  EXPECT_THAT(aggregator.GetView(ViewOf("j1")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("j1")));
}

TEST(Aggregator, ARetriedDocumentIsCountedOnce) {
  Aggregator aggregator;
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "a")), IsOk());
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "a")), IsOk());
  absl::StatusOr<v1::CorpusView> view = aggregator.GetView(ViewOf("j"));
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->documents(), 1u);
  EXPECT_EQ(view->entity_counts(0).mentions(), 1u);
}

TEST(Aggregator, ALateRequestCannotResurrectAReleasedJob) {
  Aggregator aggregator;
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "a")), IsOk());
  v1::GetViewRequest release = ViewOf("j");
  release.set_release(true);
  ASSERT_THAT(aggregator.GetView(release), IsOk());
  EXPECT_THAT(Record(aggregator, NvidiaDocument("j", "b")),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("released")));
}

TEST(Aggregator, RejectsSpansOutsideTheText) {
  Aggregator aggregator;
  v1::StageRequest request = NvidiaDocument("j", "a");
  request.mutable_result()->mutable_amounts(0)->set_end(10000);
  EXPECT_THAT(Record(aggregator, request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("outside the text")));
}

TEST(Aggregator, RejectsRequestsWithoutJob) {
  Aggregator aggregator;
  EXPECT_THAT(Record(aggregator, NvidiaDocument("", "a")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("job_id")));
}

TEST(Aggregator, TopEntitiesKeepsTheMostMentioned) {
  Aggregator aggregator;
  v1::StageRequest request = NvidiaDocument("j", "a");
  v1::Entity* other = request.mutable_result()->add_entities();
  other->set_canonical("오픈AI");
  other->set_type(v1::ENTITY_TYPE_ORGANIZATION);
  ASSERT_THAT(Record(aggregator, request), IsOk());
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "b")), IsOk());
  v1::GetViewRequest top = ViewOf("j");
  top.set_top_entities(1);
  absl::StatusOr<v1::CorpusView> view = aggregator.GetView(top);
  ASSERT_THAT(view, IsOk());
  ASSERT_EQ(view->entity_counts_size(), 1);
  EXPECT_EQ(view->entity_counts(0).canonical(), "엔비디아");
}

TEST(Aggregator, FiltersViewsByPublicationDate) {
  Aggregator aggregator;
  v1::StageRequest november = NvidiaDocument("job", "nov");
  november.mutable_result()->mutable_page()->mutable_published()->set_value(
      "2025-11-25T09:06:00-07:00");
  v1::StageRequest december = NvidiaDocument("job", "dec");
  december.mutable_result()->mutable_page()->mutable_published()->set_value("2025-12-19");
  v1::StageRequest undated = NvidiaDocument("job", "undated");
  for (const v1::StageRequest* r : {&november, &december, &undated}) {
    ASSERT_THAT(Record(aggregator, *r), IsOk());
  }
  v1::GetViewRequest request = ViewOf("job");
  request.set_published_from("2025-12-01");
  absl::StatusOr<v1::CorpusView> view = aggregator.GetView(request);
  ASSERT_THAT(view.status(), IsOk());
  EXPECT_EQ(view->documents(), 1u);
  ASSERT_EQ(view->entity_counts_size(), 1);
  EXPECT_EQ(view->entity_counts(0).mentions(), 1u);
  ASSERT_EQ(view->amounts_by_entity_size(), 1);
  ASSERT_EQ(view->amounts_by_entity(0).amounts_size(), 1);
  EXPECT_EQ(view->amounts_by_entity(0).amounts(0).document_id(), "dec");

  request.set_published_from("2025-11-01");
  request.set_published_to("2025-11-30");
  view = aggregator.GetView(request);
  ASSERT_THAT(view.status(), IsOk());
  EXPECT_EQ(view->documents(), 1u);
  EXPECT_EQ(view->amounts_by_entity(0).amounts(0).document_id(), "nov");

  view = aggregator.GetView(ViewOf("job"));  // no bounds: every document
  ASSERT_THAT(view.status(), IsOk());
  EXPECT_EQ(view->documents(), 3u);
  EXPECT_EQ(view->entity_counts(0).mentions(), 3u);

  request.set_published_to("yesterday");
  EXPECT_THAT(aggregator.GetView(request).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("YYYY-MM-DD")));
}

}  // namespace
}  // namespace aggregator
}  // namespace gleaner
