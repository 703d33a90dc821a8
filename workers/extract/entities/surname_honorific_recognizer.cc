// 김씨는, 박모(48)씨, 김모 씨, A씨가, 표 씨는, B군, F양: a bare surname (or a
// letter standing for a name) made a person by an honorific glued to or
// right after it (surname_honorifics). KLUE marks the surname alone; the
// canonical keeps the honorific (김씨) so that unrelated Kims of other
// documents stay apart from 김철수. A full name glued to 씨 (전재국씨는) is
// that person.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class SurnameHonorificRecognizer : public Recognizer {
 public:
  explicit SurnameHonorificRecognizer(const Lexicons& lexicons) : honorifics_(lexicons.Get("surname_honorifics")) {}

  absl::string_view name() const override { return "surname_honorific"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi < words.size(); ++wi) {
      const Word& w = words[wi];
      const absl::string_view word = doc->WordText(wi);
      const char32_t first = CodepointAt(word, 0);
      const bool letter = first >= 'A' && first <= 'Z';
      if (!letter && !doc->korean().IsKoreanSurname(first)) continue;
      const size_t name_len = letter ? 1 : 3;
      if (word.size() <= name_len) {
        // 표 씨는: the surname stands alone and 씨 starts the next word.
        if (first != U'모' && doc->NextWordIsHonorific(wi) && honorifics_.contains("씨")) {
          AddHonorific(doc, w.begin, w.begin + name_len, "씨");
        }
        continue;
      }
      if (!letter) FindFullNameWithHonorific(doc, w, word);
      if (!letter && first == U'모') continue;  // 모씨: someone
      FindGluedHonorific(doc, wi, name_len, letter);
    }
  }

 private:
  // 전재국씨는: a Korean name glued to 씨 (most words have no 씨 at all).
  static void FindFullNameWithHonorific(Document* doc, const Word& w, absl::string_view word) {
    if (word.size() < 12 || word.substr(9, 3) != "씨") return;
    for (size_t p : doc->korean().ParticleSplits(word)) {
      const absl::string_view stem = word.substr(0, p);
      if (absl::EndsWith(stem, "씨") && stem.size() == 12 && doc->lexicon().IsKoreanNameShaped(stem.substr(0, 9)) &&
          doc->Free(w.begin, w.begin + 9)) {
        doc->Add(w.begin, w.begin + 9, EntityType::kPerson, std::string(stem.substr(0, 9)), MatchMethod::kPattern);
        return;
      }
    }
  }

  // 김씨는, 김모(48)씨, 김모 씨, A씨가, B군: the honorific glued to the
  // surname or letter of word `wi`.
  void FindGluedHonorific(Document* doc, size_t wi, size_t name_len, bool letter) const {
    const std::vector<Word>& words = doc->words();
    const Word& w = words[wi];
    const absl::string_view text = doc->text();
    const absl::string_view rest = doc->WordText(wi).substr(name_len);
    const char32_t h0 = CodepointAt(rest, 0);  // one test rejects most words
    if (h0 != U'씨' && h0 != U'모' && h0 != U'군' && h0 != U'양') return;
    for (absl::string_view h : {"모씨", "씨", "모", "군", "양"}) {
      if (!absl::StartsWith(rest, h) || !honorifics_.contains(h)) continue;
      // 군 and 양 glued to a syllable are mostly words (해군, 사양); only a
      // letter takes them: A군, B양.
      if (!letter && (h == "군" || h == "양")) continue;
      const absl::string_view after = rest.substr(h.size());
      const bool closed = doc->korean().IsParticleTail(after) ||
                          (h == "모" && after.empty() && w.end < text.size() && (text[w.end] == '(' || text[w.end] == ' '));
      if (!closed) continue;
      // 김모 씨 / 김모(48) / 김모씨: all the same 김씨.
      if (h == "모" && after.empty() && w.end < text.size() && text[w.end] == ' ' &&
          !(wi + 1 < words.size() && absl::StartsWith(doc->WordText(wi + 1), "씨"))) {
        continue;
      }
      AddHonorific(doc, w.begin, w.begin + name_len, h == "군" || h == "양" ? h : "씨");
      return;
    }
  }

  static void AddHonorific(Document* doc, size_t b, size_t e, absl::string_view honorific) {
    doc->Add(b, e, EntityType::kPerson, absl::StrCat(doc->Slice(b, e), honorific), MatchMethod::kPattern);
  }

  const WordSet honorifics_;
};

}  // namespace

RecognizerPtr NewSurnameHonorificRecognizer(const Lexicons& lexicons) {
  return std::make_unique<SurnameHonorificRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
