// The dedup worker server:
//   gleaner_dedup --port=7001 --index_dir=/var/lib/gleaner/dedup
//       [--shard_index=0 --num_shards=1]
// With several shards, run one server per shard index; the coordinator
// sends every document to all of them.
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "services/common/server_runner.h"
#include "proto/gleaner/v1/dedup_service.grpc.pb.h"
#include "workers/common/stage_main.h"
#include "workers/dedup/dedup_stage.h"

ABSL_FLAG(std::string, index_dir, "",
          "Directory of the persistent index; empty keeps it in memory.");
ABSL_FLAG(int, shard_index, 0, "This replica's shard, 0..num_shards-1.");
ABSL_FLAG(int, num_shards, 1, "Number of dedup shards.");
ABSL_FLAG(double, threshold, gleaner::workers::dedup::DedupOptions().threshold,
          "Estimated Jaccard similarity that makes a near duplicate.");

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  gleaner::workers::dedup::DedupOptions options;
  options.index_dir = absl::GetFlag(FLAGS_index_dir);
  options.shard_index = absl::GetFlag(FLAGS_shard_index);
  options.num_shards = absl::GetFlag(FLAGS_num_shards);
  options.threshold = absl::GetFlag(FLAGS_threshold);
  return gleaner::workers::RunStageServer<gleaner::v1::Dedup>(
      "gleaner.v1.Dedup", gleaner::v1::STAGE_DEDUP,
      gleaner::workers::dedup::DedupStage::Create(options));
}
