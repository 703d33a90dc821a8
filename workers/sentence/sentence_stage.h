// The sentence worker's stage: cleans a raw document into text (encodings,
// HTML, boilerplate blocks) and splits it into sentences.
#ifndef GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_
#define GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "services/common/stage_processor.h"
#include "workers/metadata/page_metadata.h"
#include "workers/sentence/sentence_splitter.h"

namespace gleaner {
namespace workers {
namespace sentence {

// Thread-safe; not copyable.
class SentenceStage : public StageProcessor {
 public:
  static absl::StatusOr<std::unique_ptr<SentenceStage>> Create();

  // Fills text, content_type, source_encoding, replaced_bytes, blocks,
  // sentences, and page metadata and stories (AddPageAndStories). kInvalidArgument for undecodable or binary content,
  // kResourceExhausted for content over the size limit.
  absl::Status Process(const v1::StageRequest& request,
                       v1::DocumentResult* result) override;

 private:
  SentenceStage(std::unique_ptr<SentenceSplitter> splitter,
                std::unique_ptr<metadata::PageMetadataReader> page_reader)
      : splitter_(std::move(splitter)), page_reader_(std::move(page_reader)) {}

  // Issue 18: page metadata and stories need the raw content and the
  // cleaned text together, which this stage holds. One call, so it can move
  // to wherever cleaning ends up.
  void AddPageAndStories(const v1::StageRequest& request,
                         v1::DocumentResult* result) const;

  std::unique_ptr<SentenceSplitter> splitter_;
  std::unique_ptr<metadata::PageMetadataReader> page_reader_;
};

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_SENTENCE_STAGE_H_
