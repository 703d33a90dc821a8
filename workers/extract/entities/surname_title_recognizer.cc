// 윤 전 대변인, 안 의원은: a bare surname right before a title is a person.
// Coreference has already given it a full name where the document shows the
// same title after that name; otherwise it is its own canonical. Surnames
// that are mostly other words before a title (ambiguous_surnames: 전, 현)
// and a surname after a foreign given name (크리스 정 대표) are not.
#include <string>
#include <vector>

#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class SurnameTitleRecognizer : public Recognizer {
 public:
  absl::string_view name() const override { return "surname_title"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    const EntityLexicon& lex = doc->lexicon();
    for (size_t wi = 0; wi + 1 < words.size(); ++wi) {
      const Word& w = words[wi];
      if (w.end - w.begin != 3 || !doc->korean().IsKoreanSurname(CodepointAt(doc->text(), w.begin)) ||
          !doc->Free(w.begin, w.end)) {
        continue;
      }
      if (lex.IsAmbiguousSurname(doc->WordText(wi)) || !doc->TitleFollows(wi)) continue;
      if (wi > 0 && doc->OnlySpacesBetween(words[wi - 1].end, w.begin) && lex.IsForeignGivenName(doc->WordText(wi - 1))) {
        continue;
      }
      doc->Add(w.begin, w.end, EntityType::kPerson, std::string(doc->WordText(wi)), MatchMethod::kPattern);
    }
  }
};

}  // namespace

RecognizerPtr NewSurnameTitleRecognizer() { return std::make_unique<SurnameTitleRecognizer>(); }

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
