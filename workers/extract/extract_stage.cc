#include "workers/extract/extract_stage.h"

#include <algorithm>
#include <utility>

#include "services/common/status_macros.h"

namespace gleaner {
namespace workers {
namespace extract {

using entities::EntityExtractor;
using entities::EntityExtractorOptions;
using entities::EntityMention;
using entities::EntityType;
using entities::FlaggedRange;
using entities::MatchMethod;
using amounts::Amount;
using amounts::AmountBound;
using amounts::AmountExtractor;
using amounts::AmountKind;

namespace {

// Each enum pair is listed once, so the two directions cannot disagree.
constexpr std::pair<EntityType, v1::EntityType> kEntityTypes[] = {
    {EntityType::kOrganization, v1::ENTITY_TYPE_ORGANIZATION},
    {EntityType::kPerson, v1::ENTITY_TYPE_PERSON},
    {EntityType::kLocation, v1::ENTITY_TYPE_LOCATION},
    {EntityType::kProduct, v1::ENTITY_TYPE_PRODUCT},
};
constexpr std::pair<MatchMethod, v1::MatchMethod> kMatchMethods[] = {
    {MatchMethod::kGazetteer, v1::MATCH_METHOD_GAZETTEER},
    {MatchMethod::kPattern, v1::MATCH_METHOD_PATTERN},
    {MatchMethod::kAlias, v1::MATCH_METHOD_ALIAS},
    {MatchMethod::kCoreference, v1::MATCH_METHOD_COREFERENCE},
};
constexpr std::pair<AmountKind, v1::AmountKind> kAmountKinds[] = {
    {AmountKind::kMoney, v1::AMOUNT_KIND_MONEY},
    {AmountKind::kPercent, v1::AMOUNT_KIND_PERCENT},
    {AmountKind::kPercentPoint, v1::AMOUNT_KIND_PERCENT_POINT},
    {AmountKind::kQuantity, v1::AMOUNT_KIND_QUANTITY},
};
constexpr std::pair<attribution::Relation, v1::AmountRelation> kRelations[] = {
    {attribution::Relation::kOther, v1::AMOUNT_RELATION_OTHER},
    {attribution::Relation::kInvest, v1::AMOUNT_RELATION_INVEST},
    {attribution::Relation::kAcquire, v1::AMOUNT_RELATION_ACQUIRE},
    {attribution::Relation::kContract, v1::AMOUNT_RELATION_CONTRACT},
    {attribution::Relation::kRevenue, v1::AMOUNT_RELATION_REVENUE},
    {attribution::Relation::kProfitLoss, v1::AMOUNT_RELATION_PROFIT_LOSS},
    {attribution::Relation::kValuation, v1::AMOUNT_RELATION_VALUATION},
    {attribution::Relation::kFund, v1::AMOUNT_RELATION_FUND},
    {attribution::Relation::kMarketValue, v1::AMOUNT_RELATION_MARKET_VALUE},
    {attribution::Relation::kPrice, v1::AMOUNT_RELATION_PRICE},
};
constexpr std::pair<AmountBound, v1::AmountBound> kAmountBounds[] = {
    {AmountBound::kNone, v1::AMOUNT_BOUND_UNSPECIFIED},
    {AmountBound::kLowerInclusive, v1::AMOUNT_BOUND_LOWER_INCLUSIVE},
    {AmountBound::kLowerExclusive, v1::AMOUNT_BOUND_LOWER_EXCLUSIVE},
    {AmountBound::kUpperInclusive, v1::AMOUNT_BOUND_UPPER_INCLUSIVE},
    {AmountBound::kUpperExclusive, v1::AMOUNT_BOUND_UPPER_EXCLUSIVE},
};

// Returns the proto value paired with `value` (the first row's when none
// is, which a conversion test would catch).
template <typename Core, typename Proto, size_t N>
Proto ToProto(const std::pair<Core, Proto> (&table)[N], Core value) {
  for (const auto& [core, proto] : table) {
    if (core == value) return proto;
  }
  return table[0].second;
}

// Returns the core value paired with `value`, or `fallback`.
template <typename Core, typename Proto, size_t N>
Core FromProto(const std::pair<Core, Proto> (&table)[N], Proto value,
               Core fallback) {
  for (const auto& [core, proto] : table) {
    if (proto == value) return core;
  }
  return fallback;
}

absl::string_view Span(absl::string_view text, size_t begin, size_t end) {
  return text.substr(begin, end - begin);
}

// Blocks whose mentions should not be counted: page chrome and text that
// repeats earlier text.
std::vector<FlaggedRange> FlaggedRanges(const v1::DocumentResult& result) {
  std::vector<FlaggedRange> flagged;
  for (const v1::TextBlock& block : result.blocks()) {
    if (block.boilerplate()) flagged.push_back({block.begin(), block.end()});
  }
  for (const v1::RepeatedBlock& block : result.duplicate().repeated_blocks()) {
    flagged.push_back({block.begin(), block.end()});
  }
  return flagged;
}

}  // namespace

void MentionToProto(absl::string_view text, const EntityMention& mention,
                    v1::Entity* out) {
  out->set_begin(mention.begin);
  out->set_end(mention.end);
  const absl::string_view span = Span(text, mention.begin, mention.end);
  out->set_text(span.data(), span.size());
  out->set_type(ToProto(kEntityTypes, mention.type));
  out->set_canonical(mention.canonical);
  out->set_method(ToProto(kMatchMethods, mention.method));
  out->set_flagged(mention.flagged);
  for (const auto& [key, value] : mention.metadata) {
    (*out->mutable_metadata())[key] = value;
  }
}

EntityMention MentionFromProto(const v1::Entity& entity) {
  EntityMention mention;
  mention.begin = entity.begin();
  mention.end = entity.end();
  mention.type = FromProto(kEntityTypes, entity.type(), mention.type);
  mention.canonical = entity.canonical();
  mention.method = FromProto(kMatchMethods, entity.method(), mention.method);
  mention.flagged = entity.flagged();
  for (const auto& [key, value] : entity.metadata()) {
    mention.metadata.emplace_back(key, value);
  }
  // Map order is unspecified; the extractor's order is by key.
  std::sort(mention.metadata.begin(), mention.metadata.end());
  return mention;
}

void AmountToProto(absl::string_view text, const Amount& amount,
                   v1::Amount* out) {
  out->set_begin(amount.begin);
  out->set_end(amount.end);
  const absl::string_view span = Span(text, amount.begin, amount.end);
  out->set_text(span.data(), span.size());
  out->set_kind(ToProto(kAmountKinds, amount.kind));
  out->set_value(amount.value);
  out->set_value_max(amount.value_max);
  out->set_currency(amount.currency);
  out->set_unit(amount.unit);
  out->set_canonical_unit(amount.canonical_unit);
  out->set_approximate(amount.approximate);
  out->set_bound(ToProto(kAmountBounds, amount.bound));
  out->set_vague(amount.vague);
  out->set_magnitude(amount.magnitude);
  out->set_per_unit(amount.per_unit);
  if (amount.range_partner >= 0) out->set_range_partner(amount.range_partner);
  if (amount.conversion_of >= 0) out->set_conversion_of(amount.conversion_of);
  for (const std::string& qualifier : amount.qualifiers) {
    out->add_qualifiers(qualifier);
  }
}

Amount AmountFromProto(const v1::Amount& amount) {
  Amount out;
  out.begin = amount.begin();
  out.end = amount.end();
  out.kind = FromProto(kAmountKinds, amount.kind(), out.kind);
  out.value = amount.value();
  out.value_max = amount.value_max();
  out.currency = amount.currency();
  out.unit = amount.unit();
  out.canonical_unit = amount.canonical_unit();
  out.approximate = amount.approximate();
  out.bound = FromProto(kAmountBounds, amount.bound(), out.bound);
  out.vague = amount.vague();
  out.magnitude = amount.magnitude();
  out.per_unit = amount.per_unit();
  out.range_partner = amount.has_range_partner() ? amount.range_partner() : -1;
  out.conversion_of = amount.has_conversion_of() ? amount.conversion_of() : -1;
  out.qualifiers.assign(amount.qualifiers().begin(), amount.qualifiers().end());
  return out;
}

void AttributionToProto(const attribution::Attribution& attribution,
                        const std::vector<EntityMention>& mentions,
                        v1::AmountAttribution* out) {
  out->set_amount_index(attribution.amount);
  if (attribution.entity >= 0) {
    out->set_entity_index(attribution.entity);
    out->set_canonical(mentions[attribution.entity].canonical);
  }
  if (attribution.counterparty >= 0) {
    out->set_counterparty_index(attribution.counterparty);
    out->set_counterparty(mentions[attribution.counterparty].canonical);
  }
  out->set_relation(ToProto(kRelations, attribution.relation));
  out->set_rule(attribution.rule);
  out->set_confidence(attribution.confidence);
  out->set_cue_begin(attribution.cue_begin);
  out->set_cue_end(attribution.cue_end);
  for (int conversion : attribution.conversions) out->add_conversions(conversion);
  out->set_per_unit(attribution.per_unit);
}

absl::StatusOr<std::unique_ptr<ExtractStage>> ExtractStage::Create(
    ExtractStageOptions options) {
  EntityExtractorOptions entity_options;
  entity_options.gazetteer_paths = std::move(options.gazetteer_paths);
  entity_options.lexicon_paths = std::move(options.lexicon_paths);
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<EntityExtractor> entities,
                           EntityExtractor::Create(entity_options));
  amounts::AmountExtractorOptions amount_options;
  amount_options.max_number_digits = options.max_number_digits;
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<AmountExtractor> amounts,
                           AmountExtractor::Create(amount_options));
  std::unique_ptr<dates::DatePass> date_pass;
  if (options.dates) {
    GLEANER_ASSIGN_OR_RETURN(date_pass, dates::DatePass::Create());
  }
  std::unique_ptr<attribution::Attributor> attributor;
  if (options.attribution) {
    GLEANER_ASSIGN_OR_RETURN(attributor, attribution::Attributor::Create());
  }
  return std::unique_ptr<ExtractStage>(new ExtractStage(std::move(entities), std::move(amounts),
                                                        std::move(date_pass),
                                                        std::move(attributor)));
}

absl::Status ExtractStage::Process(const StageInput& input,
                                   v1::StageResponse* response) {
  const std::string& text = input.document.text();
  v1::ExtractDelta* delta = response->mutable_extract();
  const std::vector<EntityMention> mentions =
      entities_->Extract(text, FlaggedRanges(input.document));
  delta->mutable_entities()->Reserve(mentions.size());
  for (const EntityMention& mention : mentions) {
    MentionToProto(text, mention, delta->add_entities());
  }
  const std::vector<Amount> amounts = amounts_->Extract(text);
  delta->mutable_amounts()->Reserve(amounts.size());
  for (const Amount& amount : amounts) {
    AmountToProto(text, amount, delta->add_amounts());
  }
  if (dates_ != nullptr) dates_->Run(input.document, delta);
  if (attributor_ != nullptr) {
    std::vector<attribution::SentenceRange> sentences;
    sentences.reserve(input.document.sentences_size());
    for (const v1::SentenceSpan& s : input.document.sentences()) {
      sentences.push_back({s.begin(), s.end()});
    }
    for (const attribution::Attribution& a :
         attributor_->Attribute(text, sentences, mentions, amounts)) {
      AttributionToProto(a, mentions, delta->add_attributions());
    }
  }
  return absl::OkStatus();
}

}  // namespace extract
}  // namespace workers
}  // namespace gleaner
