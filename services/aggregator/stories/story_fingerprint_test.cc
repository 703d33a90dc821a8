#include "services/aggregator/stories/story_fingerprint.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace aggregator {
namespace stories {
namespace {

using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;

v1::DocumentResult Result() {
  v1::DocumentResult r;
  r.set_id("doc");
  r.set_text("오픈AI가 AWS와 380억달러(약 54조원) 계약. 서울에서. 메뉴 엔비디아");
  const auto entity = [&](uint32_t begin, const char* canonical, v1::EntityType type) {
    v1::Entity* e = r.add_entities();
    e->set_begin(begin);
    e->set_end(begin + 3);
    e->set_canonical(canonical);
    e->set_type(type);
  };
  entity(0, "오픈AI", v1::ENTITY_TYPE_ORGANIZATION);
  entity(12, "아마존웹서비스", v1::ENTITY_TYPE_ORGANIZATION);
  entity(60, "서울", v1::ENTITY_TYPE_LOCATION);  // places are left out
  entity(80, "엔비디아", v1::ENTITY_TYPE_ORGANIZATION);
  r.mutable_entities(3)->set_flagged(true);
  v1::TextBlock* chrome = r.add_blocks();  // the last entity is page chrome
  chrome->set_begin(75);
  chrome->set_end(95);
  chrome->set_boilerplate(true);
  v1::Amount* usd = r.add_amounts();
  usd->set_begin(20);
  usd->set_kind(v1::AMOUNT_KIND_MONEY);
  usd->set_currency("USD");
  usd->set_value("38000000000");
  v1::Amount* krw = r.add_amounts();  // a conversion: not a sum of its own
  krw->set_begin(32);
  krw->set_kind(v1::AMOUNT_KIND_MONEY);
  krw->set_currency("KRW");
  krw->set_value("54000000000000");
  krw->set_conversion_of(0);
  v1::AmountAttribution* claim = r.add_attributions();
  claim->set_amount_index(0);
  claim->set_canonical("오픈AI");
  claim->set_relation(v1::AMOUNT_RELATION_CONTRACT);
  return r;
}

TEST(StoryFingerprint, KeepsPartiesSumsAndClaims) {
  const StoryFingerprint print = FingerprintOf(Result());
  EXPECT_EQ(print.id, "doc");
  EXPECT_THAT(print.entities, ElementsAre("아마존웹서비스", "오픈AI"));
  EXPECT_THAT(print.sums, ElementsAre("USD:38000000000"));
  EXPECT_THAT(print.claims, ElementsAre("오픈AI|CONTRACT|USD:38000000000"));
}

TEST(StoryFingerprint, RangeOfOneStory) {
  const StoryFingerprint print = FingerprintOf(Result(), 10, 40);
  EXPECT_EQ(print.id, "doc#10");
  EXPECT_THAT(print.entities, ElementsAre("아마존웹서비스"));
  EXPECT_THAT(print.sums, ElementsAre("USD:38000000000"));
}

TEST(StoryFingerprint, EncodeDecodeRoundTrip) {
  const StoryFingerprint print = FingerprintOf(Result());
  absl::StatusOr<StoryFingerprint> back = DecodeFingerprint(EncodeFingerprint(print));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->id, print.id);
  EXPECT_EQ(back->entities, print.entities);
  EXPECT_EQ(back->sums, print.sums);
  EXPECT_EQ(back->claims, print.claims);
  StoryFingerprint empty;
  empty.id = "e";
  absl::StatusOr<StoryFingerprint> none = DecodeFingerprint(EncodeFingerprint(empty));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->entities.empty() && none->sums.empty() && none->claims.empty());
}

TEST(StoryFingerprint, DecodeRejectsMalformedLines) {
  EXPECT_THAT(DecodeFingerprint("sfp1\tdoc\ta"),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("5 tab")));
  EXPECT_THAT(DecodeFingerprint("sfp9\tdoc\t\t\t"),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("sfp1")));
  EXPECT_THAT(DecodeFingerprint("sfp1\tdoc\tb\x1f" "a\t\t"),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("sorted")));
}

}  // namespace
}  // namespace stories
}  // namespace aggregator
}  // namespace gleaner
