// Small helpers for Korean text: UTF-8 decoding, character classes, and the
// particles, suffixes, titles and surnames the entity recognisers reason
// about (KoreanWords, prepared from the word lists in data/entities/).
//
//   KoreanWords words(Lexicons::Default());
//   words.IsParticleTail("에서는")           -> true  (삼성전자에서는 = 삼성전자 + 에서 + 는)
//   words.StartsWithDerivedSuffix("산")      -> true  (중국산 is a derived word, not 중국)
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_KOREAN_TEXT_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_KOREAN_TEXT_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "text/char_class.h"
#include "text/utf8.h"
#include "workers/extract/entities/lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// Decodes the code point at byte `i` into `*cp` and returns its byte length
// (1 for an invalid byte, decoded as U+FFFD). REQUIRES: i < s.size().
inline size_t DecodeAt(absl::string_view s, size_t i, char32_t* cp) {
  return text::DecodeUtf8(s, i, cp);
}
// DecodeAt for the text of a Document word, which holds only ASCII and
// Hangul syllables (SplitWords checked them): no checks, for the loops that
// look at every character of every word.
inline size_t DecodeWordCharAt(absl::string_view word, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(word.data()) + i;
  if (p[0] < 0x80) {
    *cp = p[0];
    return 1;
  }
  *cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return 3;
}
// Returns the code point that ends at byte `i` (0 if i == 0), and its start.
// Inline, as CodepointAt: the recognisers call both at nearly every byte.
inline char32_t CodepointBefore(absl::string_view s, size_t i, size_t* start = nullptr) {
  if (i == 0 || i > s.size()) {
    if (start != nullptr) *start = 0;
    return 0;
  }
  char32_t cp;
  const size_t j = text::DecodeUtf8Before(s, i, &cp);
  if (start != nullptr) *start = j;
  return cp;
}
// Returns the code point at byte `i` (0 if i >= s.size()).
inline char32_t CodepointAt(absl::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char32_t cp;
  DecodeAt(s, i, &cp);
  return cp;
}

inline bool IsHangul(char32_t c) { return text::IsHangulSyllable(c); }
using text::IsAsciiAlnum;
using text::IsAsciiAlpha;
using text::IsAsciiDigit;
// Letters and digits that make up a word (Hangul syllables, ASCII alnum).
inline bool IsWordChar(char32_t c) { return IsHangul(c) || IsAsciiAlnum(c); }

// A set of Hangul syllables, for cheap first- and last-syllable filters
// before hash lookups. Not copyable (1.4 KB).
class SyllableSet {
 public:
  SyllableSet() = default;
  SyllableSet(const SyllableSet&) = delete;
  SyllableSet& operator=(const SyllableSet&) = delete;
  void Insert(char32_t c) {
    if (IsHangul(c)) bits_.set(c - 0xAC00);
  }
  bool Contains(char32_t c) const { return IsHangul(c) && bits_.test(c - 0xAC00); }

 private:
  std::bitset<0xD7A4 - 0xAC00> bits_;
};

// Returns the end of the run of Hangul syllables starting at byte `i`.
size_t HangulRunEnd(absl::string_view s, size_t i);
// Returns the number of code points in `s`.
size_t CountCodepoints(absl::string_view s);

// Returns true if `s` is one or more Hangul syllables and nothing else.
bool IsPureHangul(absl::string_view s);

// The Korean word lists every recogniser reasons about (particles, derived
// suffixes, compound heads, titles, surnames, stop words), prepared from a
// Lexicons for fast queries. Immutable after construction; thread-safe.
// Holds no reference to `lexicons`. Not copyable.
class KoreanWords {
 public:
  // Uses the lists tail_morphemes, derived_suffixes, compound_heads, titles,
  // korean_surnames and name_stop_words of `lexicons`.
  explicit KoreanWords(const Lexicons& lexicons);
  KoreanWords(const KoreanWords&) = delete;
  KoreanWords& operator=(const KoreanWords&) = delete;

  // Returns true if `tail` (Hangul) is a sequence of particles, copula forms
  // or light nominal suffixes (측, 발, 등): 가, 에서는, 로부터, 라는, 이었다,
  // 측은. The empty string is a tail too.
  bool IsParticleTail(absl::string_view tail) const { return IsTailAt(tail, 0, 0); }
  // Returns the byte offsets p in `word` at which word.substr(p) is a
  // particle tail, from the longest stem (p == word.size()) to the shortest.
  absl::InlinedVector<size_t, 8> ParticleSplits(absl::string_view word) const;
  // Calls `f(p)` at the byte offsets p of `word` that ParticleSplits could
  // return, in its order, before testing the tail, and stops when f returns
  // true: a caller whose own test is cheaper than IsParticleTail tests first.
  template <typename F>
  void ForEachStemEnd(absl::string_view word, F f) const {
    size_t p = word.size();
    for (int k = 0; k <= 8; ++k) {  // Tails are at most a few syllables long.
      if (f(p)) return;
      if (p == 0) return;
      size_t prev;
      if (!IsHangul(CodepointBefore(word, p, &prev))) return;
      p = prev;
    }
  }
  // Returns true if `tail` starts with a suffix that derives a different word
  // from a name: 중국산, 인도판, 미국인, 한국어, 영국계, and verb endings
  // (인도하다, 인도했다).
  bool StartsWithDerivedSuffix(absl::string_view tail) const;
  // Returns true if `tail` starts with a noun that commonly forms a compound
  // with a place or company name without a space: 미국정부, 뉴욕증시, 애플주가.
  bool StartsWithCompoundHead(absl::string_view tail) const;

  // Returns true if a title could start with code point `c` (a fast filter
  // before IsPersonTitle).
  bool MayStartTitle(char32_t c) const { return title_first_.Contains(c) || (c >= 'A' && c <= 'Z'); }
  // Returns true if `prefix` is the beginning of some title (or a title).
  bool IsPersonTitlePrefix(absl::string_view prefix) const;
  // Returns the length of the longest prefix of `word` that is a title
  // followed by a particle tail (CEO는, 대표가, 씨는), or 0.
  size_t TitlePrefixLength(absl::string_view word) const;
  // Returns the end of a compound title that fills `word` up to a particle
  // tail: a word glued before a title of two syllables or more (하나은행장과
  // = 하나은 + 행장 + 과, 국회의장은, 질병관리본부장의), or 0. The glued word
  // has two syllables or more (변화가 is not 변 + 화가), and titles of one
  // syllable (씨, 군) never close a compound.
  size_t CompoundTitleEnd(absl::string_view word) const;
  // Returns true if `word` is a title or role that follows or precedes a
  // person's name: CEO, 회장, 대표, 교수, 기자, 대통령, 창업자 ...
  bool IsPersonTitle(absl::string_view word) const { return titles_.contains(word); }
  // Returns true if `c` is a common Korean surname syllable.
  bool IsKoreanSurname(char32_t c) const { return surnames_.Contains(c); }
  // Returns true if `word` is a common word that looks like a name by shape
  // (3 syllables starting with a surname syllable: 이사회, 정부의) or that
  // modifies a title (공동, 신임, 최근).
  bool IsNameStopWord(absl::string_view word) const { return stop_words_.contains(word); }

 private:
  bool IsTailAt(absl::string_view tail, size_t i, int depth) const;

  // Tail morphemes packed (PackSyllables) so they are looked up without
  // hashing strings, and their first syllables.
  absl::flat_hash_set<uint64_t> tail_morphemes_;
  SyllableSet tail_first_;
  absl::flat_hash_set<std::string> derived_suffixes_, compound_heads_, titles_, stop_words_;
  // Title prefixes: short Hangul prefixes (by far the most frequent queries)
  // packed and mapped to whether the prefix is a whole title; long or Latin
  // ones as strings.
  absl::flat_hash_map<uint64_t, bool> packed_title_prefixes_;
  absl::flat_hash_set<std::string> other_title_prefixes_;
  SyllableSet title_first_;
  SyllableSet one_syllable_titles_;  // TitlePrefixLength's first step without hashing
  SyllableSet title_second_;         // and most second steps: the titles' second syllables
  SyllableSet title_last_;           // last syllables of Hangul titles of two syllables or more
  SyllableSet surnames_;
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_KOREAN_TEXT_H_
