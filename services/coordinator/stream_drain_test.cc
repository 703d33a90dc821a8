#include "services/coordinator/stream_drain.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

// A stage that holds every document until released.
class GatedStage : public StageProcessor {
 public:
  absl::Status Process(const StageInput&, v1::StageResponse*) override {
    {
      absl::MutexLock lock(&mu_);
      ++entered_;
    }
    release_.WaitForNotification();
    return absl::OkStatus();
  }
  void AwaitEntered(int n) {
    absl::MutexLock lock(&mu_);
    auto entered = [this, n]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return entered_ >= n; };
    mu_.Await(absl::Condition(&entered));
  }
  absl::Notification release_;

 private:
  absl::Mutex mu_;
  int entered_ ABSL_GUARDED_BY(mu_) = 0;
};

v1::RawDocument Doc(const std::string& id) {
  v1::RawDocument doc;
  doc.set_id(id);
  doc.set_content("text " + id);
  return doc;
}

// Messages a writer sent, in order.
struct Sent {
  absl::Mutex mu;
  std::vector<v1::SubmitResponse> messages ABSL_GUARDED_BY(mu);
  SubmitWriter::WriteFn Fn() {
    return [this](const v1::SubmitResponse& m) {
      absl::MutexLock lock(&mu);
      messages.push_back(m);
      return true;
    };
  }
};

TEST(SubmitWriter, NothingFollowsInterrupted) {
  Sent sent;
  SubmitWriter writer("job-1", sent.Fn());
  v1::SubmitResponse result;
  result.mutable_result()->set_id("d1");
  EXPECT_TRUE(writer.Write(result));
  writer.Interrupt(1);
  writer.Interrupt(1);  // once only
  EXPECT_FALSE(writer.Write(result));
  EXPECT_FALSE(writer.EndInput());  // the client resumes: no BatchEnd
  absl::MutexLock lock(&sent.mu);
  ASSERT_EQ(sent.messages.size(), 2u);
  EXPECT_EQ(sent.messages[1].interrupted().job_id(), "job-1");
  EXPECT_EQ(sent.messages[1].interrupted().reason(), v1::Interrupted::REASON_DRAINING);
  EXPECT_EQ(sent.messages[1].interrupted().delivered(), 1u);
}

TEST(SubmitWriter, HalfClosedStreamIsNotInterrupted) {
  Sent sent;
  SubmitWriter writer("job-1", sent.Fn());
  EXPECT_TRUE(writer.EndInput());
  writer.Interrupt(0);
  EXPECT_FALSE(writer.interrupted());
  absl::MutexLock lock(&sent.mu);
  EXPECT_TRUE(sent.messages.empty());
}

TEST(DrainRegistry, DrainAnswersWhatWasAdmittedAndAdmitsNothingMore) {
  GatedStage stage;
  PipelineOptions options;
  options.max_in_flight = 3;
  options.parallelism = 2;
  LocalStageClient dedup{&stage, v1::STAGE_DEDUP};
  PipelineStages stages;
  stages.dedup = &dedup;
  Pipeline pipeline(options, stages);
  Sent sent;
  SubmitWriter writer("job-1", sent.Fn());
  std::unique_ptr<Job> job = pipeline.StartJob("job-1", [&](v1::DocumentResult result) {
    v1::SubmitResponse response;
    *response.mutable_result() = std::move(result);
    writer.Write(response);
  });
  DrainRegistry registry;
  ASSERT_THAT(registry.Add("job-1", {job.get(), [&] { writer.Interrupt(3); }}), IsOk());
  for (int i = 0; i < 3; ++i) ASSERT_THAT(job->Add(Doc("d" + std::to_string(i))), IsOk());
  stage.AwaitEntered(1);  // the window is full; a fourth Add waits for room
  absl::Status fourth;
  std::thread reader([&] { fourth = job->Add(Doc("d3")); });

  std::thread drainer([&] {
    // Ends once the stream is removed below.
    EXPECT_EQ(registry.Drain(absl::InfiniteFuture()), 0u);
  });
  // Draining refuses new streams and wakes the waiting Add.
  reader.join();
  EXPECT_THAT(fourth, StatusIs(absl::StatusCode::kUnavailable, HasSubstr("draining")));
  EXPECT_TRUE(registry.draining());
  EXPECT_THAT(registry.Add("job-2", {job.get(), [] {}}),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("draining")));
  stage.release_.Notify();
  // The handler's side: wait for the admitted documents, then leave.
  while (!writer.interrupted()) {
    absl::MutexLock lock(&sent.mu);
    auto interrupted = [&]() ABSL_SHARED_LOCKS_REQUIRED(sent.mu) {
      return !sent.messages.empty() && sent.messages.back().has_interrupted();
    };
    sent.mu.Await(absl::Condition(&interrupted));
  }
  job->Finish();
  registry.Remove("job-1");
  drainer.join();
  absl::MutexLock lock(&sent.mu);
  ASSERT_EQ(sent.messages.size(), 4u);  // three results, then Interrupted
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(sent.messages[i].has_result());
  EXPECT_TRUE(sent.messages[3].has_interrupted());
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
