#include "workers/sentence/sentence_stage.h"

#include "services/common/status_macros.h"
#include "text/clean_options.h"
#include "text/text_cleaner.h"

namespace gleaner {
namespace workers {
namespace sentence {

absl::StatusOr<std::unique_ptr<SentenceStage>> SentenceStage::Create() {
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<SentenceSplitter> splitter,
                           SentenceSplitter::Create());
  return std::unique_ptr<SentenceStage>(new SentenceStage(std::move(splitter)));
}

absl::Status SentenceStage::Process(const v1::StageRequest& request,
                                    v1::DocumentResult* result) {
  GLEANER_ASSIGN_OR_RETURN(
      text::CleanedText cleaned,
      text::CleanDocument(request.document().content(),
                          text::CleanOptionsFor(request.document())));
  result->set_content_type(cleaned.content_type == text::ContentType::kHtml
                               ? v1::CONTENT_TYPE_HTML
                               : v1::CONTENT_TYPE_PLAIN_TEXT);
  result->set_source_encoding(cleaned.source_encoding);
  result->set_replaced_bytes(cleaned.replaced_bytes);
  result->clear_blocks();
  for (const text::TextBlock& block : cleaned.blocks) {
    v1::TextBlock* out = result->add_blocks();
    out->set_begin(block.begin);
    out->set_end(block.end);
    out->set_boilerplate(block.boilerplate);
    out->set_source_begin(block.source_begin);
    out->set_source_end(block.source_end);
  }
  result->clear_sentences();
  for (const SentenceSpan& span : splitter_->Split(cleaned.text)) {
    v1::SentenceSpan* out = result->add_sentences();
    out->set_begin(span.begin);
    out->set_end(span.end);
  }
  result->set_text(std::move(cleaned.text));
  return absl::OkStatus();
}

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
