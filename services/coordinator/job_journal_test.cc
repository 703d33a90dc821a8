#include "services/coordinator/job_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

class JobJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = absl::StrCat(::testing::TempDir(), "/journal-XXXXXX");
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    options_.dir = tmpl;
  }

  v1::JournalJobStarted Started(const std::string& id, const std::string& owner = "") {
    v1::JournalJobStarted started;
    started.set_job_id(id);
    started.set_owner(owner);
    started.mutable_options()->set_include_corpus_view(true);
    started.set_started_unix_ms(1000);
    return started;
  }

  static v1::DocumentResult Result(const std::string& id, bool failed, bool aggregated) {
    v1::DocumentResult result;
    result.set_id(id);
    result.add_sentences();
    result.add_sentences();
    if (failed) result.add_errors()->set_stage(v1::STAGE_EXTRACT);
    if (aggregated) result.add_completed_stages(v1::STAGE_AGGREGATE);
    return result;
  }

  std::string Path(const std::string& id) { return options_.dir + "/" + id + ".journal"; }

  JobJournalOptions options_;
};

TEST(CheckJobId, RefusesPathsAndAcceptsJobIds) {
  EXPECT_THAT(CheckJobId("job-1700000000000-1"), IsOk());
  EXPECT_THAT(CheckJobId("../../etc/passwd"), StatusIs(absl::StatusCode::kInvalidArgument,
                                                       HasSubstr("is not a job id")));
  EXPECT_THAT(CheckJobId(".hidden"), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("")));
  EXPECT_THAT(CheckJobId(""), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("")));
  EXPECT_THAT(CheckJobId(std::string(129, 'a')),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("")));
}

TEST_F(JobJournalTest, ResumeReplaysWhatWasAdmittedAndDelivered) {
  {
    auto journal = JobJournal::Create(options_, Started("job-a", "client-1"));
    ASSERT_THAT(journal.status(), IsOk());
    ASSERT_THAT((*journal)->RecordAdmitted("d1", 10), IsOk());
    ASSERT_THAT((*journal)->RecordAdmitted("d2", 20), IsOk());
    ASSERT_THAT((*journal)->RecordAdmitted("d3", 30), IsOk());
    ASSERT_THAT((*journal)->RecordDelivered(Result("d1", false, true)), IsOk());
    ASSERT_THAT((*journal)->RecordDelivered(Result("d2", true, true)), IsOk());
  }  // the stream ends without finishing: the job waits to be resumed
  auto resumed = JobJournal::Resume(options_, "job-a");
  ASSERT_THAT(resumed.status(), IsOk());
  const JobLedger ledger = (*resumed)->ledger();
  EXPECT_EQ(ledger.started().owner(), "client-1");
  EXPECT_TRUE(ledger.started().options().include_corpus_view());
  EXPECT_EQ(ledger.admitted().size(), 3u);
  EXPECT_EQ(ledger.delivered().size(), 2u);
  EXPECT_FALSE(ledger.delivered().contains("d3"));  // admitted, undelivered
  EXPECT_FALSE(ledger.finished());
  const v1::BatchSummary summary = ledger.Summary(absl::FromUnixMillis(3000));
  EXPECT_EQ(summary.documents(), 3u);
  EXPECT_EQ(summary.failed_documents(), 1u);
  EXPECT_EQ(summary.sentences(), 4u);
  EXPECT_EQ(summary.input_bytes(), 60u);
  EXPECT_DOUBLE_EQ(summary.elapsed_seconds(), 2.0);
  EXPECT_EQ(ledger.aggregated_documents(), 2u);
}

TEST_F(JobJournalTest, ReprocessedDocumentCountsOnce) {
  auto journal = JobJournal::Create(options_, Started("job-b"));
  ASSERT_THAT(journal.status(), IsOk());
  ASSERT_THAT((*journal)->RecordDelivered(Result("d1", true, false)), IsOk());
  ASSERT_THAT((*journal)->RecordDelivered(Result("d1", false, true)), IsOk());
  const JobLedger ledger = (*journal)->ledger();
  EXPECT_EQ(ledger.Summary(absl::FromUnixMillis(1000)).documents(), 1u);
  EXPECT_EQ(ledger.Summary(absl::FromUnixMillis(1000)).failed_documents(), 0u);
  EXPECT_EQ(ledger.aggregated_documents(), 1u);
}

TEST_F(JobJournalTest, OneStreamHoldsAJobAtATime) {
  auto journal = JobJournal::Create(options_, Started("job-c"));
  ASSERT_THAT(journal.status(), IsOk());
  EXPECT_THAT(JobJournal::Resume(options_, "job-c").status(),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("still running")));
  std::string owner;
  auto status = JobJournal::ReadStatus(options_, "job-c", &owner);
  ASSERT_THAT(status.status(), IsOk());
  EXPECT_EQ(status->state(), v1::JobStatus::STATE_RUNNING);
  journal->reset();  // the stream ends: released
  EXPECT_THAT(JobJournal::Resume(options_, "job-c").status(), IsOk());
}

TEST_F(JobJournalTest, StatusFollowsTheJournal) {
  {
    auto journal = JobJournal::Create(options_, Started("job-d", "me"));
    ASSERT_THAT(journal.status(), IsOk());
    ASSERT_THAT((*journal)->RecordDelivered(Result("d1", false, true)), IsOk());
  }
  std::string owner;
  auto interrupted = JobJournal::ReadStatus(options_, "job-d", &owner);
  ASSERT_THAT(interrupted.status(), IsOk());
  EXPECT_EQ(interrupted->state(), v1::JobStatus::STATE_INTERRUPTED);
  EXPECT_EQ(interrupted->progress().completed(), 1u);
  EXPECT_EQ(owner, "me");
  {
    auto journal = JobJournal::Resume(options_, "job-d");
    ASSERT_THAT(journal.status(), IsOk());
    ASSERT_THAT((*journal)->RecordFinished(absl::FromUnixMillis(5000)), IsOk());
  }
  auto done = JobJournal::ReadStatus(options_, "job-d", &owner);
  ASSERT_THAT(done.status(), IsOk());
  EXPECT_EQ(done->state(), v1::JobStatus::STATE_DONE);
  EXPECT_EQ(done->summary().documents(), 1u);
}

TEST_F(JobJournalTest, UnknownAndTakenIds) {
  EXPECT_THAT(JobJournal::Resume(options_, "job-none").status(),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("unknown job")));
  EXPECT_THAT(JobJournal::Resume(options_, "../job").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a job id")));
  auto first = JobJournal::Create(options_, Started("job-e"));
  ASSERT_THAT(first.status(), IsOk());
  EXPECT_THAT(JobJournal::Create(options_, Started("job-e")).status(),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("job-e")));
}

TEST_F(JobJournalTest, TornLastRecordIsDroppedOnResume) {
  {
    auto journal = JobJournal::Create(options_, Started("job-f"));
    ASSERT_THAT(journal.status(), IsOk());
    ASSERT_THAT((*journal)->RecordDelivered(Result("d1", false, true)), IsOk());
  }
  // A crash in the middle of an append leaves half a record.
  {
    std::ofstream out(Path("job-f"), std::ios::binary | std::ios::app);
    out << std::string("\x40\x00\x00\x00\x01\x02", 6);
  }
  auto resumed = JobJournal::Resume(options_, "job-f");
  ASSERT_THAT(resumed.status(), IsOk());
  EXPECT_EQ((*resumed)->ledger().delivered().size(), 1u);
  ASSERT_THAT((*resumed)->RecordDelivered(Result("d2", false, true)), IsOk());
  resumed->reset();
  auto again = JobJournal::Resume(options_, "job-f");
  ASSERT_THAT(again.status(), IsOk());
  EXPECT_EQ((*again)->ledger().delivered().size(), 2u);
}

TEST_F(JobJournalTest, DamageInTheMiddleIsRefused) {
  {
    auto journal = JobJournal::Create(options_, Started("job-g"));
    ASSERT_THAT(journal.status(), IsOk());
    for (int i = 0; i < 20; ++i) {
      ASSERT_THAT((*journal)->RecordDelivered(Result(absl::StrCat("d", i), false, true)),
                  IsOk());
    }
  }
  std::fstream file(Path("job-g"), std::ios::binary | std::ios::in | std::ios::out);
  file.seekg(0, std::ios::end);
  const std::streamoff middle = file.tellg() / 2;
  file.seekg(middle);
  char byte = 0;
  file.read(&byte, 1);
  byte ^= 0x10;
  file.seekp(middle);
  file.write(&byte, 1);
  file.close();
  EXPECT_THAT(JobJournal::Resume(options_, "job-g").status(),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("intact records follow")));
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
