// What a worker counts about the documents its stage handles, exported on
// /metrics (see docs/operations.md):
//   gleaner_stage_documents_total{stage}            documents answered
//   gleaner_stage_document_errors_total{stage,code} of which failed
//   gleaner_stage_bytes_total{stage}                text bytes handled
//   gleaner_stage_in_flight{stage}                  documents being handled
//   gleaner_stage_processing_seconds{stage}         time per document
//
//   StageMetrics metrics(v1::STAGE_SENTENCE);
//   StageMetrics::Call call = metrics.Start(text_bytes);
//   ... response = RunStage(...) ...
//   call.Finish(response);
#ifndef GLEANER_SERVICES_COMMON_STAGE_METRICS_H_
#define GLEANER_SERVICES_COMMON_STAGE_METRICS_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/metrics/metrics.h"

namespace gleaner {

// The label for `stage`: "coordinator", "dedup", "sentence", "extract",
// "aggregator" ("unspecified" for STAGE_UNSPECIFIED).
std::string StageLabel(v1::Stage stage);

// The same label for a generated service's full name: its lower-cased last
// component ("gleaner.v1.Sentence" -> "sentence"). The coordinator names its
// replica pools so, and they label the per-replica metrics with it.
std::string StageLabelOfService(absl::string_view full_service_name);

// One stage's counters. Thread-safe; not copyable.
class StageMetrics {
 public:
  explicit StageMetrics(v1::Stage stage,
                        metrics::Registry& registry = metrics::DefaultRegistry());
  StageMetrics(const StageMetrics&) = delete;
  StageMetrics& operator=(const StageMetrics&) = delete;

  // One document from Start to Finish. Movable.
  class Call {
   public:
    // Counts the document, its error code (if it failed) and its time.
    void Finish(const v1::StageResponse& response);

   private:
    friend class StageMetrics;
    explicit Call(StageMetrics* metrics)
        : metrics_(metrics), start_(absl::Now()) {}
    StageMetrics* metrics_;
    absl::Time start_;
  };

  // Counts a document of `text_bytes` entering the stage.
  Call Start(uint64_t text_bytes);

 private:
  const std::string stage_;
  metrics::Family<metrics::Counter>& errors_;
  metrics::Counter& documents_;
  metrics::Counter& bytes_;
  metrics::Gauge& in_flight_;
  metrics::Histogram& seconds_;
};

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_STAGE_METRICS_H_
