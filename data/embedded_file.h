// Files embedded into a binary at build time (data/embed_files.sh, through
// the embedded_files() rule of data/embedded_files.bzl): word lists, tables
// and models every binary carries without runfiles.

#ifndef GLEANER_DATA_EMBEDDED_FILE_H_
#define GLEANER_DATA_EMBEDDED_FILE_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace gleaner {

struct EmbeddedFile {
  // The base name ("units.tsv"), or the path from a data directory on
  // ("data/gazetteer/companies.tsv"), as the embedding rule says.
  absl::string_view name;
  absl::string_view contents;  // the file, byte for byte
};

// Returns the contents of the file called `name`, or NOT_FOUND.
inline absl::StatusOr<absl::string_view> FindEmbeddedFile(absl::Span<const EmbeddedFile> files,
                                                          absl::string_view name) {
  for (const EmbeddedFile& file : files) {
    if (file.name == name) return file.contents;
  }
  return absl::NotFoundError(absl::StrCat("no embedded data file ", name));
}

}  // namespace gleaner

#endif  // GLEANER_DATA_EMBEDDED_FILE_H_
