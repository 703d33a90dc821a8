// The dedup worker's stage: cleans the raw document the same way the
// sentence stage will (so offsets agree) and asks the Deduplicator for a
// verdict, which is also indexed. Also merges the answers of several dedup
// shards into the verdict one unsharded index gives.
#ifndef GLEANER_WORKERS_DEDUP_DEDUP_STAGE_H_
#define GLEANER_WORKERS_DEDUP_DEDUP_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/common/stage_processor.h"
#include "workers/dedup/deduplicator.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Thread-safe; not copyable.
class DedupStage : public StageProcessor {
 public:
  // Opens (or creates) the index; errors from Deduplicator::Create.
  static absl::StatusOr<std::unique_ptr<DedupStage>> Create(
      DedupOptions options);

  // Fills result.duplicate. kInvalidArgument when the content cannot be
  // cleaned (the sentence stage will report the same reason).
  absl::Status Process(const v1::StageRequest& request,
                       v1::DocumentResult* result) override;

  // Records the verdict merged from every shard for a document this shard
  // processed last (see Deduplicator::RecordMergedVerdict).
  absl::Status Commit(const std::string& document_id,
                      const v1::DuplicateVerdict& merged);

 private:
  explicit DedupStage(std::unique_ptr<Deduplicator> deduplicator)
      : deduplicator_(std::move(deduplicator)) {}

  std::unique_ptr<Deduplicator> deduplicator_;
};

// Merges the results of every dedup shard for one document (each holding
// that shard's verdict) into one result with the merged verdict. Errors of
// any shard are kept. REQUIRES: !shard_results.empty().
v1::DocumentResult MergeShardResults(
    std::vector<v1::DocumentResult> shard_results);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_DEDUP_STAGE_H_
