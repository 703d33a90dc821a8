#include "workers/extract/entities/korean_text.h"

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "workers/extract/entities/lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using StringSet = WordSet;

// Particles, copula forms and light suffixes that may follow a name inside
// the same word. Sequences are recognised by combining these (에서+는).
// Deliberately missing: 인 (미국인 is "an American"), 어 (한국어).
const StringSet& TailMorphemes() { return Lexicons::Default().Get("tail_morphemes"); }

// Suffixes that turn a name into a different word.
const StringSet& DerivedSuffixes() { return Lexicons::Default().Get("derived_suffixes"); }

// Nouns that glue to a place or company name without a space.
const StringSet& CompoundHeads() { return Lexicons::Default().Get("compound_heads"); }

const StringSet& Titles() { return Lexicons::Default().Get("titles"); }

// Common words shaped like a Korean name (surname syllable + two), or words
// that modify a title and so must not be read as a name.
const StringSet& NameStopWords() { return Lexicons::Default().Get("name_stop_words"); }

// First syllables of set members, to reject most candidates without hashing.
const SyllableSet* FirstSyllables(const StringSet& set) {
  auto* first = new SyllableSet;
  for (absl::string_view m : set) first->Insert(CodepointAt(m, 0));
  return first;
}

// Packs up to four Hangul syllables into one integer (14 bits each, plus the
// count), so tail morphemes are looked up without hashing strings.
uint64_t PackSyllables(const char32_t* syllables, int n) {
  uint64_t key = static_cast<uint64_t>(n);
  for (int k = 0; k < n; ++k) key = (key << 14) | static_cast<uint64_t>(syllables[k] - 0xAC00);
  return key;
}

const absl::flat_hash_set<uint64_t>& PackedTailMorphemes() {
  static const auto* kSet = [] {
    auto* set = new absl::flat_hash_set<uint64_t>;
    for (absl::string_view m : TailMorphemes()) {
      char32_t syllables[4];
      int n = 0;
      for (size_t i = 0; i < m.size() && n < 4;) {
        char32_t c;
        i += DecodeAt(m, i, &c);
        syllables[n++] = c;
      }
      set->insert(PackSyllables(syllables, n));
    }
    return set;
  }();
  return *kSet;
}

bool IsTailAt(absl::string_view tail, size_t i, int depth) {
  if (i == tail.size()) return true;
  if (depth == 4) return false;
  static const SyllableSet* kFirst = FirstSyllables(TailMorphemes());
  char32_t syllables[4];
  int n = 0;
  for (size_t p = i; p < tail.size() && n < 4;) {
    char32_t c;
    p += DecodeAt(tail, p, &c);
    if (!IsHangul(c)) break;
    syllables[n++] = c;
  }
  if (n == 0 || !kFirst->Contains(syllables[0])) return false;
  const absl::flat_hash_set<uint64_t>& morphemes = PackedTailMorphemes();
  for (int len = n; len >= 1; --len) {  // the longest morpheme first
    if (morphemes.contains(PackSyllables(syllables, len)) && IsTailAt(tail, i + 3 * len, depth + 1)) {
      return true;
    }
  }
  return false;
}

bool StartsWithAny(absl::string_view s, const StringSet& set, size_t max_len) {
  for (size_t len = 3; len <= max_len && len <= s.size(); len += 3) {
    if (set.contains(s.substr(0, len))) return true;
  }
  return false;
}

}  // namespace

char32_t CodepointBefore(absl::string_view s, size_t i, size_t* start) {
  if (i == 0 || i > s.size()) {
    if (start != nullptr) *start = 0;
    return 0;
  }
  char32_t cp;
  const size_t j = text::DecodeUtf8Before(s, i, &cp);
  if (start != nullptr) *start = j;
  return cp;
}

char32_t CodepointAt(absl::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char32_t cp;
  DecodeAt(s, i, &cp);
  return cp;
}

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

bool IsParticleTail(absl::string_view tail) { return IsTailAt(tail, 0, 0); }

absl::InlinedVector<size_t, 8> ParticleSplits(absl::string_view word) {
  absl::InlinedVector<size_t, 8> splits;
  size_t p = word.size();
  for (int k = 0; k <= 8; ++k) {  // Tails are at most a few syllables long.
    if (IsParticleTail(word.substr(p))) splits.push_back(p);
    if (p == 0) break;
    size_t prev;
    if (!IsHangul(CodepointBefore(word, p, &prev))) break;
    p = prev;
  }
  return splits;
}

bool StartsWithDerivedSuffix(absl::string_view tail) { return StartsWithAny(tail, DerivedSuffixes(), 6); }

bool StartsWithCompoundHead(absl::string_view tail) { return StartsWithAny(tail, CompoundHeads(), 12); }

bool IsPersonTitle(absl::string_view word) { return Titles().contains(word); }

namespace {
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
}  // namespace

namespace {

// Title prefixes: short Hangul prefixes, by far the most frequent queries
// (this runs for every word that starts like a title), as packed integers
// mapped to whether the prefix is a whole title; long or Latin ones as
// strings.
struct TitlePrefixes {
  absl::flat_hash_map<uint64_t, bool> packed;
  absl::flat_hash_set<std::string> other;
};

const TitlePrefixes& GetTitlePrefixes() {
  static const TitlePrefixes* kPrefixes = [] {
    auto* set = new TitlePrefixes;
    for (absl::string_view title : Titles()) {
      for (size_t p = 0; p < title.size();) {
        char32_t c;
        p += DecodeAt(title, p, &c);
        const absl::string_view t = title.substr(0, p);
        const uint64_t key = PackHangul(t);
        if (key != 0) {
          set->packed[key] |= p == title.size();
        } else {
          set->other.insert(std::string(t));
        }
      }
    }
    return set;
  }();
  return *kPrefixes;
}

}  // namespace

bool IsPersonTitlePrefix(absl::string_view prefix) {
  const TitlePrefixes& prefixes = GetTitlePrefixes();
  const uint64_t key = PackHangul(prefix);
  return key != 0 ? prefixes.packed.contains(key) : prefixes.other.contains(prefix);
}

size_t TitlePrefixLength(absl::string_view word) {
  if (word.empty() || !MayStartTitle(CodepointAt(word, 0))) return 0;
  const TitlePrefixes& prefixes = GetTitlePrefixes();
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
    auto it = prefixes.packed.find(PackSyllables(syllables, n));
    if (it == prefixes.packed.end()) break;
    if (it->second && IsParticleTail(word.substr(p))) best = p;
  }
  return best;
}

bool MayStartTitle(char32_t c) {
  static const SyllableSet* kFirst = FirstSyllables(Titles());
  return kFirst->Contains(c) || (c >= 'A' && c <= 'Z');
}

bool IsKoreanSurname(char32_t c) {
  static const SyllableSet* kSurnames = FirstSyllables(Lexicons::Default().Get("korean_surnames"));
  return kSurnames->Contains(c);
}

bool IsNameStopWord(absl::string_view word) { return NameStopWords().contains(word); }

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
