// Cleaning on entry: the coordinator turns each raw document into the text
// every stage works on, once (issue 10: dedup used to clean it a second
// time to get the same offsets). After this the raw bytes go no further.
//
//   v1::DocumentResult result;
//   absl::Status status = CleanOnEntry(document, limits, &result);
#ifndef GLEANER_SERVICES_COORDINATOR_ENTRY_CLEANING_H_
#define GLEANER_SERVICES_COORDINATOR_ENTRY_CLEANING_H_

#include "absl/status/status.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/common/document_limits.h"

namespace gleaner {
namespace coordinator {

// Cleans `document.content` as the document declares (content type,
// encoding, invalid-byte policy) and fills result.text, content_type,
// source_encoding, replaced_bytes and blocks. Enforces `limits` (the only
// place they are enforced): kResourceExhausted for content over
// max_document_bytes or text over max_text_bytes; kInvalidArgument for
// content that cannot be decoded (see CleanDocument). Then reads the page's
// metadata and splits a listing page into stories (result.page, stories;
// workers/metadata), which needs the raw content and the cleaned text
// together. result.source and result.metadata must already be set.
absl::Status CleanOnEntry(const v1::RawDocument& document,
                          const DocumentLimits& limits,
                          v1::DocumentResult* result);

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_ENTRY_CLEANING_H_
