#include "workers/extract/amounts/unit_reader.h"

#include <algorithm>

#include "workers/extract/amounts/korean_number.h"
#include "workers/extract/amounts/text_scan.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

UnitReader::UnitReader(const AmountLexicon& lexicon)
    : lexicon_(lexicon),
      unit_suffixes_(lexicon.Words(WordList::kUnitSuffixes)),
      money_suffixes_(lexicon.Words(WordList::kMoneySuffixes)),
      strict_suffixes_(lexicon.Words(WordList::kStrictSuffixes)) {
  for (const UnitDef& u : lexicon.units()) {
    by_byte_[static_cast<unsigned char>(u.surface[0])].push_back(&u);
  }
  for (auto& bucket : by_byte_) {
    std::stable_sort(bucket.begin(), bucket.end(), [](const UnitDef* a, const UnitDef* b) {
      return a->surface.size() > b->surface.size();
    });
  }
}

bool UnitReader::EndsCleanly(absl::string_view text, size_t pos, const UnitDef& u) const {
  if (pos >= text.size()) return true;
  if ((u.flags & kAscii) && IsAsciiAlnum(text[pos])) return false;
  // A Hangul unit glued to Latin letters is a name (3명AI is rare; 4N is
  // never a unit anyway).
  if (!HangulAt(text, pos)) return true;
  // A symbol or Latin unit cannot begin a Hangul word, so any Hangul may
  // follow it (5%하락, 5%선, 84㎡형, 10GW급).
  if (!HangulAt(u.surface, 0)) return true;
  if (u.flags & kStrict) return StartsWithAny(text, pos, strict_suffixes_);
  if (StartsWithAny(text, pos, unit_suffixes_)) return true;
  return u.kind == AmountKind::kMoney && StartsWithAny(text, pos, money_suffixes_);
}

const UnitDef* UnitReader::Match(absl::string_view text, size_t pos, size_t* len) const {
  if (pos >= text.size()) return nullptr;
  for (const UnitDef* u : by_byte_[static_cast<unsigned char>(text[pos])]) {
    if ((u->flags & kSubUnitOnly) == 0 && HasAt(text, pos, u->surface) &&
        EndsCleanly(text, pos + u->surface.size(), *u)) {
      *len = u->surface.size();
      return u;
    }
  }
  return nullptr;
}

bool UnitReader::Read(absl::string_view text, size_t pos, bool allow_space, UnitMatch* out) const {
  size_t len = 0;
  const UnitDef* u = Match(text, pos, &len);
  bool space = false;
  const size_t sp = allow_space ? SpaceAt(text, pos) : 0;
  if (u == nullptr && sp > 0) {
    u = Match(text, pos + sp, &len);
    if (u != nullptr && (u->flags & kAttached)) u = nullptr;
    space = u != nullptr;
  }
  if (u == nullptr) return false;
  out->unit = u;
  out->space_before = space;
  out->begin = pos + (space ? sp : 0);
  out->end = out->begin + len;
  return true;
}

const UnitDef* UnitReader::MatchSubUnit(absl::string_view text, size_t pos,
                                        absl::string_view main_code, size_t* len) const {
  for (const SubUnitDef& s : lexicon_.sub_units()) {
    if (s.main_code != main_code || !HasAt(text, pos, s.surface)) continue;
    for (const UnitDef* u : by_byte_[static_cast<unsigned char>(text[pos])]) {
      if (u->surface == s.surface && (u->flags & kHundredths) &&
          EndsCleanly(text, pos + u->surface.size(), *u)) {
        *len = u->surface.size();
        return u;
      }
    }
  }
  return nullptr;
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
