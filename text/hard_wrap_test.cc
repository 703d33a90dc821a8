#include "text/hard_wrap.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "text/utf8.h"

namespace gleaner {
namespace text {
namespace {

// Wraps `paragraph` the way a wire feed does: a break after `width`
// display columns (Hangul two, ASCII one), inside words; a space that falls
// at the break stays as the line's trailing space.
std::string WireWrap(absl::string_view paragraph, size_t width,
                     absl::string_view eol = "\r\n") {
  std::string out;
  size_t columns = 0;
  for (size_t i = 0; i < paragraph.size();) {
    char32_t cp;
    const size_t len = DecodeUtf8(paragraph, i, &cp);
    const size_t w = cp < 0x80 ? 1 : 2;
    if (columns + w > width && cp != ' ') {
      out.append(eol.data(), eol.size());
      columns = 0;
    }
    out.append(paragraph.data() + i, len);
    columns += w;
    i += len;
  }
  return out;
}

// Returns `text` with the breaks FindHardWrapBreaks finds deleted.
std::string Unwrap(absl::string_view text) {
  std::string out;
  size_t copied = 0;
  for (const LineBreak& b : FindHardWrapBreaks(text)) {
    EXPECT_LT(copied, b.begin + 1);
    out.append(text.data() + copied, b.begin - copied);
    copied = b.end;
  }
  out.append(text.data() + copied, text.size() - copied);
  return out;
}

// Hand-written news paragraphs (not from any corpus).
const char kParagraph1[] =
    "(서울=연합뉴스) 김민수 기자 = 서울 구로구 만민중앙교회에서 신도 12명이 잇따라 "
    "확진 판정을 받아 방역 당국이 교회 건물을 폐쇄하고 접촉자를 조사하고 있다고 "
    "서울시가 3일 밝혔다. 시는 지난달 말 예배에 참석한 신도 1천200여명에게 검사를 "
    "받으라고 안내했다.";
const char kParagraph2[] =
    "통계청에 따르면 지난해 가구당 평균 소득은 1천942만원으로 전년보다 4.1% 늘었지만 "
    "물가 상승분을 빼면 실질 소득은 사실상 제자리걸음이었다. 정부는 하반기 중 저소득층 "
    "지원 대책을 내놓기로 하고 관계 부처 협의를 시작했다고 기획재정부 관계자가 전했다.";
const char kParagraph3[] =
    "한편 이날 회의에서는 지하에서 발견된 유물의 처리를 두고 의견이 엇갈렸으며, 문화재청은 "
    "관련 자료를 넘겨받아 정밀 조사를 벌인 뒤 다음 달 결과를 발표할 계획이다.";

TEST(HardWrap, UnwrapsWireFeedExactly) {
  struct Case {
    const char* name;
    size_t width;
    const char* eol;
  };
  const Case kCases[] = {
      {"Width80CrLf", 80, "\r\n"},
      {"Width80Lf", 80, "\n"},
      {"Width76", 76, "\r\n"},
      {"Width64", 64, "\n"},
  };
  for (const Case& c : kCases) {
    // Paragraphs are indented, as wire items are, so their breaks stay.
    const std::vector<std::string> paragraphs = {
        std::string("  ") + kParagraph1, std::string("  ") + kParagraph2,
        std::string("  ") + kParagraph3};
    std::vector<std::string> wrapped;
    for (const std::string& p : paragraphs) {
      wrapped.push_back(WireWrap(p, c.width, c.eol));
    }
    const std::string input = absl::StrJoin(wrapped, c.eol);
    const std::string expected = absl::StrJoin(paragraphs, c.eol);
    EXPECT_EQ(DetectHardWrap(input).width, c.width) << c.name;
    EXPECT_EQ(Unwrap(input), expected) << c.name;
  }
}

// Returns `paragraph` wrapped at 80 columns after the shortest indent that
// puts a break right after `before` (inside a word), or "" if none does.
std::string WrapBreakingAfter(absl::string_view paragraph,
                              absl::string_view before) {
  for (size_t indent = 0; indent < 80; ++indent) {
    std::string wrapped =
        WireWrap(std::string(indent, ' ') + std::string(paragraph), 80);
    if (wrapped.find(std::string(before) + "\r\n") != std::string::npos) {
      return wrapped;
    }
  }
  return "";
}

TEST(HardWrap, KeepsWordsAndAmountsWhole) {
  // One row per break the issue names: the wire feed breaks right after
  // `before`, inside a word or an amount, and unwrapping must give `whole`.
  struct Case {
    const char* paragraph;
    const char* before;
    const char* whole;
  };
  const Case kCases[] = {
      {kParagraph1, "만민중앙", "만민중앙교회에서"},
      {kParagraph2, "소득은 1", "소득은 1천942만원으로"},
      {kParagraph3, "지", "지하에서"},
      {kParagraph3, "넘", "넘겨받아"},
  };
  for (const Case& c : kCases) {
    const std::string item = WrapBreakingAfter(c.paragraph, c.before);
    ASSERT_FALSE(item.empty()) << c.before;
    // Two more wrapped items make the fixed width evident.
    const std::string input = item + "\r\n\r\n" +
                              WireWrap(kParagraph1, 80) + "\r\n\r\n" +
                              WireWrap(kParagraph2, 80);
    const std::string out = Unwrap(input);
    EXPECT_NE(out.find(c.whole), std::string::npos) << c.before << "\n" << out;
    // The blank lines between the items stay.
    const std::vector<std::string> items = absl::StrSplit(out, "\r\n\r\n");
    EXPECT_EQ(items.size(), 3u) << c.before;
  }
}

TEST(HardWrap, CharacterCountWrapping) {
  // Wrapped every 30 characters, whatever their width.
  std::string input;
  for (const char* p : {kParagraph1, kParagraph2}) {
    std::vector<std::string> lines;
    std::string line;
    size_t n = 0;
    for (size_t i = 0; p[i] != '\0';) {
      char32_t cp;
      const size_t len = DecodeUtf8(p, i, &cp);
      if (n >= 30 && cp != ' ') {
        lines.push_back(line);
        line.clear();
        n = 0;
      }
      line.append(p + i, len);
      ++n;
      i += len;
    }
    lines.push_back(line);
    if (!input.empty()) input += "\n\n";
    input += absl::StrJoin(lines, "\n");
  }
  const HardWrap wrap = DetectHardWrap(input);
  EXPECT_FALSE(wrap.columns);
  EXPECT_EQ(wrap.width, 30u);
  EXPECT_EQ(Unwrap(input),
            std::string(kParagraph1) + "\n\n" + std::string(kParagraph2));
}

// Texts that are not hard-wrapped come back with every break.
TEST(HardWrap, LeavesOrdinaryLineBreaks) {
  struct Case {
    const char* name;
    std::string text;
  };
  const Case kCases[] = {
      {"OneLinePerParagraph",
       std::string(kParagraph1) + "\n" + kParagraph2 + "\n" + kParagraph3},
      {"ShortLines", "제목\n부제목\n\n본문 첫 줄.\n둘째 줄.\n"},
      {"TwoLinesOnly", "서울 구로구 만민중앙\r\n교회"},
      {"Verse",  // equal short lines: too narrow to be wrapping
       "동해 물과 백두산이 마르고\n하느님이 보우하사 우리\n나라 만세 무궁화 삼천리\n"
       "화려 강산 대한 사람 대한\n"},
      {"Table",  // fixed-width rows are a layout, not wrapping
       "| 구분       | 2024년      | 2025년      | 증감률       |\n"
       "| 매출액     | 1천942억원  | 2천100억원  | 8.1%         |\n"
       "| 영업이익   | 120억원     | 150억원     | 25.0%        |\n"
       "| 순이익     | 90억원      | 101억원     | 12.2%        |\n"},
      {"Empty", ""},
      {"NoNewline", kParagraph1},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(DetectHardWrap(c.text).width == 0 ||
                  FindHardWrapBreaks(c.text).empty(),
              true)
        << c.name;
    EXPECT_EQ(Unwrap(c.text), c.text) << c.name;
  }
}

TEST(HardWrap, ListItemsAndIndentsStartParagraphs) {
  // Full-width lines followed by an item marker or an indent keep the break.
  std::string input = WireWrap(kParagraph1, 80);
  input += "\n" + WireWrap(std::string("▲ ") + kParagraph2, 80, "\n");
  input += "\n" + WireWrap(std::string("   ") + kParagraph3, 80, "\n");
  const std::string out = Unwrap(input);
  EXPECT_NE(out.find("\n▲ 통계청"), std::string::npos) << out;
  EXPECT_NE(out.find("\n   한편"), std::string::npos) << out;
}

}  // namespace
}  // namespace text
}  // namespace gleaner
