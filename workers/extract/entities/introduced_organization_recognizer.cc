// 스타트업 에이아이랩은, 바이오 벤처 셀큐어는: an unseen company named in
// apposition right after a kind of company (org_introducers), closed by a name
// particle. A common noun in that place (벤처 투자금은) is excluded by
// org_introducer_vetoes, the stop words and titles.
#include <algorithm>
#include <string>
#include <vector>

#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class IntroducedOrganizationRecognizer : public Recognizer {
 public:
  explicit IntroducedOrganizationRecognizer(const Lexicons& lexicons)
      : introducers_(lexicons.Get("org_introducers")), vetoes_(lexicons.Get("org_introducer_vetoes")) {
    for (absl::string_view m : introducers_) {
      first_.Insert(CodepointAt(m, 0));
      if (m.size() >= 3) last_.Insert(CodepointAt(m, m.size() - 3));  // Hangul: three bytes
      min_len_ = std::min(min_len_, m.size());
      max_len_ = std::max(max_len_, m.size());
    }
  }

  absl::string_view name() const override { return "introduced_organization"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi + 1 < words.size(); ++wi) {
      // The length and two syllable tests reject nearly every word before
      // the set lookup.
      const size_t len = words[wi].end - words[wi].begin;
      if (len < min_len_ || len > max_len_ || !first_.Contains(CodepointAt(doc->text(), words[wi].begin)) ||
          !last_.Contains(CodepointAt(doc->text(), words[wi].end - 3)) || !introducers_.contains(doc->WordText(wi)) ||
          !doc->OnlySpacesBetween(words[wi].end, words[wi + 1].begin)) {
        continue;
      }
      const Word& next = words[wi + 1];
      const absl::string_view word = doc->WordText(wi + 1);
      for (size_t p : doc->korean().ParticleSplits(word)) {
        const absl::string_view stem = word.substr(0, p), tail = word.substr(p);
        if (tail.empty() || !doc->lexicon().IsNameParticle(tail) || tail == "씨") continue;
        if (CountCodepoints(stem) < 2 || IsAsciiDigit(stem[0]) || vetoes_.contains(stem) ||
            doc->korean().IsNameStopWord(stem) || doc->korean().TitlePrefixLength(stem) > 0 ||
            !doc->Free(next.begin, next.begin + p)) {
          break;
        }
        doc->Add(next.begin, next.begin + p, EntityType::kOrganization, std::string(stem), MatchMethod::kPattern);
        break;
      }
    }
  }

 private:
  const WordSet introducers_, vetoes_;
  SyllableSet first_, last_;
  size_t min_len_ = ~size_t{0}, max_len_ = 0;  // of the introducers, in bytes
};

}  // namespace

RecognizerPtr NewIntroducedOrganizationRecognizer(const Lexicons& lexicons) {
  return std::make_unique<IntroducedOrganizationRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
