// Cleaning options from a raw document's declared content type, encoding
// and invalid-byte policy. Dedup and sentence both clean raw documents and
// must clean them identically, so that dedup's block offsets and the
// sentence stage's text agree.
#ifndef GLEANER_TEXT_CLEAN_OPTIONS_H_
#define GLEANER_TEXT_CLEAN_OPTIONS_H_

#include "proto/gleaner/v1/document.pb.h"
#include "text/text_cleaner.h"

namespace gleaner {
namespace text {

// Returns the cleaning options a document declares.
inline CleanOptions CleanOptionsFor(
    const v1::RawDocument& document) {
  CleanOptions options;
  switch (document.content_type()) {
    case v1::CONTENT_TYPE_PLAIN_TEXT:
      options.content_type = ContentType::kPlainText;
      break;
    case v1::CONTENT_TYPE_HTML:
      options.content_type = ContentType::kHtml;
      break;
    default:
      options.content_type = ContentType::kAuto;
      break;
  }
  options.encoding = document.encoding();
  options.invalid_bytes =
      document.invalid_bytes() == v1::INVALID_BYTE_POLICY_REPLACE
          ? InvalidBytePolicy::kReplace
          : InvalidBytePolicy::kError;
  return options;
}

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_CLEAN_OPTIONS_H_
