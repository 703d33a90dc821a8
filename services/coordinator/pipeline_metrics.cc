#include "services/coordinator/pipeline_metrics.h"

#include "services/common/stage_metrics.h"

namespace gleaner {
namespace coordinator {
namespace {

metrics::Family<metrics::Counter>& Completed(metrics::Registry& registry) {
  return registry.AddCounter(
      "gleaner_coordinator_documents_completed_total",
      "Documents whose result was handed back, by outcome (ok: no stage "
      "error; failed: at least one).",
      {"outcome"});
}

}  // namespace

PipelineMetrics::PipelineMetrics(metrics::Registry& registry)
    : jobs_started_(registry
                        .AddCounter("gleaner_coordinator_jobs_started_total",
                                    "Jobs (batches) started.")
                        .WithLabels({})),
      jobs_finished_(registry
                         .AddCounter("gleaner_coordinator_jobs_finished_total",
                                     "Jobs (batches) finished or cancelled.")
                         .WithLabels({})),
      jobs_running_(registry
                        .AddGauge("gleaner_coordinator_jobs_running",
                                  "Jobs started and not yet finished.")
                        .WithLabels({})),
      received_(registry
                    .AddCounter("gleaner_coordinator_documents_received_total",
                                "Documents submitted, rejected ones included.")
                    .WithLabels({})),
      bytes_(registry
                 .AddCounter("gleaner_coordinator_bytes_received_total",
                             "Raw content bytes of the documents submitted.")
                 .WithLabels({})),
      ok_(Completed(registry).WithLabels({"ok"})),
      failed_(Completed(registry).WithLabels({"failed"})),
      errors_(registry.AddCounter(
          "gleaner_coordinator_document_errors_total",
          "Stage errors in the results handed back, by stage and code.",
          {"stage", "code"})),
      in_flight_(registry
                     .AddGauge("gleaner_coordinator_documents_in_flight",
                               "Documents admitted and not yet handed back.")
                     .WithLabels({})),
      stage_seconds_(registry.AddHistogram(
          "gleaner_coordinator_stage_seconds",
          "Time one stage took for one document, every attempt included, by "
          "stage.",
          {"stage"}, metrics::LatencyBuckets())) {
  // The four stages a document goes through; others are never timed.
  for (int stage = 0; stage < v1::Stage_ARRAYSIZE; ++stage) {
    by_stage_[stage] =
        stage >= v1::STAGE_DEDUP && stage <= v1::STAGE_AGGREGATE
            ? &stage_seconds_.WithLabels(
                  {StageLabel(static_cast<v1::Stage>(stage))})
            : nullptr;
  }
}

void PipelineMetrics::JobStarted() {
  jobs_started_.Increment();
  jobs_running_.Increment();
}

void PipelineMetrics::JobFinished() {
  jobs_finished_.Increment();
  jobs_running_.Decrement();
}

void PipelineMetrics::Received(uint64_t bytes) {
  received_.Increment();
  bytes_.Increment(bytes);
}

void PipelineMetrics::StageDone(v1::Stage stage, absl::Duration elapsed) {
  const int index = static_cast<int>(stage);
  metrics::Histogram* histogram =
      index >= 0 && index < v1::Stage_ARRAYSIZE ? by_stage_[index] : nullptr;
  if (histogram == nullptr) {
    histogram = &stage_seconds_.WithLabels({StageLabel(stage)});
  }
  histogram->Observe(absl::ToDoubleSeconds(elapsed));
}

void PipelineMetrics::Delivered(const v1::DocumentResult& result) {
  if (result.errors_size() == 0) {
    ok_.Increment();
    return;
  }
  failed_.Increment();
  for (const v1::StageError& error : result.errors()) {
    errors_.WithLabels({StageLabel(error.stage()), error.code()}).Increment();
  }
}

}  // namespace coordinator
}  // namespace gleaner
