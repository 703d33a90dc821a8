// 가수 거미의, 배우 블레이크 라이블리와, 디자이너 칼 라거펠트가, 배우 이아현 씨가:
// a name in apposition after an occupation (name_introducers). One or two
// Hangul words, the last closed by a name particle, 씨 or punctuation; a
// single word that is a common noun (배우 생활을) is excluded by the
// stop-word list and by needing a closing particle of the kind names take.
#include <string>
#include <vector>

#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class IntroducedNameRecognizer : public Recognizer {
 public:
  explicit IntroducedNameRecognizer(const Lexicons& lexicons) : introducers_(lexicons.Get("name_introducers")) {
    for (absl::string_view m : introducers_) first_.Insert(CodepointAt(m, 0));
  }

  absl::string_view name() const override { return "introduced_name"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi + 1 < words.size(); ++wi) {
      if (!first_.Contains(CodepointAt(doc->text(), words[wi].begin)) || !introducers_.contains(doc->WordText(wi))) {
        continue;
      }
      for (size_t n = 2; n >= 1; --n) {  // two words first: 칼 라거펠트가
        if (wi + n >= words.size()) continue;
        const size_t name_end = NameEnd(*doc, wi, n);
        if (name_end == 0) continue;
        const size_t b = words[wi + 1].begin;
        doc->Add(b, name_end, EntityType::kPerson, std::string(doc->Slice(b, name_end)), MatchMethod::kPattern);
        break;
      }
    }
  }

 private:
  // Returns the end of an `n`-word name after introducer word `wi`, or 0.
  static size_t NameEnd(const Document& doc, size_t wi, size_t n) {
    const std::vector<Word>& words = doc.words();
    const absl::string_view text = doc.text();
    const Word& first = words[wi + 1];
    const Word& last = words[wi + n];
    bool ok = doc.OnlySpacesBetween(words[wi].end, first.begin) && doc.Free(first.begin, last.end);
    for (size_t k = wi + 2; ok && k <= wi + n; ++k) {
      ok = doc.OnlySpacesBetween(words[k - 1].end, words[k].begin) && doc.lexicon().IsForeignNamePart(doc.WordText(k - 1));
    }
    if (!ok) return 0;
    const absl::string_view word = doc.WordText(wi + n);
    for (size_t p : doc.korean().ParticleSplits(word)) {
      const absl::string_view stem = word.substr(0, p), tail = word.substr(p);
      const bool closed =
          tail.empty()
              ? (last.end < text.size() && (text[last.end] == ',' || text[last.end] == '.' || doc.NextWordIsHonorific(wi + n)))
              : doc.lexicon().IsNameParticle(tail);
      const size_t syllables = CountCodepoints(stem) + (n == 2 ? CountCodepoints(doc.WordText(wi + 1)) : 0);
      if (closed && p > 0 && syllables >= 2 && syllables <= 8 && doc.lexicon().IsForeignNamePart(stem) &&
          doc.korean().TitlePrefixLength(stem) == 0) {
        return last.begin + p;
      }
    }
    return 0;
  }

  const WordSet introducers_;
  SyllableSet first_;
};

}  // namespace

RecognizerPtr NewIntroducedNameRecognizer(const Lexicons& lexicons) {
  return std::make_unique<IntroducedNameRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
