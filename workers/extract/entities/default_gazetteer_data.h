// The shipped gazetteer TSV files and lexicons, embedded into the binary at build time by
// the `default_gazetteer_data` genrule (embed_gazetteer.sh), so any binary can
// load them without runfiles.
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_DEFAULT_GAZETTEER_DATA_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_DEFAULT_GAZETTEER_DATA_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

struct EmbeddedFile {
  absl::string_view name;      // path in the source tree, e.g. "data/gazetteer/x.tsv"
  absl::string_view contents;  // the file, byte for byte
};

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
