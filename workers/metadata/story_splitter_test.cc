#include "workers/metadata/story_splitter.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace metadata {
namespace {

using ::gleaner::testing::IsOk;

// One block per line; lines starting with `!` are boilerplate (the `!` is
// dropped).
struct Page {
  std::string text;
  std::vector<Block> blocks;
};

Page Make(const std::vector<std::string>& lines) {
  Page page;
  for (const std::string& line : lines) {
    const bool chrome = !line.empty() && line[0] == '!';
    const std::string body = chrome ? line.substr(1) : line;
    page.blocks.push_back({page.text.size(), page.text.size() + body.size(), chrome});
    page.text += body + "\n";
  }
  return page;
}

class StorySplitterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<extract::dates::DateExtractor>> x =
        extract::dates::DateExtractor::Create();
    ASSERT_THAT(x.status(), IsOk());
    dates_ = std::move(*x);
  }
  std::vector<StoryItem> Split(const Page& page) {
    return SplitStories(page.text, page.blocks, *dates_);
  }
  std::unique_ptr<extract::dates::DateExtractor> dates_;
};

TEST_F(StorySplitterTest, HeadlinePrintedTwiceWithCategoryAndDateLine) {
  const Page page = Make({"!검색", "반도체 수출 두 달 연속 증가", "- 반도체 수출이 두 달 연속 늘었다는 발표가 나왔다.",
                          "!- 경제", "!연합뉴스 | 2025.11.25", "반도체 수출 두 달 연속 증가",
                          "배터리 업계 감산 돌입 소식", "- 배터리 업계가 감산에 들어간다고 밝혔다 오늘.", "!- 산업",
                          "배터리 업계 감산 돌입 소식", "!위로"});
  const std::vector<StoryItem> items = Split(page);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].title, "반도체 수출 두 달 연속 증가");
  EXPECT_EQ(page.text.substr(items[0].teaser_begin, items[0].teaser_end - items[0].teaser_begin),
            "반도체 수출이 두 달 연속 늘었다는 발표가 나왔다.");
  EXPECT_EQ(items[0].category, "경제");
  EXPECT_EQ(items[0].source, "연합뉴스");
  EXPECT_EQ(items[0].published, "2025-11-25");
  EXPECT_EQ(items[1].category, "산업");
  EXPECT_EQ(items[1].end, page.blocks[9].end) << "the page's `위로` is not in the item";
}

TEST_F(StorySplitterTest, RecentSearchesAndRepeatedChromeAreNoItems) {
  const Page page = Make({"최근검색어", "• 엔비디아", "2026-01-27", "검색기록 지우기", "• 일상생활", "2026-01-27",
                          "검색기록 지우기", "• 동대문구", "2026-01-27", "검색기록 지우기",
                          "• 첫 번째 검색 결과 제목입니다", "", "첫 번째 검색 결과 제목입니다", "",
                          "첫 번째 결과의 본문이 여기에 길게 이어진다.", "• 두 번째 검색 결과 제목입니다", "",
                          "두 번째 검색 결과 제목입니다", "", "두 번째 결과의 본문이 여기에 길게 이어진다."});
  const std::vector<StoryItem> items = Split(page);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].title, "첫 번째 검색 결과 제목입니다");
  EXPECT_EQ(page.text.substr(items[1].teaser_begin, items[1].teaser_end - items[1].teaser_begin),
            "두 번째 결과의 본문이 여기에 길게 이어진다.");
  EXPECT_GT(items[0].begin, page.text.find("검색기록 지우기"));
}

TEST_F(StorySplitterTest, TeasersFollowedByDatelines) {
  const std::string teaser(120, 'x');
  const Page page = Make({"!Tags", teaser, "박원익 2025.11.25 09:06 PDT", teaser + "y", "크리스 정 2025.11.19 14:57 PDT"});
  const std::vector<StoryItem> items = Split(page);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].source, "박원익");
  EXPECT_EQ(items[0].published, "2025-11-25T09:06:00-07:00");
  EXPECT_EQ(items[1].source, "크리스 정");
  EXPECT_EQ(items[0].teaser_begin, page.blocks[1].begin);
  EXPECT_TRUE(items[0].title.empty());
}

TEST_F(StorySplitterTest, OneArticleIsNoListing) {
  const Page page = Make({"오픈AI 거품 붕괴 시작점 되나", "본문 첫 문단이다. 엔비디아와의 파트너십이 흔들린다.",
                          "본문 둘째 문단이다.", "김영욱 기자 wook95@dt.co.kr", "!Copyright © 디지털타임스."});
  EXPECT_TRUE(Split(page).empty());
  PageMetadata meta;
  meta.title = {"오픈AI 거품 붕괴 시작점 되나", Source::kText, "first_line", page.blocks[0].begin,
                page.blocks[0].end};
  meta.published = {"2026-02-01", Source::kText, "date_label", 0, 0};
  const StoryItem story = WholePageStory(page.text, page.blocks, meta);
  EXPECT_EQ(story.begin, 0u);
  EXPECT_EQ(story.end, page.blocks[3].end) << "the copyright line is chrome";
  EXPECT_EQ(story.teaser_begin, page.blocks[1].begin);
  EXPECT_EQ(story.title, "오픈AI 거품 붕괴 시작점 되나");
  EXPECT_EQ(story.published, "2026-02-01");
}

TEST_F(StorySplitterTest, OneDatelineIsNoListing) {
  const Page page = Make({std::string(120, 'x'), "박원익 2025.11.25 09:06 PDT"});
  EXPECT_TRUE(Split(page).empty());
}

}  // namespace
}  // namespace metadata
}  // namespace workers
}  // namespace gleaner
