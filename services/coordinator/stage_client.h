// How the coordinator reaches one pipeline stage: in-process (embedded mode)
// or over gRPC (distributed mode). The pipeline sees only this interface, so
// both modes follow one route and give the same output by construction.
// Either way the stage reads the job's result and answers with its delta.
#ifndef GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_H_
#define GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_H_

#include <string>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/common/stage_processor.h"

namespace gleaner {
namespace coordinator {

// One stage. Implementations are thread-safe.
class StageClient {
 public:
  virtual ~StageClient() = default;

  // Runs the stage on one document and returns its delta. A failure of the
  // stage on this document is reported inside the response
  // (StageResponse.error); an error status means the stage could not be
  // reached at all (kUnavailable, kDeadlineExceeded, ...), and the pipeline
  // records it for the document.
  virtual absl::StatusOr<v1::StageResponse> Process(
      const StageInput& input) = 0;

  // Process, for a stage sent the whole result (the aggregator): a remote
  // stage leaves in `*serialized` the result as it serialised it for the
  // request, without the text (result_wire.h), so that the coordinator can
  // send it on to the client without serialising it again. An in-process
  // stage serialises nothing and leaves it empty.
  virtual absl::StatusOr<v1::StageResponse> ProcessKeepingWire(
      const StageInput& input, std::string* serialized) {
    serialized->clear();
    return Process(input);
  }
};

// A stage run in this process by calling its processor directly, on the
// caller's result (no copy).
class LocalStageClient : public StageClient {
 public:
  // `processor` is not owned and must outlive the client.
  LocalStageClient(StageProcessor* processor, v1::Stage stage)
      : processor_(processor), stage_(stage) {}

  absl::StatusOr<v1::StageResponse> Process(const StageInput& input) override {
    return RunStage(*processor_, stage_, input);
  }

 private:
  StageProcessor* const processor_;
  const v1::Stage stage_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_STAGE_CLIENT_H_
