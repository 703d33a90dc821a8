// data/sentence/endings.txt, embedded into the binary at build time by the
// `endings_data` genrule (embed_endings.sh), so any binary can read it without
// runfiles.
#ifndef GLEANER_WORKERS_SENTENCE_ENDINGS_DATA_H_
#define GLEANER_WORKERS_SENTENCE_ENDINGS_DATA_H_

#include "absl/strings/string_view.h"

namespace gleaner {
namespace workers {
namespace sentence {

// Returns the contents of data/sentence/endings.txt, byte for byte.
absl::string_view EndingsData();

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_ENDINGS_DATA_H_
