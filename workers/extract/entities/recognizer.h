// The entity recognisers: each finds one kind of name by one kind of
// evidence and adds it to a Document, and the extractor runs them in a fixed
// order (DefaultPipeline). The first mention to claim bytes keeps them, so
// the order is the precedence: the gazetteer first, then names by context,
// then aliases and coreference over what was found, then the joins that
// merge mentions (addresses) and resolve ambiguous names (parties).
//
// Each recogniser lives in its own file (<name>_recognizer.cc) with its own
// table test (<name>_recognizer_test.cc) on a tiny lexicon and gazetteer,
// and reads its word lists from the Lexicons it is built from, never from
// the shipped data directly.
//
//   auto pipeline = DefaultPipeline(lexicons, gazetteer);
//   Document doc(text, gazetteer, lexicon);
//   for (const auto& r : *pipeline) r->Run(&doc);
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_RECOGNIZER_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_RECOGNIZER_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "workers/extract/entities/document.h"
#include "workers/extract/entities/gazetteer.h"
#include "workers/extract/entities/lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// Immutable after construction; Run is thread-safe (one Document per call).
class Recognizer {
 public:
  virtual ~Recognizer() = default;
  // A short name for tests and profiles, e.g. "titled_person".
  virtual absl::string_view name() const = 0;
  // Adds the mentions this recogniser finds in `doc` (or rewrites those
  // already there, for the joins and resolvers).
  virtual void Run(Document* doc) const = 0;
};

using RecognizerPtr = std::unique_ptr<const Recognizer>;

// Each factory reads the lists it needs from `lexicons` and keeps no
// reference to it. The comments name the evidence; the files hold the rules.

// Gazetteer names and aliases (Aho-Corasick), particles stripped, products
// extended by a version and edition (제미나이 3 프로): product_editions.
RecognizerPtr NewGazetteerRecognizer(const Lexicons& lexicons);
// A short alias that counts only near a mention of a related entity
// (gazetteer metadata context / context_alias: 나노 after 네모트론3).
RecognizerPtr NewContextAliasRecognizer(const Gazetteer& gazetteer);
// 토마스 쿠리안(Thomas Kurian): a name with its romanisation (latin_org_heads,
// latin_org_words, common_english_words, romanized_surnames, latin_initials).
RecognizerPtr NewRomanizedNameRecognizer(const Lexicons& lexicons);
// 김씨, 박모(48)씨, A씨, 표 씨, 전재국씨: surname_honorifics.
RecognizerPtr NewSurnameHonorificRecognizer(const Lexicons& lexicons);
// 용인서부경찰서, 수원지법: organisations by suffix (org_suffixes,
// weak_org_suffixes, org_suffix_vetoes, generic_org_prefixes).
RecognizerPtr NewSuffixOrganizationRecognizer(const Lexicons& lexicons);
// 애틀랜타 연방준비은행: a place then an organisation found by suffix is one
// organisation.
RecognizerPtr NewPlaceUnitRecognizer();
// 신동빈 회장, 창업자 김범수는, 에릭 슈미트 전 구글 CEO: a person next to a title
// (titles, title_modifiers, affiliation_ends, name_particles).
RecognizerPtr NewTitledPersonRecognizer(const Lexicons& lexicons);
// 가수 거미의, 배우 블레이크 라이블리와: a name after an occupation
// (name_introducers, name_particles).
RecognizerPtr NewIntroducedNameRecognizer(const Lexicons& lexicons);
// 진성준(57), 양근서(새정치민주연합·안산): a Korean name with an age or an
// affiliation in parentheses (particle_syllables, caption_words).
RecognizerPtr NewAgedPersonRecognizer(const Lexicons& lexicons);
// 스타트업 에이아이랩은, 업체 그린팩의: an unseen company right after a kind of
// company (org_introducers, org_introducer_vetoes).
RecognizerPtr NewIntroducedOrganizationRecognizer(const Lexicons& lexicons);
// 케리 장관은: one transliterated word before a head-of-state or minister
// title (single_name_titles).
RecognizerPtr NewSingleForeignNameRecognizer(const Lexicons& lexicons);
// 워릭 대학교: a transliterated name and a free-standing organisation word
// (spaced_org_heads).
RecognizerPtr NewSpacedOrganizationRecognizer(const Lexicons& lexicons);
// 겐트대 교수: a university's short form before an academic title
// (university_context).
RecognizerPtr NewUniversityShortFormRecognizer(const Lexicons& lexicons);
// 한·미·일: one-syllable country abbreviations joined by '·'
// (country_abbreviations).
RecognizerPtr NewCountryAbbreviationRecognizer(const Lexicons& lexicons);
// Scale Labs, Zenith Labs: capitalised words ending in a
// corporate word (latin_corporate_words). Errors: InvalidArgument if the
// list makes a bad pattern.
absl::StatusOr<RecognizerPtr> NewLatinOrganizationRecognizer(const Lexicons& lexicons);
// 아마존웹서비스(AWS), (이하 프로메테우스): parenthesised aliases, and their
// later occurrences (non_name_abbreviations, alias_introducers).
RecognizerPtr NewAliasRecognizer(const Lexicons& lexicons);
// 베조스, 황 CEO: a later surname stands for an earlier full name, with
// evidence (the same title for a name found by pattern).
RecognizerPtr NewCoreferenceRecognizer();
// 윤 전 대변인, 안 의원은: a bare surname before a title.
RecognizerPtr NewSurnameTitleRecognizer();
// 경기 용인시 수지구: a place and administrative units inside it are one
// LOCATION (province_names, admin_suffixes, short_districts).
RecognizerPtr NewPlaceChainRecognizer(const Lexicons& lexicons);
// A bare party name read by the document's other names (민주당 in a story
// about Korean politics is 더불어민주당): ambiguous_parties,
// home_politics_names, foreign_politics_names.
RecognizerPtr NewPartyNameRecognizer(const Lexicons& lexicons);

// 류현진은, 장하나를: a bare Korean name by the shape of its syllables before
// a particle (given_name_firsts, given_name_lasts, ambiguous_surnames). Runs
// last: the weakest evidence.
RecognizerPtr NewBareKoreanNameRecognizer(const Lexicons& lexicons);

// All of the above, in precedence order.
absl::StatusOr<std::vector<RecognizerPtr>> DefaultPipeline(const Lexicons& lexicons, const Gazetteer& gazetteer);

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_RECOGNIZER_H_
