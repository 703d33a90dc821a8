// How the coordinator reaches one pipeline stage: in-process (embedded mode)
// or over gRPC (distributed mode). The pipeline sees only this interface, so
// both modes follow one route and give the same output by construction.
#ifndef GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_H_
#define GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_H_

#include <memory>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/common/stage_processor.h"

namespace gleaner {
namespace coordinator {

// One stage. Implementations are thread-safe.
class StageClient {
 public:
  virtual ~StageClient() = default;

  // Runs the stage on one document. A failure of the stage on this document
  // is reported inside the returned result (result.errors); an error status
  // means the stage could not be reached at all (kUnavailable,
  // kDeadlineExceeded, ...), and the pipeline records it for the document.
  virtual absl::StatusOr<v1::DocumentResult> Process(
      const v1::StageRequest& request) = 0;
};

// A stage run in this process by calling its processor directly.
class LocalStageClient : public StageClient {
 public:
  // `processor` is not owned and must outlive the client.
  LocalStageClient(StageProcessor* processor, v1::Stage stage)
      : processor_(processor), stage_(stage) {}

  absl::StatusOr<v1::DocumentResult> Process(
      const v1::StageRequest& request) override {
    return RunStage(*processor_, stage_, request);
  }

 private:
  StageProcessor* const processor_;
  const v1::Stage stage_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_H_
