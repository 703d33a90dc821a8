// A bare party name that two countries' parties share is read by the
// document's other names (ambiguous_parties: `bare<TAB>foreign
// canonical<TAB>home canonical`). 민주당 names the US party by the project's
// convention, but in a story about Korean politics it is 더불어민주당: the
// document names the home party or another home institution
// (home_politics_names: 국민의힘, 국회, 대통령실) and nothing of the foreign
// country's politics (foreign_politics_names: 미국 공화당, 미국 의회), nor the
// foreign party by its full name.
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class PartyNameRecognizer : public Recognizer {
 public:
  explicit PartyNameRecognizer(const Lexicons& lexicons)
      : home_names_(lexicons.Get("home_politics_names")), foreign_names_(lexicons.Get("foreign_politics_names")) {
    for (const auto& [bare, readings] : lexicons.GetPairs("ambiguous_parties")) {
      const std::vector<std::string> two = absl::StrSplit(readings, '\t', absl::SkipWhitespace());
      if (two.size() == 2) parties_.push_back({bare, two[0], two[1]});
    }
  }

  absl::string_view name() const override { return "party_name"; }

  void Run(Document* doc) const override {
    for (const Party& party : parties_) Resolve(doc, party);
  }

 private:
  struct Party {
    std::string bare, foreign, home;
  };

  void Resolve(Document* doc, const Party& party) const {
    bool has_bare = false, home = false, foreign = false;
    for (const EntityMention& m : doc->mentions()) {
      const absl::string_view c = m.canonical;
      if (c == party.foreign) {
        (doc->Slice(m.begin, m.end) == party.bare ? has_bare : foreign) = true;
      } else if (c == party.home || home_names_.contains(c)) {
        home = true;
      } else if (foreign_names_.contains(c)) {
        foreign = true;
      }
    }
    if (!has_bare || !home || foreign) return;
    const Gazetteer& g = doc->gazetteer();
    const absl::optional<uint32_t> entry = g.FindCanonical(party.home, EntityType::kOrganization);
    for (EntityMention& m : doc->mentions()) {
      if (m.canonical != party.foreign) continue;
      m.canonical = party.home;
      if (entry) m.metadata = g.entry(*entry).metadata;
    }
  }

  const WordSet home_names_, foreign_names_;
  std::vector<Party> parties_;
};

}  // namespace

RecognizerPtr NewPartyNameRecognizer(const Lexicons& lexicons) {
  return std::make_unique<PartyNameRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
