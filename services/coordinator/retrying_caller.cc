#include "services/coordinator/retrying_caller.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/grpc_status.h"
#include "services/metrics/metrics.h"

namespace gleaner {
namespace coordinator {
namespace {

metrics::Family<metrics::Counter>& RetriesMetric() {
  static metrics::Family<metrics::Counter>* const family =
      &metrics::DefaultRegistry().AddCounter(
          "gleaner_stage_retries_total",
          "Attempts after the first at one call (a document at a stage), by "
          "stage.",
          {"stage"});
  return *family;
}

}  // namespace

RetryingCaller::RetryingCaller(RetryOptions options, ReplicaPool* pool)
    : options_(options),
      pool_(pool),
      retries_metric_(RetriesMetric().WithLabels({pool->name()})) {}

absl::Status RetryingCaller::AttemptOn(const PickedReplica& picked,
                                       absl::Time give_up,
                                       const Attempt& attempt) {
  const Replica& replica = *picked.replica;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(
      std::min(absl::Now() + options_.attempt_deadline, give_up)));
  // No replica is usable: queue on this one until it is back (or the
  // deadline) instead of failing at once.
  context.set_wait_for_ready(!picked.ready);
  absl::Status status = FromGrpcStatus(attempt(replica, &context));
  if (absl::IsDeadlineExceeded(status) && !picked.ready &&
      replica.channel()->GetState(false) != GRPC_CHANNEL_READY) {
    status = absl::UnavailableError(
        "not reachable within the deadline (down or restarting)");
  }
  pool_->Report(replica, status);
  if (status.ok()) return status;
  return absl::Status(status.code(), absl::StrCat(pool_->name(), " ",
                                                  replica.address(), ": ",
                                                  status.message()));
}

absl::Status RetryingCaller::Call(const Attempt& attempt) {
  const absl::Time give_up = absl::Now() + options_.budget;
  absl::Duration backoff = options_.initial_backoff;
  absl::Status last = absl::UnavailableError(
      absl::StrCat(pool_->name(), ": no replica resolved"));
  const Replica* previous = nullptr;
  for (int n = 0; n < std::max(1, options_.max_attempts); ++n) {
    if (n > 0) {
      ++retries_;
      retries_metric_.Increment();
    }
    PickedReplica picked = pool_->Pick(previous);
    if (picked.replica != nullptr) {
      last = AttemptOn(picked, give_up, attempt);
      if (last.ok() || !IsRetryable(last)) return last;
      previous = picked.replica.get();
      // Another usable replica may answer at once: no back-off.
      if (picked.ready && pool_->HasUsableReplica()) continue;
    }
    const absl::Duration left = give_up - absl::Now();
    if (left <= absl::ZeroDuration()) break;
    // A back-off between attempts, not synchronisation: nothing to wait on
    // but time while a replica restarts.
    absl::SleepFor(std::min(backoff, left));
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
  return last;
}

}  // namespace coordinator
}  // namespace gleaner
