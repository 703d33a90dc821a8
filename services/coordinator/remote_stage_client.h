// A stage reached over gRPC: a set of replicas of one worker kind.
//
//   RemoteStageOptions options;
//   options.addresses = {"10.0.0.5:7002", "10.0.0.6:7002"};
//   GLEANER_ASSIGN_OR_RETURN(auto sentence,
//       RemoteStageClient<v1::Sentence>::Create(options));
//
// Each attempt at a document is one unary Process call with its own
// deadline, so a slow or dead replica costs one document one attempt, never
// the batch. (Measured against one long-lived stream per replica, see
// docs/architecture.md: a unary call on an open channel costs no stream
// setup beyond an HTTP/2 stream id, and needs no matching of answers.) The
// request borrows the job's result (LentRequest): it is serialised, never
// copied.
// Documents are spread round-robin; a replica that is unreachable or times
// out is skipped and the document retried on the next one. (Dedup shards
// are not replicas: see sharded_dedup_client.h.)
#ifndef GLEANER_SERVICES_COORDINATOR_REMOTE_STAGE_CLIENT_H_
#define GLEANER_SERVICES_COORDINATOR_REMOTE_STAGE_CLIENT_H_

#include <atomic>
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
#include "services/coordinator/stage_client.h"

namespace gleaner {
namespace coordinator {

struct RemoteStageOptions {
  // host:port of every replica (at least one).
  std::vector<std::string> addresses;
  // Deadline of one attempt at one document (60 s).
  absl::Duration deadline = absl::Seconds(60);
  // Attempts per document over different replicas (3).
  int max_attempts = 3;
  // Largest message sent or received (from DocumentLimits).
  int max_message_bytes = DocumentLimits().max_message_bytes;
  // The coordinator's identity towards the stages: TLS with its client
  // certificate (tls_credentials.h). Null: plaintext (tests, --plaintext).
  std::shared_ptr<grpc::ChannelCredentials> credentials;
};

// The credentials of `options`, plaintext when none are set.
inline std::shared_ptr<grpc::ChannelCredentials> ChannelCredentialsOf(
    const RemoteStageOptions& options) {
  return options.credentials ? options.credentials
                             : grpc::InsecureChannelCredentials();
}

// True for failures another attempt may fix. CANCELLED is among them: the
// coordinator never cancels its own stage calls, so a cancelled call means a
// worker shutting down (its grace period ran out), as in a rolling restart.
inline bool IsRetryable(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status) ||
         absl::IsAborted(status) || absl::IsCancelled(status);
}

// A StageRequest that borrows the caller's result instead of copying it:
// `result` points at the caller's message and its text is moved into
// StageRequest.text (bytes, so that serialising it does not check its UTF-8
// again), and both are given back when the LentRequest goes away. While it
// lives, the caller's result must not be read or changed except through
// request(), which is safe to serialise from several threads at once. Not
// copyable.
class LentRequest {
 public:
  explicit LentRequest(const StageInput& input)
      : lent_(const_cast<v1::DocumentResult*>(&input.document)) {
    request_.set_job_id(input.job_id.data(), input.job_id.size());
    request_.mutable_text()->swap(*lent_->mutable_text());
    request_.unsafe_arena_set_allocated_result(lent_);
  }
  LentRequest(const LentRequest&) = delete;
  LentRequest& operator=(const LentRequest&) = delete;
  ~LentRequest() {
    request_.unsafe_arena_release_result();
    lent_->mutable_text()->swap(*request_.mutable_text());
  }

  const v1::StageRequest& request() const { return request_; }

 private:
  v1::DocumentResult* const lent_;
  v1::StageRequest request_;
};

// `GeneratedService` is v1::Dedup, v1::Sentence, v1::Extract or
// v1::Aggregator. Thread-safe; not copyable.
template <typename GeneratedService>
class RemoteStageClient : public StageClient {
 public:
  static absl::StatusOr<std::unique_ptr<RemoteStageClient>> Create(
      RemoteStageOptions options) {
    if (options.addresses.empty()) {
      return absl::InvalidArgumentError("no replica addresses");
    }
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(options.max_message_bytes);
    args.SetMaxSendMessageSize(options.max_message_bytes);
    // An address may be a DNS name with several pods behind it
    // (dns:///gleaner-extract:7003); spread calls over all of them.
    args.SetLoadBalancingPolicyName("round_robin");
    std::vector<std::unique_ptr<typename GeneratedService::Stub>> stubs;
    for (const std::string& address : options.addresses) {
      if (address.empty()) {
        return absl::InvalidArgumentError("empty replica address");
      }
      stubs.push_back(GeneratedService::NewStub(grpc::CreateCustomChannel(
          address, ChannelCredentialsOf(options), args)));
    }
    return std::unique_ptr<RemoteStageClient>(
        new RemoteStageClient(std::move(options), std::move(stubs)));
  }

  absl::StatusOr<v1::StageResponse> Process(const StageInput& input) override {
    LentRequest lent(input);
    return ProcessRequest(lent.request());
  }

  // Same, for a request already built (several shards share one).
  absl::StatusOr<v1::StageResponse> ProcessRequest(
      const v1::StageRequest& request) {
    const size_t replicas = stubs_.size();
    const size_t first = next_replica_.fetch_add(1) % replicas;
    absl::Status last_error;
    for (int attempt = 0; attempt < std::max(1, options_.max_attempts);
         ++attempt) {
      absl::StatusOr<v1::StageResponse> result =
          ProcessOn((first + attempt) % replicas, request);
      if (result.ok() || !IsRetryable(result.status())) return result;
      last_error = result.status();
    }
    return last_error;
  }

 private:
  RemoteStageClient(
      RemoteStageOptions options,
      std::vector<std::unique_ptr<typename GeneratedService::Stub>> stubs)
      : options_(std::move(options)), stubs_(std::move(stubs)) {}

  // One attempt on one replica: one unary call.
  absl::StatusOr<v1::StageResponse> ProcessOn(size_t replica,
                                              const v1::StageRequest& request) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + options_.deadline));
    v1::StageResponse response;
    grpc::Status grpc_status =
        stubs_[replica]->Process(&context, request, &response);
    absl::Status status = FromGrpcStatus(grpc_status);
    if (!status.ok()) {
      return absl::Status(status.code(),
                          absl::StrCat(options_.addresses[replica], ": ",
                                       status.message()));
    }
    return response;
  }

  const RemoteStageOptions options_;
  std::vector<std::unique_ptr<typename GeneratedService::Stub>> stubs_;
  std::atomic<size_t> next_replica_{0};
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_REMOTE_STAGE_CLIENT_H_
