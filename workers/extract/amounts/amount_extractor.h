// Extraction of money, percentages and counted quantities from Korean news.
//
// Finds amounts such as `62억달러(약 9조원)`, `최대 5000억 위안`, `5~20%`,
// `1.513%p`, `15만 명 이상`, `10GW`, `수십억 달러` and normalises them exactly:
// values are decimal strings computed without floating point, currencies are
// ISO 4217 codes, units are kept as written plus a canonical form.
//
//   absl::StatusOr<std::unique_ptr<AmountExtractor>> ex = AmountExtractor::Create();
//   std::vector<Amount> got = (*ex)->Extract("62억달러(약 9조원)를 조달했다.");
//   // got[0]: MONEY "62억달러" value "6200000000" currency "USD"
//   // got[1]: MONEY "약 9조원" value "9000000000000" currency "KRW",
//   //         approximate, conversion_of == 0
//
// Numbers follow a grammar rather than a list of shapes (korean_number.h):
// 4천 820만 달러, 천 4백만 달러, 1만 2천 345 달러, 이십 퍼센트, 일점이삼달러;
// sub-units add to the main unit (1달러 20센트 = 1.2 USD); a country picks
// the currency (1억 2천 5백만 호주 달러: AUD); signs reach both ends of a
// range (-2~1%). The unit lexicon, currencies, counters, qualifiers and
// context word lists are data files embedded at build time (amount_lexicon.h).
//
// Also: ranges as one amount (5~20%, 200억-300억 달러: value and value_max) or
// as two linked ones (2000억 위안에서 5000억 위안에 이르는: range_partner),
// signed values (-2.5%), hundredths (50센트 = 0.5 USD), amounts without a
// currency word next to a money word (2억, 3억 연봉; 영업익 9.1조; 1억대 연봉:
// KRW), vague money with no currency (조 단위) and English forms ($1.2B,
// US$ 2.5 billion, 3.5 million dollars, 20 percent).
//
// Dates and clock times, model names (H200, GPT-4o), ordinals (3분기, 제3회),
// "top-N" names (500대 기업), age brackets (30대), multipliers (4배), index
// levels (2700선), scores (3대1), phone numbers, versions, URLs and e-mail
// addresses are not amounts.
//
// The scan is one RE2 search for candidate anchors (a digit, a currency
// symbol, a 수- vague form, a Hangul numeral before a currency word), then
// hand-written parsing around each anchor, so the cost per byte stays close to
// one DFA pass.
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_EXTRACTOR_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_EXTRACTOR_H_

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"
#include "workers/extract/amounts/amount.h"
#include "workers/extract/amounts/amount_lexicon.h"
#include "workers/extract/amounts/korean_number.h"
#include "workers/extract/amounts/unit_reader.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

struct AmountExtractorOptions {
  // Emit vague amounts without a value such as 수십억 달러 (true).
  bool include_vague = true;
  // Emit counted quantities (15만 명, 10GW, 18개월) (true).
  bool include_quantities = true;
  // Reject numbers with more integer digits than this: a wall of digits
  // before 조원 is not an amount (kDefaultMaxNumberDigits = 30).
  int max_number_digits = kDefaultMaxNumberDigits;
};

// Finds amounts in Korean text. Thread-safe: Extract() is const and the
// compiled patterns are shared read-only. Not copyable or movable.
struct NumberAndUnit;
struct Candidate;

class AmountExtractor {
 public:
  // Builds an extractor from the embedded lexicon (data/amounts/), compiling
  // the anchor pattern from it. Returns the lexicon's kInvalidArgument when
  // a data file is malformed, or kInvalidArgument if the pattern does not
  // compile.
  static absl::StatusOr<std::unique_ptr<AmountExtractor>> Create(
      AmountExtractorOptions options = {});

  AmountExtractor(const AmountExtractor&) = delete;
  AmountExtractor& operator=(const AmountExtractor&) = delete;

  // Returns the amounts in `text`, sorted by begin. Offsets are UTF-8 bytes.
  // Invalid UTF-8 never crashes; it simply yields no amount around it.
  std::vector<Amount> Extract(absl::string_view text) const;

 private:
  AmountExtractor(AmountExtractorOptions options, const AmountLexicon& lexicon,
                  std::unique_ptr<const RE2> anchor);

  // Tries to read one amount around the anchor at text[a, anchor_end). On
  // success fills `out`, sets `out_tail` to the end of any trailing qualifier
  // (이상, 가량) and returns true. Always sets `resume`, where the scan goes on.
  bool ParseAt(absl::string_view text, size_t a, size_t anchor_end, Amount* out, size_t* out_tail,
               size_t* resume) const;

  // How a start other than a digit or a symbol was read.
  enum class Start { kNone, kFail, kRead, kDone };

  // The number reader with the unit after it (and 여, English scales).
  bool ReadNumber(absl::string_view text, size_t p, bool hangul, NumberAndUnit* nu) const;
  // Extends the number just read over 여 before a big scale (300여만).
  void ReadYeoBeforeScale(absl::string_view text, size_t p, const KoreanNumberOptions& ko,
                          NumberAndUnit* nu) const;
  // The unit reader: the unit at p, allowing one space before it.
  bool ReadUnit(absl::string_view text, size_t p, bool allow_space, NumberAndUnit* nu) const;
  bool ReadDigitStart(absl::string_view text, size_t a, Candidate* c, size_t* resume) const;
  bool ReadSymbolStart(absl::string_view text, size_t a, Candidate* c, size_t* resume) const;
  Start ReadVagueStart(absl::string_view text, size_t a, Candidate* c, Amount* out,
                       size_t* out_tail, size_t* resume) const;
  Start ReadScaleUnitVague(absl::string_view text, size_t a, Candidate* c, Amount* out,
                           size_t* out_tail, size_t* resume) const;
  Start ReadBandVague(absl::string_view text, size_t a, Candidate* c, Amount* out, size_t* out_tail,
                      size_t* resume) const;
  Start ReadSuVague(absl::string_view text, size_t a, Candidate* c, Amount* out, size_t* out_tail,
                    size_t* resume) const;
  bool ReadHangulStart(absl::string_view text, size_t a, Candidate* c) const;
  bool ReadRange(absl::string_view text, Candidate* c) const;
  void ReadSubUnit(absl::string_view text, Candidate* c) const;
  void InferKrw(absl::string_view text, size_t a, Candidate* c) const;
  bool Finish(absl::string_view text, size_t a, Candidate* c, Amount* out, size_t* out_tail,
              size_t* resume) const;

  AmountExtractorOptions options_;
  const AmountLexicon& lex_;  // not owned; the process-wide default lexicon
  UnitReader units_;
  // Candidate anchors (see the .cc), built from the lexicon in Create().
  std::unique_ptr<const RE2> anchor_;
};

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_EXTRACTOR_H_
