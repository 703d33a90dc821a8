#include "workers/extract/entities/entity_lexicon.h"

#include <algorithm>

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

absl::flat_hash_set<std::string> Copy(const WordSet& words) { return {words.begin(), words.end()}; }

}  // namespace

EntityLexicon::EntityLexicon(const Lexicons& lexicons)
    : korean_(lexicons),
      title_modifiers_(Copy(lexicons.Get("title_modifiers"))),
      not_name_ends_(Copy(lexicons.Get("not_name_ends"))),
      company_loanwords_(Copy(lexicons.Get("company_loanwords"))),
      foreign_name_bad_ends_(Copy(lexicons.Get("foreign_name_bad_ends"))),
      foreign_given_names_(Copy(lexicons.Get("foreign_given_names"))),
      generic_org_prefixes_(Copy(lexicons.Get("generic_org_prefixes"))),
      ambiguous_surnames_(Copy(lexicons.Get("ambiguous_surnames"))),
      name_particles_(Copy(lexicons.Get("name_particles"))),
      short_districts_(Copy(lexicons.Get("short_districts"))),
      index_numbers_(Copy(lexicons.Get("index_numbers"))) {
  for (absl::string_view s : lexicons.Get("admin_suffixes")) admin_suffixes_.Insert(CodepointAt(s, 0));
  for (absl::string_view s : lexicons.Get("country_hanja")) country_hanja_.insert(CodepointAt(s, 0));
  const WordSet& cues = lexicons.Get("dual_type_cues");
  dual_type_cues_.assign(cues.begin(), cues.end());
  std::sort(dual_type_cues_.begin(), dual_type_cues_.end());  // a stable order, whatever the hash
}

bool EntityLexicon::IsKoreanNameShaped(absl::string_view word) const {
  // Given names rarely end in the not_name_ends syllables; words that do are
  // mostly a noun with a particle (채권이, 연구로, 문제가).
  if (!IsPureHangul(word) || CountCodepoints(word) != 3 || !korean_.IsKoreanSurname(CodepointAt(word, 0)) ||
      korean_.IsNameStopWord(word) || not_name_ends_.contains(word.substr(6))) {
    return false;
  }
  // A common two-syllable word and a particle: 정부는, 이사가.
  return !(korean_.IsNameStopWord(word.substr(0, 6)) && korean_.IsParticleTail(word.substr(6)));
}

bool EntityLexicon::IsForeignNamePart(absl::string_view word) const {
  // A title is never part of a name: 구윤철 부총리 겸 기획재정부 장관.
  if (!IsPureHangul(word) || korean_.IsNameStopWord(word) || korean_.IsPersonTitle(word)) return false;
  // Loanwords common in company names (어드밴티지 리서치 컨설팅 설립자).
  if (company_loanwords_.contains(word)) return false;
  const size_t n = CountCodepoints(word);
  if (n < 1 || n > 5) return false;
  size_t last_start;
  CodepointBefore(word, word.size(), &last_start);
  // Case particles and verb or adjective endings (유망한, 가진, 따르면).
  return !(n > 1 && foreign_name_bad_ends_.contains(word.substr(last_start)));
}

size_t EntityLexicon::AdminUnitEnd(absl::string_view word) const {
  for (size_t p : korean_.ParticleSplits(word)) {
    const absl::string_view stem = word.substr(0, p);
    if (!IsPureHangul(stem) || !admin_suffixes_.Contains(CodepointBefore(stem, stem.size()))) continue;
    if (CountCodepoints(stem) >= 3 || short_districts_.contains(stem)) return p;
  }
  return 0;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
