// Deterministic synthetic Korean news documents for tests and benchmarks.
//
// Text is built from Hangul syllables, words and figures drawn from a
// splitmix64 stream keyed by the document number, so any process can
// regenerate document i without storing it (the restart test regenerates
// what its killed child indexed).
//
//   std::string text = SyntheticDocument(42, /*sentences=*/12);
#ifndef GLEANER_WORKERS_DEDUP_SYNTHETIC_DOCUMENTS_H_
#define GLEANER_WORKERS_DEDUP_SYNTHETIC_DOCUMENTS_H_

#include <cstdint>
#include <string>

namespace gleaner {
namespace workers {
namespace dedup {

// Returns document `index`: `sentences` lines of 8-15 words with some
// figures (about 120 bytes of UTF-8 per line).
std::string SyntheticDocument(uint64_t index, int sentences);

// Returns document `index` of a stream in which every third document (index
// % 3 == 2) repeats the text of document index / 2: six lines each.
std::string SyntheticStreamDocument(uint64_t index);

// Returns the id used for document `index` ("doc-<index>").
std::string SyntheticDocumentId(uint64_t index);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_SYNTHETIC_DOCUMENTS_H_
