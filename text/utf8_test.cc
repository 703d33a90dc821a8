#include "text/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace gleaner {
namespace text {
namespace {

TEST(AppendUtf8, EncodesEveryLength) {
  struct Case {
    char32_t cp;
    std::string utf8;
  };
  for (const Case& c : {Case{U'A', "A"}, Case{0xE9, "\xC3\xA9"},
                        Case{0xAC00, "\xEA\xB0\x80"},  // 가
                        Case{0x1F914, "\xF0\x9F\xA4\x94"}}) {  // 🤔
    std::string out = "x";
    AppendUtf8(c.cp, &out);
    EXPECT_EQ(out, "x" + c.utf8) << static_cast<uint32_t>(c.cp);
  }
}

TEST(DecodeUtf8Checked, AcceptsWellFormedAndRejectsTheRest) {
  struct Case {
    const char* name;
    std::string bytes;
    size_t len;    // 0: ill-formed
    char32_t cp;   // U+FFFD when ill-formed
  };
  const Case kCases[] = {
      {"Ascii", "A", 1, U'A'},
      {"Nul", std::string("\0", 1), 1, 0},
      {"TwoBytes", "\xC3\xA9", 2, 0xE9},
      {"Hangul", "\xEA\xB0\x80", 3, 0xAC00},
      {"LastHangul", "\xED\x9E\xA3", 3, 0xD7A3},
      {"FourBytes", "\xF0\x9F\xA4\x94", 4, 0x1F914},
      {"MaxCodePoint", "\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
      {"StrayContinuation", "\x80", 0, 0xFFFD},
      {"OverlongTwo", "\xC0\xAF", 0, 0xFFFD},
      {"OverlongThree", "\xE0\x80\xAF", 0, 0xFFFD},
      {"OverlongFour", "\xF0\x80\x80\xAF", 0, 0xFFFD},
      {"Surrogate", "\xED\xA0\x80", 0, 0xFFFD},
      {"AboveMax", "\xF4\x90\x80\x80", 0, 0xFFFD},
      {"BadLead", "\xFF", 0, 0xFFFD},
      {"Truncated", "\xEA\xB0", 0, 0xFFFD},
      {"BrokenContinuation", "\xEA\x41\x80", 0, 0xFFFD},
  };
  for (const Case& c : kCases) {
    char32_t cp = 0;
    EXPECT_EQ(DecodeUtf8Checked(c.bytes, 0, &cp), c.len) << c.name;
    EXPECT_EQ(cp, c.cp) << c.name;
    // The lenient decoder advances one byte over anything ill-formed.
    EXPECT_EQ(DecodeUtf8(c.bytes, 0, &cp), c.len == 0 ? 1 : c.len) << c.name;
  }
}

TEST(DecodeUtf8Checked, InlinePathAgreesWithTheFullCheck) {
  // Every three-byte lead with every pair of following bytes, and every
  // truncation of it: the inlined fast path must answer exactly as the
  // full check of table 3-7 does.
  for (int lead = 0xC0; lead <= 0xFF; ++lead) {
    for (int b1 = 0; b1 < 256; ++b1) {
      for (int b2 = 0; b2 < 256; ++b2) {
        const char bytes[3] = {static_cast<char>(lead), static_cast<char>(b1),
                               static_cast<char>(b2)};
        for (size_t size = 1; size <= 3; ++size) {
          const absl::string_view s(bytes, size);
          char32_t fast = 0, full = 0;
          const size_t fast_len = DecodeUtf8Checked(s, 0, &fast);
          const size_t full_len = DecodeUtf8CheckedSlow(s, 0, &full);
          if (fast_len != full_len || fast != full) {
            FAIL() << "differs at " << lead << " " << b1 << " " << b2 << " size "
                   << size;
          }
        }
      }
    }
  }
}

TEST(DecodeUtf8Before, FindsTheStartOfThePreviousCharacter) {
  const std::string s = "a가\xF0\x9F\xA4\x94";  // a, 가 (3 bytes), 🤔 (4)
  char32_t cp;
  EXPECT_EQ(DecodeUtf8Before(s, 1, &cp), 0u);
  EXPECT_EQ(cp, U'a');
  EXPECT_EQ(DecodeUtf8Before(s, 4, &cp), 1u);
  EXPECT_EQ(cp, 0xAC00u);
  EXPECT_EQ(DecodeUtf8Before(s, 8, &cp), 4u);
  EXPECT_EQ(cp, 0x1F914u);
  // Ending inside a character: the last byte alone, as U+FFFD.
  EXPECT_EQ(DecodeUtf8Before(s, 3, &cp), 2u);
  EXPECT_EQ(cp, 0xFFFDu);
}

TEST(Utf8Boundary, NeverCutsACharacter) {
  const std::string s = "가나";  // bytes 0..5
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 0), 0u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 2), 0u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 3), 3u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 5), 3u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 99), 6u);
}

TEST(Utf8Validity, CountsAndValidates) {
  EXPECT_TRUE(IsValidUtf8("가나 abc 🤔"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_FALSE(IsValidUtf8("가\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xEA\xB0"));
  EXPECT_EQ(CountCodePoints("가나 abc 🤔"), 8u);
}

}  // namespace
}  // namespace text
}  // namespace gleaner
