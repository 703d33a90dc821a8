// Reading the qualifier words around an amount: before the number (약,
// 최대, 최소, 주당: up to two, 최대 약) and after the unit (-대, 여, 가량,
// 이상, 넘는, 미만: up to two), including after a unit gloss in parentheses
// (1기가와트(GW)가 넘는).
//
//   Amount am;
//   size_t begin = ReadQualifiersBefore(lex, "최대 약 3000억 달러", 14, &am);
//   // begin == 7 (약 stays in the span), am.bound == kUpperInclusive, approximate
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_QUALIFIER_READER_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_QUALIFIER_READER_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "workers/extract/amounts/amount.h"
#include "workers/extract/amounts/amount_lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// Reads qualifier words that end right before `begin` (one space apart),
// records them in `am` (approximate, bound, per_unit, qualifiers) and
// returns where the amount's span begins (before 약, which the gold keeps
// in the span; `begin` otherwise).
size_t ReadQualifiersBefore(const AmountLexicon& lex, absl::string_view text, size_t begin,
                            Amount* am);

// Reads qualifier words after the unit ending at `end`, records them in
// `am` and returns the end of the last one (`end` when none). -대 is read
// only for money and percentages; `yeo_taken` says 여 was already read
// between the number and the unit (330만여 가구).
size_t ReadQualifiersAfter(const AmountLexicon& lex, absl::string_view text, size_t end,
                           bool yeo_taken, Amount* am);

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_QUALIFIER_READER_H_
