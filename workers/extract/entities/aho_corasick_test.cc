#include "workers/extract/entities/aho_corasick.h"

#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAreArray;

using Hit = std::tuple<size_t, size_t, uint32_t>;

std::vector<Hit> All(const AhoCorasick& ac, absl::string_view text) {
  std::vector<Hit> hits;
  ac.ForEachMatch(text, [&](size_t b, size_t e, uint32_t id) { hits.emplace_back(b, e, id); });
  return hits;
}

TEST(AhoCorasickTest, FindsOverlappingPatterns) {
  AhoCorasick::Builder b;
  EXPECT_EQ(b.Add("he"), 0u);
  EXPECT_EQ(b.Add("she"), 1u);
  EXPECT_EQ(b.Add("his"), 2u);
  EXPECT_EQ(b.Add("hers"), 3u);
  AhoCorasick ac = std::move(b).Build();
  EXPECT_THAT(All(ac, "ushers"), ElementsAre(Hit{1, 4, 1}, Hit{2, 4, 0}, Hit{2, 6, 3}));
}

TEST(AhoCorasickTest, FoldsAsciiCaseAndDeduplicates) {
  AhoCorasick::Builder b;
  EXPECT_EQ(b.Add("NVIDIA"), 0u);
  EXPECT_EQ(b.Add("nvidia"), 0u);
  AhoCorasick ac = std::move(b).Build();
  EXPECT_EQ(ac.num_patterns(), 1u);
  EXPECT_THAT(All(ac, "Nvidia"), ElementsAre(Hit{0, 6, 0}));
}

TEST(AhoCorasickTest, MatchesUtf8Bytes) {
  AhoCorasick::Builder b;
  b.Add("엔비디아");
  b.Add("디아");
  AhoCorasick ac = std::move(b).Build();
  EXPECT_THAT(All(ac, "엔비디아가"), ElementsAre(Hit{0, 12, 0}, Hit{6, 12, 1}));
}

TEST(AhoCorasickTest, EmptyAutomatonMatchesNothing) {
  AhoCorasick ac = AhoCorasick::Builder().Build();
  EXPECT_TRUE(All(ac, "anything").empty());
}

TEST(AhoCorasickTest, AgreesWithNaiveSearch) {
  const std::vector<std::string> patterns = {"ab", "abc", "bc", "c", "cab", "aaa", "ba"};
  AhoCorasick::Builder b;
  for (const auto& p : patterns) b.Add(p);
  AhoCorasick ac = std::move(b).Build();
  const std::string text = "abcabaaabcbacab";
  std::vector<Hit> want;
  for (uint32_t id = 0; id < patterns.size(); ++id) {
    for (size_t pos = text.find(patterns[id]); pos != std::string::npos;
         pos = text.find(patterns[id], pos + 1)) {
      want.emplace_back(pos, pos + patterns[id].size(), id);
    }
  }
  EXPECT_THAT(All(ac, text), UnorderedElementsAreArray(want));
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
