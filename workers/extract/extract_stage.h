// The extract worker's stage: entities and amounts over the text the
// coordinator cleaned on entry, then dates and the attribution of each money
// amount to its entity (after entities and amounts, sentence by sentence);
// answers with them only (ExtractDelta).
#ifndef GLEANER_WORKERS_EXTRACT_EXTRACT_STAGE_H_
#define GLEANER_WORKERS_EXTRACT_EXTRACT_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/common/stage_processor.h"
#include "workers/extract/amounts/amount_extractor.h"
#include "workers/extract/attribution/attributor.h"
#include "workers/extract/dates/date_pass.h"
#include "workers/extract/entities/entity_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {

struct ExtractStageOptions {
  // Extra gazetteer files (TSV), on top of the shipped one.
  std::vector<std::string> gazetteer_paths;
  // Extra entity word lists (`list<TAB>entry` lines), on top of the shipped
  // ones (EntityExtractorOptions::lexicon_paths).
  std::vector<std::string> lexicon_paths;
  // Fill dates and amount periods (true); off only to measure the stage
  // without them.
  bool dates = true;
  // Integer digits in one number (the default is the cap of
  // DocumentLimits::max_number_digits; the servers set it from that table).
  int max_number_digits = amounts::kDefaultMaxNumberDigits;
  // Fill attributions (true); off only to measure the stage without them.
  bool attribution = true;
};

// Thread-safe; not copyable.
class ExtractStage : public StageProcessor {
 public:
  // Compiles the patterns and loads the gazetteers and word lists;
  // kInvalidArgument (with file and line) for a bad gazetteer or lexicon
  // file, kNotFound for a missing one.
  static absl::StatusOr<std::unique_ptr<ExtractStage>> Create(
      ExtractStageOptions options = {});

  // Answers with StageResponse.extract: the entities, amounts, dates,
  // amount periods and attributions of the document's text (attributions
  // read the document's sentences; without them each line is a sentence). Mentions inside boilerplate
  // blocks and repeated blocks are flagged. Never fails.
  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override;

 private:
  ExtractStage(std::unique_ptr<entities::EntityExtractor> entities,
               std::unique_ptr<amounts::AmountExtractor> amounts,
               std::unique_ptr<dates::DatePass> dates,
               std::unique_ptr<attribution::Attributor> attributor)
      : entities_(std::move(entities)),
        amounts_(std::move(amounts)),
        dates_(std::move(dates)),
        attributor_(std::move(attributor)) {}

  std::unique_ptr<entities::EntityExtractor> entities_;
  std::unique_ptr<amounts::AmountExtractor> amounts_;
  std::unique_ptr<dates::DatePass> dates_;  // null when options.dates is off
  // Null when options.attribution is off.
  std::unique_ptr<attribution::Attributor> attributor_;
};

// Converts the extractors' findings to the delta and back; `text` is the
// text the offsets point into (the delta carries each span's text). Exposed
// for the conversion tests.
void MentionToProto(absl::string_view text, const entities::EntityMention& mention,
                    v1::Entity* out);
entities::EntityMention MentionFromProto(const v1::Entity& entity);
void AmountToProto(absl::string_view text, const amounts::Amount& amount,
                   v1::Amount* out);
amounts::Amount AmountFromProto(const v1::Amount& amount);
void AttributionToProto(const attribution::Attribution& attribution,
                        const std::vector<entities::EntityMention>& mentions,
                        v1::AmountAttribution* out);

}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_EXTRACT_STAGE_H_
