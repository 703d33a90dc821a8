#include "workers/extract/extract_stage.h"

#include <string>

#include "gtest/gtest.h"
#include "services/common/document_limits.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace {

using ::gleaner::testing::IsOk;
using entities::EntityMention;
using entities::EntityType;
using entities::MatchMethod;
using amounts::Amount;
using amounts::AmountBound;
using amounts::AmountKind;

// The mappings, written out independently of the glue: a wrong mapping in
// extract_stage.cc fails here (both ends of the integration test run the
// same glue, so it cannot see one).
struct TypeRow {
  EntityType core;
  v1::EntityType proto;
};
constexpr TypeRow kTypes[] = {
    {EntityType::kOrganization, v1::ENTITY_TYPE_ORGANIZATION},
    {EntityType::kPerson, v1::ENTITY_TYPE_PERSON},
    {EntityType::kLocation, v1::ENTITY_TYPE_LOCATION},
    {EntityType::kProduct, v1::ENTITY_TYPE_PRODUCT},
};
struct MethodRow {
  MatchMethod core;
  v1::MatchMethod proto;
};
constexpr MethodRow kMethods[] = {
    {MatchMethod::kGazetteer, v1::MATCH_METHOD_GAZETTEER},
    {MatchMethod::kPattern, v1::MATCH_METHOD_PATTERN},
    {MatchMethod::kAlias, v1::MATCH_METHOD_ALIAS},
    {MatchMethod::kCoreference, v1::MATCH_METHOD_COREFERENCE},
};
struct KindRow {
  AmountKind core;
  v1::AmountKind proto;
};
constexpr KindRow kKinds[] = {
    {AmountKind::kMoney, v1::AMOUNT_KIND_MONEY},
    {AmountKind::kPercent, v1::AMOUNT_KIND_PERCENT},
    {AmountKind::kPercentPoint, v1::AMOUNT_KIND_PERCENT_POINT},
    {AmountKind::kQuantity, v1::AMOUNT_KIND_QUANTITY},
};
struct BoundRow {
  AmountBound core;
  v1::AmountBound proto;
};
constexpr BoundRow kBounds[] = {
    {AmountBound::kNone, v1::AMOUNT_BOUND_UNSPECIFIED},
    {AmountBound::kLowerInclusive, v1::AMOUNT_BOUND_LOWER_INCLUSIVE},
    {AmountBound::kLowerExclusive, v1::AMOUNT_BOUND_LOWER_EXCLUSIVE},
    {AmountBound::kUpperInclusive, v1::AMOUNT_BOUND_UPPER_INCLUSIVE},
    {AmountBound::kUpperExclusive, v1::AMOUNT_BOUND_UPPER_EXCLUSIVE},
};

constexpr char kText[] = "엔비디아가 20억달러를";  // 엔비디아 is [0, 12)

EntityMention Mention(EntityType type, MatchMethod method) {
  EntityMention mention;
  mention.begin = 0;
  mention.end = 12;
  mention.type = type;
  mention.method = method;
  mention.canonical = "엔비디아";
  mention.flagged = true;
  mention.metadata = {{"country", "US"}, {"ticker", "NVDA"}};
  return mention;
}

TEST(ExtractStageConversion, MapsEveryEntityTypeAndMethodBothWays) {
  for (const TypeRow& type : kTypes) {
    for (const MethodRow& method : kMethods) {
      const EntityMention mention = Mention(type.core, method.core);
      v1::Entity entity;
      MentionToProto(kText, mention, &entity);
      EXPECT_EQ(entity.type(), type.proto);
      EXPECT_EQ(entity.method(), method.proto);
      EXPECT_EQ(entity.text(), "엔비디아");
      EXPECT_EQ(entity.canonical(), "엔비디아");
      EXPECT_TRUE(entity.flagged());
      EXPECT_EQ(entity.metadata().at("ticker"), "NVDA");
      const EntityMention back = MentionFromProto(entity);
      EXPECT_EQ(back.type, type.core);
      EXPECT_EQ(back.method, method.core);
      EXPECT_EQ(back.begin, 0u);
      EXPECT_EQ(back.end, 12u);
      EXPECT_EQ(back.metadata, mention.metadata);
    }
  }
}

TEST(ExtractStageConversion, MapsEveryAmountKindAndBoundBothWays) {
  for (const KindRow& kind : kKinds) {
    for (const BoundRow& bound : kBounds) {
      Amount amount;
      amount.begin = 16;
      amount.end = 27;
      amount.kind = kind.core;
      amount.bound = bound.core;
      amount.value = "2000000000";
      amount.value_max = "3000000000";
      amount.currency = "USD";
      amount.unit = "달러";
      amount.canonical_unit = "USD";
      amount.approximate = true;
      amount.vague = true;
      amount.magnitude = -3;
      amount.per_unit = true;
      amount.range_partner = 0;  // present although 0
      amount.conversion_of = -1;  // absent
      amount.qualifiers = {"약", "이상"};
      v1::Amount proto;
      AmountToProto(kText, amount, &proto);
      EXPECT_EQ(proto.kind(), kind.proto);
      EXPECT_EQ(proto.bound(), bound.proto);
      EXPECT_EQ(proto.text(), "20억달러");
      ASSERT_TRUE(proto.has_range_partner());
      EXPECT_EQ(proto.range_partner(), 0);
      EXPECT_FALSE(proto.has_conversion_of());
      EXPECT_EQ(proto.magnitude(), -3);
      const Amount back = AmountFromProto(proto);
      EXPECT_EQ(back.kind, kind.core);
      EXPECT_EQ(back.bound, bound.core);
      EXPECT_EQ(back.value, amount.value);
      EXPECT_EQ(back.value_max, amount.value_max);
      EXPECT_EQ(back.currency, amount.currency);
      EXPECT_EQ(back.unit, amount.unit);
      EXPECT_EQ(back.canonical_unit, amount.canonical_unit);
      EXPECT_EQ(back.approximate, amount.approximate);
      EXPECT_EQ(back.vague, amount.vague);
      EXPECT_EQ(back.magnitude, amount.magnitude);
      EXPECT_EQ(back.per_unit, amount.per_unit);
      EXPECT_EQ(back.range_partner, 0);
      EXPECT_EQ(back.conversion_of, -1);
      EXPECT_EQ(back.qualifiers, amount.qualifiers);
    }
  }
}

TEST(ExtractStage, AnswersWithEntitiesAndAmountsOfTheGivenTextOnly) {
  auto stage = ExtractStage::Create();
  ASSERT_THAT(stage, IsOk());
  v1::DocumentResult document;
  document.set_id("d");
  document.set_text("엔비디아가 20억달러를 투자했다.\n삼성전자 공유하기");
  v1::TextBlock* chrome = document.add_blocks();  // the second line
  chrome->set_begin(document.text().find("삼성전자"));
  chrome->set_end(document.text().size());
  chrome->set_boilerplate(true);
  v1::StageResponse response;
  ASSERT_THAT((*stage)->Process({"job", document}, &response), IsOk());
  EXPECT_EQ(response.delta_case(), v1::StageResponse::kExtract);
  const v1::ExtractDelta& delta = response.extract();
  ASSERT_GE(delta.entities_size(), 2);
  for (const v1::Entity& entity : delta.entities()) {
    EXPECT_EQ(document.text().substr(entity.begin(), entity.end() - entity.begin()),
              entity.text());
    EXPECT_EQ(entity.flagged(), entity.begin() >= chrome->begin()) << entity.text();
  }
  ASSERT_EQ(delta.amounts_size(), 1);
  EXPECT_EQ(delta.amounts(0).kind(), v1::AMOUNT_KIND_MONEY);
  EXPECT_EQ(delta.amounts(0).currency(), "USD");
}

// Issue 14: 200,000 nines before 조원 came back from the extract server as
// one amount with a 200,012-digit value. The stage, built as the server
// builds it from the limits table, finds no amount in the wall of digits
// and still finds the ordinary one after it.
TEST(ExtractStage, AWallOfDigitsIsNoAmount) {
  ExtractStageOptions options;
  options.max_number_digits = DocumentLimits().max_number_digits;
  auto stage = ExtractStage::Create(options);
  ASSERT_THAT(stage, IsOk());
  v1::DocumentResult document;
  document.set_id("digits");
  document.set_text(std::string(200000, '9') +
                    "조원을 투자했다. 삼성전자가 3조원을 썼다.");
  v1::StageResponse response;
  ASSERT_THAT((*stage)->Process({"job", document}, &response), IsOk());
  ASSERT_EQ(response.extract().amounts_size(), 1);
  EXPECT_EQ(response.extract().amounts(0).text(), "3조원");
  EXPECT_EQ(response.extract().amounts(0).value(), "3000000000000");
}

}  // namespace
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
