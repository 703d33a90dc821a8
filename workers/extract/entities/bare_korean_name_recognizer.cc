// 류현진은, 장하나를, 안현수는: a Korean full name with no title or age, read
// by its shape alone: a surname, a common first and a common last syllable of
// a given name (given_name_firsts, given_name_lasts), then a name particle.
// Weaker evidence than the other person rules, so it runs last and takes only
// words nothing else claimed; a surname that is mostly another word
// (ambiguous_surnames: 전, 신, 고) and the stop words are never read so.
#include <string>

#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class BareKoreanNameRecognizer : public Recognizer {
 public:
  explicit BareKoreanNameRecognizer(const Lexicons& lexicons) {
    for (absl::string_view s : lexicons.Get("given_name_firsts")) firsts_.Insert(CodepointAt(s, 0));
    for (absl::string_view s : lexicons.Get("given_name_lasts")) lasts_.Insert(CodepointAt(s, 0));
  }

  absl::string_view name() const override { return "bare_korean_name"; }

  void Run(Document* doc) const override {
    const EntityLexicon& lex = doc->lexicon();
    const KoreanWords& korean = doc->korean();
    for (size_t wi = 0; wi < doc->words().size(); ++wi) {
      const Word& w = doc->words()[wi];
      // Three syllables and a particle of one or two.
      if (w.end - w.begin < 12 || w.end - w.begin > 15) continue;
      const absl::string_view word = doc->WordText(wi);
      const absl::string_view name = word.substr(0, 9);
      if (!korean.IsKoreanSurname(CodepointAt(word, 0)) || !firsts_.Contains(CodepointAt(word, 3)) ||
          !lasts_.Contains(CodepointAt(word, 6)) || !IsPureHangul(word) || lex.IsAmbiguousSurname(word.substr(0, 3)) ||
          !lex.IsNameParticle(word.substr(9)) || word.substr(9) == "씨" || korean.IsNameStopWord(name) ||
          korean.IsNameStopWord(name.substr(0, 6)) || korean.IsPersonTitle(name.substr(3)) ||
          !doc->Free(w.begin, w.end)) {
        continue;
      }
      doc->Add(w.begin, w.begin + 9, EntityType::kPerson, std::string(name), MatchMethod::kPattern);
    }
  }

 private:
  SyllableSet firsts_, lasts_;
};

}  // namespace

RecognizerPtr NewBareKoreanNameRecognizer(const Lexicons& lexicons) {
  return std::make_unique<BareKoreanNameRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
