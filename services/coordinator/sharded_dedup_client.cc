#include "services/coordinator/sharded_dedup_client.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/grpc_status.h"
#include "services/common/status_macros.h"
#include "workers/dedup/dedup_stage.h"

namespace gleaner {
namespace coordinator {

absl::StatusOr<std::unique_ptr<ShardedDedupClient>> ShardedDedupClient::Create(
    const RemoteStageOptions& options) {
  if (options.addresses.empty()) {
    return absl::InvalidArgumentError("no dedup shard addresses");
  }
  std::vector<std::unique_ptr<RemoteStageClient<v1::Dedup>>> shards;
  std::vector<std::unique_ptr<v1::Dedup::Stub>> commit_stubs;
  for (const std::string& address : options.addresses) {
    RemoteStageOptions shard_options = options;
    shard_options.addresses = {address};
    GLEANER_ASSIGN_OR_RETURN(
        std::unique_ptr<RemoteStageClient<v1::Dedup>> shard,
        RemoteStageClient<v1::Dedup>::Create(shard_options));
    shards.push_back(std::move(shard));
    commit_stubs.push_back(v1::Dedup::NewStub(
        grpc::CreateChannel(address, grpc::InsecureChannelCredentials())));
  }
  return std::unique_ptr<ShardedDedupClient>(new ShardedDedupClient(
      options, std::move(shards), std::move(commit_stubs)));
}

absl::Status ShardedDedupClient::Commit(size_t shard,
                                        const v1::DocumentResult& merged) {
  v1::CommitRequest request;
  request.set_document_id(merged.id());
  *request.mutable_verdict() = merged.duplicate();
  absl::Status status;
  for (int attempt = 0; attempt < std::max(1, options_.max_attempts);
       ++attempt) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + options_.deadline));
    v1::CommitResponse response;
    status = FromGrpcStatus(
        commit_stubs_[shard]->Commit(&context, request, &response));
    if (status.ok() || !IsRetryable(status)) break;
  }
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat("dedup shard ", shard, " (",
                                   options_.addresses[shard],
                                   ") commit: ", status.message()));
}

absl::StatusOr<v1::DocumentResult> ShardedDedupClient::Process(
    const v1::StageRequest& request) {
  if (shards_.size() == 1) return shards_[0]->Process(request);
  std::vector<v1::DocumentResult> answers;
  answers.reserve(shards_.size());
  for (size_t shard = 0; shard < shards_.size(); ++shard) {
    absl::StatusOr<v1::DocumentResult> answer = shards_[shard]->Process(request);
    if (!answer.ok()) {
      return absl::Status(answer.status().code(),
                          absl::StrCat("dedup shard ", shard, ": ",
                                       answer.status().message()));
    }
    answers.push_back(*std::move(answer));
  }
  v1::DocumentResult merged =
      workers::dedup::MergeShardResults(std::move(answers));
  if (merged.errors_size() > request.result().errors_size()) {
    return merged;  // a shard could not take the document: nothing to commit
  }
  for (size_t shard = 0; shard < shards_.size(); ++shard) {
    GLEANER_RETURN_IF_ERROR(Commit(shard, merged));
  }
  return merged;
}

}  // namespace coordinator
}  // namespace gleaner
