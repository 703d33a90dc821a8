// The whole pipeline in one process: every stage's processor called
// directly, no network. `gleaner run` uses it; so do the benchmarks and the
// integration test that checks the distributed run against it.
#ifndef GLEANER_CLI_EMBEDDED_PIPELINE_H_
#define GLEANER_CLI_EMBEDDED_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/aggregator/aggregator.h"
#include "services/coordinator/pipeline.h"
#include "services/coordinator/stage_client.h"
#include "workers/dedup/dedup_stage.h"
#include "workers/extract/extract_stage.h"
#include "workers/sentence/sentence_stage.h"

namespace gleaner {
namespace cli {

struct EmbeddedOptions {
  // Window, threads and the limit table (see PipelineOptions); the stages
  // are built from the same limits.
  coordinator::PipelineOptions pipeline;
  // Dedup index settings; the default keeps the index in memory. Its
  // max_document_bytes is taken from pipeline.limits.
  workers::dedup::DedupOptions dedup;
  // Extra gazetteer files.
  std::vector<std::string> gazetteer_paths;
  // Extra entity word-list files (EntityExtractorOptions::lexicon_paths).
  std::vector<std::string> lexicon_paths;
  // Sentence splitting (the default suits news and informal text).
  workers::sentence::SentenceStageOptions sentence;
  // The store (in memory unless a `gleaner run --store` names one).
  aggregator::AggregatorOptions aggregator;
};

// Owns the stages and the pipeline over them. Not copyable.
class EmbeddedPipeline {
 public:
  static absl::StatusOr<std::unique_ptr<EmbeddedPipeline>> Create(
      EmbeddedOptions options);

  coordinator::Pipeline& pipeline() { return *pipeline_; }
  aggregator::Aggregator& aggregator() { return *aggregator_; }

 private:
  EmbeddedPipeline() = default;

  std::unique_ptr<workers::dedup::DedupStage> dedup_;
  std::unique_ptr<workers::sentence::SentenceStage> sentence_;
  std::unique_ptr<workers::extract::ExtractStage> extract_;
  std::unique_ptr<aggregator::Aggregator> aggregator_;
  std::vector<std::unique_ptr<coordinator::StageClient>> clients_;
  std::unique_ptr<coordinator::Pipeline> pipeline_;
};

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_EMBEDDED_PIPELINE_H_
