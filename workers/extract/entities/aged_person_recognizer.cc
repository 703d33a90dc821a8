// 진성준(57), 임형규(사진·71), 배수빈(21·한국체대), 양근서(새정치민주연합·안산):
// a Korean name followed by an age or an affiliation in parentheses. The
// parenthesis is evidence enough to allow given names ending in syllables
// that are usually particles (양근서, 김민서), except particle_syllables. A
// photo caption word may open the parentheses (caption_words: 사진). A letter
// with an age and an honorific (A(44)씨) is a person too.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class AgedPersonRecognizer : public Recognizer {
 public:
  explicit AgedPersonRecognizer(const Lexicons& lexicons)
      : particle_syllables_(lexicons.Get("particle_syllables")),
        caption_words_(lexicons.Get("caption_words")),
        honorifics_(lexicons.Get("surname_honorifics")) {}

  absl::string_view name() const override { return "aged_person"; }

  void Run(Document* doc) const override {
    const absl::string_view text = doc->text();
    const KoreanWords& korean = doc->korean();
    for (size_t wi = 0; wi < doc->words().size(); ++wi) {
      const Word& w = doc->words()[wi];
      if (w.end + 3 >= text.size() || text[w.end] != '(') continue;
      const absl::string_view word = doc->WordText(wi);
      if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') {
        FindLetterWithAge(doc, w);
        continue;
      }
      if (!IsPureHangul(word) || CountCodepoints(word) != 3 || !korean.IsKoreanSurname(CodepointAt(word, 0)) ||
          korean.IsNameStopWord(word) || particle_syllables_.contains(word.substr(6)) || !doc->Free(w.begin, w.end)) {
        continue;
      }
      if (AgeOrAffiliationAt(*doc, w.end)) {
        doc->Add(w.begin, w.end, EntityType::kPerson, std::string(word), MatchMethod::kPattern);
      }
    }
  }

 private:
  // Returns true if the parentheses opening at `open` hold an age (two
  // digits, then ')', ',' or '·') or an affiliation (a Hangul word of two
  // syllables or more: a party, a team, a school, a job).
  bool AgeOrAffiliationAt(const Document& doc, size_t open) const {
    const absl::string_view text = doc.text();
    size_t i = open + 1;
    const size_t caption_end = HangulRunEnd(text, i);
    if (caption_end > i && caption_words_.contains(doc.Slice(i, caption_end)) && caption_end < text.size()) {
      for (absl::string_view separator : {"·", "=", " "}) {
        if (absl::StartsWith(text.substr(caption_end), separator)) i = caption_end + separator.size();
      }
    }
    const size_t digits = i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    if (i - digits == 2 && i < text.size() &&
        (text[i] == ')' || text[i] == ',' || absl::StartsWith(text.substr(i), "·"))) {  // 21·한국체대
      return true;
    }
    if (i != digits || !IsHangul(CodepointAt(text, i))) return false;
    return doc.FindClose(open, 61) != absl::string_view::npos && HangulRunEnd(text, i) - i >= 6;
  }

  // A(44)씨, B(23·여) 씨, A(10)군: a letter standing for a name, an age, then
  // an honorific (surname_honorifics); the canonical keeps the honorific as
  // for A씨 (surname_honorific).
  void FindLetterWithAge(Document* doc, const Word& w) const {
    const absl::string_view text = doc->text();
    if (!AgeOrAffiliationAt(*doc, w.end) || !IsAsciiDigit(text[w.end + 1])) return;
    size_t after = doc->FindClose(w.end, 24);
    if (after == absl::string_view::npos) return;
    ++after;
    if (after < text.size() && text[after] == ' ') ++after;
    for (absl::string_view h : {"씨", "군", "양"}) {
      if (text.substr(after, h.size()) != h || !honorifics_.contains(h) || !doc->Free(w.begin, w.end)) continue;
      doc->Add(w.begin, w.end, EntityType::kPerson, absl::StrCat(doc->Slice(w.begin, w.end), h),
               MatchMethod::kPattern);
      return;
    }
  }

  const WordSet particle_syllables_, caption_words_, honorifics_;
};

}  // namespace

RecognizerPtr NewAgedPersonRecognizer(const Lexicons& lexicons) {
  return std::make_unique<AgedPersonRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
