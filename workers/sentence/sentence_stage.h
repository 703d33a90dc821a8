// The sentence worker's stage: splits the text the coordinator cleaned on
// entry into sentences and answers with the spans only (SentenceDelta).
#ifndef GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_
#define GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/stage.pb.h"
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

  // Answers with StageResponse.sentence: the sentences of the document's
  // text. Never fails.
  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override;

 private:
  explicit SentenceStage(std::unique_ptr<SentenceSplitter> splitter)
      : splitter_(std::move(splitter)) {}

  std::unique_ptr<SentenceSplitter> splitter_;
};

// Converts the splitter's spans to the delta and back. Exposed for the
// conversion tests.
void SpansToProto(const std::vector<SentenceSpan>& spans,
                  v1::SentenceDelta* out);
std::vector<SentenceSpan> SpansFromProto(const v1::SentenceDelta& delta);

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_
