// The interface every pipeline stage's logic implements, and the one place
// that turns a stage failure into a per-document StageError.
//
// A stage reads the document's result so far (the text the coordinator
// cleaned on entry, its blocks, earlier stages' fields) and writes only what
// it adds into a StageResponse (a delta). The worker's gRPC service wraps a
// processor for the distributed mode; the coordinator calls it directly in
// the embedded mode, with a reference to the one result the job owns, so
// both modes run the same code and neither copies a result.
//
//   v1::StageResponse delta = RunStage(processor, v1::STAGE_SENTENCE,
//                                      {job_id, result});
#ifndef GLEANER_SERVICES_COMMON_STAGE_PROCESSOR_H_
#define GLEANER_SERVICES_COMMON_STAGE_PROCESSOR_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/stage.pb.h"

namespace gleaner {

// What a stage reads for one document. Refers to, and never owns, the
// caller's data, which must outlive the call.
struct StageInput {
  // The job (one batch) the document belongs to.
  absl::string_view job_id;
  // The result so far; all offsets point into `document.text()`.
  const v1::DocumentResult& document;
};

// One stage's logic. Implementations must be thread-safe: the embedded
// pipeline and the gRPC service call Process from several threads at once.
class StageProcessor {
 public:
  virtual ~StageProcessor() = default;

  // Writes this stage's delta into `response` (which starts empty). Returns
  // an error (the most specific canonical code) when the stage cannot
  // handle the document; RunStage then drops any partial delta.
  virtual absl::Status Process(const StageInput& input,
                               v1::StageResponse* response) = 0;
};

// Runs `processor` on `input` and returns its delta, or a response whose
// `error` names `stage`, the status code and the (capped) message. Never
// fails itself.
v1::StageResponse RunStage(StageProcessor& processor, v1::Stage stage,
                           const StageInput& input);

// Fills `error` for `stage` from `status`'s code and (capped) message.
// REQUIRES: !status.ok().
void SetStageError(v1::Stage stage, const absl::Status& status,
                   v1::StageError* error);

// Appends a StageError for `stage` to `result.errors`.
// REQUIRES: !status.ok().
void AddStageError(v1::Stage stage, const absl::Status& status,
                   v1::DocumentResult* result);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_STAGE_PROCESSOR_H_
