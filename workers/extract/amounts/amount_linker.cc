#include "workers/extract/amounts/amount_linker.h"

#include "workers/extract/amounts/amount_lexicon.h"
#include "workers/extract/amounts/korean_number.h"
#include "workers/extract/amounts/text_scan.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

void LinkAmount(absl::string_view text, std::vector<Amount>& out, const std::vector<size_t>& tails,
                Amount& b, size_t b_tail) {
  if (out.empty() || b.vague) return;
  const int bi = static_cast<int>(out.size());
  const Amount& last = out.back();
  if (b.kind == AmountKind::kMoney && last.kind == AmountKind::kMoney && !last.vague &&
      last.conversion_of < 0 && last.currency != b.currency) {
    size_t p = tails.back();
    if (HasAt(text, last.end, "(")) p = last.end;
    if (HasAt(text, p, "(")) {
      size_t q = p + 1;
      q += SpaceAt(text, q);
      // (한화 약 9조원), (우리 돈 약 9조원)
      const WordSpan kGlosses = Words(WordList::kGlosses);
      for (absl::string_view w : kGlosses) {
        if (HasAt(text, q, w)) {
          q += w.size();
          q += SpaceAt(text, q);
          break;
        }
      }
      if (q == b.begin) {
        b.conversion_of = bi - 1;
        return;
      }
    }
  }
  // Range: A [(conversion)] 에서 B 에 이르는 / 까지 / 사이.
  int ai = bi - 1;
  size_t gap = tails[ai];
  if (out[ai].conversion_of >= 0) {
    if (HasAt(text, gap, ")")) ++gap;
    ai = out[ai].conversion_of;
  }
  Amount& a = out[ai];
  if (a.vague || a.kind != b.kind || a.currency != b.currency || a.unit != b.unit ||
      a.range_partner >= 0 || !a.value_max.empty() || !b.value_max.empty()) {
    return;
  }
  bool from = false, since = false;
  for (absl::string_view w : {"에서 ", "에서"}) {
    if (gap + w.size() == b.begin && HasAt(text, gap, w)) from = true;
  }
  for (absl::string_view w : {"부터 ", "부터", "에서부터 "}) {
    if (gap + w.size() == b.begin && HasAt(text, gap, w)) since = true;
  }
  if (!from && !since) return;
  const WordSpan kRangeEnd = Words(WordList::kRangeEnd);
  if (!StartsWithAny(text, b.end, kRangeEnd) && !StartsWithAny(text, b_tail, kRangeEnd)) {
    return;
  }
  a.range_partner = bi;
  b.range_partner = ai;
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
