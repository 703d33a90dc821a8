#include "text/char_class.h"

#include <cstdint>

#include "gtest/gtest.h"

namespace gleaner {
namespace text {
namespace {

// One row per code point: which classes it belongs to.
struct Row {
  char32_t cp;
  bool syllable, jamo, han, kana, latin, space;
};

TEST(CharClass, Table) {
  const Row kRows[] = {
      // cp      syll   jamo   han    kana   latin  space
      {U'가',    true,  false, false, false, false, false},
      {U'힣',    true,  false, false, false, false, false},
      {0xD7A4,   false, false, false, false, false, false},  // past 힣
      {U'ㄱ',    false, true,  false, false, false, false},  // compatibility
      {0x1100,   false, true,  false, false, false, false},  // conjoining ᄀ
      {U'韓',    false, false, true,  false, false, false},
      {0xF900,   false, false, true,  false, false, false},  // compatibility
      {U'の',    false, false, false, true,  false, false},
      {U'A',     false, false, false, false, true,  false},
      {U'é',     false, false, false, false, true,  false},
      {0xD7,     false, false, false, false, false, false},  // ×
      {U' ',     false, false, false, false, false, true},
      {U'\n',    false, false, false, false, false, true},
      {0xA0,     false, false, false, false, false, true},   // NBSP
      {0x200B,   false, false, false, false, false, true},   // ZWSP
      {0x3000,   false, false, false, false, false, true},   // ideographic
      {0xFEFF,   false, false, false, false, false, true},   // BOM
      {U'1',     false, false, false, false, false, false},
  };
  for (const Row& r : kRows) {
    const auto id = static_cast<uint32_t>(r.cp);
    EXPECT_EQ(IsHangulSyllable(r.cp), r.syllable) << id;
    EXPECT_EQ(IsHangulJamo(r.cp), r.jamo) << id;
    EXPECT_EQ(IsHangulLetter(r.cp), r.syllable || r.jamo) << id;
    EXPECT_EQ(IsHanIdeograph(r.cp), r.han) << id;
    EXPECT_EQ(IsKana(r.cp), r.kana) << id;
    EXPECT_EQ(IsLatinLetter(r.cp), r.latin) << id;
    EXPECT_EQ(IsUnicodeSpace(r.cp), r.space) << id;
  }
}

TEST(CharClass, Ascii) {
  EXPECT_TRUE(IsAsciiDigit('7'));
  EXPECT_FALSE(IsAsciiDigit(0xFF17));  // fullwidth 7
  EXPECT_TRUE(IsAsciiAlnum('z'));
  EXPECT_TRUE(IsAsciiUpper('Q'));
  EXPECT_FALSE(IsAsciiLower('Q'));
  EXPECT_TRUE(IsAsciiSpace('\v'));
  EXPECT_FALSE(IsAsciiSpace(0xA0));
}

}  // namespace
}  // namespace text
}  // namespace gleaner
