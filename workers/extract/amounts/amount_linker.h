// Linking amounts to each other after they are read: a conversion in
// parentheses (62억달러(약 9조원): the second converts the first) and the two
// ends of a range written in words (2000억 위안에서 5000억 위안에 이르는).
//
//   std::vector<Amount> out = {usd};          // 62억달러, tail after it
//   LinkAmount(text, out, tails, krw, tail);  // krw.conversion_of == 0
#ifndef GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_LINKER_H_
#define GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_LINKER_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "workers/extract/amounts/amount.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// Links `b`, about to be appended at index out.size(), to the amounts before
// it: sets b.conversion_of, or the range_partner of both ends. `tails[i]` is
// where the qualifiers after out[i] end; `b_tail` the same for `b`.
// REQUIRES: tails.size() == out.size().
void LinkAmount(absl::string_view text, std::vector<Amount>& out, const std::vector<size_t>& tails,
                Amount& b, size_t b_tail);

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_AMOUNTS_AMOUNT_LINKER_H_
