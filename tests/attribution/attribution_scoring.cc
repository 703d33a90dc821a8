#include "tests/attribution/attribution_scoring.h"

#include <cctype>

#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace gleaner {
namespace attribution_eval {
namespace {

std::set<std::string> Alternatives(const std::string& field) {
  std::set<std::string> out;
  if (field.empty() || field == "none") return out;
  for (absl::string_view part : absl::StrSplit(field, '|')) out.emplace(part);
  return out;
}

std::string RelationName(v1::AmountRelation relation) {
  std::string name = v1::AmountRelation_Name(relation);
  name.erase(0, std::string("AMOUNT_RELATION_").size());
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

bool Names(const v1::DocumentResult& result, int index, const std::set<std::string>& names) {
  const v1::Entity& e = result.entities(index);
  return names.count(e.canonical()) > 0 || names.count(e.text()) > 0;
}

}  // namespace

GoldRow ParseGoldFields(const std::string& split, const std::string& entity,
                        const std::string& relation, const std::string& counterparty) {
  GoldRow row;
  row.split = split;
  row.conversion = entity == "conversion";
  if (!row.conversion) row.entities = Alternatives(entity);
  row.relations = Alternatives(relation);
  row.counterparties = Alternatives(counterparty);
  return row;
}

ResultAttributions::ResultAttributions(const v1::DocumentResult& result) {
  for (const v1::AmountAttribution& a : result.attributions()) {
    by_amount[a.amount_index()] = &a;
    listed_conversions.insert(a.conversions().begin(), a.conversions().end());
  }
}

bool Score(const v1::DocumentResult& result, int a, const GoldRow& gold,
           const ResultAttributions& attributions, Tally& tally) {
  const auto found = attributions.by_amount.find(a);
  if (gold.conversion) {
    ++tally.conversions;
    const bool linked = found == attributions.by_amount.end() &&
                        attributions.listed_conversions.count(a) > 0;
    if (linked) ++tally.conversions_linked;
    return linked;
  }
  const v1::AmountAttribution* p =
      found == attributions.by_amount.end() ? nullptr : found->second;
  const bool has_entity = p != nullptr && p->has_entity_index();
  if (has_entity) ++tally.predicted;
  if (!gold.entities.empty()) ++tally.gold;
  if (!has_entity) return gold.entities.empty();
  if (!Names(result, p->entity_index(), gold.entities)) return false;
  ++tally.entity_correct;
  if (gold.relations.count(RelationName(p->relation())) == 0) return false;
  ++tally.correct;
  if (!gold.counterparties.empty()) {
    ++tally.counterparty_gold;
    if (p->has_counterparty_index() &&
        Names(result, p->counterparty_index(), gold.counterparties)) {
      ++tally.counterparty_correct;
    }
  }
  return true;
}

std::string Describe(const v1::DocumentResult& result, int a,
                     const ResultAttributions& attributions) {
  const auto found = attributions.by_amount.find(a);
  if (found == attributions.by_amount.end()) return "(no attribution)";
  const v1::AmountAttribution& p = *found->second;
  const std::string entity =
      p.has_entity_index() ? result.entities(p.entity_index()).text() : "none";
  return absl::StrFormat("%s / %s / %s", entity, RelationName(p.relation()), p.rule());
}

std::string FormatTally(const std::string& split, const Tally& t) {
  return absl::StrFormat(
      "%-8s P=%.3f (%d/%d) R=%.3f (%d/%d) entity-only P=%.3f counterparty %d/%d "
      "conversions linked %d/%d",
      split, t.Precision(), t.correct, t.predicted, t.Recall(), t.correct, t.gold,
      t.predicted == 0 ? 0.0 : 1.0 * t.entity_correct / t.predicted, t.counterparty_correct,
      t.counterparty_gold, t.conversions_linked, t.conversions);
}

}  // namespace attribution_eval
}  // namespace gleaner
