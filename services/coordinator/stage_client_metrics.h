// What the coordinator counts about its calls to one stage's replicas,
// exported on its /metrics (see docs/operations.md):
//   gleaner_stage_client_attempts_total{stage,replica,code}
//       unary calls made (one per attempt), by outcome
//   gleaner_stage_client_attempt_seconds{stage,replica}
//       time per attempt
//   gleaner_stage_client_retries_total{stage,replica}
//       failed attempts on `replica` that were retried (elsewhere)
//   gleaner_stage_client_ejections_total{stage,replica}
//       times `replica` was set aside for a cool-down
// `replica` is the address as configured (host:port or a dns:/// target).
//
//   StageClientMetrics metrics("sentence");
//   StageClientMetrics::Replica& replica = metrics.ForReplica(address);
//   // keep `replica`; per attempt:
//   replica.Attempt(status, elapsed);
//   if (retrying) replica.Retried();
//   if (ejecting) replica.Ejected();
#ifndef GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_METRICS_H_
#define GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_METRICS_H_

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/metrics/metrics.h"

namespace gleaner {
namespace coordinator {

// The stage label for a generated service's full name: the lower-cased
// last component ("gleaner.v1.Sentence" -> "sentence"), as StageLabel
// names the stages.
std::string StageLabelOfService(absl::string_view full_service_name);

// One stage's client-side counters. Thread-safe; not copyable.
class StageClientMetrics {
 public:
  explicit StageClientMetrics(
      std::string stage,
      metrics::Registry& registry = metrics::DefaultRegistry());
  StageClientMetrics(const StageClientMetrics&) = delete;
  StageClientMetrics& operator=(const StageClientMetrics&) = delete;

  // One replica's counters; each call is a few atomic adds (the counter of
  // a status code is looked up once). Thread-safe; not copyable.
  class Replica {
   public:
    Replica(const std::string& stage, const std::string& replica,
            metrics::Registry& registry);
    Replica(const Replica&) = delete;
    Replica& operator=(const Replica&) = delete;

    // Counts one attempt and its outcome.
    void Attempt(const absl::Status& status, absl::Duration elapsed);
    // Counts a failed attempt on this replica that is tried again.
    void Retried() { retries_.Increment(); }
    // Counts this replica being set aside.
    void Ejected() { ejections_.Increment(); }

   private:
    static constexpr int kCodes = 17;  // absl::StatusCode 0..16
    const std::string stage_, replica_;
    metrics::Family<metrics::Counter>& attempts_;
    std::array<std::atomic<metrics::Counter*>, kCodes> by_code_;
    metrics::Histogram& seconds_;
    metrics::Counter& retries_;
    metrics::Counter& ejections_;
  };

  // The counters of `replica`, created on first use; the reference stays
  // valid as long as this object. Takes a lock: keep the result.
  Replica& ForReplica(const std::string& replica);

  const std::string& stage() const { return stage_; }

 private:
  const std::string stage_;
  metrics::Registry& registry_;
  absl::Mutex mu_;
  std::map<std::string, std::unique_ptr<Replica>> replicas_ ABSL_GUARDED_BY(mu_);
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_METRICS_H_
