#include "workers/dedup/minhash.h"

#include <cmath>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/dedup/text_features.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

using ::gleaner::testing::StatusIs;
using ::testing::Each;
using ::testing::HasSubstr;
using ::testing::SizeIs;

MinHasher MakeHasher(int shingle_chars = 5, int perms = 256) {
  MinHashOptions o;
  o.shingle_chars = shingle_chars;
  o.num_permutations = perms;
  return MinHasher::Create(o).value();
}

// Exact Jaccard similarity of the shingle-hash sets.
double TrueJaccard(const MinHasher& h, absl::string_view a, absl::string_view b) {
  std::vector<uint32_t> ca, cb, ha, hb;
  AppendShingleCodePoints(a, &ca);
  AppendShingleCodePoints(b, &cb);
  h.ShingleHashes(ca, &ha);
  h.ShingleHashes(cb, &hb);
  absl::flat_hash_set<uint32_t> sa(ha.begin(), ha.end()), sb(hb.begin(), hb.end());
  size_t inter = 0;
  for (uint32_t x : sa) inter += sb.contains(x);
  return static_cast<double>(inter) / (sa.size() + sb.size() - inter);
}

TEST(MinHasherTest, RejectsBadOptions) {
  MinHashOptions o;
  o.shingle_chars = 0;
  EXPECT_THAT(MinHasher::Create(o),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("shingle_chars")));
  o.shingle_chars = 5;
  o.num_permutations = 0;
  EXPECT_THAT(MinHasher::Create(o),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("num_permutations")));
}

TEST(MinHasherTest, SignatureShapeAndDeterminism) {
  const MinHasher h = MakeHasher(5, 64);
  const std::vector<uint32_t> a = h.Compute("엔비디아가 새 모델을 공개했다");
  EXPECT_THAT(a, SizeIs(64));
  EXPECT_EQ(a, MakeHasher(5, 64).Compute("엔비디아가 새 모델을 공개했다"));
  // White space and width do not change the signature.
  EXPECT_EQ(a, h.Compute("엔비디아가  새\n모델을 공개했다"));
  EXPECT_THAT(h.Compute(""), Each(0xFFFFFFFFu));
  // Shorter than one shingle: still a real signature.
  EXPECT_NE(h.Compute("AI"), h.Compute("IA"));
}

TEST(MinHasherTest, EstimateTracksTrueJaccard) {
  const MinHasher h = MakeHasher(5, 256);
  std::string base;
  for (int i = 0; i < 60; ++i) absl::StrAppend(&base, "문장", i, "번째 내용은 서로 다르다. ");
  struct Case {
    std::string other;
  };
  std::vector<std::string> others = {base, base.substr(0, base.size() / 2),
                                     absl::StrCat(base, base.substr(0, 300)),
                                     base.substr(base.size() / 3)};
  for (const std::string& other : others) {
    const double truth = TrueJaccard(h, base, other);
    const double estimate = SignatureAgreement(h.Compute(base), h.Compute(other));
    // 256 permutations: standard error <= 0.032; allow 4 sigma.
    EXPECT_NEAR(estimate, truth, 0.13) << truth;
  }
}

TEST(MinHasherTest, ShingleSizeChangesSensitivity) {
  const std::string a = "코스피가 전 거래일보다 12포인트 오른 2698에 장을 마감했다";
  const std::string b = "코스피가 전 거래일보다 12포인트 내린 2698에 장을 마감했다";
  EXPECT_GT(TrueJaccard(MakeHasher(3), a, b), TrueJaccard(MakeHasher(7), a, b));
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
