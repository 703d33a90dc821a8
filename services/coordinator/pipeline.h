// The coordinator's core: cleans each document of a batch once, on entry,
// carries its one DocumentResult through dedup -> sentence -> extract ->
// aggregator, merging each stage's delta into it, and hands results back as
// they complete. Knows nothing of gRPC: stages are StageClients, which are
// in-process processors (`gleaner run`) or gRPC replicas (the coordinator
// server).
//
//   Pipeline pipeline(options, stages);
//   std::unique_ptr<Job> job = pipeline.StartJob("job-1", [&](auto result) {
//     Write(result);
//   });
//   for (auto& doc : docs) job->Add(std::move(doc));   // blocks when full
//   v1::BatchSummary summary = job->Finish();
//
// Threading model: each job has (from its first admitted document) one
// dedup thread, which sends documents to
// the dedup stage strictly in submission order (verdicts such as "duplicate
// of the earlier document" then do not depend on timing), and `parallelism`
// threads that carry documents through the remaining stages concurrently
// and hand each result to the callback.
// At most `max_in_flight` documents (and `max_in_flight_bytes` of raw
// content) are between Add and their result callback; Add blocks while the
// window is full, which is how backpressure reaches the client.
#ifndef GLEANER_SERVICES_COORDINATOR_PIPELINE_H_
#define GLEANER_SERVICES_COORDINATOR_PIPELINE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "proto/gleaner/v1/coordinator_service.pb.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/common/document_limits.h"
#include "services/coordinator/pipeline_metrics.h"
#include "services/coordinator/stage_client.h"

namespace gleaner {
namespace coordinator {

struct PipelineOptions {
  // Documents admitted but not yet returned (64). Bounds memory: a full
  // window blocks Add.
  int max_in_flight = 64;
  // Threads per job for sentence, extract and aggregate (4).
  int parallelism = 4;
  // Raw bytes admitted but not yet returned (256 MiB); a document larger
  // than this is still admitted when nothing else is in flight.
  size_t max_in_flight_bytes = 256 << 20;
  // The size limits, enforced once on entry (a document over them fails
  // with kResourceExhausted without entering the stages); the stages are
  // built from the same table.
  DocumentLimits limits;
};

// The four stages, not owned; they must outlive the pipeline. Any may be
// null, in which case the stage is skipped (for tests).
struct PipelineStages {
  StageClient* dedup = nullptr;
  StageClient* sentence = nullptr;
  StageClient* extract = nullptr;
  StageClient* aggregate = nullptr;
};

// Called once per document, from the job's pipeline threads, possibly
// concurrently: the callback synchronises what it shares, and can do
// expensive work (such as converting to JSON) in parallel.
using ResultCallback = std::function<void(v1::DocumentResult result)>;
// Same, with the result also serialised without its text when a remote
// aggregator was sent it and answered without changing it but for its
// completed stage (result_wire.h; "" otherwise): the coordinator sends those
// bytes on to the client instead of serialising the result again.
using SerializedResultCallback =
    std::function<void(v1::DocumentResult result, std::string serialized)>;

// One batch. Add from one thread; Finish once. Thread-safe otherwise.
class Job {
 public:
  Job(std::string job_id, const PipelineOptions& options,
      const PipelineStages& stages, SerializedResultCallback on_result);
  Job(const Job&) = delete;
  Job& operator=(const Job&) = delete;
  // Cancels and waits for the job's threads.
  ~Job();

  const std::string& id() const { return job_id_; }

  // Cleans one document (CleanOnEntry) and admits it, blocking while the
  // in-flight window is full. A document without an id gets
  // "<job id>/doc-<n>" (n counts from 1), so assigned ids never collide
  // across jobs in a persistent dedup index. A document whose id was
  // already used in this job, that is too large or that cannot be cleaned
  // is answered at once through the callback with a STAGE_COORDINATOR
  // error. Returns kCancelled after Cancel, kFailedPrecondition after Finish,
  // kUnavailable after StopAdmitting (the document was not taken in).
  absl::Status Add(v1::RawDocument document);

  // Declares the end of input, waits for every result to be delivered, and
  // returns the batch's totals.
  v1::BatchSummary Finish();

  // Stops admitting documents and drops queued ones (they get no result);
  // documents already inside a stage complete.
  void Cancel();

  // Counters so far.
  v1::Progress GetProgress() const;

  // Stops admitting documents, for draining: Add (also one waiting for room)
  // returns kUnavailable without taking its document in; documents already
  // admitted run to their results.
  void StopAdmitting();

  // Waits until no admitted document is without its result, or `deadline`.
  // Returns true when idle.
  bool AwaitIdle(absl::Time deadline) const;

 private:
  struct Item {
    // The document's one result; stages read it and their deltas are
    // merged into it.
    v1::DocumentResult result;
    // Raw bytes, for the in-flight window.
    uint64_t bytes = 0;
    // `result` serialised without its text, as sent to a remote aggregator
    // (see SerializedResultCallback); "" when there is none.
    std::string serialized;
  };

  // Starts the dedup and work threads unless they run; called by Add.
  void StartThreads();
  void DedupLoop();
  void WorkLoop();
  // Runs one stage on `item` and merges its delta into the result; a
  // transport failure is recorded as a StageError for `stage`. Given
  // `serialized`, the stage is asked to keep the result it serialised
  // there, and it stays only while it equals the merged result.
  void RunOne(StageClient* client, v1::Stage stage, Item& item,
              std::string* serialized = nullptr);
  void Deliver(Item& item);

  const std::string job_id_;
  const PipelineOptions options_;
  const PipelineStages stages_;
  const SerializedResultCallback on_result_;
  const absl::Time start_time_;
  PipelineMetrics metrics_;

  mutable absl::Mutex mu_;
  std::deque<std::unique_ptr<Item>> dedup_queue_ ABSL_GUARDED_BY(mu_);
  std::deque<std::unique_ptr<Item>> work_queue_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<std::string> seen_ids_ ABSL_GUARDED_BY(mu_);
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t in_flight_bytes_ ABSL_GUARDED_BY(mu_) = 0;
  bool input_done_ ABSL_GUARDED_BY(mu_) = false;
  bool dedup_done_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  bool admitting_ ABSL_GUARDED_BY(mu_) = true;
  uint64_t next_auto_id_ ABSL_GUARDED_BY(mu_) = 1;
  v1::Progress progress_ ABSL_GUARDED_BY(mu_);
  v1::BatchSummary summary_ ABSL_GUARDED_BY(mu_);

  std::vector<std::thread> threads_;
};

// Creates jobs over one set of stages. Thread-safe.
class Pipeline {
 public:
  Pipeline(PipelineOptions options, PipelineStages stages)
      : options_(options), stages_(stages) {}

  // Starts a job; its threads run until Finish (or destruction).
  std::unique_ptr<Job> StartJob(std::string job_id, ResultCallback on_result) {
    return StartSerializingJob(
        std::move(job_id),
        [on_result = std::move(on_result)](v1::DocumentResult result,
                                           std::string) {
          on_result(std::move(result));
        });
  }
  // Same, for a caller that can send on the serialised result.
  std::unique_ptr<Job> StartSerializingJob(std::string job_id,
                                           SerializedResultCallback on_result) {
    return std::make_unique<Job>(std::move(job_id), options_, stages_,
                                 std::move(on_result));
  }

  const PipelineOptions& options() const { return options_; }

 private:
  const PipelineOptions options_;
  const PipelineStages stages_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_PIPELINE_H_
