#include "workers/dedup/text_features.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

TEST(NormalizeContentTest, Table) {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"  삼성전자   1,000원 \n\n", "삼성전자 1,000원"},
      {"<p>첫 문단</p><p>둘째</p>", "첫 문단 둘째"},
      {"a&nbsp;&amp;&nbsp;b", "a & b"},
      {"&#44032;&#xAC01;", "가각"},
      {"3 < 5 and <3", "3 < 5 and <3"},  // not tags
      {"<!-- note -->본문", "본문"},
      {"\xE3\x80\x80전각\xE2\x80\x8B공백", "전각 공백"},  // U+3000, U+200B
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeContent(c.input), c.expected) << c.input;
  }
}

TEST(FoldCodePointTest, Table) {
  EXPECT_EQ(FoldCodePoint('A'), static_cast<uint32_t>('a'));
  EXPECT_EQ(FoldCodePoint(0xFF21), static_cast<uint32_t>('a'));  // full-width A
  EXPECT_EQ(FoldCodePoint(0xFF11), static_cast<uint32_t>('1'));  // full-width 1
  EXPECT_EQ(FoldCodePoint(0x201C), static_cast<uint32_t>('"'));  // “
  EXPECT_EQ(FoldCodePoint(0x2018), static_cast<uint32_t>('"'));  // ‘
  EXPECT_EQ(FoldCodePoint(0x22EF), 0x2026u);                     // ⋯ -> …
  EXPECT_EQ(FoldCodePoint(' '), 0u);
  EXPECT_EQ(FoldCodePoint(0x3000), 0u);
  EXPECT_EQ(FoldCodePoint(0xAC00), 0xAC00u);  // Hangul untouched
  EXPECT_EQ(FoldCodePoint('7'), static_cast<uint32_t>('7'));  // digits kept
}

TEST(AppendShingleCodePointsTest, DropsSpaceAndFolds) {
  std::vector<uint32_t> cps;
  AppendShingleCodePoints("A 가\n“1”", &cps);
  EXPECT_THAT(cps, ElementsAre('a', 0xAC00u, '"', '1', '"'));
}

TEST(DecodeUtf8Test, MalformedBytesNeverStall) {
  const std::string s = "\xFF\xE4\xB8";  // invalid lead, truncated sequence
  uint32_t cp;
  EXPECT_EQ(DecodeUtf8(s, 0, &cp), 1u);
  EXPECT_EQ(cp, 0xFFFDu);
  EXPECT_EQ(DecodeUtf8(s, 1, &cp), 1u);
  EXPECT_EQ(cp, 0xFFFDu);
}

TEST(NumberSketchTest, Table) {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  const Case cases[] = {
      {"1,000원", "1000원", true},              // grouping ignored
      {"１０００원", "1000원", true},            // full width
      {"2.5%", "25%", false},                   // decimal point kept
      {"끝났다 34.", "끝났다 34", true},         // sentence period dropped
      {"3가지", "7가지", true},                  // single digits are ignored
      {"2698.01에 마감", "2654.32에 마감", false},
      {"숫자 없음", "다른 글", true},            // both 0
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ComputeNumberSketch(c.a) == ComputeNumberSketch(c.b), c.same) << c.a << " vs " << c.b;
  }
  EXPECT_EQ(ComputeNumberSketch("숫자 없음").Count(), 0);
  EXPECT_EQ(ComputeNumberSketch("10 20 30").Count(), 3);
  EXPECT_EQ(ComputeNumberSketch("10 20 30").MissingFrom(ComputeNumberSketch("10 20 30 40")), 0);
  EXPECT_EQ(ComputeNumberSketch("10 20 30 40").MissingFrom(ComputeNumberSketch("10 20 30")), 1);
}

TEST(SplitBlocksTest, TrimsMarkersAndSpaces) {
  const std::string text = "  • 제목 하나\n\n제목  하나 |\n- 다른 줄\n";
  const std::vector<Block> blocks = SplitBlocks(text, 0);
  ASSERT_THAT(blocks, SizeIs(3));
  EXPECT_EQ(text.substr(blocks[0].begin, blocks[0].end - blocks[0].begin), "제목 하나");
  EXPECT_EQ(text.substr(blocks[1].begin, blocks[1].end - blocks[1].begin), "제목  하나");
  EXPECT_EQ(blocks[0].hash, blocks[1].hash);
  EXPECT_NE(blocks[0].hash, blocks[2].hash);
  EXPECT_EQ(blocks[0].code_points, 4u);
  EXPECT_EQ(blocks[0].letters, 4u);
  EXPECT_EQ(text.substr(blocks[2].begin, blocks[2].end - blocks[2].begin), "다른 줄");
}

TEST(SplitBlocksTest, CountsLetters) {
  const std::vector<Block> blocks = SplitBlocks("2026-01-27\nAI칩 3종", 0);
  ASSERT_THAT(blocks, SizeIs(2));
  EXPECT_EQ(blocks[0].letters, 0u);
  EXPECT_EQ(blocks[1].letters, 4u);
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
