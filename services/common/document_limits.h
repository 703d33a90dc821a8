// The one table of size limits every part of the pipeline uses.
//
// The coordinator enforces them once, on entry (raw bytes before cleaning,
// text after); every stage and server is built from the same table, so a
// document that enters the pipeline is never refused by a later stage for
// its size (issue 10: a 20 MB page used to pass the coordinator's 64 MiB
// and fail dedup's 16 MiB).
//
//   DocumentLimits limits;                       // defaults
//   dedup_options.max_document_bytes = limits.max_text_bytes;
#ifndef GLEANER_SERVICES_COMMON_DOCUMENT_LIMITS_H_
#define GLEANER_SERVICES_COMMON_DOCUMENT_LIMITS_H_

#include <cstddef>

namespace gleaner {

// Copyable.
struct DocumentLimits {
  // Largest raw document accepted (64 MiB); larger ones fail with
  // kResourceExhausted before cleaning.
  size_t max_document_bytes = size_t{64} << 20;
  // Largest cleaned text (192 MiB). Cleaning can grow a document: CP949
  // Hangul takes 2 bytes and 3 in UTF-8, and a byte replaced by U+FFFD
  // takes 3, so three times the raw limit is never exceeded by a document
  // under it; the check guards stages against requests from elsewhere.
  size_t max_text_bytes = size_t{192} << 20;
  // Largest gRPC message between the processes (1 GiB): a result carries the
  // text plus every span and the copied text of each mention.
  int max_message_bytes = 1 << 30;
};

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_DOCUMENT_LIMITS_H_
