#include "workers/extract/entities/korean_text.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::testing::ElementsAre;

TEST(KoreanTextTest, DecodesUtf8) {
  char32_t cp;
  EXPECT_EQ(DecodeAt("가", 0, &cp), 3u);
  EXPECT_EQ(cp, U'가');
  EXPECT_EQ(DecodeAt("a", 0, &cp), 1u);
  EXPECT_EQ(DecodeAt("\xff", 0, &cp), 1u);
  EXPECT_EQ(cp, 0xFFFDu);
  EXPECT_EQ(CodepointBefore("a가", 4), U'가');
  EXPECT_EQ(CodepointBefore("a가", 1), U'a');
  EXPECT_EQ(CodepointBefore("a가", 0), 0u);
  EXPECT_EQ(CountCodepoints("엔비디아 AI"), 7u);
}

TEST(KoreanTextTest, ParticleTails) {
  for (const char* tail :
       {"", "가", "는", "의", "과", "에서", "로부터", "라는", "에서는", "와의", "이었다", "측은", "발"}) {
    EXPECT_TRUE(IsParticleTail(tail)) << tail;
  }
  for (const char* tail : {"산", "판", "인", "어", "리케이션", "버스", "했다"}) {
    EXPECT_FALSE(IsParticleTail(tail)) << tail;
  }
}

TEST(KoreanTextTest, ParticleSplitsFromLongestStem) {
  // 삼성전자에서: the whole word, 삼성전자에 + 서, 삼성전자 + 에서.
  EXPECT_THAT(ParticleSplits("삼성전자에서"), ElementsAre(18u, 15u, 12u));
  EXPECT_THAT(ParticleSplits("AMD는"), ElementsAre(6u, 3u));
}

TEST(KoreanTextTest, DerivedSuffixesAndCompoundHeads) {
  EXPECT_TRUE(StartsWithDerivedSuffix("산"));
  EXPECT_TRUE(StartsWithDerivedSuffix("판 트위터"));
  EXPECT_TRUE(StartsWithDerivedSuffix("인들"));
  EXPECT_FALSE(StartsWithDerivedSuffix("정부"));
  EXPECT_TRUE(StartsWithCompoundHead("증시"));
  EXPECT_TRUE(StartsWithCompoundHead("정부는"));
  EXPECT_FALSE(StartsWithCompoundHead("리케이션"));
}

TEST(KoreanTextTest, TitlesAndSurnames) {
  EXPECT_TRUE(IsPersonTitle("CEO"));
  EXPECT_TRUE(IsPersonTitle("최고경영자"));
  EXPECT_TRUE(IsPersonTitle("애널리스트"));
  EXPECT_FALSE(IsPersonTitle("정부"));
  EXPECT_TRUE(IsKoreanSurname(U'김'));
  EXPECT_FALSE(IsKoreanSurname(U'엔'));
  EXPECT_TRUE(IsNameStopWord("이번"));
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
