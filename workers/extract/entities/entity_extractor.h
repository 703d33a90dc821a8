// Named-entity extraction for Korean news: organisations, people, places and
// products, each with a canonical name.
//
//   GLEANER_ASSIGN_OR_RETURN(auto extractor, EntityExtractor::Create());
//   for (const EntityMention& m : extractor->Extract("젠슨 황 엔비디아 CEO는 ... 황 CEO가")) {
//     // [0,10) PERSON "젠슨 황" GAZETTEER, [11,23) ORGANIZATION "엔비디아" GAZETTEER,
//     // ..., "황" PERSON "젠슨 황" COREFERENCE
//   }
//
// How mentions are found, in order of precedence (longest span wins, no
// overlaps):
//  1. GAZETTEER: names and aliases from the gazetteer, matched by one
//     Aho-Corasick pass; Korean particles and copulas after a name are left
//     out of the span (엔비디아가 -> 엔비디아), and a name glued to a
//     derivational suffix is not a mention (중국산, 인도판, 미국인).
//  2. PATTERN: unseen names by shape: a person next to a title or role
//     (홍길동 대표, 창업자 홍길동, 에릭 슈미트 전 구글 CEO), a Korean name
//     with an age (진성준(57)), a name with its romanisation
//     (토마스 쿠리안(Thomas Kurian); an English corporate word makes it an
//     organisation: 칼리코 랩스(Calico Labs)), an organisation by suffix
//     (…전자, …협회, 워릭 대학교, Zenith Labs), a university by its short
//     form before an academic title (겐트대 교수).
//  3. ALIAS: a parenthesised abbreviation or English name after a mention
//     (미국소비자기술협회(CTA)) names the same entity for the rest of the
//     document, as does `이하 X` inside the parentheses.
//     A gazetteer entry may also name a short alias that counts only near a
//     mention of a related entity (나노 after 네모트론3: Nemotron 3 Nano).
//  4. COREFERENCE: a later surname (베조스, 황 CEO) resolves to the full
//     name of a person mentioned earlier in the document.
// Each kind of evidence is one recogniser (recognizer.h, one file each),
// run in that order over a Document; their word lists are data
// (data/entities/*.txt, extended by lexicon_paths).
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_EXTRACTOR_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "workers/extract/entities/entity_mention.h"
#include "workers/extract/entities/gazetteer.h"
#include "workers/extract/entities/lexicon.h"
#include "workers/extract/entities/name_tagger.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

class EntityLexicon;
class Recognizer;

struct EntityExtractorOptions {
  // Extra gazetteer TSV files, loaded after (and overriding) the shipped data.
  std::vector<std::string> gazetteer_paths;
  // Whether to load the shipped gazetteer (true).
  bool include_default_gazetteer = true;
  // User lexicon files (`list<TAB>entry` lines, see lexicon.h and
  // docs/entities.md) adding titles, organisation suffixes, vetoes ... to
  // the shipped lists.
  std::vector<std::string> lexicon_paths;
  // Whether the shipped learned tagger (NameTagger::Default()) joins the
  // rules (false: with it, 11 rule-table rows and 5 news-suite rows still
  // disagree, and the gold falls to 0.973; see docs/entities.md).
  bool use_name_tagger = false;
};

// How the learned tagger's spans join the rules' mentions.
enum class TaggerJoin {
  // Every rule mention stays; a tagged span overlapping none is added.
  kAddToRules,
  // As kAddToRules, but a rule PATTERN name (person, organisation, place) is
  // kept only where the tagger tags a span overlapping it.
  kConfirmPatterns,
  // The tagger's spans win over the rules' PATTERN names they overlap; a rule
  // mention with exactly a tagged span's bounds is kept (canonical), and
  // gazetteer, alias and coreference mentions and products always stay.
  kTaggerFirst,
};

// Tagged spans that cannot be names (inside a word, a title alone) are
// dropped before joining.
struct NameTaggerUse {
  const NameTagger* tagger = nullptr;  // not owned; nullptr: rules only
  TaggerJoin join = TaggerJoin::kTaggerFirst;
};

// Thread-safe after Create(); not copyable.
class EntityExtractor {
 public:
  // Loads the gazetteer and the word lists and builds the recognisers.
  // Errors come from Gazetteer::Load and Lexicons::Load (NotFound,
  // InvalidArgument "path:LINE: reason").
  static absl::StatusOr<std::unique_ptr<EntityExtractor>> Create(EntityExtractorOptions options = {});
  // Uses an already loaded gazetteer (for benchmarks and tests).
  // `tagger.tagger` must outlive the extractor.
  static absl::StatusOr<std::unique_ptr<EntityExtractor>> CreateWithGazetteer(
      std::unique_ptr<const Gazetteer> gazetteer, NameTaggerUse tagger = {});

  EntityExtractor(const EntityExtractor&) = delete;
  EntityExtractor& operator=(const EntityExtractor&) = delete;
  ~EntityExtractor();

  // Returns the mentions in `text` (one document, UTF-8), sorted by offset
  // and non-overlapping. Mentions that overlap a range in `flagged` are
  // returned with `flagged` set.
  std::vector<EntityMention> Extract(absl::string_view text,
                                     absl::Span<const FlaggedRange> flagged = {}) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

  // Returns the rules' mentions alone, without the tagger (the tagger's
  // training input).
  std::vector<EntityMention> ExtractByRules(absl::string_view text) const;

 private:
  EntityExtractor(std::unique_ptr<const Gazetteer> gazetteer, std::unique_ptr<const Lexicons> lexicons);
  // `lexicons` nullptr: the shipped lists.
  static absl::StatusOr<std::unique_ptr<EntityExtractor>> CreateWith(std::unique_ptr<const Gazetteer> gazetteer,
                                                                     std::unique_ptr<const Lexicons> lexicons,
                                                                     NameTaggerUse tagger);
  // Runs the recognisers over `text`.
  std::vector<EntityMention> RunRules(absl::string_view text, absl::Span<const FlaggedRange> flagged) const;

  std::unique_ptr<const Gazetteer> gazetteer_;
  std::unique_ptr<const Lexicons> owned_lexicons_;  // the user's lists; nullptr: Lexicons::Default()
  std::unique_ptr<const EntityLexicon> lexicon_;
  std::vector<std::unique_ptr<const Recognizer>> pipeline_;
  NameTaggerUse tagger_;
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_EXTRACTOR_H_
