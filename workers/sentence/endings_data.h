// data/sentence/endings.txt, embedded into the binary at build time
// (data/embedded_files.bzl), so any binary can read it without runfiles.
#ifndef GLEANER_WORKERS_SENTENCE_ENDINGS_DATA_H_
#define GLEANER_WORKERS_SENTENCE_ENDINGS_DATA_H_

#include "absl/types/span.h"
#include "data/embedded_file.h"

namespace gleaner {
namespace workers {
namespace sentence {

// Returns one file, "endings.txt".
absl::Span<const EmbeddedFile> EndingsFiles();

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_ENDINGS_DATA_H_
