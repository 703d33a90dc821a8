#include "services/aggregator/aggregator.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/aggregator/story_test_documents.h"
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

std::unique_ptr<Aggregator> NewAggregator(const std::string& store = "sqlite::memory:") {
  AggregatorOptions options;
  options.store = store;
  absl::StatusOr<std::unique_ptr<Aggregator>> aggregator =
      Aggregator::Create(options);
  EXPECT_THAT(aggregator.status(), IsOk());
  return aggregator.ok() ? *std::move(aggregator) : nullptr;
}

v1::GetViewRequest ViewOf(const std::string& job) {
  v1::GetViewRequest request;
  request.set_job_id(job);
  return request;
}

TEST(Aggregator, CountsEntitiesAndAttributesMoneyInTheSameSentence) {
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
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
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
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
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j1", "a")), IsOk());
  EXPECT_THAT(aggregator.GetView(ViewOf("j2")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("j2")));
  v1::GetViewRequest release = ViewOf("j1");
  release.set_release(true);
  EXPECT_THAT(aggregator.GetView(release), IsOk());
  // A released job's view stays in the store.
  absl::StatusOr<v1::CorpusView> kept = aggregator.GetView(ViewOf("j1"));
  ASSERT_THAT(kept.status(), IsOk());
  EXPECT_EQ(kept->documents(), 1u);
}

TEST(Aggregator, ARetriedDocumentIsCountedOnce) {
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "a")), IsOk());
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "a")), IsOk());
  absl::StatusOr<v1::CorpusView> view = aggregator.GetView(ViewOf("j"));
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->documents(), 1u);
  EXPECT_EQ(view->entity_counts(0).mentions(), 1u);
}

TEST(Aggregator, ALateRequestCannotResurrectAReleasedJob) {
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
  ASSERT_THAT(Record(aggregator, NvidiaDocument("j", "a")), IsOk());
  v1::GetViewRequest release = ViewOf("j");
  release.set_release(true);
  ASSERT_THAT(aggregator.GetView(release), IsOk());
  EXPECT_THAT(Record(aggregator, NvidiaDocument("j", "b")),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("released")));
}

TEST(Aggregator, RejectsSpansOutsideTheText) {
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
  v1::StageRequest request = NvidiaDocument("j", "a");
  request.mutable_result()->mutable_amounts(0)->set_end(10000);
  EXPECT_THAT(Record(aggregator, request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("outside the text")));
}

TEST(Aggregator, RejectsRequestsWithoutJob) {
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
  EXPECT_THAT(Record(aggregator, NvidiaDocument("", "a")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("job_id")));
}

TEST(Aggregator, TopEntitiesKeepsTheMostMentioned) {
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
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
  std::unique_ptr<Aggregator> owned = NewAggregator();
  Aggregator& aggregator = *owned;
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

// A re-run against a persistent dedup index: every page is an exact
// duplicate of the first run's copy, and must not come back blank.
TEST(Aggregator, AnExactDuplicateOfAnotherJobGetsTheStoredResults) {
  const std::string store =
      absl::StrCat("sqlite:", ::testing::TempDir(), "/rerun.db");
  {
    std::unique_ptr<Aggregator> first_run = NewAggregator(store);
    ASSERT_THAT(Record(*first_run, NvidiaDocument("run-1", "page.txt")),
                IsOk());
  }
  // A restarted aggregator on the same store.
  std::unique_ptr<Aggregator> aggregator = NewAggregator(store);
  v1::StageRequest rerun = NvidiaDocument("run-2", "page.txt");
  v1::DocumentResult* result = rerun.mutable_result();
  result->clear_sentences();
  result->clear_entities();
  result->clear_amounts();
  result->set_skipped_as_duplicate(true);
  result->mutable_duplicate()->set_kind(v1::DUPLICATE_KIND_EXACT);
  result->mutable_duplicate()->set_duplicate_of("page.txt");
  result->mutable_duplicate()->set_cluster_id("page.txt");
  v1::StageResponse response;
  ASSERT_THAT(aggregator->Process({rerun.job_id(), *result}, &response),
              IsOk());
  ASSERT_EQ(response.delta_case(), v1::StageResponse::kStored);
  EXPECT_EQ(response.stored().origin().job_id(), "run-1");
  EXPECT_EQ(response.stored().origin().document_id(), "page.txt");
  ASSERT_EQ(response.stored().entities_size(), 1);
  EXPECT_EQ(response.stored().entities(0).canonical(), "엔비디아");
  ASSERT_EQ(response.stored().amounts_size(), 1);
  EXPECT_EQ(response.stored().amounts(0).value(), "2000000000");
  EXPECT_EQ(response.stored().sentences_size(), 1);

  // Marked as a duplicate: the re-run's view does not count its facts.
  absl::StatusOr<v1::CorpusView> view = aggregator->GetView(ViewOf("run-2"));
  ASSERT_THAT(view.status(), IsOk());
  EXPECT_EQ(view->documents(), 1u);
  EXPECT_EQ(view->entity_counts_size(), 0);

  // A different text under the same id is not answered from the store.
  v1::StageRequest changed = rerun;
  changed.set_job_id("run-3");
  changed.mutable_result()->set_text("다른 글이다.");
  v1::StageResponse other;
  ASSERT_THAT(aggregator->Process({changed.job_id(), changed.result()}, &other),
              IsOk());
  EXPECT_EQ(other.delta_case(), v1::StageResponse::DELTA_NOT_SET);
}

TEST(Aggregator, ServesTheDocumentsThatMentionAnEntity) {
  std::unique_ptr<Aggregator> aggregator = NewAggregator();
  ASSERT_THAT(Record(*aggregator, NvidiaDocument("j", "a")), IsOk());
  ASSERT_THAT(Record(*aggregator, NvidiaDocument("j", "b")), IsOk());
  v1::EntityDocumentsRequest request;
  request.set_job_id("j");
  request.set_canonical("엔비디아");
  request.set_type(v1::ENTITY_TYPE_ORGANIZATION);
  absl::StatusOr<v1::EntityDocumentsResponse> documents =
      aggregator->ListEntityDocuments(request);
  ASSERT_THAT(documents.status(), IsOk());
  ASSERT_EQ(documents->documents_size(), 2);
  EXPECT_EQ(documents->documents(0).document_id(), "a");
  EXPECT_EQ(documents->documents(1).document_id(), "b");
}

// "올트먼이 구글 출신들과 1억8000만달러를 투자했다.": the attribution names
// 올트먼, so 구글 (same sentence) gets nothing.
TEST(Aggregator, CreditsMoneyToTheAttributedEntityOnly) {
  std::unique_ptr<Aggregator> aggregator = NewAggregator();
  v1::StageRequest request;
  request.set_job_id("j");
  v1::DocumentResult* result = request.mutable_result();
  result->set_id("altman");
  const std::string text = "올트먼이 구글 출신들과 1억8000만달러를 투자했다.";
  result->set_text(text);
  result->add_sentences()->set_end(text.size());
  for (const auto& [name, type] :
       {std::pair<std::string, v1::EntityType>{"올트먼", v1::ENTITY_TYPE_PERSON},
        {"구글", v1::ENTITY_TYPE_ORGANIZATION}}) {
    v1::Entity* e = result->add_entities();
    e->set_begin(text.find(name));
    e->set_end(text.find(name) + name.size());
    e->set_canonical(name);
    e->set_type(type);
  }
  v1::Amount* amount = result->add_amounts();
  amount->set_begin(text.find("1억"));
  amount->set_end(text.find("를 투자"));
  amount->set_kind(v1::AMOUNT_KIND_MONEY);
  amount->set_value("180000000");
  amount->set_currency("USD");
  v1::AmountAttribution* attribution = result->add_attributions();
  attribution->set_amount_index(0);
  attribution->set_entity_index(0);
  attribution->set_canonical("올트먼");
  attribution->set_relation(v1::AMOUNT_RELATION_INVEST);
  ASSERT_THAT(Record(*aggregator, request), IsOk());
  absl::StatusOr<v1::CorpusView> view = aggregator->GetView(ViewOf("j"));
  ASSERT_THAT(view.status(), IsOk());
  ASSERT_EQ(view->amounts_by_entity_size(), 1);
  EXPECT_EQ(view->amounts_by_entity(0).canonical(), "올트먼");
  EXPECT_EQ(view->amounts_by_entity(0).amounts(0).relation(), "invest");
  EXPECT_EQ(view->amounts_by_entity(0).totals(0).total(), "180000000");
}

// A share price is a level: listed under its entity, not added to the
// money the entity invested.
TEST(Aggregator, ListsButDoesNotSumPricesAndMarketValues) {
  std::unique_ptr<Aggregator> aggregator = NewAggregator();
  v1::StageRequest request = StoryDocument(
      "j", "levels", "엔비디아가 20억달러를 투자했고 주가는 130달러, 시총은 3조달러다.",
      {"엔비디아"}, "20억달러", "2000000000");
  v1::DocumentResult* result = request.mutable_result();
  for (const auto& [money, value] : {std::pair<std::string, std::string>{"130달러", "130"},
                                     {"3조달러", "3000000000000"}}) {
    AddMoney(*result, money, value);
  }
  const v1::AmountRelation relations[] = {v1::AMOUNT_RELATION_INVEST, v1::AMOUNT_RELATION_PRICE,
                                          v1::AMOUNT_RELATION_MARKET_VALUE};
  for (int i = 0; i < 3; ++i) {
    v1::AmountAttribution* a = result->add_attributions();
    a->set_amount_index(i);
    a->set_entity_index(0);
    a->set_canonical("엔비디아");
    a->set_relation(relations[i]);
  }
  ASSERT_THAT(Record(*aggregator, request), IsOk());
  absl::StatusOr<v1::CorpusView> view = aggregator->GetView(ViewOf("j"));
  ASSERT_THAT(view.status(), IsOk());
  ASSERT_EQ(view->amounts_by_entity_size(), 1);
  const v1::EntityAmounts& nvidia = view->amounts_by_entity(0);
  ASSERT_EQ(nvidia.amounts_size(), 3);
  EXPECT_TRUE(nvidia.amounts(0).summed());
  EXPECT_FALSE(nvidia.amounts(1).summed());
  EXPECT_FALSE(nvidia.amounts(2).summed());
  ASSERT_EQ(nvidia.totals_size(), 1);
  EXPECT_EQ(nvidia.totals(0).total(), "2000000000");
  EXPECT_EQ(nvidia.totals(0).amounts(), 1u);
}

// EPS is profit per share: listed under the company, never added to its
// profit (the attribution marks the cue per_unit).
TEST(Aggregator, ListsButDoesNotSumPerShareFigures) {
  std::unique_ptr<Aggregator> aggregator = NewAggregator();
  v1::StageRequest request = StoryDocument(
      "j", "eps", "엔비디아의 순이익은 20억달러, 주당순이익은 2달러다.", {"엔비디아"}, "20억달러",
      "2000000000");
  v1::DocumentResult* result = request.mutable_result();
  AddMoney(*result, "2달러", "2");
  for (int i = 0; i < 2; ++i) {
    v1::AmountAttribution* a = result->add_attributions();
    a->set_amount_index(i);
    a->set_entity_index(0);
    a->set_canonical("엔비디아");
    a->set_relation(v1::AMOUNT_RELATION_PROFIT_LOSS);
    a->set_per_unit(i == 1);
  }
  ASSERT_THAT(Record(*aggregator, request), IsOk());
  absl::StatusOr<v1::CorpusView> view = aggregator->GetView(ViewOf("j"));
  ASSERT_THAT(view.status(), IsOk());
  ASSERT_EQ(view->amounts_by_entity_size(), 1);
  const v1::EntityAmounts& nvidia = view->amounts_by_entity(0);
  ASSERT_EQ(nvidia.amounts_size(), 2);
  EXPECT_TRUE(nvidia.amounts(0).summed());
  EXPECT_FALSE(nvidia.amounts(1).summed());
  ASSERT_EQ(nvidia.totals_size(), 1);
  EXPECT_EQ(nvidia.totals(0).total(), "2000000000");
}

// Two rewrites of one wire story: other words, same parties and sum.
TEST(Aggregator, GroupsRewritesOfOneStoryAndKeepsThemAcrossARestart) {
  const std::string store =
      absl::StrCat("sqlite:", ::testing::TempDir(), "/stories.db");
  auto rewrite = [](const std::string& id, const std::string& text) {
    v1::StageRequest request = NvidiaDocument("j", id);
    v1::DocumentResult* result = request.mutable_result();
    result->set_text(text);
    result->mutable_sentences(0)->set_end(text.size());
    const size_t at = text.find("20억달러");
    result->mutable_amounts(0)->set_begin(at);
    result->mutable_amounts(0)->set_end(at + std::string("20억달러").size());
    v1::Entity* other = result->add_entities();
    other->set_begin(text.find("오픈AI"));
    other->set_end(text.find("오픈AI") + std::string("오픈AI").size());
    other->set_canonical("오픈AI");
    other->set_type(v1::ENTITY_TYPE_ORGANIZATION);
    return request;
  };
  {
    std::unique_ptr<Aggregator> aggregator = NewAggregator(store);
    ASSERT_THAT(Record(*aggregator,
                       rewrite("wire", "엔비디아가 오픈AI에 20억달러를 투자했다.")),
                IsOk());
    ASSERT_THAT(Record(*aggregator, NvidiaDocument("j", "unrelated")), IsOk());
    ASSERT_THAT(
        Record(*aggregator,
               rewrite("copy", "엔비디아는 25일 오픈AI 지분에 20억달러를 넣기로 했다.")),
        IsOk());
  }
  std::unique_ptr<Aggregator> restarted = NewAggregator(store);
  absl::StatusOr<v1::CorpusView> view = restarted->GetView(ViewOf("j"));
  ASSERT_THAT(view.status(), IsOk());
  ASSERT_EQ(view->story_clusters_size(), 1);
  EXPECT_EQ(view->story_clusters(0).story_id(), "j/wire");
  EXPECT_THAT(view->story_clusters(0).document_ids(), ElementsAre("wire", "copy"));
}

// Jobs number their documents alike (doc-1, doc-2 ...): two jobs' different
// stories that both start at doc-1 stay two stories in a view of all jobs,
// with the same ids after a restart.
TEST(Aggregator, StoryIdsAreUniqueAcrossJobsAndStableAcrossRestarts) {
  const std::string store = absl::StrCat("sqlite:", ::testing::TempDir(), "/story_ids.db");
  const auto nvidia = [](const std::string& job, const std::string& id, const std::string& text) {
    return StoryDocument(job, id, text, {"엔비디아", "오픈AI"}, "20억달러", "2000000000");
  };
  const auto kakao = [](const std::string& job, const std::string& id, const std::string& text) {
    return StoryDocument(job, id, text, {"카카오", "네이버"}, "7억달러", "700000000");
  };
  std::vector<std::string> before;
  {
    std::unique_ptr<Aggregator> aggregator = NewAggregator(store);
    ASSERT_THAT(Record(*aggregator, nvidia("a", "doc-1", "엔비디아가 오픈AI에 20억달러를 투자했다.")),
                IsOk());
    ASSERT_THAT(Record(*aggregator, nvidia("a", "doc-2", "오픈AI는 엔비디아에서 20억달러를 받는다.")),
                IsOk());
    ASSERT_THAT(Record(*aggregator, kakao("b", "doc-1", "카카오가 네이버와 7억달러 계약을 맺었다.")),
                IsOk());
    ASSERT_THAT(Record(*aggregator, kakao("b", "doc-2", "네이버는 카카오와 7억달러에 합의했다.")),
                IsOk());
    v1::GetViewRequest all;
    all.set_all_jobs(true);
    absl::StatusOr<v1::CorpusView> view = aggregator->GetView(all);
    ASSERT_THAT(view.status(), IsOk());
    ASSERT_EQ(view->story_clusters_size(), 2);
    for (const v1::StoryCluster& cluster : view->story_clusters()) {
      before.push_back(cluster.story_id());
      EXPECT_THAT(cluster.document_ids(), ElementsAre("doc-1", "doc-2"));
      ASSERT_EQ(cluster.job_ids_size(), 2);
      EXPECT_EQ(cluster.job_ids(0), cluster.job_ids(1)) << "a story of two jobs' documents";
    }
    EXPECT_THAT(before, ElementsAre("a/doc-1", "b/doc-1"));
  }
  std::unique_ptr<Aggregator> restarted = NewAggregator(store);
  // A new document of the first story after the restart joins it.
  ASSERT_THAT(Record(*restarted, nvidia("c", "doc-1", "엔비디아, 오픈AI에 20억달러 투자")), IsOk());
  v1::GetViewRequest all;
  all.set_all_jobs(true);
  absl::StatusOr<v1::CorpusView> view = restarted->GetView(all);
  ASSERT_THAT(view.status(), IsOk());
  ASSERT_EQ(view->story_clusters_size(), 2);
  EXPECT_EQ(view->story_clusters(0).story_id(), before[0]);
  EXPECT_THAT(view->story_clusters(0).job_ids(), ElementsAre("a", "a", "c"));
  EXPECT_EQ(view->story_clusters(1).story_id(), before[1]);
}

}  // namespace
}  // namespace aggregator
}  // namespace gleaner
