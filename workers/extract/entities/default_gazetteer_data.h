// The shipped gazetteer TSV files, lexicons and tagger model, embedded into
// the binary at build time (data/embedded_files.bzl), so any binary can load
// them without runfiles. Files are named by their path from data/ on.
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_DEFAULT_GAZETTEER_DATA_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_DEFAULT_GAZETTEER_DATA_H_

#include "absl/types/span.h"
#include "data/embedded_file.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// Returns the embedded gazetteer files (data/gazetteer/*.tsv) in load order.
absl::Span<const EmbeddedFile> DefaultGazetteerFiles();
// Returns the embedded lexicon files (data/entities/*.txt), by name.
absl::Span<const EmbeddedFile> DefaultLexiconFiles();
// Returns the embedded NameTagger model (data/entities/name_tagger.model).
absl::Span<const EmbeddedFile> DefaultNameTaggerFiles();

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_DEFAULT_GAZETTEER_DATA_H_
