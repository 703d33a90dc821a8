// Scoring of attributions against a hand annotation (entity + relation),
// shared by the corpus and the KLUE held-out evaluations. Formats and
// conventions: testdata/attribution/README.md.
#ifndef GLEANER_TESTS_ATTRIBUTION_ATTRIBUTION_SCORING_H_
#define GLEANER_TESTS_ATTRIBUTION_ATTRIBUTION_SCORING_H_

#include <map>
#include <set>
#include <string>

#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace attribution_eval {

// The annotation of one money amount.
struct GoldRow {
  std::string split;               // dev, heldout, klue ...
  std::set<std::string> entities;  // empty: no owner
  bool conversion = false;
  std::set<std::string> relations;
  std::set<std::string> counterparties;
};

// Builds a row from the entity, relation and counterparty fields of a gold
// line ("none", "conversion", '|' between equally right answers).
GoldRow ParseGoldFields(const std::string& split, const std::string& entity,
                        const std::string& relation, const std::string& counterparty);

struct Tally {
  int predicted = 0, gold = 0, correct = 0, entity_correct = 0;
  int counterparty_gold = 0, counterparty_correct = 0;
  int conversions = 0, conversions_linked = 0;
  double Precision() const { return predicted == 0 ? 0 : 1.0 * correct / predicted; }
  double Recall() const { return gold == 0 ? 0 : 1.0 * correct / gold; }
};

// The attributions of a result by amount index, and the amounts listed as
// conversions of another.
struct ResultAttributions {
  explicit ResultAttributions(const v1::DocumentResult& result);
  std::map<int, const v1::AmountAttribution*> by_amount;
  std::set<int> listed_conversions;
};

// Scores money amount `a` of `result` against `gold` into `tally`; returns
// whether the prediction (entity and relation) was right, for printing misses.
bool Score(const v1::DocumentResult& result, int a, const GoldRow& gold,
           const ResultAttributions& attributions, Tally& tally);

// "what the rules said" for one amount: entity / relation / rule.
std::string Describe(const v1::DocumentResult& result, int a,
                     const ResultAttributions& attributions);

// One line: P, R with counts, entity-only precision, counterparties and
// conversions linked.
std::string FormatTally(const std::string& split, const Tally& t);

}  // namespace attribution_eval
}  // namespace gleaner

#endif  // GLEANER_TESTS_ATTRIBUTION_ATTRIBUTION_SCORING_H_
