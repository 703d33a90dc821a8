// 경기 용인시 수지구, 부산시 사하구 하단동: an address, a place followed by
// administrative units inside it (or a province's short name before one:
// province_names), is one LOCATION, as KLUE marks it. Known places side by
// side (중국 베이징, 서울 여의도) stay separate mentions, each with its own
// canonical (see docs/entities.md). The canonical of an address is its
// innermost known place, else the address itself.
#include <string>
#include <vector>

#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class PlaceChainRecognizer : public Recognizer {
 public:
  explicit PlaceChainRecognizer(const Lexicons& lexicons) : provinces_(lexicons.Get("province_names")) {}

  absl::string_view name() const override { return "place_chain"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi + 1 < words.size(); ++wi) {
      const Word& w = words[wi];
      const int head = doc->MentionAt(w.begin, w.end, false);
      // Province names are two syllables: test the length before hashing.
      const bool province =
          head < 0 && w.end - w.begin == 6 && doc->Free(w.begin, w.end) && provinces_.contains(doc->WordText(wi));
      if (!province && (head < 0 || doc->mentions()[head].type != EntityType::kLocation ||
                        HasMetadataKey(doc->mentions()[head], "iso"))) {
        continue;
      }
      // An abbreviated province (전남 for 전라남도) starts an address too.
      const bool has_unit = province || (provinces_.contains(doc->WordText(wi)) &&
                                         doc->mentions()[head].canonical != doc->WordText(wi));
      wi = JoinChain(doc, wi, head, has_unit);
    }
  }

 private:
  // Joins the places and units after word `wi` (whose mention is `head`, or
  // -1 for a bare province) into one address; returns the last word used.
  static size_t JoinChain(Document* doc, size_t wi, int head, bool has_unit) {
    const std::vector<Word>& words = doc->words();
    const Word& w = words[wi];
    size_t end = w.end, k = wi;
    int last = head;
    std::vector<int> parts;
    if (head >= 0) parts.push_back(head);
    while (k + 1 < words.size() && end == words[k].end && doc->OnlySpacesBetween(end, words[k + 1].begin)) {
      const Word& next = words[k + 1];
      const int m = doc->MentionAt(next.begin, next.end, true);
      if (m >= 0 && doc->mentions()[m].type == EntityType::kLocation && !HasMetadataKey(doc->mentions()[m], "iso")) {
        parts.push_back(m);
        last = m;
        end = doc->mentions()[m].end;
      } else if (m < 0 && doc->Free(next.begin, next.end)) {
        const size_t unit = doc->lexicon().AdminUnitEnd(doc->WordText(k + 1));
        if (unit == 0) break;
        last = -1;
        has_unit = true;
        end = next.begin + unit;
      } else {
        break;
      }
      ++k;
    }
    if (k == wi || !has_unit) return wi;
    std::string canonical(doc->Slice(w.begin, end));
    Metadata metadata;
    if (last >= 0) {  // the address ends in a known place
      canonical = doc->mentions()[last].canonical;
      metadata = doc->mentions()[last].metadata;
    }
    for (int p : parts) doc->Remove(p);
    doc->Add(w.begin, end, EntityType::kLocation, std::move(canonical), MatchMethod::kPattern, &metadata);
    return k;
  }

  const WordSet provinces_;
};

}  // namespace

RecognizerPtr NewPlaceChainRecognizer(const Lexicons& lexicons) {
  return std::make_unique<PlaceChainRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
