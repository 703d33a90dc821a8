// 애틀랜타 연방준비은행, 용인 서부경찰서: a place followed by an organisation
// found by its suffix is one organisation, the place's unit. A country
// before an organisation is its nationality (북한 조선중앙통신, 한국
// 축구대표팀), not part of its name.
#include <string>

#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class PlaceUnitRecognizer : public Recognizer {
 public:
  absl::string_view name() const override { return "place_unit"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi + 1 < words.size(); ++wi) {
      const Word& w = words[wi];
      const int place = doc->MentionAt(w.begin, w.end, false);
      if (place < 0 || doc->mentions()[place].type != EntityType::kLocation ||
          HasMetadataKey(doc->mentions()[place], "iso")) {
        continue;
      }
      const Word& next = words[wi + 1];
      if (!doc->OnlySpacesBetween(w.end, next.begin)) continue;
      const int org = doc->MentionAt(next.begin, next.end, true);
      if (org < 0 || doc->mentions()[org].type != EntityType::kOrganization ||
          doc->mentions()[org].method != MatchMethod::kPattern) {
        continue;
      }
      const size_t end = doc->mentions()[org].end;
      doc->Remove(place);
      doc->Remove(org);
      doc->Add(w.begin, end, EntityType::kOrganization, std::string(doc->Slice(w.begin, end)), MatchMethod::kPattern);
    }
  }
};

}  // namespace

RecognizerPtr NewPlaceUnitRecognizer() { return std::make_unique<PlaceUnitRecognizer>(); }

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
