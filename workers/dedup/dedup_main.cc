// The dedup worker server:
//   gleaner_dedup --port=7001 --index_dir=/var/lib/gleaner/dedup
//       [--shard_index=0 --num_shards=1]
// With several shards, run one server per shard index; the coordinator
// sends every document to all of them and commits the merged verdict.
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "services/common/document_limits.h"
#include "services/common/event_log.h"
#include "services/common/security_flags.h"
#include "services/common/server_flags.h"
#include "services/common/server_runner.h"
#include "workers/dedup/dedup_service.h"
#include "workers/dedup/dedup_stage.h"

ABSL_FLAG(int, port, 7001, "Port to listen on (0 picks a free one).");
ABSL_FLAG(std::string, index_dir, "",
          "Directory of the persistent index; empty keeps it in memory.");
ABSL_FLAG(int, shard_index, 0, "This replica's shard, 0..num_shards-1.");
ABSL_FLAG(int, num_shards, 1, "Number of dedup shards.");
ABSL_FLAG(double, threshold, gleaner::workers::dedup::DedupOptions().threshold,
          "Estimated Jaccard similarity that makes a near duplicate.");

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  gleaner::workers::dedup::DedupOptions dedup_options;
  dedup_options.index_dir = absl::GetFlag(FLAGS_index_dir);
  dedup_options.shard_index = absl::GetFlag(FLAGS_shard_index);
  dedup_options.num_shards = absl::GetFlag(FLAGS_num_shards);
  dedup_options.threshold = absl::GetFlag(FLAGS_threshold);
  // The coordinator enforced the size limits on entry; this is the same
  // table, so no document it admits is refused here.
  dedup_options.max_document_bytes = gleaner::DocumentLimits().max_text_bytes;
  auto stage = gleaner::workers::dedup::DedupStage::Create(dedup_options);
  if (!stage.ok()) {
    gleaner::LogServerFailed("gleaner.v1.Dedup", stage.status());
    return 1;
  }
  gleaner::workers::dedup::DedupService service(stage->get());
  gleaner::ServerRunnerOptions options;
  gleaner::ApplyServerFlags(&options);
  options.port = absl::GetFlag(FLAGS_port);
  options.name = "gleaner.v1.Dedup";
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
