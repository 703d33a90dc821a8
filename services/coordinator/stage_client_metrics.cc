#include "services/coordinator/stage_client_metrics.h"

#include "absl/strings/ascii.h"

namespace gleaner {
namespace coordinator {

std::string StageLabelOfService(absl::string_view full_service_name) {
  const size_t dot = full_service_name.rfind('.');
  return absl::AsciiStrToLower(dot == absl::string_view::npos
                                   ? full_service_name
                                   : full_service_name.substr(dot + 1));
}

StageClientMetrics::StageClientMetrics(std::string stage,
                                       metrics::Registry& registry)
    : stage_(std::move(stage)), registry_(registry) {}

StageClientMetrics::Replica& StageClientMetrics::ForReplica(
    const std::string& replica) {
  absl::MutexLock lock(&mu_);
  std::unique_ptr<Replica>& entry = replicas_[replica];
  if (entry == nullptr) {
    entry = std::make_unique<Replica>(stage_, replica, registry_);
  }
  return *entry;
}

StageClientMetrics::Replica::Replica(const std::string& stage,
                                     const std::string& replica,
                                     metrics::Registry& registry)
    : stage_(stage),
      replica_(replica),
      attempts_(registry.AddCounter(
          "gleaner_stage_client_attempts_total",
          "Calls the coordinator made to a stage replica (one per attempt), "
          "by stage, replica and status code.",
          {"stage", "replica", "code"})),
      seconds_(registry
                   .AddHistogram("gleaner_stage_client_attempt_seconds",
                                 "Time of one attempt at one document on one "
                                 "replica, by stage and replica.",
                                 {"stage", "replica"},
                                 metrics::LatencyBuckets())
                   .WithLabels({stage, replica})),
      retries_(registry
                   .AddCounter("gleaner_stage_client_retries_total",
                               "Failed attempts on a replica that were tried "
                               "again, by stage and replica.",
                               {"stage", "replica"})
                   .WithLabels({stage, replica})),
      ejections_(registry
                     .AddCounter("gleaner_stage_client_ejections_total",
                                 "Times a replica was set aside after "
                                 "timeouts or failures, by stage and replica.",
                                 {"stage", "replica"})
                     .WithLabels({stage, replica})) {
  for (auto& counter : by_code_) counter.store(nullptr);
}

void StageClientMetrics::Replica::Attempt(const absl::Status& status,
                                          absl::Duration elapsed) {
  seconds_.Observe(absl::ToDoubleSeconds(elapsed));
  const int code = static_cast<int>(status.code());
  if (code < 0 || code >= kCodes) {
    attempts_.WithLabels({stage_, replica_, "UNKNOWN"}).Increment();
    return;
  }
  metrics::Counter* counter = by_code_[code].load(std::memory_order_acquire);
  if (counter == nullptr) {
    counter = &attempts_.WithLabels(
        {stage_, replica_, absl::StatusCodeToString(status.code())});
    by_code_[code].store(counter, std::memory_order_release);
  }
  counter->Increment();
}

}  // namespace coordinator
}  // namespace gleaner
