// The interface every pipeline stage's logic implements, and the one place
// that turns a stage failure into a per-document StageError.
//
// A stage's processor is a plain library (no gRPC): the worker's gRPC
// service wraps it for the distributed mode, and the coordinator calls it
// directly in the embedded mode, so both modes run the same code.
//
//   v1::DocumentResult result = RunStage(processor, v1::STAGE_SENTENCE, request);
#ifndef GLEANER_SERVICES_COMMON_STAGE_PROCESSOR_H_
#define GLEANER_SERVICES_COMMON_STAGE_PROCESSOR_H_

#include "absl/status/status.h"
#include "proto/gleaner/v1/stage.pb.h"

namespace gleaner {

// One stage's logic. Implementations must be thread-safe: the embedded
// pipeline and the gRPC service call Process from several threads at once.
class StageProcessor {
 public:
  virtual ~StageProcessor() = default;

  // Fills this stage's fields of `result`, which starts as a copy of
  // `request.result()`. Returns an error (the most specific canonical code)
  // when the stage cannot handle the document; `result` may then hold a
  // partial answer and the caller records the error.
  virtual absl::Status Process(const v1::StageRequest& request,
                               v1::DocumentResult* result) = 0;
};

// Runs `processor` on `request` and returns the updated result, with
// `stage` appended to completed_stages on success, or a StageError for
// `stage` appended to errors on failure. Never fails itself.
v1::DocumentResult RunStage(StageProcessor& processor, v1::Stage stage,
                            const v1::StageRequest& request);

// Appends a StageError for `stage` with `status`'s code and (capped)
// message. REQUIRES: !status.ok().
void AddStageError(v1::Stage stage, const absl::Status& status,
                   v1::DocumentResult* result);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_STAGE_PROCESSOR_H_
