// The main of every worker server: builds the stage, wraps it in its gRPC
// service and serves until SIGTERM.
//
//   int main(int argc, char** argv) {
//     absl::ParseCommandLine(argc, argv);
//     return RunStageServer<v1::Sentence>("gleaner.v1.Sentence",
//         v1::STAGE_SENTENCE, SentenceStage::Create());
//   }
#ifndef GLEANER_WORKERS_COMMON_STAGE_MAIN_H_
#define GLEANER_WORKERS_COMMON_STAGE_MAIN_H_

#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "services/common/server_runner.h"
#include "services/common/stage_service.h"

ABSL_DECLARE_FLAG(int, port);

namespace gleaner {
namespace workers {

// Serves `stage` (or reports why it could not be built) on --port. Returns
// the process exit code.
template <typename GeneratedService, typename Processor>
int RunStageServer(const std::string& name, v1::Stage stage_kind,
                   absl::StatusOr<std::unique_ptr<Processor>> stage) {
  if (!stage.ok()) {
    std::cerr << name << ": " << stage.status() << std::endl;
    return 1;
  }
  StageService<GeneratedService> service(stage->get(), stage_kind);
  ServerRunnerOptions options;
  options.port = absl::GetFlag(FLAGS_port);
  options.name = name;
  absl::Status status = RunServerUntilSignalled(options, {&service});
  if (!status.ok()) {
    std::cerr << name << ": " << status << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_COMMON_STAGE_MAIN_H_
