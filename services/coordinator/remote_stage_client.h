// A stage reached over gRPC: a set of replicas of one worker kind.
//
//   RemoteStageOptions options;
//   options.addresses = {"10.0.0.5:7002", "10.0.0.6:7002"};
//   GLEANER_ASSIGN_OR_RETURN(auto sentence,
//       RemoteStageClient<v1::Sentence>::Create(options));
//
// Each attempt at a document is one unary Process call with its own
// deadline (retrying_caller.h), so a slow or dead replica costs one
// document one attempt, never the batch. (Measured against one long-lived stream per replica, see
// docs/architecture.md: a unary call on an open channel costs no stream
// setup beyond an HTTP/2 stream id, and needs no matching of answers.) The
// request borrows the job's result (LentRequest): it is serialised, never
// copied.
// Documents are spread round-robin over the replicas a ReplicaPool
// resolves and probes; a replica that is unreachable or times out is
// skipped (or ejected) and the document retried on the next one, and when
// none is usable the document waits for one within its budget. (Dedup shards
// are not replicas: see sharded_dedup_client.h.)
#ifndef GLEANER_SERVICES_COORDINATOR_REMOTE_STAGE_CLIENT_H_
#define GLEANER_SERVICES_COORDINATOR_REMOTE_STAGE_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/common/document_limits.h"
#include "services/common/grpc_status.h"
#include "services/common/stage_metrics.h"
#include "services/coordinator/replica_pool.h"
#include "services/coordinator/result_wire.h"
#include "services/coordinator/retrying_caller.h"
#include "services/coordinator/stage_client.h"

namespace gleaner {
namespace coordinator {

struct RemoteStageOptions {
  // The replicas: entries host:port or dns:///name:port (at least one; see
  // replica_pool.h).
  std::vector<std::string> addresses;
  // Deadline of one attempt at one document (60 s).
  absl::Duration deadline = absl::Seconds(60);
  // Attempts per document over different replicas (3).
  int max_attempts = 3;
  // Longest one document may spend at this stage, over all attempts,
  // back-offs and waits for a restarting replica (3 min).
  absl::Duration budget = absl::Minutes(3);
  // Largest message sent or received (from DocumentLimits).
  int max_message_bytes = DocumentLimits().max_message_bytes;
  // The coordinator's identity towards the stages: TLS with its client
  // certificate (tls_credentials.h). Null: plaintext (tests, --plaintext).
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  // Resolution, probing and ejection (target and channel are filled in
  // from the fields above; an empty name becomes the service's).
  ReplicaPoolOptions pool;
};

// The pool and the retry policy `options` describe, for a stage called
// `name`. Replicas are probed for the whole server's health ("").
absl::StatusOr<std::unique_ptr<ReplicaPool>> CreateStagePool(
    const std::string& name, const RemoteStageOptions& options);
RetryOptions StageRetryOptions(const RemoteStageOptions& options);

// A StageRequest that borrows the caller's result instead of copying it:
// `result` points at the caller's message and its text is moved into
// StageRequest.text (bytes, so that serialising it does not check its UTF-8
// again), and both are given back when the LentRequest goes away. While it
// lives, the caller's result must not be read or changed except through
// request(), which is safe to serialise from several threads at once. Not
// copyable.
//
// Given `serialized`, the result is serialised here instead, once, into the
// request's `result` field (result_wire.h), and that serialisation is left
// in `*serialized` when the LentRequest goes away.
class LentRequest {
 public:
  explicit LentRequest(const StageInput& input,
                       std::string* serialized = nullptr)
      : lent_(const_cast<v1::DocumentResult*>(&input.document)),
        serialized_(serialized) {
    request_.set_job_id(input.job_id.data(), input.job_id.size());
    request_.mutable_text()->swap(*lent_->mutable_text());
    if (serialized_ == nullptr) {
      request_.unsafe_arena_set_allocated_result(lent_);
    } else {
      SetStageRequestResult(
          SerializeWithoutText(*lent_, request_.text().size()), &request_);
    }
  }
  LentRequest(const LentRequest&) = delete;
  LentRequest& operator=(const LentRequest&) = delete;
  ~LentRequest() {
    if (serialized_ == nullptr) {
      request_.unsafe_arena_release_result();
    } else {
      *serialized_ = TakeStageRequestResult(&request_);
    }
    lent_->mutable_text()->swap(*request_.mutable_text());
  }

  const v1::StageRequest& request() const { return request_; }

 private:
  v1::DocumentResult* const lent_;
  std::string* const serialized_;
  v1::StageRequest request_;
};

// `GeneratedService` is v1::Dedup, v1::Sentence, v1::Extract or
// v1::Aggregator. Thread-safe; not copyable.
template <typename GeneratedService>
class RemoteStageClient : public StageClient {
 public:
  static absl::StatusOr<std::unique_ptr<RemoteStageClient>> Create(
      RemoteStageOptions options) {
    // Named as the stage's metrics label ("sentence"), as in every metric.
    absl::StatusOr<std::unique_ptr<ReplicaPool>> pool = CreateStagePool(
        StageLabelOfService(GeneratedService::service_full_name()), options);
    if (!pool.ok()) return pool.status();
    return std::unique_ptr<RemoteStageClient>(
        new RemoteStageClient(StageRetryOptions(options), *std::move(pool)));
  }

  absl::StatusOr<v1::StageResponse> Process(const StageInput& input) override {
    LentRequest lent(input);
    return ProcessRequest(lent.request());
  }

  absl::StatusOr<v1::StageResponse> ProcessKeepingWire(
      const StageInput& input, std::string* serialized) override {
    LentRequest lent(input, serialized);
    return ProcessRequest(lent.request());
  }

  // Same, for a request already built (several shards share one).
  absl::StatusOr<v1::StageResponse> ProcessRequest(
      const v1::StageRequest& request) {
    v1::StageResponse response;
    absl::Status status = caller_.Call(
        [&](const Replica& replica, grpc::ClientContext* context) {
          response.Clear();
          typename GeneratedService::Stub stub(replica.channel());
          return stub.Process(context, request, &response);
        });
    if (!status.ok()) return status;
    return response;
  }

  // The replicas and the retry policy, for other calls to the same stage
  // (dedup's Commit) and for readiness and metrics.
  RetryingCaller& caller() { return caller_; }
  ReplicaPool& pool() { return *pool_; }

 private:
  RemoteStageClient(RetryOptions retry, std::unique_ptr<ReplicaPool> pool)
      : pool_(std::move(pool)), caller_(retry, pool_.get()) {}

  const std::unique_ptr<ReplicaPool> pool_;
  RetryingCaller caller_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_REMOTE_STAGE_CLIENT_H_
