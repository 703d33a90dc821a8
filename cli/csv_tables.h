// Writes document results as four flat CSV tables for spreadsheet users:
// PREFIX.documents.csv, PREFIX.sentences.csv, PREFIX.entities.csv and
// PREFIX.amounts.csv, one row per document / sentence / mention / amount.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<CsvTables> tables,
//                            CsvTables::Open("out"));
//   GLEANER_RETURN_IF_ERROR(tables->Write(result));
//   GLEANER_RETURN_IF_ERROR(tables->Close());
//
// The columns are the Python package's (clients/python/gleaner/tables.py)
// and are listed in README.md. Spans carry character offsets (`start`,
// `end`: code points, what spreadsheets and Python count) and the UTF-8
// byte offsets (`byte_start`, `byte_end`). Enums are short names
// ("ORGANIZATION"), booleans "true"/"false", values decimal strings.
#ifndef GLEANER_CLI_CSV_TABLES_H_
#define GLEANER_CLI_CSV_TABLES_H_

#include <array>
#include <cstdint>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace cli {

// The tables, in file order.
enum class CsvTable { kDocuments = 0, kSentences = 1, kEntities = 2, kAmounts = 3 };
constexpr int kCsvTableCount = 4;

// Returns the table's name ("documents", ...), also its file suffix.
absl::string_view CsvTableName(CsvTable table);

// Returns the table's column names, in order.
const std::vector<std::string>& CsvColumns(CsvTable table);

// Returns `field` quoted for CSV (RFC 4180) when it holds a comma, quote,
// CR or LF; as it is otherwise.
std::string CsvField(absl::string_view field);

// Maps UTF-8 byte offsets of one text to code point offsets; an offset
// inside a character maps to that character, one past the end to the
// character count. Offsets beyond the text map to the character count.
class CharOffsets {
 public:
  explicit CharOffsets(absl::string_view text);
  uint32_t Char(uint32_t byte_offset) const;

 private:
  std::vector<uint32_t> char_of_byte_;
};

// Not thread-safe: callers serialise calls. Not copyable.
class CsvTables {
 public:
  // Creates the four files PREFIX.<table>.csv and writes their headers.
  // kPermissionDenied when one cannot be created.
  static absl::StatusOr<std::unique_ptr<CsvTables>> Open(const std::string& prefix);

  // Writes to the given streams (not owned), headers first; for tests.
  explicit CsvTables(std::array<std::ostream*, kCsvTableCount> outs);

  CsvTables(const CsvTables&) = delete;
  CsvTables& operator=(const CsvTables&) = delete;

  // Appends the rows of one result to every table.
  absl::Status Write(const v1::DocumentResult& result);

  // Flushes the files; kDataLoss when a write failed.
  absl::Status Close();

  // Returns the paths written (empty for streams given to the constructor).
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  CsvTables() = default;
  void WriteHeaders();
  void Row(CsvTable table, const std::vector<std::string>& fields);

  std::array<std::ofstream, kCsvTableCount> files_;
  std::array<std::ostream*, kCsvTableCount> outs_{};
  std::vector<std::string> paths_;
};

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_CSV_TABLES_H_
