#include "workers/dedup/lsh_index.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/dedup/minhash.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<uint16_t> Sig(const std::string& text) {
  MinHashOptions o;
  o.num_permutations = 64;
  static const MinHasher* h = new MinHasher(MinHasher::Create(o).value());
  return LshIndex::CompactSignature(h->Compute(text));
}

std::string Text(int i) {
  std::string s;
  for (int k = 0; k < 40; ++k) absl::StrAppend(&s, "기사", i, "의 ", k, "번째 문장. ");
  return s;
}

TEST(LshIndexTest, FindsEarlierSimilarDocumentsOnly) {
  LshIndex index(16, 4, 0, 1);
  EXPECT_EQ(index.Add(Sig(Text(1))), 0u);
  EXPECT_EQ(index.Add(Sig(Text(2))), 1u);
  std::vector<uint32_t> c;
  index.Candidates(Sig(Text(1) + "끝."), index.size(), &c);
  EXPECT_THAT(c, ElementsAre(0u));
  c.clear();
  index.Candidates(Sig(Text(1)), /*before=*/0, &c);  // nothing earlier than 0
  EXPECT_THAT(c, IsEmpty());
  c.clear();
  index.Candidates(Sig(Text(3)), index.size(), &c);
  EXPECT_THAT(c, IsEmpty());
}

TEST(LshIndexTest, CoveredDocumentsAddNoEntries) {
  LshIndex index(16, 4, 0, 1);
  index.Add(Sig(Text(1)));
  const size_t entries = index.band_entries();
  index.Add(Sig(Text(1)), [](uint32_t) { return true; });  // a copy
  EXPECT_EQ(index.band_entries(), entries);
  std::vector<uint32_t> c;
  index.Candidates(Sig(Text(1)), index.size(), &c);
  EXPECT_THAT(c, ElementsAre(0u));
}

TEST(LshIndexTest, UncoveredDocumentsWithSameKeysAreChained) {
  // Document 1 has document 0's keys but was refused as its duplicate (say,
  // other figures): a later copy of 1 must still find 1.
  LshIndex index(16, 4, 0, 1);
  index.Add(Sig(Text(1)));
  index.Add(Sig(Text(1)), [](uint32_t) { return false; });
  index.Add(Sig(Text(1)), [](uint32_t member) { return member == 1; });
  std::vector<uint32_t> c;
  index.Candidates(Sig(Text(1)), index.size(), &c);
  EXPECT_THAT(c, ElementsAre(0u, 1u));
  c.clear();
  index.Candidates(Sig(Text(1)), /*before=*/1, &c);
  EXPECT_THAT(c, ElementsAre(0u));
}

TEST(LshIndexTest, ChainsAreBounded) {
  LshIndex index(16, 4, 0, 1);
  for (int i = 0; i < 3 * LshIndex::kMaxChain; ++i) {
    index.Add(Sig(Text(1)), [](uint32_t) { return false; });
  }
  std::vector<uint32_t> c;
  index.Candidates(Sig(Text(1)), index.size(), &c);
  EXPECT_EQ(c.size(), static_cast<size_t>(LshIndex::kMaxChain));
}

TEST(LshIndexTest, EstimateJaccardCorrectsByteCollisions) {
  std::vector<uint16_t> a(256), b(256);
  for (int i = 0; i < 256; ++i) {
    a[i] = static_cast<uint16_t>(i);
    b[i] = static_cast<uint16_t>(i + 1);
  }
  EXPECT_DOUBLE_EQ(LshIndex::EstimateJaccard(a, a), 1.0);
  EXPECT_DOUBLE_EQ(LshIndex::EstimateJaccard(a, b), 0.0);
}

TEST(LshIndexTest, ShardsPartitionBandKeys) {
  constexpr int kShards = 3;
  LshIndex single(16, 4, 0, 1);
  std::vector<std::unique_ptr<LshIndex>> shards;
  for (int s = 0; s < kShards; ++s) shards.push_back(std::make_unique<LshIndex>(16, 4, s, kShards));
  for (int i = 0; i < 50; ++i) {
    const std::vector<uint16_t> sig = Sig(Text(i % 20) + std::to_string(i));
    std::vector<uint32_t> expected, merged;
    single.Candidates(sig, single.size(), &expected);
    for (auto& shard : shards) shard->Candidates(sig, shard->size(), &merged);
    // A document can share keys with shards in several bands: compare sets.
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    EXPECT_EQ(merged, expected) << i;  // disjoint shares, same union
    single.Add(sig);
    for (auto& shard : shards) shard->Add(sig);
  }
  size_t total = 0;
  for (auto& shard : shards) total += shard->band_entries();
  EXPECT_EQ(total, single.band_entries());
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
