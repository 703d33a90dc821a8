#include "workers/extract/entities/korean_text.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::testing::ElementsAre;

// A tiny lexicon written here, not the shipped lists.
const KoreanWords& Words() {
  static const KoreanWords* words = [] {
    const std::vector<Lexicons::Source> lists = {
        {"tail_morphemes", "가\n는\n의\n과\n에\n서\n에서\n로\n부터\n라는\n와\n이었다\n측\n은\n발\n"},
        {"derived_suffixes", "산\n판\n인\n"},
        {"compound_heads", "증시\n정부\n"},
        {"titles", "CEO\n최고경영자\n애널리스트\n회장\n"},
        {"korean_surnames", "김\n이\n"},
        {"name_stop_words", "이번\n"},
    };
    return new KoreanWords(*Lexicons::FromSources(lists));
  }();
  return *words;
}

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
    EXPECT_TRUE(Words().IsParticleTail(tail)) << tail;
  }
  for (const char* tail : {"산", "판", "인", "어", "리케이션", "버스", "했다"}) {
    EXPECT_FALSE(Words().IsParticleTail(tail)) << tail;
  }
}

TEST(KoreanTextTest, ParticleSplitsFromLongestStem) {
  // 삼성전자에서: the whole word, 삼성전자에 + 서, 삼성전자 + 에서.
  EXPECT_THAT(Words().ParticleSplits("삼성전자에서"), ElementsAre(18u, 15u, 12u));
  EXPECT_THAT(Words().ParticleSplits("AMD는"), ElementsAre(6u, 3u));
}

TEST(KoreanTextTest, DerivedSuffixesAndCompoundHeads) {
  EXPECT_TRUE(Words().StartsWithDerivedSuffix("산"));
  EXPECT_TRUE(Words().StartsWithDerivedSuffix("판 트위터"));
  EXPECT_TRUE(Words().StartsWithDerivedSuffix("인들"));
  EXPECT_FALSE(Words().StartsWithDerivedSuffix("정부"));
  EXPECT_TRUE(Words().StartsWithCompoundHead("증시"));
  EXPECT_TRUE(Words().StartsWithCompoundHead("정부는"));
  EXPECT_FALSE(Words().StartsWithCompoundHead("리케이션"));
}

TEST(KoreanTextTest, TitlesAndSurnames) {
  EXPECT_TRUE(Words().IsPersonTitle("CEO"));
  EXPECT_TRUE(Words().IsPersonTitle("최고경영자"));
  EXPECT_TRUE(Words().IsPersonTitle("애널리스트"));
  EXPECT_FALSE(Words().IsPersonTitle("정부"));
  EXPECT_TRUE(Words().IsKoreanSurname(U'김'));
  EXPECT_FALSE(Words().IsKoreanSurname(U'엔'));
  EXPECT_TRUE(Words().IsNameStopWord("이번"));
  EXPECT_FALSE(Words().IsNameStopWord("이사회"));
}

TEST(KoreanTextTest, TitlePrefixes) {
  EXPECT_EQ(Words().TitlePrefixLength("회장은"), 6u);
  EXPECT_EQ(Words().TitlePrefixLength("CEO는"), 3u);
  EXPECT_EQ(Words().TitlePrefixLength("회장님"), 0u);
  EXPECT_EQ(Words().TitlePrefixLength("회의"), 0u);
  EXPECT_TRUE(Words().IsPersonTitlePrefix("최고"));
  EXPECT_FALSE(Words().IsPersonTitlePrefix("최저"));
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
