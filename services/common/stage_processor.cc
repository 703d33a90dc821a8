#include "services/common/stage_processor.h"

#include <string>

#include "absl/status/status.h"
#include "services/common/status_message.h"

namespace gleaner {

void SetStageError(v1::Stage stage, const absl::Status& status,
                   v1::StageError* error) {
  error->set_stage(stage);
  error->set_code(absl::StatusCodeToString(status.code()));
  error->set_message(CapMessage(status.message()));
}

void AddStageError(v1::Stage stage, const absl::Status& status,
                   v1::DocumentResult* result) {
  SetStageError(stage, status, result->add_errors());
}

v1::StageResponse RunStage(StageProcessor& processor, v1::Stage stage,
                           const StageInput& input) {
  v1::StageResponse response;
  absl::Status status = processor.Process(input, &response);
  if (!status.ok()) {
    response.Clear();  // a partial delta is never merged
    SetStageError(stage, status, response.mutable_error());
  }
  return response;
}

}  // namespace gleaner
