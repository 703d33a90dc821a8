// Reading the unit after a number: the longest currency word, percent word,
// counter or unit of the lexicon at a position, checked against what follows
// it so that ordinary words that start like a unit (개발, 원자력, 프로그램,
// 동안, 파운드리) are not taken for one.
//
//   UnitReader reader(**AmountLexicon::Default());
//   UnitMatch m;
//   reader.Read("30 달러를", 2, /*allow_space=*/true, &m);  // 달러, USD
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_UNIT_READER_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_UNIT_READER_H_

#include <array>
#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "workers/extract/amounts/amount_lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// A unit found after a number.
struct UnitMatch {
  const UnitDef* unit = nullptr;
  size_t begin = 0, end = 0;  // the unit's bytes (a space before it excluded)
  bool space_before = false;  // one space stood between the number and the unit
};

// Finds units in text. Thread-safe (const after construction); holds
// pointers into `lexicon`, which must outlive it. Not copyable.
class UnitReader {
 public:
  explicit UnitReader(const AmountLexicon& lexicon);
  UnitReader(const UnitReader&) = delete;
  UnitReader& operator=(const UnitReader&) = delete;

  // Returns the longest unit at `pos` (no leading space) whose end is a
  // clean word end, or nullptr; sets `*len` to its byte length.
  const UnitDef* Match(absl::string_view text, size_t pos, size_t* len) const;

  // Reads the unit at `pos`, or after one space there when `allow_space`
  // (never a kAttached unit after a space). Returns false when none.
  bool Read(absl::string_view text, size_t pos, bool allow_space, UnitMatch* out) const;

  // Returns the sub-unit of `main_code` at `pos` (센트 after USD), or nullptr.
  const UnitDef* MatchSubUnit(absl::string_view text, size_t pos, absl::string_view main_code,
                              size_t* len) const;

 private:
  // Is the text at `pos` (right after unit `u`) a clean word end?
  bool EndsCleanly(absl::string_view text, size_t pos, const UnitDef& u) const;

  const AmountLexicon& lexicon_;
  // Units bucketed by first byte, longest surface first.
  std::array<std::vector<const UnitDef*>, 256> by_byte_;
  WordSpan unit_suffixes_, money_suffixes_, strict_suffixes_;
};

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_UNIT_READER_H_
