#include "workers/extract/entities/aho_corasick.h"

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
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

// Random patterns over a small alphabet (many shared prefixes and fail
// links), once with every state's full row and once with only the root's,
// so both the table and the sorted-edge walk are checked against std::find.
TEST(AhoCorasickTest, DenseAndSparseStatesAgreeWithNaiveSearch) {
  std::mt19937 rng(7);
  const std::string alphabet = "abAB\xea\xb0\x80";
  auto random_string = [&](size_t max_len) {
    std::string s(1 + rng() % max_len, 'a');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  std::vector<std::string> patterns;
  for (int i = 0; i < 60; ++i) patterns.push_back(random_string(6));
  const std::string text = random_string(3000);
  for (size_t max_dense : {size_t{1} << 20, size_t{0}, size_t{64}}) {
    AhoCorasick::Builder b;
    b.set_max_dense_entries(max_dense);
    std::vector<uint32_t> ids;
    for (const auto& p : patterns) ids.push_back(b.Add(p));
    AhoCorasick ac = std::move(b).Build();
    if (max_dense == 0) {
      EXPECT_EQ(ac.num_dense_states(), 1u);
    }
    std::string folded = text;
    for (char& c : folded) c = absl::ascii_tolower(c);
    std::vector<Hit> want;
    for (uint32_t id = 0; id < ac.num_patterns(); ++id) {
      std::string p;
      for (size_t k = 0; k < patterns.size(); ++k) {
        if (ids[k] == id) {
          p = absl::AsciiStrToLower(patterns[k]);
        }
      }
      for (size_t pos = folded.find(p); pos != std::string::npos; pos = folded.find(p, pos + 1)) {
        want.emplace_back(pos, pos + p.size(), id);
      }
    }
    const std::vector<Hit> got = All(ac, text);
    EXPECT_THAT(got, UnorderedElementsAreArray(want)) << "max_dense=" << max_dense;
    // In order of end; for one end, the longer first.
    for (size_t k = 1; k < got.size(); ++k) {
      EXPECT_TRUE(std::get<1>(got[k - 1]) < std::get<1>(got[k]) ||
                  (std::get<1>(got[k - 1]) == std::get<1>(got[k]) && std::get<0>(got[k - 1]) < std::get<0>(got[k])));
    }
  }
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
