// 미·중, 한·미·일: one-syllable country abbreviations joined by '·' are each
// the country they stand for (country_abbreviations: `미<TAB>미국`), when two
// or more of them make a chain that ends the word.
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class CountryAbbreviationRecognizer : public Recognizer {
 public:
  explicit CountryAbbreviationRecognizer(const Lexicons& lexicons) {
    for (auto& [abbreviation, country] : lexicons.GetPairs("country_abbreviations")) {
      countries_.emplace(std::move(abbreviation), std::move(country));
    }
  }

  absl::string_view name() const override { return "country_abbreviation"; }

  void Run(Document* doc) const override {
    static constexpr absl::string_view kDot = "·";
    const absl::string_view text = doc->text();
    for (size_t i = 0; i + kDot.size() < text.size();) {
      const size_t dot = text.find(kDot, i);
      if (dot == absl::string_view::npos) break;
      i = dot + kDot.size();
      // The syllable before the dot starts a chain only at a word start.
      size_t first;
      CodepointBefore(text, dot, &first);
      if (first == 0 && dot == 0) continue;
      if (!countries_.contains(doc->Slice(first, dot)) || IsHangul(CodepointBefore(text, first))) continue;
      std::vector<std::pair<size_t, size_t>> parts = {{first, dot}};
      size_t p = dot;
      while (p + kDot.size() + 3 <= text.size() && doc->Slice(p, p + kDot.size()) == kDot) {
        const size_t b = p + kDot.size();
        if (!countries_.contains(doc->Slice(b, b + 3))) break;
        parts.push_back({b, b + 3});
        p = b + 3;
      }
      // Two or more, and the chain ends the word (a particle may follow).
      if (parts.size() < 2 || !doc->korean().IsParticleTail(doc->Tail(p))) continue;
      for (const auto& [b, e] : parts) {
        if (doc->Free(b, e)) {
          doc->Add(b, e, EntityType::kLocation, countries_.find(doc->Slice(b, e))->second, MatchMethod::kPattern);
        }
      }
      i = p;
    }
  }

 private:
  absl::flat_hash_map<std::string, std::string> countries_;
};

}  // namespace

RecognizerPtr NewCountryAbbreviationRecognizer(const Lexicons& lexicons) {
  return std::make_unique<CountryAbbreviationRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
