#include "absl/strings/str_split.h"
#include "workers/extract/dates/dates_data.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {

absl::StatusOr<std::vector<WordListRow>> ReadWordList(
    absl::string_view name, absl::string_view contents, size_t min_fields) {
  std::vector<WordListRow> rows;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    WordListRow row;
    row.line = line_number;
    row.fields = absl::StrSplit(line, '\t');
    if (row.fields.size() < min_fields || row.fields[0].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ":", line_number, ": expected ", min_fields,
                       " tab-separated fields"));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
