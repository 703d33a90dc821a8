#include "workers/extract/amounts/qualifier_reader.h"

#include <string>
#include <vector>

#include "workers/extract/amounts/korean_number.h"
#include "workers/extract/amounts/text_scan.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

void Apply(const QualifierDef& q, Amount* am) {
  am->approximate |= q.approximate;
  if (q.bound != AmountBound::kNone && am->bound == AmountBound::kNone) am->bound = q.bound;
  am->per_unit |= q.per_unit;
}

// A unit gloss in parentheses right after the unit: (GW), (㎞), (달러). Its
// end, or `pos` when there is none. Only short glosses without digits, so a
// conversion such as (약 9조원) is never skipped.
size_t SkipUnitGloss(absl::string_view text, size_t pos) {
  if (!HasAt(text, pos, "(")) return pos;
  constexpr size_t kMaxGloss = 24;
  for (size_t q = pos + 1; q < text.size() && q <= pos + 1 + kMaxGloss; ++q) {
    const char c = text[q];
    if (c == ')') return q > pos + 1 ? q + 1 : pos;
    if (IsAsciiDigit(c) || c == '(' || c == ' ' || c == '\n') return pos;
  }
  return pos;
}

// Reads one qualifier from the list at `r`; returns its length or 0.
size_t MatchAfter(const AmountLexicon& lex, absl::string_view text, size_t r, Amount* am) {
  for (const QualifierDef& q : lex.after_qualifiers()) {
    if (!HasAt(text, r, q.word)) continue;
    Apply(q, am);
    am->qualifiers.push_back(std::string(q.word));
    return q.word.size();
  }
  return 0;
}

}  // namespace

size_t ReadQualifiersBefore(const AmountLexicon& lex, absl::string_view text, size_t begin,
                            Amount* am) {
  size_t span_begin = begin;
  std::vector<std::string> words;
  size_t b = begin;
  for (int i = 0; i < 2; ++i) {
    const size_t e = b - SpaceBefore(text, b);
    const QualifierDef* found = nullptr;
    for (const QualifierDef& q : lex.before_qualifiers()) {
      if (!WholeWordBefore(text, e, q.word)) continue;
      const size_t start = e - q.word.size();
      // 1인당, 1주당 must not be the tail of a longer number (21인당).
      if (IsAsciiDigit(q.word[0]) && start > 0 && IsAsciiAlnum(text[start - 1])) continue;
      found = &q;
      break;
    }
    if (found == nullptr) break;
    const size_t start = e - found->word.size();
    Apply(*found, am);
    if (found->in_span && span_begin == b) span_begin = start;
    words.insert(words.begin(), std::string(found->word));
    b = start;
  }
  am->qualifiers.insert(am->qualifiers.begin(), words.begin(), words.end());
  return span_begin;
}

size_t ReadQualifiersAfter(const AmountLexicon& lex, absl::string_view text, size_t end,
                           bool yeo_taken, Amount* am) {
  size_t tail = end;
  // 2%대, 1000억원대: a band, unless 대 starts another word (대비, 대한).
  if ((am->kind == AmountKind::kMoney || am->kind == AmountKind::kPercent) &&
      HasAt(text, tail, "대") && !StartsWithAny(text, tail + 3, lex.Words(WordList::kNotRange))) {
    am->approximate = true;
    am->qualifiers.push_back("대");
    tail += 3;
  }
  for (int i = 0; i < 2; ++i) {
    // 1기가와트(GW)가 넘는: look past a unit gloss, kept only if a qualifier follows.
    size_t r = i == 0 ? SkipUnitGloss(text, tail) : tail;
    // 4600억원이 넘는, 700포인트를 넘게: a subject or object particle before 넘-.
    if ((HasAt(text, r, "이") || HasAt(text, r, "가") || HasAt(text, r, "을") ||
         HasAt(text, r, "를")) &&
        (HasAt(text, r + 3, "넘") || HasAt(text, r + 3, " 넘"))) {
      r += 3;
    }
    if (r == tail && HasAt(text, r, "여") && !yeo_taken) {
      am->approximate = true;
      am->qualifiers.push_back("여");
      tail = r + 3;
      continue;
    }
    r += SpaceAt(text, r);
    const size_t n = MatchAfter(lex, text, r, am);
    if (n == 0) break;
    tail = r + n;
  }
  return tail;
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
