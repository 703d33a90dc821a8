// 미국소비자기술협회, 용인서부경찰서, 수원지법, KB증권에서: an unseen organisation
// by its suffix (org_suffixes), followed by particles. A generic word before
// the suffix makes a common noun (국내증권: generic_org_prefixes), so does a
// common noun ending the stem (주식배당, 남부: org_suffix_vetoes); a weak
// suffix (센터, 본부: weak_org_suffixes) needs three syllables before it; a
// one-syllable suffix after digits is a division or a count (형사11부).
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class SuffixOrganizationRecognizer : public Recognizer {
 public:
  explicit SuffixOrganizationRecognizer(const Lexicons& lexicons)
      : suffixes_(lexicons.Get("org_suffixes")),
        weak_(lexicons.Get("weak_org_suffixes")),
        vetoes_(lexicons.Get("org_suffix_vetoes")) {
    // Suffixes by their last syllable, so most syllables are rejected by one
    // bitset test and the rest compare against one or two suffixes.
    for (absl::string_view suffix : suffixes_) {
      const char32_t last = CodepointBefore(suffix, suffix.size());
      by_last_[last].push_back(suffix);
      suffix_last_.Insert(last);
    }
  }

  absl::string_view name() const override { return "suffix_organization"; }

  void Run(Document* doc) const override {
    for (size_t wi = 0; wi < doc->words().size(); ++wi) {
      const Word& w = doc->words()[wi];
      if (w.end - w.begin < 9) continue;  // a prefix and a suffix
      const absl::string_view word = doc->WordText(wi);
      // Candidate stem ends: after a syllable that ends some suffix.
      size_t ends[16];
      char32_t lasts[16];
      size_t num_ends = 0;
      for (size_t i = 0; i < word.size() && num_ends < 16;) {
        char32_t c;
        i += DecodeWordCharAt(word, i, &c);
        if (suffix_last_.Contains(c)) {
          lasts[num_ends] = c;
          ends[num_ends++] = i;
        }
      }
      // Free is tested after the cheaper scan, which leaves most words with no candidate.
      if (num_ends == 0 || !doc->Free(w.begin, w.end)) continue;
      // The longest stem that ends in a suffix and is followed by a particle tail.
      for (size_t k = num_ends; k-- > 0;) {
        const size_t p = ends[k];
        const absl::string_view stem = word.substr(0, p);
        if (!EndsInSuffix(*doc, stem, lasts[k]) || !doc->korean().IsParticleTail(word.substr(p))) continue;
        doc->Add(w.begin, w.begin + p, EntityType::kOrganization, std::string(stem), MatchMethod::kPattern);
        break;
      }
    }
  }

 private:
  // Returns true if `stem` (whose last syllable is `last`) is a name and an
  // organisation suffix.
  bool EndsInSuffix(const Document& doc, absl::string_view stem, char32_t last) const {
    for (absl::string_view suffix : by_last_.at(last)) {
      if (stem.size() <= suffix.size() || !absl::EndsWith(stem, suffix)) continue;
      const absl::string_view prefix = stem.substr(0, stem.size() - suffix.size());
      const size_t min_prefix = weak_.contains(suffix) ? 3 : 2;
      if (suffix.size() == 3 && !IsPureHangul(prefix)) continue;
      if (CountCodepoints(prefix) < min_prefix || doc.lexicon().IsGenericOrgPrefix(prefix) || EndsWithVeto(stem)) {
        continue;
      }
      return true;
    }
    return false;
  }

  // Returns true if `stem` ends in a common noun that merely ends like an
  // organisation (배당, 정부, 남부).
  bool EndsWithVeto(absl::string_view stem) const {
    for (size_t len = 6; len <= 12 && len <= stem.size(); len += 3) {
      if (vetoes_.contains(stem.substr(stem.size() - len))) return true;
    }
    return false;
  }

  const WordSet suffixes_, weak_, vetoes_;
  absl::flat_hash_map<char32_t, absl::InlinedVector<absl::string_view, 4>> by_last_;  // views into suffixes_
  SyllableSet suffix_last_;
};

}  // namespace

RecognizerPtr NewSuffixOrganizationRecognizer(const Lexicons& lexicons) {
  return std::make_unique<SuffixOrganizationRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
