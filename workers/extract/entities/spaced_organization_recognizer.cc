// 워릭 대학교, 라드바우드 대학교, 타이거 캐피털: a transliterated name followed by
// an organisation word standing alone (spaced_org_heads), particles after it.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class SpacedOrganizationRecognizer : public Recognizer {
 public:
  explicit SpacedOrganizationRecognizer(const Lexicons& lexicons) {
    const WordSet& heads = lexicons.Get("spaced_org_heads");
    heads_.assign(heads.begin(), heads.end());
    // The longest head first (대학교 before 대학).
    std::sort(heads_.begin(), heads_.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    for (const std::string& head : heads_) {
      const char32_t first = CodepointAt(head, 0);
      head_first_.Insert(first);
      all_hangul_ = all_hangul_ && IsHangul(first);
    }
  }

  absl::string_view name() const override { return "spaced_organization"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 1; wi < words.size(); ++wi) {
      const Word& w = words[wi];
      const absl::string_view word = doc->WordText(wi);
      // The first syllable rejects most words before any comparison.
      if (word.size() < 6 || (all_hangul_ && !head_first_.Contains(CodepointAt(word, 0)))) continue;
      size_t head_len = 0;
      for (const std::string& head : heads_) {
        if (absl::StartsWith(word, head) && doc->korean().IsParticleTail(word.substr(head.size()))) {
          head_len = head.size();
          break;
        }
      }
      if (head_len == 0 || !doc->Free(w.begin, w.begin + head_len)) continue;
      const Word& prev = words[wi - 1];
      const absl::string_view name = doc->WordText(wi - 1);
      if (!doc->OnlySpacesBetween(prev.end, w.begin) || !doc->Free(prev.begin, prev.end) ||
          !doc->lexicon().IsForeignNamePart(name) || CountCodepoints(name) < 2 || doc->lexicon().IsGenericOrgPrefix(name)) {
        continue;
      }
      doc->Add(prev.begin, w.begin + head_len, EntityType::kOrganization,
               std::string(doc->Slice(prev.begin, w.begin + head_len)), MatchMethod::kPattern);
    }
  }

 private:
  std::vector<std::string> heads_;
  SyllableSet head_first_;
  bool all_hangul_ = true;  // else the first-syllable filter cannot be used
};

}  // namespace

RecognizerPtr NewSpacedOrganizationRecognizer(const Lexicons& lexicons) {
  return std::make_unique<SpacedOrganizationRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
