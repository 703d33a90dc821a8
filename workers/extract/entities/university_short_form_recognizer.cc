// 겐트대 교수, 하버드대 연구팀은: a university by its short form (…대) right
// before an academic title or team (university_context), possibly with a
// field of study between (겐트대 국제정치학 교수).
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class UniversityShortFormRecognizer : public Recognizer {
 public:
  explicit UniversityShortFormRecognizer(const Lexicons& lexicons) : context_(lexicons.Get("university_context")) {}

  absl::string_view name() const override { return "university_short_form"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi + 1 < words.size(); ++wi) {
      const Word& w = words[wi];
      const absl::string_view word = doc->WordText(wi);
      if (!absl::EndsWith(word, "대") || CountCodepoints(word) < 3 || !IsPureHangul(word) || !doc->Free(w.begin, w.end)) {
        continue;
      }
      size_t k = wi + 1;
      if (doc->OnlySpacesBetween(w.end, words[k].begin) && absl::EndsWith(doc->WordText(k), "학") &&
          k + 1 < words.size()) {
        ++k;
      }
      if (!doc->OnlySpacesBetween(words[k - 1].end, words[k].begin)) continue;
      const absl::string_view next = doc->WordText(k);
      bool ok = false;
      for (size_t p : doc->korean().ParticleSplits(next)) ok |= context_.contains(next.substr(0, p));
      if (ok) doc->Add(w.begin, w.end, EntityType::kOrganization, std::string(word), MatchMethod::kPattern);
    }
  }

 private:
  const WordSet context_;
};

}  // namespace

RecognizerPtr NewUniversityShortFormRecognizer(const Lexicons& lexicons) {
  return std::make_unique<UniversityShortFormRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
