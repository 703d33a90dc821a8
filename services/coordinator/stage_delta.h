// Merges a stage's answer (its delta) into the one DocumentResult the job
// owns. The coordinator's side of the delta contract in stage.proto: each
// stage adds only its own fields, and nothing else in the result changes.
//
//   absl::StatusOr<v1::StageResponse> answer = client->Process({job, result});
//   if (answer.ok()) MergeStageResponse(v1::STAGE_SENTENCE, *std::move(answer), &result);
#ifndef GLEANER_SERVICES_COORDINATOR_STAGE_DELTA_H_
#define GLEANER_SERVICES_COORDINATOR_STAGE_DELTA_H_

#include "proto/gleaner/v1/document.pb.h"
#include "proto/gleaner/v1/stage.pb.h"

namespace gleaner {
namespace coordinator {

// Merges `response` from `stage` into `result`: the stage's error is
// appended to result.errors; otherwise its delta is moved in (not copied)
// and `stage` appended to completed_stages. A delta of the wrong kind for
// the stage, or with a span outside result.text, is not merged and is
// recorded as a kInternal error of `stage`.
void MergeStageResponse(v1::Stage stage, v1::StageResponse response,
                        v1::DocumentResult* result);

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_STAGE_DELTA_H_
