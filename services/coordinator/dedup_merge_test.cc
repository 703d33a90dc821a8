#include "services/coordinator/dedup_merge.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace gleaner {
namespace coordinator {
namespace {

v1::DuplicateVerdict Verdict(v1::DuplicateKind kind, const std::string& of,
                             double similarity, int64_t of_sequence) {
  v1::DuplicateVerdict verdict;
  verdict.set_kind(kind);
  verdict.set_duplicate_of(of);
  verdict.set_cluster_id(of.empty() ? "self" : "c-" + of);
  verdict.set_similarity(similarity);
  verdict.set_sequence(9);
  if (!of.empty()) verdict.set_duplicate_of_sequence(of_sequence);
  return verdict;
}

v1::RepeatedBlock Block(uint32_t begin, bool cross, const std::string& first) {
  v1::RepeatedBlock block;
  block.set_begin(begin);
  block.set_end(begin + 2);
  block.set_cross_document(cross);
  block.set_first_document_id(first);
  return block;
}

struct MergeCase {
  const char* name;
  std::vector<v1::DuplicateVerdict> shards;
  std::string duplicate_of;  // of the merged verdict
  std::string cluster_id;
};

TEST(MergeShardVerdicts, PicksTheVerdictOneIndexWouldGive) {
  using K = v1::DuplicateKind;
  const K unique = v1::DUPLICATE_KIND_UNIQUE, near = v1::DUPLICATE_KIND_NEAR,
          exact = v1::DUPLICATE_KIND_EXACT;
  const MergeCase cases[] = {
      {"unique everywhere", {Verdict(unique, "", 0, 0), Verdict(unique, "", 0, 0)}, "", "self"},
      {"exact beats a closer near",
       {Verdict(near, "a", 0.9, 1), Verdict(exact, "b", 1, 2)}, "b", "c-b"},
      {"highest similarity", {Verdict(near, "a", 0.5, 1), Verdict(near, "b", 0.7, 2)}, "b", "c-b"},
      {"ties go to the earlier document",
       {Verdict(near, "late", 0.7, 5), Verdict(near, "early", 0.7, 2)}, "early", "c-early"},
      {"near beats unique", {Verdict(unique, "", 0, 0), Verdict(near, "a", 0.4, 1)}, "a", "c-a"},
  };
  for (const MergeCase& c : cases) {
    v1::DuplicateVerdict merged = MergeShardVerdicts(c.shards);
    EXPECT_EQ(merged.duplicate_of(), c.duplicate_of) << c.name;
    EXPECT_EQ(merged.cluster_id(), c.cluster_id) << c.name;
    EXPECT_EQ(merged.sequence(), 9) << c.name;
  }
}

TEST(MergeShardVerdicts, UnitesRepeatedBlocksPreferringCrossDocument) {
  v1::DuplicateVerdict a = Verdict(v1::DUPLICATE_KIND_UNIQUE, "", 0, 0);
  v1::DuplicateVerdict b = a;
  *a.add_repeated_blocks() = Block(10, false, "");
  *a.add_repeated_blocks() = Block(0, false, "");
  *b.add_repeated_blocks() = Block(10, true, "other");
  v1::DuplicateVerdict merged = MergeShardVerdicts({a, b});
  ASSERT_EQ(merged.repeated_blocks_size(), 2);
  EXPECT_EQ(merged.repeated_blocks(0).begin(), 0u);
  EXPECT_EQ(merged.repeated_blocks(1).begin(), 10u);
  EXPECT_TRUE(merged.repeated_blocks(1).cross_document());
  EXPECT_EQ(merged.repeated_blocks(1).first_document_id(), "other");
}

TEST(MergeShardVerdicts, NoShardsGiveAnEmptyVerdict) {
  EXPECT_EQ(MergeShardVerdicts({}).kind(), v1::DUPLICATE_KIND_UNSPECIFIED);
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
