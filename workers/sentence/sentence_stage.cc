#include "workers/sentence/sentence_stage.h"

#include <utility>

#include "services/common/status_macros.h"

namespace gleaner {
namespace workers {
namespace sentence {

void SpansToProto(const std::vector<SentenceSpan>& spans,
                  v1::SentenceDelta* out) {
  out->mutable_sentences()->Reserve(spans.size());
  for (const SentenceSpan& span : spans) {
    v1::SentenceSpan* sentence = out->add_sentences();
    sentence->set_begin(span.begin);
    sentence->set_end(span.end);
  }
}

std::vector<SentenceSpan> SpansFromProto(const v1::SentenceDelta& delta) {
  std::vector<SentenceSpan> spans;
  spans.reserve(delta.sentences_size());
  for (const v1::SentenceSpan& sentence : delta.sentences()) {
    spans.push_back({sentence.begin(), sentence.end()});
  }
  return spans;
}

absl::StatusOr<std::unique_ptr<SentenceStage>> SentenceStage::Create(
    SentenceStageOptions options) {
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<SentenceSplitter> splitter,
                           SentenceSplitter::Create(std::move(options.splitter)));
  return std::unique_ptr<SentenceStage>(new SentenceStage(std::move(splitter)));
}

absl::Status SentenceStage::Process(const StageInput& input,
                                    v1::StageResponse* response) {
  SpansToProto(splitter_->Split(input.document.text()),
               response->mutable_sentence());
  return absl::OkStatus();
}

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
