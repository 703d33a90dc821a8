// The amount extractor's rules as data: currency words, percent words,
// counters and units, currency symbols, qualifier words and context word
// lists, read from the TSV files in data/amounts/ that are embedded into the
// binary at build time (data/embedded_files.bzl).
//
//   absl::StatusOr<const AmountLexicon*> lex = AmountLexicon::Default();
//   for (const UnitDef& u : (*lex)->units()) ...   // 달러 MONEY USD, 명 QUANTITY
//   (*lex)->Words(WordList::kUnitSuffixes);        // 이, 가, 을, ...
//
// File formats (tab-separated, '#' starts a comment line, blank lines ignored):
//   currencies.tsv, percent.tsv, counters.tsv, measures.tsv:
//       surface  kind(money|percent|point|quantity)  code(ISO 4217 or unit, - for none)  flags
//     flags: '-' or a comma list of strict, attached, ascii, hundredths, sub,
//     large, spelled (see UnitFlag). A '+' in a surface stands for an optional
//     space: 호주+달러 gives 호주달러 and 호주 달러.
//   symbols.tsv:     surface  code           (currency symbols before a number)
//   subunits.tsv:    main code  sub-unit surface  (달러 … 센트 adds cents)
//   qualifiers.tsv:  before|after  word  approx|ge|gt|le|lt|per_unit  flags(span|-)
//   words.tsv:       list name  word         (lists named as in WordList)
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_LEXICON_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_LEXICON_H_

#include <array>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "data/embedded_file.h"
#include "workers/extract/amounts/amount.h"
#include "workers/extract/amounts/text_scan.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// One lexicon file: its base name ("currencies.tsv") and contents.
using LexiconFile = EmbeddedFile;

// Returns the files of data/amounts/ as embedded at build time.
absl::Span<const LexiconFile> DefaultLexiconFiles();

// Flags of a unit entry.
enum UnitFlag : int {
  // Only a particle from WordList::kStrictSuffixes may follow (불, 프로,
  // 리라 start ordinary words such as 불과, 프로그램, 리라이트).
  kStrict = 1 << 0,
  // Must follow the number with no space (30불, 37세, 10₩).
  kAttached = 1 << 1,
  // An ASCII unit: no ASCII letter or digit may follow (GW but not GWx).
  kAscii = 1 << 2,
  // Written in hundredths of the currency (50센트 = 0.5 USD).
  kHundredths = 1 << 3,
  // Only right after an amount in its main currency (원 … 전).
  kSubUnitOnly = 1 << 4,
  // The number needs a big scale or at least 1,000 (5만동, but 101동 is a
  // building number).
  kLarge = 1 << 5,
  // May follow Sino-Korean numerals (오천만 원, 삼십 퍼센트, 천 명).
  kSpelled = 1 << 6,
};

// A currency word, percent word, counter or unit that may follow a number.
struct UnitDef {
  absl::string_view surface;  // as written
  AmountKind kind;
  absl::string_view code;  // ISO 4217 for money, canonical unit otherwise (may be empty)
  int flags;
};

// A currency symbol or code written before the number ($, US$, ₩, USD).
struct SymbolDef {
  absl::string_view surface;
  absl::string_view code;
};

// A sub-unit that adds to an amount in its main currency (1달러 20센트).
struct SubUnitDef {
  absl::string_view main_code;  // USD
  absl::string_view surface;    // 센트
};

// A qualifier word before the number or after the unit.
struct QualifierDef {
  absl::string_view word;
  bool approximate = false;
  AmountBound bound = AmountBound::kNone;
  bool per_unit = false;
  bool in_span = false;  // the gold convention keeps a leading 약 inside the span
};

// Named context word lists in words.tsv.
enum class WordList {
  kUnitSuffixes,
  kMoneySuffixes,
  kStrictSuffixes,
  kTouchingPrefixes,
  kDurationAfter,
  kYearWords,
  kDateWords,
  kSpanWords,
  kNotMinutes,
  kClockWords,
  kNotSeconds,
  kNotAge,
  kNotWeeks,
  kLevelAfter,
  kDegreeWords,
  kMachineNouns,
  kIndexWords,
  kDeviceParticles,
  kBandAfter,
  kBandBefore,
  kPayWords,
  kPayNouns,
  kMoneyNouns,
  kMoneyAfter,
  kNotRange,
  kGlosses,
  kRangeEnd,
  kFullHouseAfter,
  kProductNames,
  kCount,
};

// The parsed lexicon. Immutable after Parse(); thread-safe. Not copyable.
// All string_views point into the lexicon or the embedded files.
class AmountLexicon {
 public:
  // Parses lexicon files (formats above). Returns kInvalidArgument with the
  // file and line for a malformed row or an unknown list name.
  static absl::StatusOr<std::unique_ptr<AmountLexicon>> Parse(absl::Span<const LexiconFile> files);
  // Returns the lexicon of the embedded files, parsed once per process.
  static absl::StatusOr<const AmountLexicon*> Default();

  AmountLexicon(const AmountLexicon&) = delete;
  AmountLexicon& operator=(const AmountLexicon&) = delete;

  const std::vector<UnitDef>& units() const { return units_; }
  const std::vector<SymbolDef>& symbols() const { return symbols_; }
  const std::vector<SubUnitDef>& sub_units() const { return sub_units_; }
  const std::vector<QualifierDef>& before_qualifiers() const { return before_; }
  const std::vector<QualifierDef>& after_qualifiers() const { return after_; }
  // Returns the words of one list, in file order (empty when the files have none).
  WordSpan Words(WordList list) const { return words_[static_cast<size_t>(list)]; }

 private:
  AmountLexicon() = default;
  absl::Status ParseFile(const LexiconFile& file);
  // Keeps a string alive for the lexicon's lifetime and returns a view of it.
  absl::string_view Own(std::string s);

  std::deque<std::string> owned_;
  std::vector<UnitDef> units_;
  std::vector<SymbolDef> symbols_;
  std::vector<SubUnitDef> sub_units_;
  std::vector<QualifierDef> before_, after_;
  std::array<std::vector<absl::string_view>, static_cast<size_t>(WordList::kCount)> words_;
};

// Returns the words of `list` in the default lexicon (empty if it failed to
// parse, which AmountExtractor::Create() reports).
WordSpan Words(WordList list);

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_LEXICON_H_
