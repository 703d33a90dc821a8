// The dedup worker's stage: asks the Deduplicator for a verdict on the text
// the coordinator cleaned on entry (so repeated-block offsets point into the
// result's own text) and answers with the verdict only. Merging the
// verdicts of several shards is the coordinator's job
// (services/coordinator/dedup_merge.h).
#ifndef GLEANER_WORKERS_DEDUP_DEDUP_STAGE_H_
#define GLEANER_WORKERS_DEDUP_DEDUP_STAGE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/common/stage_processor.h"
#include "workers/dedup/deduplicator.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Thread-safe; not copyable.
class DedupStage : public StageProcessor {
 public:
  // Opens (or creates) the index; errors from Deduplicator::Create. Callers
  // set options.max_document_bytes from the pipeline's DocumentLimits.
  static absl::StatusOr<std::unique_ptr<DedupStage>> Create(
      DedupOptions options);

  // Answers with StageResponse.duplicate; errors from
  // Deduplicator::Process.
  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override;

  // Records the verdict merged from every shard for a document this shard
  // processed last (see Deduplicator::RecordMergedVerdict).
  absl::Status Commit(const std::string& document_id,
                      const v1::DuplicateVerdict& merged);

  // Documents in the index, and the bytes it holds (for monitoring).
  size_t indexed_documents() const { return deduplicator_->document_count(); }
  size_t index_memory_bytes() const {
    return deduplicator_->MemoryUsageBytes();
  }

 private:
  explicit DedupStage(std::unique_ptr<Deduplicator> deduplicator)
      : deduplicator_(std::move(deduplicator)) {}

  std::unique_ptr<Deduplicator> deduplicator_;
};

// Converts the core's verdict to its proto form (the delta) and back; a
// negative sequence means "absent". Exposed for the conversion tests.
void VerdictToProto(const DedupVerdict& verdict, v1::DuplicateVerdict* out);
DedupVerdict VerdictFromProto(const v1::DuplicateVerdict& verdict);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_DEDUP_STAGE_H_
