// The one table of limits every part of the pipeline uses: document sizes,
// message sizes, batches, streams and threads.
//
// The coordinator enforces the document limits once, on entry (raw bytes
// before cleaning, text after); every stage and server is built from the
// same table, so a document that enters the pipeline is never refused by a
// later stage for its size (issue 10: a 20 MB page used to pass the
// coordinator's 64 MiB and fail dedup's 16 MiB). Message limits follow from
// the document limits, so a request far over them (issue 14: 200 MB sent
// straight to the extract worker) is refused by gRPC on its length, before
// anything parses it.
//
//   DocumentLimits limits;                       // defaults
//   dedup_options.max_document_bytes = limits.max_text_bytes;
#ifndef GLEANER_SERVICES_COMMON_DOCUMENT_LIMITS_H_
#define GLEANER_SERVICES_COMMON_DOCUMENT_LIMITS_H_

#include <cstddef>

namespace gleaner {

// Copyable.
struct DocumentLimits {
  // --- documents ---------------------------------------------------------
  // Largest raw document accepted (32 MiB); larger ones fail with
  // kResourceExhausted before cleaning.
  size_t max_document_bytes = size_t{32} << 20;
  // Largest cleaned text (96 MiB). Cleaning can grow a document: CP949
  // Hangul takes 2 bytes and 3 in UTF-8, and a byte replaced by U+FFFD
  // takes 3, so three times the raw limit is never exceeded by a document
  // under it; the check guards stages against requests from elsewhere.
  size_t max_text_bytes = size_t{96} << 20;
  // Integer digits in one number (30): a wall of digits before 조원 is not
  // an amount (the amount extractor's cap, AmountExtractorOptions).
  int max_number_digits = 30;

  // --- messages ----------------------------------------------------------
  // Largest gRPC message between the services and to clients (144 MiB): a
  // result carries the text (at most max_text_bytes) plus its spans, ids and
  // the copied text of each mention (half the text again).
  int max_message_bytes = 144 << 20;
  // Largest message a client may send the coordinator (64 MiB): one
  // SubmitRequest holds one raw document, so twice max_document_bytes
  // leaves a document somewhat over the limit to be answered with a
  // per-document error; a larger one ends the stream with RESOURCE_EXHAUSTED.
  int max_submit_message_bytes = 64 << 20;

  // --- batches, streams and threads --------------------------------------
  // Documents in one batch (1,000,000); the next one ends the stream with
  // RESOURCE_EXHAUSTED. Bounds the per-batch id set and corpus view.
  size_t max_documents_per_batch = 1000000;
  // Submit streams one coordinator serves at once (32); one more is refused
  // with RESOURCE_EXHAUSTED. Each batch holds a handler thread and, once it
  // has a document, its pipeline threads.
  int max_concurrent_batches = 32;
  // Concurrent calls on one HTTP/2 connection (256); more wait in the client
  // for a free stream. Above what one coordinator sends a stage at once
  // (max_concurrent_batches x pipeline parallelism).
  int max_concurrent_streams = 256;
  // Threads one server's gRPC thread pool may use (512, a grpc::ResourceQuota);
  // a call arriving when all are busy fails with RESOURCE_EXHAUSTED
  // instead of starting another thread.
  int max_server_threads = 512;
  // The coordinator's pool: one thread per open batch plus room for
  // GetJobStatus calls and refusals.
  int coordinator_threads() const { return max_concurrent_batches + 32; }
};

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_DOCUMENT_LIMITS_H_
