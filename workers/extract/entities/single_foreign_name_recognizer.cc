// 케리 장관은, 아베 총리는, 클래퍼 국장이: a single transliterated word right
// before a title that is rarely preceded by a common noun
// (single_name_titles). A word that names a ministry with 부 (국방 장관:
// 국방부), a generic organisation word or a place unit is not a name, nor is
// the second of two name-like words (handled as a two-word name elsewhere).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class SingleForeignNameRecognizer : public Recognizer {
 public:
  explicit SingleForeignNameRecognizer(const Lexicons& lexicons) : titles_(lexicons.Get("single_name_titles")) {
    for (absl::string_view t : titles_) first_.Insert(CodepointAt(t, 0));
  }

  absl::string_view name() const override { return "single_foreign_name"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    const EntityLexicon& lex = doc->lexicon();
    for (size_t wi = 1; wi < words.size(); ++wi) {
      const Word& t = words[wi];
      if (!first_.Contains(CodepointAt(doc->text(), t.begin))) continue;
      const size_t len = doc->korean().TitlePrefixLength(doc->WordText(wi));
      if (len == 0 || !titles_.contains(doc->Slice(t.begin, t.begin + len))) continue;
      const Word& w = words[wi - 1];
      const absl::string_view word = doc->WordText(wi - 1);
      if (!doc->OnlySpacesBetween(w.end, t.begin) || !doc->Free(w.begin, w.end) || CountCodepoints(word) < 2 ||
          !lex.IsForeignNamePart(word) || lex.IsTitleModifier(word) || lex.IsGenericOrgPrefix(word) ||
          doc->gazetteer().Lookup(absl::StrCat(word, "부")).has_value() || lex.AdminUnitEnd(word) != 0) {
        continue;
      }
      // The word before must not make it part of a longer phrase: a name
      // starts a clause or follows punctuation, a place or an organisation.
      if (wi >= 2 && doc->OnlySpacesBetween(words[wi - 2].end, w.begin) &&
          doc->Free(words[wi - 2].begin, words[wi - 2].end)) {
        const absl::string_view prev = doc->WordText(wi - 2);
        if (lex.IsForeignNamePart(prev) && !doc->korean().IsNameStopWord(prev)) continue;
      }
      doc->Add(w.begin, w.end, EntityType::kPerson, std::string(word), MatchMethod::kPattern);
    }
  }

 private:
  const WordSet titles_;
  SyllableSet first_;
};

}  // namespace

RecognizerPtr NewSingleForeignNameRecognizer(const Lexicons& lexicons) {
  return std::make_unique<SingleForeignNameRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
