// The extract worker server:
//   gleaner_extract --port=7003 [--gazetteer=mine.tsv,other.tsv] [--lexicon=my_titles.tsv]
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "proto/gleaner/v1/extract_service.grpc.pb.h"
#include "services/common/document_limits.h"
#include "services/common/security_flags.h"
#include "services/common/server_flags.h"
#include "services/common/server_runner.h"
#include "services/common/stage_service.h"
#include "workers/extract/extract_stage.h"

ABSL_FLAG(int, port, 7003, "Port to listen on (0 picks a free one).");
ABSL_FLAG(std::vector<std::string>, gazetteer, {},
          "Extra gazetteer TSV files, comma-separated.");
ABSL_FLAG(std::vector<std::string>, lexicon, {},
          "Extra entity word-list files (list<TAB>entry lines), comma-separated.");

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  gleaner::workers::extract::ExtractStageOptions stage_options;
  stage_options.gazetteer_paths = absl::GetFlag(FLAGS_gazetteer);
  stage_options.lexicon_paths = absl::GetFlag(FLAGS_lexicon);
  stage_options.max_number_digits = gleaner::DocumentLimits().max_number_digits;
  auto stage = gleaner::workers::extract::ExtractStage::Create(stage_options);
  if (!stage.ok()) {
    std::cerr << "gleaner.v1.Extract: " << stage.status() << std::endl;
    return 1;
  }
  gleaner::StageService<gleaner::v1::Extract> service(
      stage->get(), gleaner::v1::STAGE_EXTRACT);
  gleaner::ServerRunnerOptions options;
  gleaner::ApplyServerFlags(&options);
  options.port = absl::GetFlag(FLAGS_port);
  options.name = "gleaner.v1.Extract";
  // Internal service: only the coordinator's certificate gets in.
  if (absl::Status security = gleaner::ApplySecurityFlags(
          gleaner::ClientCertificates::kRequire, &options);
      !security.ok()) {
    std::cerr << options.name << ": " << security << std::endl;
    return 2;
  }
  absl::Status status = gleaner::RunServerUntilSignalled(options, {&service});
  if (!status.ok()) std::cerr << options.name << ": " << status << std::endl;
  return status.ok() ? 0 : 1;
}
