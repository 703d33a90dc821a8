// The extract worker's stage: entities and amounts over a cleaned text.
#ifndef GLEANER_WORKERS_EXTRACT_EXTRACT_STAGE_H_
#define GLEANER_WORKERS_EXTRACT_EXTRACT_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/common/stage_processor.h"
#include "workers/extract/amounts/amount_extractor.h"
#include "workers/extract/entities/entity_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {

struct ExtractStageOptions {
  // Extra gazetteer files (TSV), on top of the shipped one.
  std::vector<std::string> gazetteer_paths;
};

// Thread-safe; not copyable.
class ExtractStage : public StageProcessor {
 public:
  // Compiles the patterns and loads the gazetteers; kInvalidArgument (with
  // file and line) for a bad gazetteer file, kNotFound for a missing one.
  static absl::StatusOr<std::unique_ptr<ExtractStage>> Create(
      ExtractStageOptions options = {});

  // Fills entities and amounts from result.text. Mentions inside
  // boilerplate blocks and repeated blocks are flagged.
  absl::Status Process(const v1::StageRequest& request,
                       v1::DocumentResult* result) override;

 private:
  ExtractStage(std::unique_ptr<EntityExtractor> entities,
               std::unique_ptr<amounts::AmountExtractor> amounts)
      : entities_(std::move(entities)), amounts_(std::move(amounts)) {}

  std::unique_ptr<EntityExtractor> entities_;
  std::unique_ptr<amounts::AmountExtractor> amounts_;
};

}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_EXTRACT_STAGE_H_
