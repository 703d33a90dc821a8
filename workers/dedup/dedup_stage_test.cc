#include "workers/dedup/dedup_stage.h"

#include <string>

#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

using ::gleaner::testing::IsOk;

// Written out independently of the glue: a wrong mapping there fails here.
struct KindRow {
  DuplicateKind core;
  v1::DuplicateKind proto;
};
constexpr KindRow kKinds[] = {
    {DuplicateKind::kUnique, v1::DUPLICATE_KIND_UNIQUE},
    {DuplicateKind::kExact, v1::DUPLICATE_KIND_EXACT},
    {DuplicateKind::kNear, v1::DUPLICATE_KIND_NEAR},
};

DedupVerdict FullVerdict(DuplicateKind kind) {
  DedupVerdict verdict;
  verdict.kind = kind;
  verdict.duplicate_of = "earlier";
  verdict.cluster_id = "first";
  verdict.similarity = 0.75;
  verdict.sequence = 7;
  verdict.duplicate_of_sequence = 0;  // present although 0
  verdict.repeated_blocks.push_back({3, 9, 0, false, ""});
  verdict.repeated_blocks.push_back({10, 20, 0, true, "other"});
  return verdict;
}

TEST(DedupStageConversion, MapsEveryKindBothWays) {
  for (const KindRow& row : kKinds) {
    const DedupVerdict verdict = FullVerdict(row.core);
    v1::DuplicateVerdict proto;
    VerdictToProto(verdict, &proto);
    EXPECT_EQ(proto.kind(), row.proto);
    EXPECT_EQ(proto.duplicate_of(), "earlier");
    EXPECT_EQ(proto.cluster_id(), "first");
    EXPECT_EQ(proto.similarity(), 0.75);
    EXPECT_EQ(proto.sequence(), 7);
    ASSERT_TRUE(proto.has_duplicate_of_sequence());
    EXPECT_EQ(proto.duplicate_of_sequence(), 0);
    ASSERT_EQ(proto.repeated_blocks_size(), 2);
    EXPECT_EQ(proto.repeated_blocks(0).begin(), 3u);
    EXPECT_EQ(proto.repeated_blocks(0).end(), 9u);
    EXPECT_TRUE(proto.repeated_blocks(1).cross_document());
    EXPECT_EQ(proto.repeated_blocks(1).first_document_id(), "other");
    EXPECT_TRUE(VerdictFromProto(proto) == verdict);
  }
}

TEST(DedupStageConversion, AbsentSequencesStayAbsent) {
  DedupVerdict verdict;  // sequences -1
  v1::DuplicateVerdict proto;
  VerdictToProto(verdict, &proto);
  EXPECT_FALSE(proto.has_sequence());
  EXPECT_FALSE(proto.has_duplicate_of_sequence());
  EXPECT_TRUE(VerdictFromProto(proto) == verdict);
}

TEST(DedupStage, AnswersWithTheVerdictOnlyOnTheGivenText) {
  DedupOptions options;
  auto stage = DedupStage::Create(options);
  ASSERT_THAT(stage, IsOk());
  v1::DocumentResult first;
  first.set_id("a");
  first.set_text("첫 문장이 여기에 있다.\n둘째 줄도 있다.\n");
  v1::DocumentResult copy = first;
  copy.set_id("b");
  v1::StageResponse response;
  ASSERT_THAT((*stage)->Process({"job", first}, &response), IsOk());
  EXPECT_EQ(response.duplicate().kind(), v1::DUPLICATE_KIND_UNIQUE);
  response.Clear();
  ASSERT_THAT((*stage)->Process({"job", copy}, &response), IsOk());
  EXPECT_EQ(response.delta_case(), v1::StageResponse::kDuplicate);
  EXPECT_EQ(response.duplicate().kind(), v1::DUPLICATE_KIND_EXACT);
  EXPECT_EQ(response.duplicate().duplicate_of(), "a");
  for (const v1::RepeatedBlock& block : response.duplicate().repeated_blocks()) {
    EXPECT_LE(block.end(), copy.text().size());
  }
  EXPECT_FALSE(response.has_error());
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
