// The aggregator's per-document work is linear in the page: an 8 MB page of
// repeated sentences costs about 8 times a 1 MB one (a nested loop over
// amounts, sentences and entities cost 64 times, and 56 s on the 8 MB page).
// Measured as a ratio, not a wall-clock limit.
#include <algorithm>
#include <atomic>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "services/aggregator/aggregator.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace aggregator {
namespace {

using ::gleaner::testing::IsOk;

// About `bytes` of one sentence repeated, with its two organisations and
// its amount marked as the extract stage would.
v1::DocumentResult RepeatedPage(const std::string& id, size_t bytes) {
  const std::string sentence = "엔비디아가 오픈AI와 20억달러 규모 계약을 맺었다. ";
  const std::string nvidia = "엔비디아", openai = "오픈AI", money = "20억달러";
  v1::DocumentResult result;
  result.set_id(id);
  std::string text;
  while (text.size() + sentence.size() <= bytes) {
    const uint32_t at = text.size();
    text += sentence;
    v1::SentenceSpan* span = result.add_sentences();
    span->set_begin(at);
    span->set_end(at + sentence.size() - 1);
    for (const std::string* name : {&nvidia, &openai}) {
      const uint32_t begin = at + sentence.find(*name);
      v1::Entity* entity = result.add_entities();
      entity->set_begin(begin);
      entity->set_end(begin + name->size());
      entity->set_canonical(*name);
      entity->set_type(v1::ENTITY_TYPE_ORGANIZATION);
    }
    const uint32_t begin = at + sentence.find(money);
    v1::Amount* amount = result.add_amounts();
    amount->set_begin(begin);
    amount->set_end(begin + money.size());
    amount->set_kind(v1::AMOUNT_KIND_MONEY);
    amount->set_value("2000000000");
    amount->set_currency("USD");
  }
  result.set_text(text);
  result.mutable_duplicate()->set_kind(v1::DUPLICATE_KIND_UNIQUE);
  return result;
}

// The best of three: other builds share the machine.
absl::Duration TimeToRecord(Aggregator& aggregator, const v1::DocumentResult& page) {
  absl::Duration best = absl::InfiniteDuration();
  for (int run = 0; run < 3; ++run) {
    const std::string job = absl::StrCat("job-", page.text().size(), "-", run);
    v1::StageResponse response;
    const absl::Time start = absl::Now();
    EXPECT_THAT(aggregator.Process({job, page}, &response), IsOk());
    best = std::min(best, absl::Now() - start);
  }
  return best;
}

TEST(AggregatorScaling, An8MegabytePageCostsAbout8TimesA1MegabytePage) {
  AggregatorOptions options;
  options.store = absl::StrCat("sqlite:", ::testing::TempDir(), "/scaling.db");
  absl::StatusOr<std::unique_ptr<Aggregator>> aggregator =
      Aggregator::Create(options);
  ASSERT_THAT(aggregator.status(), IsOk());
  const v1::DocumentResult small = RepeatedPage("small", 1 << 20);
  const v1::DocumentResult large = RepeatedPage("large", 8 << 20);
  const absl::Duration t1 = TimeToRecord(**aggregator, small);
  const absl::Duration t8 = TimeToRecord(**aggregator, large);
  const double ratio = absl::FDivDuration(t8, t1);
  std::cout << "1 MB: " << t1 << ", 8 MB: " << t8 << ", ratio " << ratio
            << std::endl;
  // Linear is 8, measured 7 to 12 (an 8 MB page no longer fits the
  // caches); quadratic would be 64.
  EXPECT_LT(ratio, 24.0);

  // The large page's facts are all counted, totals exact.
  v1::GetViewRequest request;
  request.set_job_id(absl::StrCat("job-", large.text().size(), "-0"));
  absl::StatusOr<v1::CorpusView> view = (*aggregator)->GetView(request);
  ASSERT_THAT(view.status(), IsOk());
  ASSERT_EQ(view->entity_counts_size(), 2);
  EXPECT_EQ(view->entity_counts(0).mentions(), large.sentences_size());
  ASSERT_EQ(view->amounts_by_entity_size(), 2);
  EXPECT_EQ(view->amounts_by_entity(0).totals(0).total(),
            absl::StrCat(large.amounts_size() * 2, "000000000"));
}

// Issue 14: while one 8 MB page was aggregated under a global lock, another
// client's small documents waited for it (66 s instead of 1 s). Small
// documents of another job, recorded one after another for as long as the
// large page takes, must each take a small fraction of its time.
TEST(AggregatorScaling, ALargePageDoesNotHoldUpAnotherJob) {
  AggregatorOptions options;
  options.store =
      absl::StrCat("sqlite:", ::testing::TempDir(), "/concurrent.db");
  absl::StatusOr<std::unique_ptr<Aggregator>> aggregator =
      Aggregator::Create(options);
  ASSERT_THAT(aggregator.status(), IsOk());
  const v1::DocumentResult large = RepeatedPage("large", 8 << 20);
  std::atomic<bool> large_done{false};
  absl::Duration large_time;
  std::thread large_job([&] {
    v1::StageResponse response;
    const absl::Time start = absl::Now();
    EXPECT_THAT((*aggregator)->Process({"job-large", large}, &response),
                IsOk());
    large_time = absl::Now() - start;
    large_done = true;
  });
  absl::Duration slowest;
  int small_documents = 0;
  while (!large_done) {
    const v1::DocumentResult small =
        RepeatedPage(absl::StrCat("small-", small_documents), 200);
    v1::StageResponse response;
    const absl::Time start = absl::Now();
    EXPECT_THAT((*aggregator)->Process({"job-small", small}, &response),
                IsOk());
    slowest = std::max(slowest, absl::Now() - start);
    ++small_documents;
  }
  large_job.join();
  const double share = absl::FDivDuration(slowest, large_time);
  std::cout << "8 MB page: " << large_time << "; meanwhile " << small_documents
            << " small documents of another job, the slowest " << slowest
            << " (" << share << " of the large page)" << std::endl;
  // A lock held across the large page makes one small document wait for
  // nearly all of it (share near 1). The digest is computed outside any
  // lock; what other jobs still wait for is the large page's one store
  // transaction (a row per attributed amount: measured 0.45 to 0.6 of the
  // page's time on SQLite, whose writes are serialised anyway).
  EXPECT_GT(small_documents, 1);
  EXPECT_LT(share, 0.8);
}

}  // namespace
}  // namespace aggregator
}  // namespace gleaner
