// The extract worker server:
//   gleaner_extract --port=7003 [--gazetteer=mine.tsv,other.tsv]
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "services/common/server_runner.h"
#include "proto/gleaner/v1/extract_service.grpc.pb.h"
#include "workers/common/stage_main.h"
#include "workers/extract/extract_stage.h"

ABSL_FLAG(std::vector<std::string>, gazetteer, {},
          "Extra gazetteer TSV files, comma-separated.");

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  gleaner::workers::extract::ExtractStageOptions options;
  options.gazetteer_paths = absl::GetFlag(FLAGS_gazetteer);
  return gleaner::workers::RunStageServer<gleaner::v1::Extract>(
      "gleaner.v1.Extract", gleaner::v1::STAGE_EXTRACT,
      gleaner::workers::extract::ExtractStage::Create(options));
}
