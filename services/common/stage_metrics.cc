#include "services/common/stage_metrics.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace gleaner {

std::string StageLabel(v1::Stage stage) {
  // The aggregate stage is served by the aggregator: one name for both,
  // as the clients' labels (StageLabelOfService) call it.
  if (stage == v1::STAGE_AGGREGATE) return "aggregator";
  const std::string& name = v1::Stage_Name(stage);
  if (name.empty()) return absl::StrCat("stage_", static_cast<int>(stage));
  return absl::AsciiStrToLower(absl::StripPrefix(name, "STAGE_"));
}

std::string StageLabelOfService(absl::string_view full_service_name) {
  const size_t dot = full_service_name.rfind('.');
  return absl::AsciiStrToLower(dot == absl::string_view::npos
                                   ? full_service_name
                                   : full_service_name.substr(dot + 1));
}

StageMetrics::StageMetrics(v1::Stage stage, metrics::Registry& registry)
    : stage_(StageLabel(stage)),
      errors_(registry.AddCounter(
          "gleaner_stage_document_errors_total",
          "Documents a stage answered with an error, by stage and code.",
          {"stage", "code"})),
      documents_(registry
                     .AddCounter("gleaner_stage_documents_total",
                                 "Documents a stage answered (failed ones "
                                 "included), by stage.",
                                 {"stage"})
                     .WithLabels({stage_})),
      bytes_(registry
                 .AddCounter("gleaner_stage_bytes_total",
                             "Bytes of cleaned text a stage received, by "
                             "stage.",
                             {"stage"})
                 .WithLabels({stage_})),
      in_flight_(registry
                     .AddGauge("gleaner_stage_in_flight",
                               "Documents a stage is handling now, by stage.",
                               {"stage"})
                     .WithLabels({stage_})),
      seconds_(registry
                   .AddHistogram("gleaner_stage_processing_seconds",
                                 "Time a stage spent on one document, by "
                                 "stage.",
                                 {"stage"}, metrics::LatencyBuckets())
                   .WithLabels({stage_})) {}

StageMetrics::Call StageMetrics::Start(uint64_t text_bytes) {
  bytes_.Increment(text_bytes);
  in_flight_.Increment();
  return Call(this);
}

void StageMetrics::Call::Finish(const v1::StageResponse& response) {
  metrics_->seconds_.Observe(absl::ToDoubleSeconds(absl::Now() - start_));
  metrics_->in_flight_.Decrement();
  metrics_->documents_.Increment();
  if (response.has_error()) {
    // Errors are rare: looking the code's counter up under the family's
    // lock costs nothing on the path of a good document.
    metrics_->errors_.WithLabels({metrics_->stage_, response.error().code()})
        .Increment();
  }
}

}  // namespace gleaner
