#include "services/coordinator/entry_cleaning.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "workers/metadata/metadata_pass.h"
#include "workers/metadata/page_metadata.h"
#include "text/text_cleaner.h"

namespace gleaner {
namespace coordinator {
namespace {

namespace cleaner = ::gleaner::text;

// The cleaning options a document declares.
cleaner::CleanOptions CleanOptionsFor(const v1::RawDocument& document,
                                      const DocumentLimits& limits) {
  cleaner::CleanOptions options;
  switch (document.content_type()) {
    case v1::CONTENT_TYPE_PLAIN_TEXT:
      options.content_type = cleaner::ContentType::kPlainText;
      break;
    case v1::CONTENT_TYPE_HTML:
      options.content_type = cleaner::ContentType::kHtml;
      break;
    default:
      options.content_type = cleaner::ContentType::kAuto;
      break;
  }
  options.encoding = document.encoding();
  options.invalid_bytes =
      document.invalid_bytes() == v1::INVALID_BYTE_POLICY_REPLACE
          ? cleaner::InvalidBytePolicy::kReplace
          : cleaner::InvalidBytePolicy::kError;
  options.max_bytes = limits.max_document_bytes;
  return options;
}

// The page-metadata reader is immutable and thread-safe, and costly to build
// (patterns, word lists), so one serves every document of the process. Its
// only input is data embedded at build time, which the unit tests load: a
// failure here is a build defect, so it stops the process with the reason.
const workers::metadata::PageMetadataReader& SharedPageReader() {
  static const workers::metadata::PageMetadataReader* const reader = [] {
    auto created = workers::metadata::PageMetadataReader::Create();
    if (!created.ok()) {
      std::fprintf(stderr, "page metadata reader: %s\n",
                   created.status().ToString().c_str());
      std::abort();
    }
    return created->release();
  }();
  return *reader;
}

}  // namespace

absl::Status CleanOnEntry(const v1::RawDocument& document,
                          const DocumentLimits& limits,
                          v1::DocumentResult* result) {
  const size_t size = document.content().size();
  if (size > limits.max_document_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("document is ", size, " bytes; the limit is ",
                     limits.max_document_bytes));
  }
  GLEANER_ASSIGN_OR_RETURN(
      cleaner::CleanedText cleaned,
      cleaner::CleanDocument(document.content(),
                             CleanOptionsFor(document, limits)));
  if (cleaned.text.size() > limits.max_text_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("cleaned text is ", cleaned.text.size(),
                     " bytes; the limit is ", limits.max_text_bytes));
  }
  result->set_content_type(cleaned.content_type == cleaner::ContentType::kHtml
                               ? v1::CONTENT_TYPE_HTML
                               : v1::CONTENT_TYPE_PLAIN_TEXT);
  result->set_source_encoding(std::move(cleaned.source_encoding));
  result->set_replaced_bytes(cleaned.replaced_bytes);
  result->mutable_blocks()->Reserve(cleaned.blocks.size());
  for (const cleaner::TextBlock& block : cleaned.blocks) {
    v1::TextBlock* out = result->add_blocks();
    out->set_begin(block.begin);
    out->set_end(block.end);
    out->set_boilerplate(block.boilerplate);
    out->set_source_begin(block.source_begin);
    out->set_source_end(block.source_end);
  }
  result->set_text(std::move(cleaned.text));
  workers::metadata::FillPageAndStories(SharedPageReader(), document.content(), result);
  return absl::OkStatus();
}

}  // namespace coordinator
}  // namespace gleaner
