// StoryClusterer::Add looks only at earlier fingerprints that share a key
// with the new one (an index by sum and by party). These tests check that
// the stories are exactly those of comparing with every earlier fingerprint,
// and that adding 4N fingerprints costs about 4 times adding N (comparing
// with every earlier one costs 16 times): a ratio, not a wall-clock limit.
#include <algorithm>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "services/aggregator/stories/story_clusters.h"

namespace gleaner {
namespace aggregator {
namespace stories {
namespace {

// A store's worth of fingerprints: stories of one to three versions (a
// party dropped or added in a rewrite), each naming two of many parties and
// one of a few famous ones, its own sum and sometimes a famous round sum;
// one in ten names no sum. Shuffled, as outlets publish in any order.
std::vector<StoryFingerprint> StoreOf(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  const size_t pool = std::max<size_t>(50, n / 4);
  const auto party = [&](size_t i) { return absl::StrCat("party-", i); };
  std::vector<StoryFingerprint> prints;
  for (size_t story = 0; prints.size() < n; ++story) {
    StoryFingerprint base;
    base.entities = {party(rng() % pool), party(rng() % pool),
                     absl::StrCat("famous-", rng() % 20)};
    const bool sumless = rng() % 10 == 0;
    if (sumless) base.entities.push_back(party(rng() % pool));
    if (!sumless) base.sums.push_back(absl::StrCat("KRW:", story * 1000 + 7));
    if (!sumless && rng() % 3 == 0) base.sums.push_back(absl::StrCat("USD:1", rng() % 5, "00000000"));
    const size_t versions = 1 + rng() % 3;
    for (size_t v = 0; v < versions && prints.size() < n; ++v) {
      StoryFingerprint print = base;
      if (v == 1) print.entities.push_back(party(rng() % pool));
      if (v == 2) print.entities.erase(print.entities.begin());
      std::sort(print.entities.begin(), print.entities.end());
      print.entities.erase(std::unique(print.entities.begin(), print.entities.end()),
                           print.entities.end());
      std::sort(print.sums.begin(), print.sums.end());
      print.id = absl::StrCat("doc-", prints.size());
      prints.push_back(std::move(print));
    }
  }
  std::shuffle(prints.begin(), prints.end(), rng);
  return prints;
}

// The definition: the best-scoring earlier fingerprint, ties to the earlier.
std::vector<std::string> CompareWithEveryEarlier(const std::vector<StoryFingerprint>& prints) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < prints.size(); ++i) {
    double best_score = 0;
    size_t best = i;
    for (size_t j = 0; j < i; ++j) {
      const double score = StoryMatchScore(prints[j], prints[i]);
      if (score > best_score) {
        best_score = score;
        best = j;
      }
    }
    ids.push_back(best < i ? ids[best] : prints[i].id);
  }
  return ids;
}

TEST(StoryClustersScaling, IndexGivesTheStoriesOfComparingWithEveryEarlier) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    const std::vector<StoryFingerprint> prints = StoreOf(1500, seed);
    const std::vector<std::string> got = AssignStoryIds(prints);
    const std::vector<std::string> want = CompareWithEveryEarlier(prints);
    ASSERT_EQ(got, want) << "seed " << seed;
    // Not a trivial store: stories with several members, and singletons.
    size_t joined = 0;
    for (size_t i = 0; i < got.size(); ++i) joined += got[i] != prints[i].id;
    EXPECT_GT(joined, prints.size() / 5) << "seed " << seed;
    EXPECT_LT(joined, prints.size() * 4 / 5) << "seed " << seed;
  }
}

// The best of five: other builds share the machine.
absl::Duration TimeToAdd(const std::vector<StoryFingerprint>& prints) {
  absl::Duration best = absl::InfiniteDuration();
  for (int run = 0; run < 5; ++run) {
    StoryClusterer clusterer;
    const absl::Time start = absl::Now();
    for (const StoryFingerprint& print : prints) clusterer.Add(print);
    best = std::min(best, absl::Now() - start);
  }
  return best;
}

TEST(StoryClustersScaling, FourTimesTheFingerprintsCostAboutFourTimes) {
  const size_t n = 4000;
  const absl::Duration small = TimeToAdd(StoreOf(n, 7));
  const absl::Duration large = TimeToAdd(StoreOf(4 * n, 7));
  const double ratio = absl::FDivDuration(large, small);
  std::cout << "Add of " << n << " fingerprints: " << small << ", of " << 4 * n << ": " << large
            << ", ratio " << ratio << " (linear 4, quadratic 16)\n";
  // Linear measures 3.4 to 7 on a loaded machine; quadratic measured 14.6.
  EXPECT_LT(ratio, 10.0);
}

}  // namespace
}  // namespace stories
}  // namespace aggregator
}  // namespace gleaner
