// The sentence worker server: gleaner_sentence --port=7002

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "proto/gleaner/v1/sentence_service.grpc.pb.h"
#include "services/common/event_log.h"
#include "services/common/security_flags.h"
#include "services/common/server_flags.h"
#include "services/common/server_runner.h"
#include "services/common/stage_service.h"
#include "workers/sentence/sentence_stage.h"

ABSL_FLAG(int, port, 7002, "Port to listen on (0 picks a free one).");

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  auto stage = gleaner::workers::sentence::SentenceStage::Create();
  if (!stage.ok()) {
    gleaner::LogServerFailed("gleaner.v1.Sentence", stage.status());
    return 1;
  }
  gleaner::StageService<gleaner::v1::Sentence> service(
      stage->get(), gleaner::v1::STAGE_SENTENCE);
  gleaner::ServerRunnerOptions options;
  gleaner::ApplyServerFlags(&options);
  options.port = absl::GetFlag(FLAGS_port);
  options.name = "gleaner.v1.Sentence";
  // Internal service: only the coordinator's certificate gets in.
  if (absl::Status security = gleaner::ApplySecurityFlags(
          gleaner::ClientCertificates::kRequire, &options);
      !security.ok()) {
    gleaner::LogServerFailed(options.name, security);
    return 2;
  }
  absl::Status status = gleaner::RunServerUntilSignalled(options, {&service});
  if (!status.ok()) gleaner::LogServerFailed(options.name, status);
  return status.ok() ? 0 : 1;
}
