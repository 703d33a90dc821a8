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
};

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

  Pipeline* const pipeline_;
  const ViewFetcher fetch_view_;
  const CoordinatorServiceOptions options_;
  std::atomic<uint64_t> next_job_{1};
  const std::string job_prefix_;

  absl::Mutex mu_;
  absl::flat_hash_map<std::string, v1::JobStatus> jobs_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Job*> running_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> finished_order_ ABSL_GUARDED_BY(mu_);
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_COORDINATOR_SERVICE_H_
