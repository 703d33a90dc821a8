#include "services/common/stage_processor.h"

#include <string>

#include "absl/status/status.h"
#include "services/common/status_message.h"

namespace gleaner {

void AddStageError(v1::Stage stage, const absl::Status& status,
                   v1::DocumentResult* result) {
  v1::StageError* error = result->add_errors();
  error->set_stage(stage);
  error->set_code(absl::StatusCodeToString(status.code()));
  error->set_message(CapMessage(status.message()));
}

v1::DocumentResult RunStage(StageProcessor& processor, v1::Stage stage,
                            const v1::StageRequest& request) {
  v1::DocumentResult result = request.result();
  absl::Status status = processor.Process(request, &result);
  if (status.ok()) {
    result.add_completed_stages(stage);
  } else {
    AddStageError(stage, status, &result);
  }
  return result;
}

}  // namespace gleaner
