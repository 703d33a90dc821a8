// Runs one logical call (one document at one stage) over a ReplicaPool:
// each attempt has its own deadline and goes to the next usable replica; a
// failure another attempt may fix is retried, and when no replica is usable
// (the only one is restarting, or all are) the caller backs off and waits
// for one to become ready, all within one budget per call. This is how a
// restarted dedup shard or aggregator is waited for instead of leaving the
// document without a verdict; the pipeline's dedup thread waits with it, so
// dedup order is kept.
//
//   RetryingCaller caller(options, pool.get());
//   v1::StageResponse response;
//   absl::Status status = caller.Call(
//       [&](const Replica& replica, grpc::ClientContext* context) {
//         v1::Sentence::Stub stub(replica.channel());
//         return stub.Process(context, request, &response);
//       });
#ifndef GLEANER_SERVICES_COORDINATOR_RETRYING_CALLER_H_
#define GLEANER_SERVICES_COORDINATOR_RETRYING_CALLER_H_

#include <atomic>
#include <cstdint>
#include <functional>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "services/coordinator/replica_pool.h"
#include "services/metrics/metrics.h"

namespace gleaner {
namespace coordinator {

// True for failures another attempt may fix. CANCELLED is among them: the
// coordinator never cancels its own stage calls, so a cancelled call means a
// worker shutting down (its grace period ran out), as in a rolling restart.
inline bool IsRetryable(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status) ||
         absl::IsAborted(status) || absl::IsCancelled(status);
}

struct RetryOptions {
  // Deadline of one attempt (60 s).
  absl::Duration attempt_deadline = absl::Seconds(60);
  // Attempts per call (3). Waits for a restarting replica are one attempt
  // each, so a small number suffices.
  int max_attempts = 3;
  // Longest one call may take over all its attempts, back-offs and waits
  // (3 min). Attempt deadlines are cut to what is left of it.
  absl::Duration budget = absl::Minutes(3);
  // Back-off before an attempt when no replica is usable: doubles from
  // `initial_backoff` (100 ms) up to `max_backoff` (2 s).
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(2);
};

// Thread-safe; not copyable.
class RetryingCaller {
 public:
  // One attempt: make the call on `replica` with `context` (its deadline
  // and wait-for-ready already set) and return gRPC's status.
  using Attempt =
      std::function<grpc::Status(const Replica& replica,
                                 grpc::ClientContext* context)>;

  // `pool` is not owned and must outlive the caller. Exports the stage's
  // retries counter (at 0) from the start.
  RetryingCaller(RetryOptions options, ReplicaPool* pool);
  RetryingCaller(const RetryingCaller&) = delete;
  RetryingCaller& operator=(const RetryingCaller&) = delete;

  // Runs `attempt` until it succeeds, fails in a way retrying cannot fix,
  // or attempts or budget run out; returns the last status, its message
  // prefixed with the replica's address. A wait for a replica that never
  // became ready ends in kUnavailable (not kDeadlineExceeded): the stage
  // was not there, it was not slow.
  absl::Status Call(const Attempt& attempt);

  // Attempts after the first, over the caller's life (for metrics).
  uint64_t retries() const { return retries_.load(); }

  ReplicaPool& pool() { return *pool_; }

 private:
  // One attempt on `picked`; reports the outcome to the pool.
  absl::Status AttemptOn(const PickedReplica& picked, absl::Time give_up,
                         const Attempt& attempt);

  const RetryOptions options_;
  ReplicaPool* const pool_;
  std::atomic<uint64_t> retries_{0};
  // gleaner_stage_retries_total{stage=<pool name>}.
  metrics::Counter& retries_metric_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_RETRYING_CALLER_H_
