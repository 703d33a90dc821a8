// Attribution of money amounts to the entities they belong to (issue 16):
// for each money amount of a sentence, the entity whose money it is (the
// subject marked by 이/가/은/는, the investor, the acquirer, a party of the
// deal, the company whose revenue or loss it is), the other party where the
// sentence names one (investee, target, deal partner), a relation label
// read from a cue word (투자, 인수, 계약, 매출, ...), the rule that decided,
// and a confidence. A conversion (`62억달러(약 9조원)`) is not attributed
// on its own: it is listed in its original's `conversions`, so a sum over
// attributions counts each sum once.
//
// The rules only look inside one sentence; an amount whose sentence names
// no entity it can be tied to stays unattributed (entity -1, rule "none").
// Cue words and particles are data (data/attribution/*.tsv, embedded at
// build time; format in attribution_lexicon.h).
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<Attributor> attributor,
//                            Attributor::Create());
//   std::vector<Attribution> found =
//       attributor->Attribute(text, sentences, mentions, amounts);
//   for (const Attribution& a : found) {
//     if (a.entity >= 0) Credit(mentions[a.entity].canonical, amounts[a.amount]);
//   }
#ifndef GLEANER_WORKERS_EXTRACT_ATTRIBUTION_ATTRIBUTOR_H_
#define GLEANER_WORKERS_EXTRACT_ATTRIBUTION_ATTRIBUTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "workers/extract/amounts/amount.h"
#include "workers/extract/attribution/attribution_lexicon.h"
#include "workers/extract/entities/entity_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace attribution {

// A sentence as a half-open range of UTF-8 byte offsets into the text.
struct SentenceRange {
  size_t begin = 0;
  size_t end = 0;
};

// What the attributor found for one money amount.
struct Attribution {
  int amount = -1;        // index in the amounts passed in
  int entity = -1;        // index in the mentions passed in, or -1
  int counterparty = -1;  // index in the mentions: investee, target, partner; or -1
  Relation relation = Relation::kOther;
  std::string rule = "none";  // the rule that picked `entity` (docs/attribution.md)
  double confidence = 0;      // in [0, 1]; 0 when entity is -1
  size_t cue_begin = 0;       // byte range of the relation's cue word; empty when none
  size_t cue_end = 0;
  std::vector<int> conversions;  // indexes in amounts of conversions of this amount
  bool per_unit = false;  // a figure per share or unit (EPS): listed, not summed
};

// Thread-safe (immutable after Create); not copyable.
class Attributor {
 public:
  // Reads the embedded data/attribution files; kInvalidArgument names the
  // file and line of a malformed entry.
  static absl::StatusOr<std::unique_ptr<Attributor>> Create();
  // Uses the given lexicon (tests build small ones).
  static std::unique_ptr<Attributor> CreateWithLexicon(
      std::unique_ptr<const AttributionLexicon> lexicon);

  Attributor(const Attributor&) = delete;
  Attributor& operator=(const Attributor&) = delete;

  // Returns one Attribution per money amount of `amounts` that is not a
  // conversion of another, in amount order. `mentions` and `amounts` are a
  // document's, sorted by offset, all offsets into `text`; `sentences` are
  // its sentences in order (when empty, the text is one sentence). An
  // amount outside every sentence is attributed within the text around it
  // up to the nearest line break. Mentions flagged as boilerplate are never
  // chosen.
  std::vector<Attribution> Attribute(
      absl::string_view text, absl::Span<const SentenceRange> sentences,
      absl::Span<const entities::EntityMention> mentions,
      absl::Span<const amounts::Amount> amounts) const;

  // Returns the attributions of the money amounts inside `sentence` only
  // (as Attribute does for each sentence); indexes still refer to the
  // whole `mentions` and `amounts`.
  std::vector<Attribution> AttributeSentence(
      absl::string_view text, SentenceRange sentence,
      absl::Span<const entities::EntityMention> mentions,
      absl::Span<const amounts::Amount> amounts) const;

 private:
  explicit Attributor(std::unique_ptr<const AttributionLexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}

  std::unique_ptr<const AttributionLexicon> lexicon_;
};

}  // namespace attribution
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ATTRIBUTION_ATTRIBUTOR_H_
