// Cleaning options from a raw document's declared content type, encoding
// and invalid-byte policy. Dedup and sentence both clean raw documents and
// must clean them identically, so that dedup's block offsets and the
// sentence stage's text agree.
#ifndef GLEANER_WORKERS_COMMON_CLEAN_OPTIONS_H_
#define GLEANER_WORKERS_COMMON_CLEAN_OPTIONS_H_

#include "proto/gleaner/v1/document.pb.h"
#include "workers/sentence/text_cleaner.h"

namespace gleaner {
namespace workers {

// Returns the cleaning options a document declares.
inline sentence::CleanOptions CleanOptionsFor(
    const v1::RawDocument& document) {
  sentence::CleanOptions options;
  switch (document.content_type()) {
    case v1::CONTENT_TYPE_PLAIN_TEXT:
      options.content_type = sentence::ContentType::kPlainText;
      break;
    case v1::CONTENT_TYPE_HTML:
      options.content_type = sentence::ContentType::kHtml;
      break;
    default:
      options.content_type = sentence::ContentType::kAuto;
      break;
  }
  options.encoding = document.encoding();
  options.invalid_bytes =
      document.invalid_bytes() == v1::INVALID_BYTE_POLICY_REPLACE
          ? sentence::InvalidBytePolicy::kReplace
          : sentence::InvalidBytePolicy::kError;
  return options;
}

}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_COMMON_CLEAN_OPTIONS_H_
