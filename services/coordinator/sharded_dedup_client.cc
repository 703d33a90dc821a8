#include "services/coordinator/sharded_dedup_client.h"

#include <functional>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/grpc_status.h"
#include "services/common/status_macros.h"
#include "services/coordinator/dedup_merge.h"

namespace gleaner {
namespace coordinator {
namespace {

// Runs `task(0..n-1)` at once, `task(0)` on the calling thread, and waits
// for all. A thread per shard call is cheap next to a network round trip.
void ForEachInParallel(size_t n, const std::function<void(size_t)>& task) {
  std::vector<std::thread> threads;
  threads.reserve(n > 0 ? n - 1 : 0);
  for (size_t i = 1; i < n; ++i) threads.emplace_back(task, i);
  if (n > 0) task(0);
  for (std::thread& thread : threads) thread.join();
}

}  // namespace

absl::StatusOr<std::unique_ptr<ShardedDedupClient>> ShardedDedupClient::Create(
    const RemoteStageOptions& options) {
  if (options.addresses.empty()) {
    return absl::InvalidArgumentError("no dedup shard addresses");
  }
  std::vector<std::unique_ptr<RemoteStageClient<v1::Dedup>>> shards;
  for (size_t shard = 0; shard < options.addresses.size(); ++shard) {
    RemoteStageOptions shard_options = options;
    shard_options.addresses = {options.addresses[shard]};
    shard_options.pool.name = absl::StrCat("dedup/shard", shard);
    GLEANER_ASSIGN_OR_RETURN(
        std::unique_ptr<RemoteStageClient<v1::Dedup>> client,
        RemoteStageClient<v1::Dedup>::Create(shard_options));
    shards.push_back(std::move(client));
  }
  return std::unique_ptr<ShardedDedupClient>(
      new ShardedDedupClient(std::move(shards)));
}

std::vector<ReplicaPool*> ShardedDedupClient::pools() {
  std::vector<ReplicaPool*> pools;
  for (auto& shard : shards_) pools.push_back(&shard->pool());
  return pools;
}

absl::Status ShardedDedupClient::Commit(size_t shard,
                                        const std::string& document_id,
                                        const v1::DuplicateVerdict& merged) {
  v1::CommitRequest request;
  request.set_document_id(document_id);
  *request.mutable_verdict() = merged;
  absl::Status status = shards_[shard]->caller().Call(
      [&](const Replica& replica, grpc::ClientContext* context) {
        v1::Dedup::Stub stub(replica.channel());
        v1::CommitResponse response;
        return stub.Commit(context, request, &response);
      });
  if (status.ok()) return status;
  return absl::Status(status.code(), absl::StrCat("commit: ", status.message()));
}

absl::StatusOr<v1::StageResponse> ShardedDedupClient::Process(
    const StageInput& input) {
  if (shards_.size() == 1) return shards_[0]->Process(input);
  std::vector<absl::StatusOr<v1::StageResponse>> answers(shards_.size());
  {
    // One request, serialised by every shard's call.
    LentRequest lent(input);
    ForEachInParallel(shards_.size(), [&](size_t shard) {
      answers[shard] = shards_[shard]->ProcessRequest(lent.request());
    });
  }
  std::vector<v1::DuplicateVerdict> verdicts;
  verdicts.reserve(shards_.size());
  for (size_t shard = 0; shard < shards_.size(); ++shard) {
    absl::StatusOr<v1::StageResponse>& answer = answers[shard];
    // The message names the shard (its pool is "dedup/shardN").
    if (!answer.ok()) return answer.status();
    // A shard could not take the document: nothing to merge or commit.
    if (answer->has_error()) return *std::move(answer);
    verdicts.push_back(std::move(*answer->mutable_duplicate()));
  }
  v1::StageResponse merged;
  *merged.mutable_duplicate() = MergeShardVerdicts(std::move(verdicts));
  std::vector<absl::Status> commits(shards_.size());
  ForEachInParallel(shards_.size(), [&](size_t shard) {
    commits[shard] = Commit(shard, input.document.id(), merged.duplicate());
  });
  for (const absl::Status& status : commits) GLEANER_RETURN_IF_ERROR(status);
  return merged;
}

}  // namespace coordinator
}  // namespace gleaner
