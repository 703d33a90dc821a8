// The sentence worker server: gleaner_sentence --port=7002
#include "absl/flags/parse.h"
#include "services/common/server_runner.h"
#include "proto/gleaner/v1/sentence_service.grpc.pb.h"
#include "workers/common/stage_main.h"
#include "workers/sentence/sentence_stage.h"

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  return gleaner::workers::RunStageServer<gleaner::v1::Sentence>(
      "gleaner.v1.Sentence", gleaner::v1::STAGE_SENTENCE,
      gleaner::workers::sentence::SentenceStage::Create());
}
