// The sentence worker's stage: cleans a raw document into text (encodings,
// HTML, boilerplate blocks) and splits it into sentences.
#ifndef GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_
#define GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "services/common/stage_processor.h"
#include "workers/sentence/sentence_splitter.h"

namespace gleaner {
namespace workers {
namespace sentence {

struct SentenceStageOptions {
  // How text is split (defaults: see SentenceSplitterOptions). The default
  // serves edited news and informal text alike; set
  // splitter.split_on_endings = false for the stricter punctuation-only mode
  // on text known to be edited news (`gleaner run
  // --sentence_punctuation_only`).
  SentenceSplitterOptions splitter;
};

// Thread-safe; not copyable.
class SentenceStage : public StageProcessor {
 public:
  // Returns the splitter's kInvalidArgument for malformed options.
  static absl::StatusOr<std::unique_ptr<SentenceStage>> Create(
      SentenceStageOptions options = {});

  // Fills text, content_type, source_encoding, replaced_bytes, blocks and
  // sentences. kInvalidArgument for undecodable or binary content,
  // kResourceExhausted for content over the size limit.
  absl::Status Process(const v1::StageRequest& request,
                       v1::DocumentResult* result) override;

 private:
  explicit SentenceStage(std::unique_ptr<SentenceSplitter> splitter)
      : splitter_(std::move(splitter)) {}

  std::unique_ptr<SentenceSplitter> splitter_;
};

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_
