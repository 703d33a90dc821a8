// What the coordinator's pipeline counts, exported on its /metrics (see
// docs/operations.md):
//   gleaner_coordinator_documents_received_total     documents submitted
//   gleaner_coordinator_bytes_received_total         their raw bytes
//   gleaner_coordinator_documents_completed_total{outcome="ok"|"failed"}
//   gleaner_coordinator_document_errors_total{stage,code}
//   gleaner_coordinator_documents_in_flight          admitted, not returned
//   gleaner_coordinator_stage_seconds{stage}         one stage on one
//                                                    document, retries included
//   gleaner_coordinator_jobs_started_total, _jobs_finished_total,
//   gleaner_coordinator_jobs_running
//
//   PipelineMetrics metrics(registry);   // one per job: lookups happen here
//   metrics.Received(bytes);
//   metrics.StageDone(v1::STAGE_SENTENCE, elapsed);
//   metrics.Delivered(result);
#ifndef GLEANER_SERVICES_COORDINATOR_PIPELINE_METRICS_H_
#define GLEANER_SERVICES_COORDINATOR_PIPELINE_METRICS_H_

#include <cstdint>

#include "absl/time/time.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/metrics/metrics.h"

namespace gleaner {
namespace coordinator {

// Thread-safe; not copyable. Every call is a few atomic adds, except that a
// failed document's error codes are looked up under the family's lock.
class PipelineMetrics {
 public:
  explicit PipelineMetrics(
      metrics::Registry& registry = metrics::DefaultRegistry());
  PipelineMetrics(const PipelineMetrics&) = delete;
  PipelineMetrics& operator=(const PipelineMetrics&) = delete;

  void JobStarted();
  void JobFinished();
  // A document arrived (before any check), with `bytes` of raw content.
  void Received(uint64_t bytes);
  // A document entered / left the in-flight window.
  void Admitted() { in_flight_.Increment(); }
  void Left() { in_flight_.Decrement(); }
  // One stage finished with one document after `elapsed` (all attempts).
  void StageDone(v1::Stage stage, absl::Duration elapsed);
  // A result is handed back: counts it and each of its errors.
  void Delivered(const v1::DocumentResult& result);

 private:
  metrics::Counter& jobs_started_;
  metrics::Counter& jobs_finished_;
  metrics::Gauge& jobs_running_;
  metrics::Counter& received_;
  metrics::Counter& bytes_;
  metrics::Counter& ok_;
  metrics::Counter& failed_;
  metrics::Family<metrics::Counter>& errors_;
  metrics::Gauge& in_flight_;
  metrics::Family<metrics::Histogram>& stage_seconds_;
  // stage_seconds_ children by v1::Stage number (looked up once).
  metrics::Histogram* by_stage_[v1::Stage_ARRAYSIZE];
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_PIPELINE_METRICS_H_
