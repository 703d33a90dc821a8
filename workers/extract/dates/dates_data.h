// The word lists of data/dates/, embedded at build time so any binary can
// read them without runfiles.
//
//   absl::StatusOr<absl::string_view> words = DatesDataFile("relative_words.tsv");
#ifndef GLEANER_WORKERS_EXTRACT_DATES_DATES_DATA_H_
#define GLEANER_WORKERS_EXTRACT_DATES_DATES_DATA_H_

#include <cstddef>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "data/embedded_file.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {

// Returns the files of data/dates/ as embedded at build time, by base name.
absl::Span<const EmbeddedFile> DatesDataFiles();

// Returns the contents of data/dates/<name>; kNotFound for an unknown name.
inline absl::StatusOr<absl::string_view> DatesDataFile(absl::string_view name) {
  return FindEmbeddedFile(DatesDataFiles(), name);
}

// One data row: the fields of a non-comment, non-empty line split on tabs.
struct WordListRow {
  int line = 0;  // 1-based, for error messages
  std::vector<absl::string_view> fields;
};

// Returns the rows of a TSV word list (`#` comments and blank lines
// skipped); kInvalidArgument naming file and line when a row has fewer than
// `min_fields` fields.
absl::StatusOr<std::vector<WordListRow>> ReadWordList(
    absl::string_view name, absl::string_view contents, size_t min_fields);

}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_DATES_DATES_DATA_H_
