#include "workers/extract/entities/korean_text.h"

#include <cstdint>
#include <string>

#include "absl/strings/match.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// Packs up to four Hangul syllables into one integer (14 bits each, plus the
// count), so short words are looked up without hashing strings.
uint64_t PackSyllables(const char32_t* syllables, int n) {
  uint64_t key = static_cast<uint64_t>(n);
  for (int k = 0; k < n; ++k) key = (key << 14) | static_cast<uint64_t>(syllables[k] - 0xAC00);
  return key;
}

// Packs a Hangul string of one to four syllables (see PackSyllables), or
// returns 0 if it is longer or not all Hangul.
uint64_t PackHangul(absl::string_view s) {
  char32_t syllables[4];
  int n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    i += DecodeAt(s, i, &c);
    if (!IsHangul(c) || n == 4) return 0;
    syllables[n++] = c;
  }
  return n == 0 ? 0 : PackSyllables(syllables, n);
}

bool StartsWithAny(absl::string_view s, const absl::flat_hash_set<std::string>& set, size_t max_len) {
  for (size_t len = 3; len <= max_len && len <= s.size(); len += 3) {
    if (set.contains(s.substr(0, len))) return true;
  }
  return false;
}

absl::flat_hash_set<std::string> Copy(const WordSet& words) { return {words.begin(), words.end()}; }

}  // namespace

size_t HangulRunEnd(absl::string_view s, size_t i) {
  while (i < s.size()) {
    char32_t cp;
    const size_t len = DecodeAt(s, i, &cp);
    if (!IsHangul(cp)) break;
    i += len;
  }
  return i;
}

size_t CountCodepoints(absl::string_view s) { return text::CountCodePoints(s); }

bool IsPureHangul(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    i += DecodeAt(s, i, &c);
    if (!IsHangul(c)) return false;
  }
  return !s.empty();
}

KoreanWords::KoreanWords(const Lexicons& lexicons)
    : derived_suffixes_(Copy(lexicons.Get("derived_suffixes"))),
      compound_heads_(Copy(lexicons.Get("compound_heads"))),
      titles_(Copy(lexicons.Get("titles"))),
      stop_words_(Copy(lexicons.Get("name_stop_words"))) {
  // Particles, copula forms and light suffixes that may follow a name inside
  // the same word; sequences are recognised by combining them (에서+는).
  for (absl::string_view m : lexicons.Get("tail_morphemes")) {
    const uint64_t key = PackHangul(m);
    if (key == 0) continue;  // only one to four Hangul syllables can be a morpheme
    tail_morphemes_.insert(key);
    tail_first_.Insert(CodepointAt(m, 0));
  }
  for (absl::string_view title : titles_) {
    title_first_.Insert(CodepointAt(title, 0));
    for (size_t p = 0; p < title.size();) {
      char32_t c;
      p += DecodeAt(title, p, &c);
      const absl::string_view t = title.substr(0, p);
      // Any length: a five-syllable title (애널리스트) ends a compound title too.
      if (p >= 6 && p == title.size()) title_last_.Insert(c);
      const uint64_t key = PackHangul(t);
      if (key != 0) {
        packed_title_prefixes_[key] |= p == title.size();
        if (p == 3 && p == title.size()) one_syllable_titles_.Insert(c);
        if (p == 6) title_second_.Insert(c);
      } else {
        other_title_prefixes_.insert(std::string(t));
      }
    }
  }
  for (absl::string_view s : lexicons.Get("korean_surnames")) surnames_.Insert(CodepointAt(s, 0));
}

bool KoreanWords::IsTailAt(absl::string_view tail, size_t i, int depth) const {
  if (i == tail.size()) return true;
  if (depth == 4) return false;
  char32_t syllables[4];
  int n = 0;
  for (size_t p = i; p < tail.size() && n < 4;) {
    char32_t c;
    p += DecodeAt(tail, p, &c);
    if (!IsHangul(c)) break;
    syllables[n++] = c;
  }
  if (n == 0 || !tail_first_.Contains(syllables[0])) return false;
  for (int len = n; len >= 1; --len) {  // the longest morpheme first
    if (tail_morphemes_.contains(PackSyllables(syllables, len)) && IsTailAt(tail, i + 3 * len, depth + 1)) {
      return true;
    }
  }
  return false;
}

absl::InlinedVector<size_t, 8> KoreanWords::ParticleSplits(absl::string_view word) const {
  absl::InlinedVector<size_t, 8> splits;
  ForEachStemEnd(word, [&](size_t p) {
    if (IsParticleTail(word.substr(p))) splits.push_back(p);
    return false;
  });
  return splits;
}

bool KoreanWords::StartsWithDerivedSuffix(absl::string_view tail) const {
  return StartsWithAny(tail, derived_suffixes_, 6);
}

bool KoreanWords::StartsWithCompoundHead(absl::string_view tail) const {
  return StartsWithAny(tail, compound_heads_, 12);
}

bool KoreanWords::IsPersonTitlePrefix(absl::string_view prefix) const {
  const uint64_t key = PackHangul(prefix);
  return key != 0 ? packed_title_prefixes_.contains(key) : other_title_prefixes_.contains(prefix);
}

size_t KoreanWords::TitlePrefixLength(absl::string_view word) const {
  if (word.empty() || !MayStartTitle(CodepointAt(word, 0))) return 0;
  // Grow the prefix one syllable at a time while it can still become a
  // title; most words stop after one or two steps.
  size_t best = 0;
  char32_t syllables[4];
  int n = 0;
  for (size_t p = 0; p < word.size();) {
    char32_t c;
    p += DecodeAt(word, p, &c);
    if (!IsHangul(c) || n == 4) {
      // Latin (CEO) or long titles (최고기술책임자): the string sets.
      for (size_t q = p; q <= word.size();) {
        const absl::string_view prefix = word.substr(0, q);
        if (!IsPersonTitlePrefix(prefix)) break;
        if (IsPersonTitle(prefix) && IsParticleTail(word.substr(q))) best = q;
        if (q == word.size()) break;
        char32_t d;
        q += DecodeAt(word, q, &d);
      }
      return best;
    }
    syllables[n++] = c;
    if (n == 1) {  // every title's first syllable is a prefix (MayStartTitle)
      if (one_syllable_titles_.Contains(c) && IsParticleTail(word.substr(p))) best = p;
      continue;
    }
    if (n == 2 && !title_second_.Contains(c)) break;
    auto it = packed_title_prefixes_.find(PackSyllables(syllables, n));
    if (it == packed_title_prefixes_.end()) break;
    if (it->second && IsParticleTail(word.substr(p))) best = p;
  }
  return best;
}

size_t KoreanWords::CompoundTitleEnd(absl::string_view word) const {
  static constexpr size_t kMaxTitleBytes = 15;  // five syllables: 질병관리본부장 ends in 본부장
  // A cheap filter first (this runs at most words): a title's last syllable
  // from the fourth syllable on.
  bool may_end = false;
  for (size_t i = 9; i + 3 <= word.size() && !may_end; i += 3) may_end = title_last_.Contains(CodepointAt(word, i));
  if (!may_end) return 0;
  for (size_t p : ParticleSplits(word)) {
    if (p < 12) break;  // two syllables and a title of two: 변화가 is 변화 + 가, not 변 + 화가
    size_t last;
    if (!title_last_.Contains(CodepointBefore(word, p, &last))) continue;
    for (size_t len = 6; len <= kMaxTitleBytes && len + 6 <= p; len += 3) {
      const absl::string_view title = word.substr(p - len, len);
      if (IsPureHangul(title) && titles_.contains(title) && IsPureHangul(word.substr(0, p - len))) return p;
    }
  }
  return 0;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
