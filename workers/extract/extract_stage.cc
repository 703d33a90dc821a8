#include "workers/extract/extract_stage.h"

#include <utility>

#include "services/common/status_macros.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace {

v1::EntityType ToProto(EntityType type) {
  switch (type) {
    case EntityType::kOrganization:
      return v1::ENTITY_TYPE_ORGANIZATION;
    case EntityType::kPerson:
      return v1::ENTITY_TYPE_PERSON;
    case EntityType::kLocation:
      return v1::ENTITY_TYPE_LOCATION;
    case EntityType::kProduct:
      return v1::ENTITY_TYPE_PRODUCT;
  }
  return v1::ENTITY_TYPE_UNSPECIFIED;
}

v1::MatchMethod ToProto(MatchMethod method) {
  switch (method) {
    case MatchMethod::kGazetteer:
      return v1::MATCH_METHOD_GAZETTEER;
    case MatchMethod::kPattern:
      return v1::MATCH_METHOD_PATTERN;
    case MatchMethod::kAlias:
      return v1::MATCH_METHOD_ALIAS;
    case MatchMethod::kCoreference:
      return v1::MATCH_METHOD_COREFERENCE;
  }
  return v1::MATCH_METHOD_UNSPECIFIED;
}

v1::AmountKind ToProto(amounts::AmountKind kind) {
  switch (kind) {
    case amounts::AmountKind::kMoney:
      return v1::AMOUNT_KIND_MONEY;
    case amounts::AmountKind::kPercent:
      return v1::AMOUNT_KIND_PERCENT;
    case amounts::AmountKind::kPercentPoint:
      return v1::AMOUNT_KIND_PERCENT_POINT;
    case amounts::AmountKind::kQuantity:
      return v1::AMOUNT_KIND_QUANTITY;
  }
  return v1::AMOUNT_KIND_UNSPECIFIED;
}

v1::AmountBound ToProto(amounts::AmountBound bound) {
  switch (bound) {
    case amounts::AmountBound::kNone:
      return v1::AMOUNT_BOUND_UNSPECIFIED;
    case amounts::AmountBound::kLowerInclusive:
      return v1::AMOUNT_BOUND_LOWER_INCLUSIVE;
    case amounts::AmountBound::kLowerExclusive:
      return v1::AMOUNT_BOUND_LOWER_EXCLUSIVE;
    case amounts::AmountBound::kUpperInclusive:
      return v1::AMOUNT_BOUND_UPPER_INCLUSIVE;
    case amounts::AmountBound::kUpperExclusive:
      return v1::AMOUNT_BOUND_UPPER_EXCLUSIVE;
  }
  return v1::AMOUNT_BOUND_UNSPECIFIED;
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

absl::StatusOr<std::unique_ptr<ExtractStage>> ExtractStage::Create(
    ExtractStageOptions options) {
  EntityExtractorOptions entity_options;
  entity_options.gazetteer_paths = std::move(options.gazetteer_paths);
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<EntityExtractor> entities,
                           EntityExtractor::Create(entity_options));
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<amounts::AmountExtractor> amounts,
                           amounts::AmountExtractor::Create());
  return std::unique_ptr<ExtractStage>(
      new ExtractStage(std::move(entities), std::move(amounts)));
}

absl::Status ExtractStage::Process(const v1::StageRequest& /*request*/,
                                   v1::DocumentResult* result) {
  const std::string& text = result->text();
  result->clear_entities();
  const std::vector<FlaggedRange> flagged = FlaggedRanges(*result);
  for (const EntityMention& mention : entities_->Extract(text, flagged)) {
    v1::Entity* out = result->add_entities();
    out->set_begin(mention.begin);
    out->set_end(mention.end);
    out->set_text(text.substr(mention.begin, mention.end - mention.begin));
    out->set_type(ToProto(mention.type));
    out->set_canonical(mention.canonical);
    out->set_method(ToProto(mention.method));
    out->set_flagged(mention.flagged);
    for (const auto& [key, value] : mention.metadata) {
      (*out->mutable_metadata())[key] = value;
    }
  }
  result->clear_amounts();
  for (const amounts::Amount& amount : amounts_->Extract(text)) {
    v1::Amount* out = result->add_amounts();
    out->set_begin(amount.begin);
    out->set_end(amount.end);
    out->set_text(text.substr(amount.begin, amount.end - amount.begin));
    out->set_kind(ToProto(amount.kind));
    out->set_value(amount.value);
    out->set_value_max(amount.value_max);
    out->set_currency(amount.currency);
    out->set_unit(amount.unit);
    out->set_canonical_unit(amount.canonical_unit);
    out->set_approximate(amount.approximate);
    out->set_bound(ToProto(amount.bound));
    out->set_vague(amount.vague);
    out->set_magnitude(amount.magnitude);
    out->set_per_unit(amount.per_unit);
    if (amount.range_partner >= 0) out->set_range_partner(amount.range_partner);
    if (amount.conversion_of >= 0) out->set_conversion_of(amount.conversion_of);
    for (const std::string& qualifier : amount.qualifiers) {
      out->add_qualifiers(qualifier);
    }
  }
  return absl::OkStatus();
}

}  // namespace extract
}  // namespace workers
}  // namespace gleaner
