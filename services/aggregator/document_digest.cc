#include "services/aggregator/document_digest.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "workers/extract/amounts/korean_number.h"

namespace gleaner {
namespace aggregator {
namespace {

using workers::extract::amounts::Decimal;

constexpr absl::string_view kTypePrefix = "ENTITY_TYPE_";

absl::Status ValidateSpans(const v1::DocumentResult& result) {
  const size_t size = result.text().size();
  auto check = [&](uint32_t begin, uint32_t end, absl::string_view what) {
    if (begin > end || end > size) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, " [", begin, ", ", end, ") is outside the text of ", size,
          " bytes"));
    }
    return absl::OkStatus();
  };
  for (const auto& s : result.sentences()) {
    GLEANER_RETURN_IF_ERROR(check(s.begin(), s.end(), "sentence"));
  }
  for (const auto& e : result.entities()) {
    GLEANER_RETURN_IF_ERROR(check(e.begin(), e.end(), "entity"));
  }
  for (const auto& a : result.amounts()) {
    GLEANER_RETURN_IF_ERROR(check(a.begin(), a.end(), "amount"));
  }
  return absl::OkStatus();
}

// Places spans in sentences with one sweep over both sorted by start:
// returns, per span, the index of the sentence holding it (-1 for none).
template <typename Spans>
std::vector<int> SentenceOfEach(const Spans& spans,
                                const v1::DocumentResult& result) {
  std::vector<int> order(spans.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return spans[x].begin() < spans[y].begin();
  });
  std::vector<int> sentence_order(result.sentences_size());
  std::iota(sentence_order.begin(), sentence_order.end(), 0);
  const auto& sentences = result.sentences();
  std::stable_sort(sentence_order.begin(), sentence_order.end(),
                   [&](int x, int y) {
                     return sentences[x].begin() < sentences[y].begin();
                   });
  std::vector<int> out(spans.size(), -1);
  size_t s = 0;
  for (int i : order) {
    const uint32_t begin = spans[i].begin(), end = spans[i].end();
    while (s < sentence_order.size() &&
           sentences[sentence_order[s]].end() < end) {
      ++s;
    }
    if (s < sentence_order.size() &&
        sentences[sentence_order[s]].begin() <= begin) {
      out[i] = sentence_order[s];
    }
  }
  return out;
}

bool Summable(const v1::Amount& amount, int index) {
  return !amount.value().empty() && !amount.vague() && !amount.per_unit() &&
         !amount.has_conversion_of() &&
         !(amount.has_range_partner() && amount.range_partner() < index);
}

// A share price, market value or valuation is a level, not a flow: two
// reports of a company's market value (or yesterday's and today's share
// price) add up to nothing an analyst means, so they are listed, not summed.
bool IsLevel(absl::string_view relation) {
  return relation == "price" || relation == "market_value" || relation == "valuation";
}

// Distinct counted entities of the document, numbered in first-mention
// order, with mentions; and per sentence the ids it names.
struct EntityTable {
  std::vector<DigestEntity> entities;
  absl::flat_hash_map<int, std::vector<int>> by_sentence;
};

EntityTable CountEntities(const v1::DocumentResult& result,
                          const std::vector<int>& sentence_of,
                          size_t per_sentence) {
  EntityTable table;
  absl::flat_hash_map<EntityRef, int> ids;
  for (int i = 0; i < result.entities_size(); ++i) {
    const v1::Entity& entity = result.entities(i);
    if (entity.flagged()) continue;
    auto [it, inserted] = ids.try_emplace(
        EntityRef{entity.canonical(), entity.type()},
        static_cast<int>(table.entities.size()));
    if (inserted) table.entities.push_back({it->first, 0});
    ++table.entities[it->second].mentions;
    if (sentence_of[i] < 0) continue;
    std::vector<int>& names = table.by_sentence[sentence_of[i]];
    if (names.size() < per_sentence &&
        std::find(names.begin(), names.end(), it->second) == names.end()) {
      names.push_back(it->second);
    }
  }
  return table;
}

// Adds money amounts to entities, keeping exact totals per entity and
// currency.
class MoneyCredits {
 public:
  MoneyCredits(const v1::DocumentResult& result, const DigestOptions& options,
               DocumentDigest& digest)
      : result_(result), options_(options), digest_(digest) {}

  // `per_unit`: the attribution's cue says the figure is per share (EPS).
  void Credit(const EntityRef& entity, int index, int sentence,
              std::string relation, bool per_unit = false) {
    const v1::Amount& amount = result_.amounts(index);
    absl::StatusOr<Decimal> value = Decimal::FromString(amount.value());
    const bool summed =
        Summable(amount, index) && value.ok() && !IsLevel(relation) && !per_unit;
    if (summed) {
      auto& [total, count] = totals_[{entity, amount.currency()}];
      total.Add(*value);
      ++count;
    }
    if (listed_[entity]++ >= options_.max_amounts_per_entity) return;
    std::string text;
    if (sentence >= 0) {
      const v1::SentenceSpan& span = result_.sentences(sentence);
      text = result_.text().substr(span.begin(), span.end() - span.begin());
    }
    digest_.amounts.push_back({static_cast<uint32_t>(index), entity,
                               std::move(relation), std::move(text), summed});
  }

  void Finish() {
    for (const auto& [key, sum] : totals_) {
      digest_.totals.push_back(
          {key.first, key.second, sum.first.ToString(), sum.second});
    }
    std::sort(digest_.totals.begin(), digest_.totals.end(),
              [](const DigestTotal& x, const DigestTotal& y) {
                return std::tie(x.entity, x.currency) <
                       std::tie(y.entity, y.currency);
              });
  }

 private:
  const v1::DocumentResult& result_;
  const DigestOptions& options_;
  DocumentDigest& digest_;
  absl::flat_hash_map<std::pair<EntityRef, std::string>,
                      std::pair<Decimal, uint32_t>>
      totals_;
  absl::flat_hash_map<EntityRef, size_t> listed_;
};

// "AMOUNT_RELATION_PROFIT_LOSS" -> "profit_loss".
std::string RelationName(v1::AmountRelation relation) {
  std::string name = v1::AmountRelation_Name(relation);
  constexpr absl::string_view kPrefix = "AMOUNT_RELATION_";
  if (absl::StartsWith(name, kPrefix)) name.erase(0, kPrefix.size());
  return absl::AsciiStrToLower(name);
}

// With attributions (the extract stage's), each amount goes to the one
// entity it belongs to, under its relation; conversions have no
// attribution of their own. Without, to every organisation and person of
// its sentence ("same_sentence").
void CreditAmounts(const v1::DocumentResult& result, const EntityTable& table,
                   const DigestOptions& options, DocumentDigest& digest) {
  const std::vector<int> sentence_of = SentenceOfEach(result.amounts(), result);
  MoneyCredits credits(result, options, digest);
  if (result.attributions_size() > 0) {
    for (const v1::AmountAttribution& a : result.attributions()) {
      const int index = static_cast<int>(a.amount_index());
      if (index >= result.amounts_size() || !a.has_entity_index() ||
          a.entity_index() < 0 || a.entity_index() >= result.entities_size() ||
          result.amounts(index).kind() != v1::AMOUNT_KIND_MONEY) {
        continue;
      }
      const v1::Entity& entity = result.entities(a.entity_index());
      if (entity.flagged()) continue;
      credits.Credit({entity.canonical(), entity.type()}, index,
                     sentence_of[index], RelationName(a.relation()), a.per_unit());
    }
    credits.Finish();
    return;
  }
  for (int a = 0; a < result.amounts_size(); ++a) {
    if (result.amounts(a).kind() != v1::AMOUNT_KIND_MONEY ||
        sentence_of[a] < 0) {
      continue;
    }
    auto names = table.by_sentence.find(sentence_of[a]);
    if (names == table.by_sentence.end()) continue;
    for (int id : names->second) {
      const EntityRef& entity = table.entities[id].entity;
      if (entity.type == v1::ENTITY_TYPE_ORGANIZATION ||
          entity.type == v1::ENTITY_TYPE_PERSON) {
        credits.Credit(entity, a, sentence_of[a], "same_sentence");
      }
    }
  }
  credits.Finish();
}

void CountPairs(const EntityTable& table, const DigestOptions& options,
                DocumentDigest& digest) {
  absl::flat_hash_map<std::pair<int, int>, DigestPair> pairs;
  auto add = [&](int x, int y) -> DigestPair& {
    if (table.entities[y].entity < table.entities[x].entity) std::swap(x, y);
    DigestPair& pair = pairs[{x, y}];
    pair.a = table.entities[x].entity;
    pair.b = table.entities[y].entity;
    pair.same_document = 1;
    return pair;
  };
  for (const auto& [sentence, names] : table.by_sentence) {
    for (size_t i = 0; i < names.size(); ++i) {
      for (size_t j = i + 1; j < names.size(); ++j) {
        ++add(names[i], names[j]).same_sentence;
      }
    }
  }
  // The document's most mentioned entities (ties by name), pairwise.
  std::vector<int> top(table.entities.size());
  std::iota(top.begin(), top.end(), 0);
  auto more = [&](int x, int y) {
    const DigestEntity &ex = table.entities[x], &ey = table.entities[y];
    if (ex.mentions != ey.mentions) return ex.mentions > ey.mentions;
    return ex.entity < ey.entity;
  };
  if (top.size() > options.max_entities_per_document) {
    std::partial_sort(top.begin(), top.begin() + options.max_entities_per_document,
                      top.end(), more);
    top.resize(options.max_entities_per_document);
  }
  for (size_t i = 0; i < top.size(); ++i) {
    for (size_t j = i + 1; j < top.size(); ++j) add(top[i], top[j]);
  }
  for (auto& [key, pair] : pairs) digest.pairs.push_back(std::move(pair));
  std::sort(digest.pairs.begin(), digest.pairs.end(),
            [](const DigestPair& x, const DigestPair& y) {
              return std::tie(x.a, x.b) < std::tie(y.a, y.b);
            });
}

}  // namespace

std::string DayOf(absl::string_view published) {
  if (published.size() < 10 || published[4] != '-' || published[7] != '-') {
    return "";
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(published[i])) return "";
  }
  return std::string(published.substr(0, 10));
}

std::string SourceOf(const v1::DocumentResult& result) {
  if (!result.page().publisher().value().empty()) {
    return result.page().publisher().value();
  }
  absl::string_view source = result.source();
  const size_t scheme = source.find("://");
  if (scheme != absl::string_view::npos) {
    absl::string_view host = source.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    if (!host.empty()) return std::string(host);
  }
  return std::string(source);
}

// The names are made once: the store names two types per co-occurrence row.
const std::string& EntityTypeName(v1::EntityType type) {
  static const std::vector<std::string>* const names = [] {
    auto* out = new std::vector<std::string>();
    for (int value = v1::EntityType_MIN; value <= v1::EntityType_MAX; ++value) {
      std::string name =
          v1::EntityType_IsValid(value)
              ? v1::EntityType_Name(static_cast<v1::EntityType>(value))
              : "";
      if (absl::StartsWith(name, kTypePrefix)) name.erase(0, kTypePrefix.size());
      out->push_back(absl::AsciiStrToLower(name));
    }
    return out;
  }();
  static const std::string* const unknown = new std::string();
  if (type < v1::EntityType_MIN || type > v1::EntityType_MAX) return *unknown;
  return (*names)[type - v1::EntityType_MIN];
}

v1::EntityType EntityTypeFromName(absl::string_view name) {
  v1::EntityType type = v1::ENTITY_TYPE_UNSPECIFIED;
  if (!v1::EntityType_Parse(
          absl::StrCat(kTypePrefix, absl::AsciiStrToUpper(name)), &type)) {
    return v1::ENTITY_TYPE_UNSPECIFIED;
  }
  return type;
}

absl::StatusOr<DocumentDigest> DigestDocument(const v1::DocumentResult& result,
                                              const DigestOptions& options) {
  if (result.id().empty()) {
    return absl::InvalidArgumentError("the document result has no id");
  }
  GLEANER_RETURN_IF_ERROR(ValidateSpans(result));
  DocumentDigest digest;
  digest.document_id = result.id();
  digest.source = SourceOf(result);
  digest.day = DayOf(result.page().published().value());
  const v1::DuplicateVerdict& verdict = result.duplicate();
  digest.kind = verdict.kind();
  digest.duplicate_of = verdict.duplicate_of();
  digest.cluster_id = verdict.cluster_id();
  digest.counted = verdict.kind() != v1::DUPLICATE_KIND_EXACT &&
                   verdict.kind() != v1::DUPLICATE_KIND_NEAR;
  if (!digest.counted) return digest;

  const std::vector<int> sentence_of = SentenceOfEach(result.entities(), result);
  EntityTable table =
      CountEntities(result, sentence_of, options.max_entities_per_sentence);
  CreditAmounts(result, table, options, digest);
  CountPairs(table, options, digest);
  digest.entities = std::move(table.entities);
  std::sort(digest.entities.begin(), digest.entities.end(),
            [](const DigestEntity& x, const DigestEntity& y) {
              return x.entity < y.entity;
            });
  return digest;
}

}  // namespace aggregator
}  // namespace gleaner
