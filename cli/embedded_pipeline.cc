#include "cli/embedded_pipeline.h"

#include <utility>

#include "services/common/status_macros.h"

namespace gleaner {
namespace cli {

absl::StatusOr<std::unique_ptr<EmbeddedPipeline>> EmbeddedPipeline::Create(
    EmbeddedOptions options) {
  std::unique_ptr<EmbeddedPipeline> embedded(new EmbeddedPipeline());
  // One limit table: the coordinator enforces it on entry, so dedup must
  // accept any text that passed.
  options.dedup.max_document_bytes = options.pipeline.limits.max_text_bytes;
  GLEANER_ASSIGN_OR_RETURN(embedded->dedup_,
                           workers::dedup::DedupStage::Create(options.dedup));
  GLEANER_ASSIGN_OR_RETURN(embedded->sentence_,
                           workers::sentence::SentenceStage::Create(
                               std::move(options.sentence)));
  workers::extract::ExtractStageOptions extract_options;
  extract_options.gazetteer_paths = std::move(options.gazetteer_paths);
  extract_options.lexicon_paths = std::move(options.lexicon_paths);
  extract_options.max_number_digits = options.pipeline.limits.max_number_digits;
  GLEANER_ASSIGN_OR_RETURN(
      embedded->extract_,
      workers::extract::ExtractStage::Create(std::move(extract_options)));
  GLEANER_ASSIGN_OR_RETURN(embedded->aggregator_,
                           aggregator::Aggregator::Create(options.aggregator));

  auto local = [&](StageProcessor* processor, v1::Stage stage) {
    embedded->clients_.push_back(
        std::make_unique<coordinator::LocalStageClient>(processor, stage));
    return embedded->clients_.back().get();
  };
  coordinator::PipelineStages stages;
  stages.dedup = local(embedded->dedup_.get(), v1::STAGE_DEDUP);
  stages.sentence = local(embedded->sentence_.get(), v1::STAGE_SENTENCE);
  stages.extract = local(embedded->extract_.get(), v1::STAGE_EXTRACT);
  stages.aggregate = local(embedded->aggregator_.get(), v1::STAGE_AGGREGATE);
  embedded->pipeline_ =
      std::make_unique<coordinator::Pipeline>(options.pipeline, stages);
  return embedded;
}

}  // namespace cli
}  // namespace gleaner
