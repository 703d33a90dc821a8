#include "services/coordinator/pipeline.h"

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "services/coordinator/result_wire.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::gleaner::testing::IsOk;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

// A stage that records its name in a per-document trace, fails documents
// whose source is "fail:<name>", answers dedup with an exact verdict for the
// text "copy", and can hold documents at a gate. Its delta is what its
// stage adds, so the trace lives in the test, not in the result.
class TracingStage : public StageProcessor {
 public:
  TracingStage(std::string name, v1::Stage stage)
      : name_(std::move(name)), stage_(stage) {}

  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override {
    if (gate_ != nullptr) gate_->WaitForNotification();
    ++calls_;
    {
      absl::MutexLock lock(&mu_);
      traces_[input.document.id()] += name_ + ";";
      texts_[input.document.id()] = input.document.text();
    }
    if (input.document.source() == "fail:" + name_) {
      return absl::InvalidArgumentError(name_ + " cannot handle this");
    }
    switch (stage_) {
      case v1::STAGE_DEDUP:
        response->mutable_duplicate()->set_kind(
            input.document.text() == "copy" ? v1::DUPLICATE_KIND_EXACT
                                            : v1::DUPLICATE_KIND_UNIQUE);
        break;
      case v1::STAGE_SENTENCE:
        response->mutable_sentence()->add_sentences()->set_end(
            input.document.text().size());
        break;
      case v1::STAGE_EXTRACT:
        response->mutable_extract()->add_amounts()->set_end(
            input.document.text().size());
        break;
      default:
        break;
    }
    return absl::OkStatus();
  }

  void set_gate(absl::Notification* gate) { gate_ = gate; }
  int calls() const { return calls_; }
  // The text this stage saw for document `id`.
  std::string TextOf(const std::string& id) {
    absl::MutexLock lock(&mu_);
    return texts_[id];
  }

  // Shared by the four stages of a test, so the order shows.
  static absl::Mutex mu_;
  static std::map<std::string, std::string> traces_ ABSL_GUARDED_BY(mu_);

 private:
  const std::string name_;
  const v1::Stage stage_;
  std::atomic<int> calls_{0};
  absl::Notification* gate_ = nullptr;
  std::map<std::string, std::string> texts_ ABSL_GUARDED_BY(mu_);
};

absl::Mutex TracingStage::mu_;
std::map<std::string, std::string> TracingStage::traces_;

std::string TraceOf(const std::string& id) {
  absl::MutexLock lock(&TracingStage::mu_);
  return TracingStage::traces_[id];
}

// A stage that cannot be reached.
class UnreachableStage : public StageClient {
 public:
  absl::StatusOr<v1::StageResponse> Process(const StageInput&) override {
    return absl::UnavailableError("connection refused");
  }
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::MutexLock lock(&TracingStage::mu_);
    TracingStage::traces_.clear();
  }

  PipelineStages Stages() {
    return {&dedup_client_, &sentence_client_, &extract_client_,
            &aggregate_client_};
  }

  // Runs `contents` as documents d0, d1, ... and returns results by id.
  std::map<std::string, v1::DocumentResult> RunBatch(
      const std::vector<std::string>& contents, PipelineOptions options = {},
      PipelineStages* stages = nullptr) {
    Pipeline pipeline(options, stages ? *stages : Stages());
    std::map<std::string, v1::DocumentResult> results;
    absl::Mutex mu;
    auto job = pipeline.StartJob("job", [&](v1::DocumentResult result) {
      absl::MutexLock lock(&mu);
      results[result.id()] = std::move(result);
    });
    for (size_t i = 0; i < contents.size(); ++i) {
      v1::RawDocument document;
      document.set_id(absl::StrCat("d", i));
      document.set_content(contents[i]);
      document.set_source(contents[i]);
      EXPECT_THAT(job->Add(document), IsOk());
    }
    summary_ = job->Finish();
    return results;
  }

  TracingStage dedup_{"dedup", v1::STAGE_DEDUP},
      sentence_{"sentence", v1::STAGE_SENTENCE},
      extract_{"extract", v1::STAGE_EXTRACT},
      aggregate_{"aggregate", v1::STAGE_AGGREGATE};
  LocalStageClient dedup_client_{&dedup_, v1::STAGE_DEDUP};
  LocalStageClient sentence_client_{&sentence_, v1::STAGE_SENTENCE};
  LocalStageClient extract_client_{&extract_, v1::STAGE_EXTRACT};
  LocalStageClient aggregate_client_{&aggregate_, v1::STAGE_AGGREGATE};
  v1::BatchSummary summary_;
};

TEST_F(PipelineTest, EveryDocumentPassesEveryStageInOrder) {
  std::vector<std::string> contents(50, "text");
  auto results = RunBatch(contents);
  ASSERT_EQ(results.size(), 50u);
  for (const auto& [id, result] : results) {
    EXPECT_EQ(TraceOf(id), "dedup;sentence;extract;aggregate;") << id;
    // Cleaned on entry; every stage read that text and added its delta.
    EXPECT_EQ(result.text(), "text");
    EXPECT_EQ(sentence_.TextOf(id), "text");
    EXPECT_EQ(result.duplicate().kind(), v1::DUPLICATE_KIND_UNIQUE);
    EXPECT_EQ(result.sentences_size(), 1);
    EXPECT_EQ(result.amounts_size(), 1);
    EXPECT_THAT(result.completed_stages(),
                ElementsAre(v1::STAGE_DEDUP, v1::STAGE_SENTENCE,
                            v1::STAGE_EXTRACT, v1::STAGE_AGGREGATE));
    EXPECT_EQ(result.errors_size(), 0);
  }
  EXPECT_EQ(aggregate_.calls(), 50);
  EXPECT_EQ(summary_.documents(), 50u);
  EXPECT_EQ(summary_.failed_documents(), 0u);
  EXPECT_EQ(summary_.input_bytes(), 50u * 4);
}

TEST_F(PipelineTest, AFailingStageReportsTheDocumentAndTheBatchGoesOn) {
  auto results = RunBatch({"ok", "fail:sentence", "ok", "fail:extract"});
  ASSERT_EQ(results.size(), 4u);
  const v1::DocumentResult& bad = results["d1"];
  ASSERT_EQ(bad.errors_size(), 1);
  EXPECT_EQ(bad.errors(0).stage(), v1::STAGE_SENTENCE);
  EXPECT_EQ(bad.errors(0).code(), "INVALID_ARGUMENT");
  EXPECT_THAT(bad.errors(0).message(), HasSubstr("cannot handle"));
  // Without sentences there is nothing to extract; aggregation still
  // happens.
  EXPECT_EQ(TraceOf("d1"), "dedup;sentence;aggregate;");
  EXPECT_EQ(bad.sentences_size(), 0);
  EXPECT_EQ(bad.completed_stages(bad.completed_stages_size() - 1),
            v1::STAGE_AGGREGATE);
  EXPECT_EQ(results["d3"].errors(0).stage(), v1::STAGE_EXTRACT);
  EXPECT_EQ(results["d0"].errors_size(), 0);
  EXPECT_EQ(results["d2"].errors_size(), 0);
  EXPECT_EQ(summary_.failed_documents(), 2u);
}

TEST_F(PipelineTest, AnAggregatorErrorIsKeptWithTheFullResult) {
  auto results = RunBatch({"fail:aggregate"});
  const v1::DocumentResult& result = results["d0"];
  ASSERT_EQ(result.errors_size(), 1);
  EXPECT_EQ(result.errors(0).stage(), v1::STAGE_AGGREGATE);
  // Everything the earlier stages produced is still there.
  EXPECT_EQ(result.sentences_size(), 1);
  EXPECT_EQ(result.amounts_size(), 1);
  EXPECT_THAT(result.completed_stages(),
              ElementsAre(v1::STAGE_DEDUP, v1::STAGE_SENTENCE,
                          v1::STAGE_EXTRACT));
}

// The aggregator as a remote stage keeps it: the result serialised without
// its text, as it would have been sent.
class SerializingStage : public StageClient {
 public:
  explicit SerializingStage(StageClient* inner) : inner_(inner) {}
  absl::StatusOr<v1::StageResponse> Process(const StageInput& input) override {
    return inner_->Process(input);
  }
  absl::StatusOr<v1::StageResponse> ProcessKeepingWire(
      const StageInput& input, std::string* serialized) override {
    v1::DocumentResult sent = input.document;
    sent.clear_text();
    *serialized = SerializeWithoutText(sent, input.document.text().size());
    return inner_->Process(input);
  }

 private:
  StageClient* const inner_;
};

TEST_F(PipelineTest, TheAggregatorsSerialisationReachesTheCallbackWhenStillTrue) {
  SerializingStage aggregate(&aggregate_client_);
  PipelineStages stages = Stages();
  stages.aggregate = &aggregate;
  Pipeline pipeline({}, stages);
  std::map<std::string, std::pair<v1::DocumentResult, std::string>> results;
  absl::Mutex mu;
  auto job = pipeline.StartSerializingJob(
      "job", [&](v1::DocumentResult result, std::string serialized) {
        absl::MutexLock lock(&mu);
        const std::string id = result.id();
        results[id] = {std::move(result), std::move(serialized)};
      });
  for (const std::string source : {"ok", "fail:aggregate"}) {
    v1::RawDocument document;
    document.set_id(source);
    document.set_content("text");
    document.set_source(source);
    ASSERT_THAT(job->Add(document), IsOk());
  }
  job->Finish();
  ASSERT_EQ(results.size(), 2u);
  const auto& [ok, serialized] = results["ok"];
  ASSERT_FALSE(serialized.empty());
  v1::SubmitResponse response;
  SetSubmitResult(serialized, ok.text(), &response);
  v1::SubmitResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(response.SerializeAsString()));
  // Completed by the aggregator after it was serialised, and still equal.
  EXPECT_EQ(parsed.result().completed_stages_size(), 4);
  EXPECT_TRUE(MessageDifferencer::Equals(parsed.result(), ok));
  // The aggregator's error changed the result: nothing to send on.
  EXPECT_EQ(results["fail:aggregate"].first.errors_size(), 1);
  EXPECT_EQ(results["fail:aggregate"].second, "");
}

TEST_F(PipelineTest, ExactDuplicatesSkipSentenceAndExtract) {
  auto results = RunBatch({"text", "copy"});
  EXPECT_FALSE(results["d0"].skipped_as_duplicate());
  EXPECT_TRUE(results["d1"].skipped_as_duplicate());
  EXPECT_EQ(TraceOf("d1"), "dedup;aggregate;");
  // The duplicate keeps its own text.
  EXPECT_EQ(results["d1"].text(), "copy");
  EXPECT_EQ(aggregate_.calls(), 2);
  EXPECT_EQ(summary_.exact_duplicates(), 1u);
}

TEST_F(PipelineTest, AnUnreachableStageIsRecordedPerDocument) {
  UnreachableStage unreachable;
  PipelineStages stages = Stages();
  stages.extract = &unreachable;
  auto results = RunBatch({"a", "b"}, {}, &stages);
  for (const auto& [id, result] : results) {
    ASSERT_EQ(result.errors_size(), 1) << id;
    EXPECT_EQ(result.errors(0).stage(), v1::STAGE_EXTRACT);
    EXPECT_EQ(result.errors(0).code(), "UNAVAILABLE");
    EXPECT_THAT(result.completed_stages(),
                ElementsAre(v1::STAGE_DEDUP, v1::STAGE_SENTENCE,
                            v1::STAGE_AGGREGATE));
  }
}

TEST_F(PipelineTest, RejectsReusedIdsAndAssignsMissingOnes) {
  Pipeline pipeline({}, Stages());
  std::vector<v1::DocumentResult> results;
  absl::Mutex mu;
  auto job = pipeline.StartJob("job", [&](v1::DocumentResult result) {
    absl::MutexLock lock(&mu);
    results.push_back(std::move(result));
  });
  v1::RawDocument document;
  document.set_content("text");
  ASSERT_THAT(job->Add(document), IsOk());  // gets job/doc-1
  document.set_id("x");
  ASSERT_THAT(job->Add(document), IsOk());
  ASSERT_THAT(job->Add(document), IsOk());  // "x" again
  job->Finish();
  std::vector<std::string> ids;
  int rejected = 0;
  for (const auto& result : results) {
    ids.push_back(result.id());
    if (result.errors_size() > 0) {
      ++rejected;
      EXPECT_EQ(result.errors(0).stage(), v1::STAGE_COORDINATOR);
      EXPECT_THAT(result.errors(0).message(), HasSubstr("already used"));
    }
  }
  EXPECT_THAT(ids, UnorderedElementsAre("job/doc-1", "x", "x"));
  EXPECT_EQ(rejected, 1);
}

TEST_F(PipelineTest, RejectsDocumentsOverTheSizeLimit) {
  PipelineOptions options;
  options.limits.max_document_bytes = 3;
  auto results = RunBatch({"abc", "abcd"}, options);
  EXPECT_EQ(results["d0"].errors_size(), 0);
  ASSERT_EQ(results["d1"].errors_size(), 1);
  EXPECT_EQ(results["d1"].errors(0).code(), "RESOURCE_EXHAUSTED");
  EXPECT_EQ(results["d1"].errors(0).stage(), v1::STAGE_COORDINATOR);
  EXPECT_EQ(TraceOf("d1"), "");  // it never entered the stages
}

TEST_F(PipelineTest, ADocumentThatCannotBeCleanedFailsOnEntry) {
  auto results = RunBatch({"ok", std::string("bad\xff\xfe", 5)});
  EXPECT_EQ(results["d0"].errors_size(), 0);
  ASSERT_EQ(results["d1"].errors_size(), 1);
  EXPECT_EQ(results["d1"].errors(0).stage(), v1::STAGE_COORDINATOR);
  EXPECT_EQ(results["d1"].errors(0).code(), "INVALID_ARGUMENT");
  EXPECT_EQ(TraceOf("d1"), "");
  EXPECT_EQ(summary_.failed_documents(), 1u);
}

// A stage whose answer is not its own kind of delta is caught by the merge.
TEST_F(PipelineTest, AWrongDeltaIsAnErrorOfThatStage) {
  TracingStage confused{"extract", v1::STAGE_SENTENCE};
  LocalStageClient confused_client{&confused, v1::STAGE_EXTRACT};
  PipelineStages stages = Stages();
  stages.extract = &confused_client;
  auto results = RunBatch({"text"}, {}, &stages);
  const v1::DocumentResult& result = results["d0"];
  ASSERT_EQ(result.errors_size(), 1);
  EXPECT_EQ(result.errors(0).stage(), v1::STAGE_EXTRACT);
  EXPECT_EQ(result.errors(0).code(), "INTERNAL");
  EXPECT_EQ(result.sentences_size(), 1);  // the sentence stage's own delta
}

TEST_F(PipelineTest, TheByteWindowAdmitsOneOversizedDocumentAtATime) {
  absl::Notification gate;
  sentence_.set_gate(&gate);
  PipelineOptions options;
  options.max_in_flight_bytes = 10;
  Pipeline pipeline(options, Stages());
  absl::Mutex mu;
  int added = 0;
  auto job = pipeline.StartJob("job", [](v1::DocumentResult) {});
  std::thread producer([&] {
    for (int i = 0; i < 2; ++i) {
      v1::RawDocument document;
      document.set_content(std::string(50, 'x'));  // over the byte window
      ASSERT_THAT(job->Add(document), IsOk());
      absl::MutexLock lock(&mu);
      ++added;
    }
  });
  {
    absl::MutexLock lock(&mu);
    auto one_added = [&]() { return added >= 1; };
    mu.Await(absl::Condition(&one_added));
    auto two_added = [&]() { return added >= 2; };
    EXPECT_FALSE(mu.AwaitWithTimeout(absl::Condition(&two_added),
                                     absl::Milliseconds(200)));
  }
  gate.Notify();
  producer.join();
  EXPECT_EQ(job->Finish().documents(), 2u);
}

TEST_F(PipelineTest, AddBlocksWhileTheWindowIsFull) {
  absl::Notification gate;
  sentence_.set_gate(&gate);
  PipelineOptions options;
  options.max_in_flight = 2;
  Pipeline pipeline(options, Stages());
  absl::Mutex mu;
  int added = 0;
  int delivered = 0;
  auto job = pipeline.StartJob("job", [&](v1::DocumentResult) {
    absl::MutexLock lock(&mu);
    ++delivered;
  });
  std::thread producer([&] {
    for (int i = 0; i < 5; ++i) {
      v1::RawDocument document;
      document.set_content("text");
      ASSERT_THAT(job->Add(document), IsOk());
      absl::MutexLock lock(&mu);
      ++added;
    }
  });
  {
    absl::MutexLock lock(&mu);
    auto two_added = [&]() { return added >= 2; };
    mu.Await(absl::Condition(&two_added));
    // With the stage held, a third document must not get in.
    auto three_added = [&]() { return added >= 3; };
    EXPECT_FALSE(mu.AwaitWithTimeout(absl::Condition(&three_added),
                                     absl::Milliseconds(200)));
    EXPECT_EQ(delivered, 0);
  }
  gate.Notify();
  producer.join();
  job->Finish();
  EXPECT_EQ(delivered, 5);
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
