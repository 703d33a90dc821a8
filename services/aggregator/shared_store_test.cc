// Several aggregators sharing one PostgreSQL store (docs/store.md): each
// keeps story clusters in memory, and they must agree on every story id, as
// if one aggregator had seen every document in the store's arrival order.
// The aggregators here have nothing in common but the server (each its own
// connection), as two processes would; the server is a real one on
// loopback (PostgresTestServer).
#include <cctype>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/aggregator/aggregator.h"
#include "services/aggregator/story_test_documents.h"
#include "services/common/status_matchers.h"
#include "services/store/database.h"
#include "services/store/postgres_test_server.h"

namespace gleaner {
namespace aggregator {
namespace {

using ::gleaner::testing::IsOk;
using ::testing::ElementsAre;

v1::StageRequest Nvidia(const std::string& job, const std::string& id) {
  return StoryDocument(job, id, absl::StrCat("엔비디아가 오픈AI에 20억달러를 투자했다 (", id, ")."),
                       {"엔비디아", "오픈AI"}, "20억달러", "2000000000");
}

v1::StageRequest Kakao(const std::string& job, const std::string& id) {
  return StoryDocument(job, id, absl::StrCat("카카오가 네이버와 7억달러 계약을 맺었다 (", id, ")."),
                       {"카카오", "네이버"}, "7억달러", "700000000");
}

absl::Status Record(Aggregator& aggregator, const v1::StageRequest& request) {
  v1::StageResponse response;
  return aggregator.Process({request.job_id(), request.result()}, &response);
}

class SharedStoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<store::PostgresTestServer>> server =
        store::PostgresTestServer::Start();
    ASSERT_THAT(server.status(), IsOk());
    server_ = server->release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // A fresh schema on the server for this test; every aggregator opened
  // with the returned store flag shares it.
  std::string Store() {
    const std::string schema = absl::StrCat(
        "t_", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string lowered;
    for (char c : schema) lowered += std::isalnum(c) ? std::tolower(c) : '_';
    auto admin = store::OpenDatabase(server_->url());
    EXPECT_THAT(admin.status(), IsOk());
    EXPECT_THAT((*admin)->Transaction([&](store::SqlSession& s) {
      return s.Execute(absl::StrCat("CREATE SCHEMA IF NOT EXISTS ", lowered));
    }),
                IsOk());
    return absl::StrCat(server_->url(), " options='-c search_path=", lowered, "'");
  }

  static std::unique_ptr<Aggregator> Open(const std::string& store) {
    AggregatorOptions options;
    options.store = store;
    absl::StatusOr<std::unique_ptr<Aggregator>> aggregator = Aggregator::Create(options);
    EXPECT_THAT(aggregator.status(), IsOk());
    return aggregator.ok() ? *std::move(aggregator) : nullptr;
  }

  static std::vector<v1::StoryCluster> Stories(Aggregator& aggregator) {
    v1::GetViewRequest all;
    all.set_all_jobs(true);
    absl::StatusOr<v1::CorpusView> view = aggregator.GetView(all);
    EXPECT_THAT(view.status(), IsOk());
    if (!view.ok()) return {};
    return {view->story_clusters().begin(), view->story_clusters().end()};
  }

  static store::PostgresTestServer* server_;
};

store::PostgresTestServer* SharedStoreTest::server_ = nullptr;

std::string Describe(const std::vector<v1::StoryCluster>& stories) {
  std::string out;
  for (const v1::StoryCluster& s : stories) absl::StrAppend(&out, s.ShortDebugString(), "\n");
  return out;
}

// A story one aggregator began is the story another aggregator's rewrite
// joins, under the first one's id, in both aggregators' views.
TEST_F(SharedStoreTest, AStoryBegunByOneAggregatorIsJoinedThroughAnother) {
  const std::string store = Store();
  std::unique_ptr<Aggregator> first = Open(store);
  std::unique_ptr<Aggregator> second = Open(store);
  ASSERT_TRUE(first != nullptr && second != nullptr);
  ASSERT_THAT(Record(*first, Nvidia("a", "doc-1")), IsOk());
  ASSERT_THAT(Record(*second, Nvidia("b", "doc-1")), IsOk());
  ASSERT_THAT(Record(*first, Kakao("a", "doc-2")), IsOk());
  for (Aggregator* aggregator : {first.get(), second.get()}) {
    const std::vector<v1::StoryCluster> stories = Stories(*aggregator);
    ASSERT_EQ(stories.size(), 1u) << Describe(stories);
    EXPECT_EQ(stories[0].story_id(), "a/doc-1");
    EXPECT_THAT(stories[0].job_ids(), ElementsAre("a", "b"));
    EXPECT_THAT(stories[0].document_ids(), ElementsAre("doc-1", "doc-1"));
  }
}

// Two aggregators recording at once, interleaved as the threads happen to
// run: both serve the same story clusters, and so does a third opened
// afterwards (which only replays the store), and every document has its own
// arrival number.
TEST_F(SharedStoreTest, ConcurrentAggregatorsAgreeOnEveryStoryId) {
  const std::string store = Store();
  std::unique_ptr<Aggregator> first = Open(store);
  std::unique_ptr<Aggregator> second = Open(store);
  ASSERT_TRUE(first != nullptr && second != nullptr);
  constexpr int kDocumentsPerJob = 12;
  const auto feed = [](Aggregator* aggregator, std::string job) {
    for (int i = 0; i < kDocumentsPerJob; ++i) {
      const std::string id = absl::StrCat("doc-", i);
      EXPECT_THAT(Record(*aggregator, i % 2 == 0 ? Nvidia(job, id) : Kakao(job, id)), IsOk());
    }
  };
  std::thread a(feed, first.get(), "a");
  std::thread b(feed, second.get(), "b");
  a.join();
  b.join();

  const std::vector<v1::StoryCluster> by_first = Stories(*first);
  ASSERT_EQ(by_first.size(), 2u) << Describe(by_first);
  for (const v1::StoryCluster& story : by_first) {
    EXPECT_EQ(story.document_ids_size(), kDocumentsPerJob) << story.ShortDebugString();
  }
  EXPECT_EQ(Describe(Stories(*second)), Describe(by_first));
  std::unique_ptr<Aggregator> replayed = Open(store);
  ASSERT_NE(replayed, nullptr);
  EXPECT_EQ(Describe(Stories(*replayed)), Describe(by_first));

  auto database = store::OpenDatabase(store);
  ASSERT_THAT(database.status(), IsOk());
  EXPECT_THAT((*database)->Transaction([](store::SqlSession& s) -> absl::Status {
    absl::StatusOr<std::vector<store::SqlRow>> rows =
        s.Query("SELECT COUNT(*), COUNT(DISTINCT arrival) FROM documents");
    if (!rows.ok()) return rows.status();
    EXPECT_EQ((*rows)[0][0], absl::StrCat(2 * kDocumentsPerJob));
    EXPECT_EQ((*rows)[0][1], (*rows)[0][0]) << "two documents share an arrival";
    return absl::OkStatus();
  }),
              IsOk());
}

}  // namespace
}  // namespace aggregator
}  // namespace gleaner
