// The Coordinator's gRPC adapter: a Submit stream feeds a pipeline Job and
// streams its results back; GetJobStatus reads the job registry.
#ifndef GLEANER_SERVICES_COORDINATOR_COORDINATOR_SERVICE_H_
#define GLEANER_SERVICES_COORDINATOR_COORDINATOR_SERVICE_H_

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/grpcpp.h"
#include "proto/gleaner/v1/coordinator_service.grpc.pb.h"
#include "services/common/document_limits.h"
#include "services/coordinator/client_auth.h"
#include "services/coordinator/job_journal.h"
#include "services/coordinator/pipeline.h"
#include "services/coordinator/stream_drain.h"

namespace gleaner {
namespace coordinator {

// Fetches (and releases) a job's corpus view from the aggregator.
using ViewFetcher =
    std::function<absl::StatusOr<v1::CorpusView>(const v1::GetViewRequest&)>;

struct CoordinatorServiceOptions {
  // Send a Progress message after every this many results (100).
  int progress_every = 100;
  // Finished jobs kept for GetJobStatus (1000); older ones are forgotten.
  size_t finished_jobs_kept = 1000;
  // The job journal (job_journal.h); with an empty dir (the default) jobs
  // are not journaled and cannot be resumed.
  JobJournalOptions journal;
  // Checks every call's bearer token (not owned; must outlive the service).
  // Null: no tokens (--plaintext without --token_file), every caller is the
  // client "anonymous".
  const ClientAuthenticator* authenticator = nullptr;
  // max_concurrent_batches and max_documents_per_batch are enforced here.
  DocumentLimits limits;
};

// Every call is authenticated (options.authenticator) and a job is visible
// only to the client that submitted it: GetJobStatus answers NOT_FOUND for
// another client's job, exactly as for an unknown one.
// Thread-safe; not copyable.
class CoordinatorService final : public v1::Coordinator::Service {
 public:
  // `pipeline` is not owned and must outlive the service.
  CoordinatorService(Pipeline* pipeline, ViewFetcher fetch_view,
                     CoordinatorServiceOptions options = {});

  using SubmitStream = grpc::ServerReaderWriter<v1::SubmitResponse, v1::SubmitRequest>;

  grpc::Status Submit(grpc::ServerContext* context, SubmitStream* stream) override;

  grpc::Status GetJobStatus(grpc::ServerContext* context,
                            const v1::GetJobStatusRequest* request,
                            v1::JobStatus* response) override;

  // Drains the open streams before shutdown (stream_drain.h): call on
  // SIGTERM, before the server stops. Returns the streams still open at
  // `deadline`.
  size_t Drain(absl::Time deadline) { return drain_.Drain(deadline); }

 private:
  // A job a stream runs: new, or resumed from its journal.
  struct OpenedJob {
    std::string job_id;
    v1::BatchOptions options;
    std::unique_ptr<JobJournal> journal;  // null without --journal_dir
  };
  // Starts the job `options` asks for, or resumes options.resume_job_id.
  // `owner` is the authenticated client; only it may resume the job.
  absl::StatusOr<OpenedJob> OpenJob(const std::string& owner,
                                    const v1::BatchOptions& options);
  // Fills the end of a batch: totals, view and coverage.
  v1::SubmitResponse BatchEndOf(const OpenedJob& opened, const v1::BatchSummary& job_summary,
                                uint64_t aggregated);
  struct StreamState;
  // Journals one result and writes it to the stream (the job's callback).
  // `serialized`: the result without its text as the aggregator was sent
  // it, or "" (see SerializedResultCallback).
  void DeliverResult(StreamState& state, v1::DocumentResult result,
                     std::string serialized);
  // How reading a stream's documents ended.
  struct ReadOutcome {
    grpc::Status failure;      // a protocol error
    bool input_ended = false;  // the client half-closed
    bool draining = false;     // the job stopped admitting documents
  };
  // Reads documents (after `pending`, the first message, when not null) and
  // admits them into the job until the input ends, draining starts, the
  // client goes away or a message is malformed.
  ReadOutcome ReadDocuments(grpc::ServerContext* context, SubmitStream* stream,
                            v1::SubmitRequest* pending, OpenedJob& opened, StreamState& state);
  void SetStatus(const v1::JobStatus& status);
  // The caller's client name, or UNAUTHENTICATED.
  absl::StatusOr<std::string> Authenticate(
      const grpc::ServerContext& context) const;

  Pipeline* const pipeline_;
  const ViewFetcher fetch_view_;
  const CoordinatorServiceOptions options_;
  // Submit streams open now, against limits.max_concurrent_batches.
  std::atomic<int> open_batches_{0};

  absl::Mutex mu_;
  absl::flat_hash_map<std::string, v1::JobStatus> jobs_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Job*> running_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> finished_order_ ABSL_GUARDED_BY(mu_);
  DrainRegistry drain_;
  // job id -> the client that submitted it; forgotten with the job.
  absl::flat_hash_map<std::string, std::string> owners_ ABSL_GUARDED_BY(mu_);
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_COORDINATOR_SERVICE_H_
