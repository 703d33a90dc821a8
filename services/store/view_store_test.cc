// One suite, two backends: every test runs against SQLite (a file) and
// against a real PostgreSQL server started for the suite on loopback.
#include "services/store/view_store.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "services/store/postgres_test_server.h"

namespace gleaner {
namespace store {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;

struct Mention {
  std::string text;  // as written in the sentence
  v1::EntityType type = v1::ENTITY_TYPE_ORGANIZATION;
};
struct Money {
  std::string text, value, currency;
  bool conversion = false;  // converts the amount before it
};
struct Sentence {
  std::string text;
  std::vector<Mention> entities;
  std::vector<Money> amounts;
};

// A document result as the pipeline would hand it to the aggregator.
v1::DocumentResult Doc(const std::string& id, const std::string& publisher,
                       const std::string& day,
                       const std::vector<Sentence>& sentences) {
  v1::DocumentResult result;
  result.set_id(id);
  result.set_source(absl::StrCat("https://", publisher, ".example/", id));
  if (!day.empty()) {
    result.mutable_page()->mutable_published()->set_value(day + "T09:00:00+09:00");
  }
  std::string text;
  for (const Sentence& s : sentences) {
    const uint32_t begin = text.size();
    text += s.text;
    v1::SentenceSpan* span = result.add_sentences();
    span->set_begin(begin);
    span->set_end(text.size());
    for (const Mention& m : s.entities) {
      const size_t at = s.text.find(m.text);
      v1::Entity* e = result.add_entities();
      e->set_begin(begin + at);
      e->set_end(begin + at + m.text.size());
      e->set_text(m.text);
      e->set_canonical(m.text);
      e->set_type(m.type);
    }
    for (const Money& a : s.amounts) {
      const size_t at = s.text.find(a.text);
      const int previous = result.amounts_size() - 1;
      v1::Amount* amount = result.add_amounts();
      amount->set_begin(begin + at);
      amount->set_end(begin + at + a.text.size());
      amount->set_text(a.text);
      amount->set_kind(v1::AMOUNT_KIND_MONEY);
      amount->set_value(a.value);
      amount->set_currency(a.currency);
      if (a.conversion) amount->set_conversion_of(previous);
    }
    text += " ";
  }
  result.set_text(text);
  result.mutable_duplicate()->set_kind(v1::DUPLICATE_KIND_UNIQUE);
  return result;
}

// Three documents: two with money, one exact duplicate.
std::vector<v1::DocumentResult> BatchA() {
  std::vector<v1::DocumentResult> docs;
  docs.push_back(Doc("a1", "hankyung", "2025-11-25",
                     {{"엔비디아가 오픈AI에 1000억달러를 투자한다.",
                       {{"엔비디아"}, {"오픈AI"}},
                       {{"1000억달러", "100000000000", "USD"}}},
                      {"젠슨 황이 말했다.", {{"젠슨 황", v1::ENTITY_TYPE_PERSON}}, {}}}));
  docs.push_back(Doc("a2", "etnews", "2025-11-26",
                     {{"엔비디아 매출은 0.1달러와 0.2달러(약 400원)였다.",
                       {{"엔비디아"}},
                       {{"0.1달러", "0.1", "USD"},
                        {"0.2달러", "0.2", "USD"},
                        {"약 400원", "400", "KRW", true}}}}));
  v1::DocumentResult copy = docs[0];
  copy.set_id("a3");
  copy.mutable_duplicate()->set_kind(v1::DUPLICATE_KIND_EXACT);
  copy.mutable_duplicate()->set_duplicate_of("a1");
  copy.mutable_duplicate()->set_cluster_id("a1");
  docs.push_back(copy);
  return docs;
}

std::vector<v1::DocumentResult> BatchB() {
  std::vector<v1::DocumentResult> docs;
  docs.push_back(Doc("b1", "hankyung", "2025-11-27",
                     {{"엔비디아가 99999999999999999999.5달러를 썼다.",
                       {{"엔비디아"}},
                       {{"99999999999999999999.5달러",
                         "99999999999999999999.5", "USD"}}},
                      {"오픈AI와 엔비디아.", {{"오픈AI"}, {"엔비디아"}}, {}}}));
  v1::DocumentResult near = docs[0];
  near.set_id("b2");
  near.mutable_duplicate()->set_kind(v1::DUPLICATE_KIND_NEAR);
  near.mutable_duplicate()->set_duplicate_of("a1");
  near.mutable_duplicate()->set_cluster_id("a1");
  docs.push_back(near);
  return docs;
}

class ViewStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  // One server for the suite, started by the first PostgreSQL test.
  void SetUp() override {
    if (GetParam() != "postgresql" || server_ != nullptr) return;
    absl::StatusOr<std::unique_ptr<PostgresTestServer>> server =
        PostgresTestServer::Start();
    ASSERT_THAT(server.status(), IsOk());
    server_ = server->release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // A fresh, empty store of the backend under test; `name` picks it so a
  // test can reopen the same one.
  std::string Url(const std::string& name) {
    std::string lowered = absl::StrCat(
        "t_", ::testing::UnitTest::GetInstance()->current_test_info()->name(),
        "_", name);
    for (char& c : lowered) c = std::isalnum(c) ? std::tolower(c) : '_';
    if (GetParam() == "sqlite") {
      return absl::StrCat("sqlite:", ::testing::TempDir(), "/", lowered, ".db");
    }
    auto admin = OpenDatabase(server_->url());
    EXPECT_THAT(admin.status(), IsOk());
    EXPECT_THAT((*admin)->Transaction([&](SqlSession& s) {
      return s.Execute(absl::StrCat("CREATE SCHEMA IF NOT EXISTS ", lowered));
    }),
                IsOk());
    return absl::StrCat(server_->url(), " options='-c search_path=", lowered,
                        "'");
  }

  std::unique_ptr<ViewStore> Open(const std::string& name) {
    absl::StatusOr<std::unique_ptr<ViewStore>> store = ViewStore::Open(Url(name));
    EXPECT_THAT(store.status(), IsOk());
    return store.ok() ? *std::move(store) : nullptr;
  }

  static void RecordAll(ViewStore& store, const std::string& job,
                        const std::vector<v1::DocumentResult>& docs) {
    for (const v1::DocumentResult& doc : docs) {
      absl::StatusOr<aggregator::DocumentDigest> digest =
          aggregator::DigestDocument(doc, {});
      ASSERT_THAT(digest.status(), IsOk());
      absl::StatusOr<bool> fresh = store.Record(job, *digest, doc);
      ASSERT_THAT(fresh.status(), IsOk());
      EXPECT_TRUE(*fresh) << doc.id();
    }
  }

  static v1::CorpusView View(ViewStore& store, const std::string& job,
                             bool all_jobs = false) {
    v1::GetViewRequest request;
    request.set_job_id(job);
    request.set_all_jobs(all_jobs);
    absl::StatusOr<v1::CorpusView> view = store.View(request);
    EXPECT_THAT(view.status(), IsOk());
    return view.ok() ? *view : v1::CorpusView();
  }

  static PostgresTestServer* server_;
};

PostgresTestServer* ViewStoreTest::server_ = nullptr;

const v1::EntityAmounts* AmountsOf(const v1::CorpusView& view,
                                   const std::string& name) {
  for (const auto& e : view.amounts_by_entity()) {
    if (e.canonical() == name) return &e;
  }
  return nullptr;
}

TEST_P(ViewStoreTest, CountsEntitiesOutsideDuplicatesAndSumsExactly) {
  auto store = Open("s");
  RecordAll(*store, "job-a", BatchA());
  RecordAll(*store, "job-b", BatchB());
  v1::CorpusView view = View(*store, "", /*all_jobs=*/true);
  EXPECT_EQ(view.documents(), 5u);
  EXPECT_EQ(view.jobs(), 2u);
  ASSERT_GE(view.entity_counts_size(), 3);
  // a3 (exact) and b2 (near) are duplicates: not counted.
  EXPECT_EQ(view.entity_counts(0).canonical(), "엔비디아");
  EXPECT_EQ(view.entity_counts(0).mentions(), 4u);
  EXPECT_EQ(view.entity_counts(0).documents(), 3u);
  const v1::EntityAmounts* nvidia = AmountsOf(view, "엔비디아");
  ASSERT_NE(nvidia, nullptr);
  // 1000억 + 0.1 + 0.2 + 99999999999999999999.5; the KRW conversion is
  // listed but not summed.
  ASSERT_EQ(nvidia->totals_size(), 1);
  EXPECT_EQ(nvidia->totals(0).currency(), "USD");
  EXPECT_EQ(nvidia->totals(0).total(), "100000000099999999999.8");
  EXPECT_EQ(nvidia->totals(0).amounts(), 4u);
  EXPECT_EQ(nvidia->amounts_size(), 5);
  EXPECT_FALSE(nvidia->amounts(3).summed());
  EXPECT_EQ(nvidia->amounts(3).amount().currency(), "KRW");
}

TEST_P(ViewStoreTest, TwoBatchesEqualOneBatchHoldingBoth) {
  auto split = Open("split");
  RecordAll(*split, "job-a", BatchA());
  RecordAll(*split, "job-b", BatchB());
  auto joined = Open("joined");
  std::vector<v1::DocumentResult> both = BatchA();
  for (auto& doc : BatchB()) both.push_back(doc);
  RecordAll(*joined, "job-ab", both);

  v1::CorpusView across = View(*split, "", true);
  v1::CorpusView one = View(*joined, "job-ab");
  one.clear_job_id();
  EXPECT_EQ(across.jobs(), 2u);
  EXPECT_EQ(one.jobs(), 1u);
  // Jobs are counted, and amount entries name their job; nothing else may
  // differ.
  for (auto* view : {&across, &one}) {
    view->clear_jobs();
    for (auto& e : *view->mutable_amounts_by_entity()) {
      for (auto& a : *e.mutable_amounts()) a.clear_job_id();
    }
  }
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(across, one)) << difference;
  EXPECT_GT(across.co_occurrences_size(), 0);
  EXPECT_GT(across.duplicate_clusters_size(), 0);
}

TEST_P(ViewStoreTest, ClustersHaveMembersAndRepresentative) {
  auto store = Open("s");
  RecordAll(*store, "job-a", BatchA());
  RecordAll(*store, "job-b", BatchB());
  v1::CorpusView view = View(*store, "", true);
  ASSERT_EQ(view.duplicate_clusters_size(), 1);
  EXPECT_EQ(view.duplicate_clusters(0).representative(), "a1");
  EXPECT_THAT(view.duplicate_clusters(0).document_ids(),
              ElementsAre("a1", "a3", "b2"));
}

TEST_P(ViewStoreTest, FiltersBySourceAndDay) {
  auto store = Open("s");
  RecordAll(*store, "job-a", BatchA());
  RecordAll(*store, "job-b", BatchB());
  v1::GetViewRequest request;
  request.set_all_jobs(true);
  request.set_source("hankyung.example");
  absl::StatusOr<v1::CorpusView> view = store->View(request);
  ASSERT_THAT(view.status(), IsOk());
  // a1, a3 (copy of a1), b1, b2.
  EXPECT_EQ(view->documents(), 4u);
  ASSERT_EQ(view->source_counts_size(), 1);
  EXPECT_EQ(view->source_counts(0).duplicates(), 2u);

  request.clear_source();
  request.set_published_from("2025-11-26");
  request.set_published_to("2025-11-26");
  view = store->View(request);
  ASSERT_THAT(view.status(), IsOk());
  EXPECT_EQ(view->documents(), 1u);
  const v1::EntityAmounts* nvidia = AmountsOf(*view, "엔비디아");
  ASSERT_NE(nvidia, nullptr);
  EXPECT_EQ(nvidia->totals(0).total(), "0.3");

  request.set_published_from("2025-13-1");
  EXPECT_THAT(store->View(request).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
}

TEST_P(ViewStoreTest, CountsCoOccurrenceBySentenceAndDocument) {
  auto store = Open("s");
  RecordAll(*store, "job-a", BatchA());
  RecordAll(*store, "job-b", BatchB());
  v1::CorpusView view = View(*store, "", true);
  bool found = false;
  for (const v1::CoOccurrence& pair : view.co_occurrences()) {
    if (pair.canonical_a() == "엔비디아" && pair.canonical_b() == "오픈AI") {
      found = true;
      EXPECT_EQ(pair.same_sentence(), 2u);  // a1 once, b1 once
      EXPECT_EQ(pair.same_document(), 2u);
    }
  }
  EXPECT_TRUE(found);
}

TEST_P(ViewStoreTest, ListsTheTopPairsByDocumentsThenSentencesThenNames) {
  auto store = Open("pairs");
  RecordAll(*store, "job",
            {Doc("p1", "hankyung", "", {{"가 나 다.", {{"가"}, {"나"}, {"다"}}, {}}}),
             Doc("p2", "hankyung", "",
                 {{"가 나.", {{"가"}, {"나"}}, {}}, {"다 라.", {{"다"}, {"라"}}, {}}})});
  v1::GetViewRequest request;
  request.set_job_id("job");
  request.set_top_pairs(4);
  absl::StatusOr<v1::CorpusView> view = store->View(request);
  ASSERT_THAT(view.status(), IsOk());
  std::vector<std::string> pairs;
  for (const v1::CoOccurrence& pair : view->co_occurrences()) {
    pairs.push_back(absl::StrCat(pair.canonical_a(), pair.canonical_b(), " ",
                                 pair.same_document(), "/", pair.same_sentence()));
  }
  // Left out: 가라 and 나라 (one document, no sentence).
  EXPECT_THAT(pairs, ElementsAre("가나 2/2", "가다 2/1", "나다 2/1", "다라 1/1"));
}

TEST_P(ViewStoreTest, RetriesAreNotCountedTwiceAndReleasedJobsRefuse) {
  auto store = Open("s");
  RecordAll(*store, "job-a", BatchA());
  const v1::DocumentResult doc = BatchA()[0];
  auto digest = aggregator::DigestDocument(doc, {});
  ASSERT_THAT(digest.status(), IsOk());
  absl::StatusOr<bool> again = store->Record("job-a", *digest, doc);
  ASSERT_THAT(again.status(), IsOk());
  EXPECT_FALSE(*again);
  EXPECT_EQ(View(*store, "job-a").documents(), 3u);
  ASSERT_THAT(store->Release("job-a"), IsOk());
  EXPECT_THAT(store->Record("job-a", *digest, doc).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, ::testing::_));
  EXPECT_EQ(View(*store, "job-a").documents(), 3u);  // the view stays
  v1::GetViewRequest unknown;
  unknown.set_job_id("job-z");
  EXPECT_THAT(store->View(unknown).status(),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
}

TEST_P(ViewStoreTest, ReopeningKeepsEverything) {
  v1::CorpusView before;
  {
    auto store = Open("kept");
    RecordAll(*store, "job-a", BatchA());
    before = View(*store, "job-a");
  }
  auto reopened = Open("kept");
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(before, View(*reopened, "job-a")))
      << difference;
  EXPECT_EQ(before.documents(), 3u);
}

TEST_P(ViewStoreTest, FindsAnOriginalStoredByAnotherJob) {
  auto store = Open("s");
  RecordAll(*store, "job-a", BatchA());
  const v1::DocumentResult original = BatchA()[0];
  v1::StoredOrigin origin;
  auto found = store->FindOriginal("job-b", "a1", original.text(), &origin);
  ASSERT_THAT(found.status(), IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->entities_size(), original.entities_size());
  EXPECT_EQ(origin.job_id(), "job-a");
  // Not from its own job, and never for a different text.
  found = store->FindOriginal("job-a", "a1", original.text(), &origin);
  ASSERT_THAT(found.status(), IsOk());
  EXPECT_FALSE(found->has_value());
  found = store->FindOriginal("job-b", "a1", "other text", &origin);
  ASSERT_THAT(found.status(), IsOk());
  EXPECT_FALSE(found->has_value());
}

TEST_P(ViewStoreTest, ListsTheDocumentsMentioningAnEntity) {
  auto store = Open("s");
  RecordAll(*store, "job-a", BatchA());
  RecordAll(*store, "job-b", BatchB());
  v1::EntityDocumentsRequest request;
  request.set_all_jobs(true);
  request.set_canonical("오픈AI");
  request.set_type(v1::ENTITY_TYPE_ORGANIZATION);
  auto response = store->EntityDocuments(request);
  ASSERT_THAT(response.status(), IsOk());
  ASSERT_EQ(response->documents_size(), 2);
  EXPECT_EQ(response->documents(0).document_id(), "a1");
  EXPECT_EQ(response->documents(1).document_id(), "b1");
  EXPECT_EQ(response->documents(1).job_id(), "job-b");
  EXPECT_EQ(response->documents(1).day(), "2025-11-27");
}

INSTANTIATE_TEST_SUITE_P(Backends, ViewStoreTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace store
}  // namespace gleaner
