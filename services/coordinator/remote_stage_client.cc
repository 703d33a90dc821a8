#include "services/coordinator/remote_stage_client.h"

#include "absl/strings/str_join.h"

namespace gleaner {
namespace coordinator {

absl::StatusOr<std::unique_ptr<ReplicaPool>> CreateStagePool(
    const std::string& name, const RemoteStageOptions& options) {
  for (const std::string& address : options.addresses) {
    if (address.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": empty replica address"));
    }
  }
  ReplicaPoolOptions pool = options.pool;
  if (pool.name.empty()) pool.name = name;
  pool.target = absl::StrJoin(options.addresses, ",");
  pool.channel.max_message_bytes = options.max_message_bytes;
  // Every replica, health probes included, sees the coordinator's identity.
  pool.channel.credentials = options.credentials;
  return ReplicaPool::Create(std::move(pool));
}

RetryOptions StageRetryOptions(const RemoteStageOptions& options) {
  RetryOptions retry;
  retry.attempt_deadline = options.deadline;
  retry.max_attempts = options.max_attempts;
  retry.budget = options.budget;
  return retry;
}

}  // namespace coordinator
}  // namespace gleaner
