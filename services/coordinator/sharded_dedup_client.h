// The dedup stage over gRPC: N shards of one index.
//
// A shard owns a share of the index's keys, so every document goes to
// every shard (in submission order: the pipeline's dedup thread is
// sequential), the shards' verdicts are merged here (dedup_merge.h) into the
// one an unsharded index would give, and the merged verdict is committed
// back to every shard so that later documents name the right cluster. The
// shards are asked, and committed to, in parallel. With one shard this is a
// plain remote stage.
#ifndef GLEANER_SERVICES_COORDINATOR_SHARDED_DEDUP_CLIENT_H_
#define GLEANER_SERVICES_COORDINATOR_SHARDED_DEDUP_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/dedup_service.grpc.pb.h"
#include "services/coordinator/remote_stage_client.h"
#include "services/coordinator/stage_client.h"

namespace gleaner {
namespace coordinator {

// Thread-safe, but verdicts are only exact when documents arrive one at a
// time in a fixed order (the pipeline's dedup thread). Not copyable.
class ShardedDedupClient : public StageClient {
 public:
  // `options.addresses` lists the shards in shard-index order, one entry
  // each (host:port, or dns:///name:port naming one pod). A shard is one
  // process, never replicated: it owns its index log, and two writers
  // would diverge. A shard that is down or restarting is retried and
  // waited for (retrying_caller.h), never replaced by another.
  static absl::StatusOr<std::unique_ptr<ShardedDedupClient>> Create(
      const RemoteStageOptions& options);

  absl::StatusOr<v1::StageResponse> Process(const StageInput& input) override;

  // The shards' pools, for readiness and metrics.
  std::vector<ReplicaPool*> pools();

 private:
  explicit ShardedDedupClient(
      std::vector<std::unique_ptr<RemoteStageClient<v1::Dedup>>> shards)
      : shards_(std::move(shards)) {}

  absl::Status Commit(size_t shard, const std::string& document_id,
                      const v1::DuplicateVerdict& merged);

  std::vector<std::unique_ptr<RemoteStageClient<v1::Dedup>>> shards_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_SHARDED_DEDUP_CLIENT_H_
