// The word lists and name shapes that several entity recognisers share,
// prepared once from a Lexicons (shipped lists plus a user's files):
// particles and titles (KoreanWords), Korean and transliterated name shapes,
// title modifiers, administrative units, and the boundary lists that decide
// where a name may end (country Hanja, market index numbers).
//
//   EntityLexicon lexicon(Lexicons::Default());
//   lexicon.IsKoreanNameShaped("홍길동");  // true
//   lexicon.AdminUnitEnd("용인시는");      // 9 (용인시)
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_LEXICON_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_LEXICON_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "workers/extract/entities/korean_text.h"
#include "workers/extract/entities/lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// Immutable after construction; thread-safe; keeps no reference to the
// Lexicons it was built from. Not copyable.
class EntityLexicon {
 public:
  explicit EntityLexicon(const Lexicons& lexicons);
  EntityLexicon(const EntityLexicon&) = delete;
  EntityLexicon& operator=(const EntityLexicon&) = delete;

  const KoreanWords& korean() const { return korean_; }

  // True if `word` may stand between a name and its title: 전 (former),
  // 공동 (co-), 수석 (chief) ... (title_modifiers).
  bool IsTitleModifier(absl::string_view word) const { return title_modifiers_.contains(word); }
  // True if `word` (3 syllables, no particle) is shaped like a Korean
  // personal name: a surname syllable and a two-syllable given name, not a
  // stop word, not ending like a noun with a particle (not_name_ends).
  bool IsKoreanNameShaped(absl::string_view word) const;
  // True if `word` could be one part of a transliterated foreign name
  // (젠슨, 올트먼): pure Hangul, 1-5 syllables, not a common word, a title or
  // a company loanword, not ending in a case particle or verb ending.
  bool IsForeignNamePart(absl::string_view word) const;
  // True for a common given name from abroad as written in Korean (데이비드).
  bool IsForeignGivenName(absl::string_view word) const { return foreign_given_names_.contains(word); }
  // True for a generic word that makes `word + suffix` a common noun
  // (국내은행, 시중은행), not a name.
  bool IsGenericOrgPrefix(absl::string_view word) const { return generic_org_prefixes_.contains(word); }
  // True for a surname syllable that is mostly another word before a title
  // (전, 현, 신 ...).
  bool IsAmbiguousSurname(absl::string_view syllable) const { return ambiguous_surnames_.contains(syllable); }
  // True for a particle that closes a name written after its title or
  // occupation (창업자 김범수는).
  bool IsNameParticle(absl::string_view tail) const { return name_particles_.contains(tail); }
  // Returns the end of the admin-unit stem of `word` (용인시는 -> 용인시), or
  // 0 if it is not a unit: at least three syllables (or a short district
  // such as 중구) ending in an administrative suffix, then particles.
  size_t AdminUnitEnd(absl::string_view word) const;
  // True for a one-character Hanja country name that pairs up in headlines (美中).
  bool IsCountryHanja(char32_t c) const { return country_hanja_.contains(c); }
  // True for a number that names a market index after its name (S&P 500).
  bool IsIndexNumber(absl::string_view digits) const { return index_numbers_.contains(digits); }
  // Words before a dual-typed gazetteer name that make it the product (모델).
  const std::vector<std::string>& dual_type_cues() const { return dual_type_cues_; }

 private:
  using Set = absl::flat_hash_set<std::string>;

  KoreanWords korean_;
  Set title_modifiers_, not_name_ends_, company_loanwords_, foreign_name_bad_ends_, foreign_given_names_,
      generic_org_prefixes_, ambiguous_surnames_, name_particles_, short_districts_, index_numbers_;
  SyllableSet admin_suffixes_;
  absl::flat_hash_set<char32_t> country_hanja_;
  std::vector<std::string> dual_type_cues_;
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_LEXICON_H_
