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
#include "services/coordinator/pipeline.h"

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

  grpc::Status Submit(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::SubmitResponse, v1::SubmitRequest>* stream)
      override;

  grpc::Status GetJobStatus(grpc::ServerContext* context,
                            const v1::GetJobStatusRequest* request,
                            v1::JobStatus* response) override;

 private:
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
  // job id -> the client that submitted it; forgotten with the job.
  absl::flat_hash_map<std::string, std::string> owners_ ABSL_GUARDED_BY(mu_);
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_COORDINATOR_SERVICE_H_
