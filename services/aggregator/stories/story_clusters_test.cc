#include "services/aggregator/stories/story_clusters.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace aggregator {
namespace stories {
namespace {

using ::testing::ElementsAre;

StoryFingerprint Print(const char* id, std::vector<std::string> entities,
                       std::vector<std::string> sums) {
  StoryFingerprint p;
  p.id = id;
  p.entities = std::move(entities);
  p.sums = std::move(sums);
  return p;
}

TEST(StoryClusters, SameSumsAndPartiesJoinTheFirstStory) {
  const std::vector<StoryFingerprint> prints = {
      Print("a", {"넷플릭스", "워너브러더스디스커버리"}, {"USD:72000000000"}),
      Print("b", {"넷플릭스", "워너브러더스디스커버리", "파라마운트"}, {"USD:72000000000"}),
      // One famous party and one famous sum are not enough.
      Print("c", {"넷플릭스"}, {"USD:72000000000"}),
      // Sharing one party and no sum: another story about the same company.
      Print("d", {"넷플릭스", "디즈니"}, {"USD:1000000000"}),
  };
  EXPECT_THAT(AssignStoryIds(prints), ElementsAre("a", "a", "c", "d"));
}

TEST(StoryClusters, WithoutSumsManySharedPartiesMatch) {
  const std::vector<StoryFingerprint> prints = {
      Print("a", {"엔비디아", "오픈AI", "오라클", "소프트뱅크"}, {}),
      Print("b", {"엔비디아", "오픈AI", "오라클"}, {}),
      Print("c", {"엔비디아", "오픈AI", "구글", "메타", "애플", "아마존"}, {}),
  };
  EXPECT_THAT(AssignStoryIds(prints), ElementsAre("a", "a", "c"));
}

TEST(StoryClusters, SamePartiesWithOtherSumsAreAnotherEvent) {
  const std::vector<StoryFingerprint> prints = {
      Print("q2", {"엔비디아", "젠슨 황", "TSMC"}, {"USD:30040000000"}),
      Print("q3", {"엔비디아", "젠슨 황", "TSMC"}, {"USD:35080000000"}),
      Print("talk", {"엔비디아", "젠슨 황", "TSMC"}, {}),  // no sums: parties decide
  };
  EXPECT_THAT(AssignStoryIds(prints), ElementsAre("q2", "q3", "q2"));
}

TEST(StoryClusters, JoinsTheBestMatchAndScoresAreSymmetric) {
  const StoryFingerprint weak = Print("w", {"A", "B"}, {"USD:1"});
  const StoryFingerprint strong = Print("s", {"A", "B", "C"}, {"USD:1", "USD:2"});
  const StoryFingerprint next = Print("n", {"A", "B", "C"}, {"USD:1", "USD:2"});
  EXPECT_GT(StoryMatchScore(strong, next), StoryMatchScore(weak, next));
  EXPECT_EQ(StoryMatchScore(weak, next), StoryMatchScore(next, weak));
  StoryClusterer clusterer;
  EXPECT_EQ(clusterer.Add(weak), "w");
  // `s` matches `w` (shares A, B and USD:1), so it joins w's story.
  EXPECT_EQ(clusterer.Add(strong), "w");
  EXPECT_EQ(clusterer.Add(next), "w");
  EXPECT_EQ(clusterer.size(), 3u);
}

TEST(StoryClusters, EmptyFingerprintsStayAlone) {
  const std::vector<StoryFingerprint> prints = {Print("a", {}, {}), Print("b", {}, {})};
  EXPECT_THAT(AssignStoryIds(prints), ElementsAre("a", "b"));
  EXPECT_EQ(StoryMatchScore(prints[0], prints[1]), 0.0);
}

}  // namespace
}  // namespace stories
}  // namespace aggregator
}  // namespace gleaner
