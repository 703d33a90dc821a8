#include "workers/metadata/page_metadata.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace metadata {
namespace {

using ::gleaner::testing::IsOk;

// One block per line of `text`, none boilerplate unless listed.
std::vector<Block> Lines(absl::string_view text, std::vector<int> boilerplate = {}) {
  std::vector<Block> blocks;
  size_t begin = 0;
  int index = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    Block b{begin, begin + line.size(), false};
    for (int i : boilerplate) b.boilerplate |= i == index;
    blocks.push_back(b);
    begin += line.size() + 1;
    ++index;
  }
  return blocks;
}

class PageMetadataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<PageMetadataReader>> r = PageMetadataReader::Create();
    ASSERT_THAT(r.status(), IsOk());
    reader_ = std::move(*r);
  }
  PageMetadata ReadText(absl::string_view text, std::vector<int> boilerplate = {}) {
    PageInput page;
    page.raw = text;
    page.text = text;
    page.blocks = Lines(text, boilerplate);
    return reader_->Read(page);
  }
  std::unique_ptr<PageMetadataReader> reader_;
};

TEST_F(PageMetadataTest, HtmlMetadataWinsOverText) {
  const std::string html = R"(<html lang="ko-KR"><head><title>제목 | 사이트</title>
<meta property="og:title" content="오픈AI, &quot;거품&quot; 논란">
<meta property="article:published_time" content="2025-11-25T09:06:00+0900">
<meta property="og:site_name" content='테크뉴스'>
<link rel="canonical" href="https://example.com/a/1">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON 제목",
"datePublished":"2025-11-24T23:00:00Z","author":[{"@type":"Person","name":"홍길동"}],
"publisher":{"@type":"Organization","name":"예시일보"}}</script></head></html>)";
  const std::string text = "본문 첫 줄입니다 아주 길게\n박원익 기자";
  PageInput page;
  page.raw = html;
  page.text = text;
  page.blocks = Lines(text);
  page.html = true;
  const PageMetadata m = reader_->Read(page);
  EXPECT_EQ(m.title.value, "JSON 제목");
  EXPECT_EQ(m.title.source, Source::kJsonLd);
  EXPECT_EQ(m.published.value, "2025-11-24T23:00:00+00:00");
  EXPECT_EQ(m.author.value, "홍길동");
  EXPECT_EQ(m.publisher.value, "예시일보");
  EXPECT_EQ(m.canonical_url.value, "https://example.com/a/1");
  EXPECT_EQ(m.canonical_url.key, "link:canonical");
  EXPECT_EQ(m.language.value, "ko");
  EXPECT_EQ(m.language.source, Source::kHtmlMeta);
}

TEST_F(PageMetadataTest, OpenGraphAndTitleWithoutJsonLd) {
  const std::string html = R"(<head><title>페이지 제목</title>
<meta name="author" content="김기자"><meta property="og:title" content="오픈AI, &quot;거품&quot; 논란">
<meta property="article:published_time" content="2025-11-25 09:06"></head>)";
  PageInput page;
  page.raw = html;
  page.html = true;
  const PageMetadata m = reader_->Read(page);
  EXPECT_EQ(m.title.value, "오픈AI, \"거품\" 논란");
  EXPECT_EQ(m.title.key, "og:title");
  EXPECT_EQ(m.published.value, "2025-11-25T09:06:00+09:00") << "no zone: KST";
  EXPECT_EQ(m.author.value, "김기자");
}

// Text conventions, one row per page.
struct TextCase {
  const char* text;
  const char* title;
  const char* published;
  const char* author;
  const char* publisher;
  const char* volume;
};

TEST_F(PageMetadataTest, TextConventions) {
  const TextCase cases[] = {
      {"2025. 12. 19. | Vol. 25-47 | 구독하기 |\n트럼프의 행정명령 정리\n본문입니다.", "트럼프의 행정명령 정리",
       "2025-12-19", "", "", "25-47"},
      {"2025.03.02 | No. 112\n주간 뉴스레터 제목\n본문", "주간 뉴스레터 제목", "2025-03-02", "", "", "112"},
      {"오픈AI 거품 붕괴 시작점 되나 작성일 02-01 9 목록\n본문이다.", "오픈AI 거품 붕괴 시작점 되나", "--02-01", "",
       "", ""},
      {"제목이 여기에 있습니다\n입력 2025.11.25 09:06 수정 2025.11.26 10:00\n본문", "제목이 여기에 있습니다",
       "2025-11-25T09:06:00+09:00", "", "", ""},
      {"제목이 여기에 있습니다\n수정 2025.11.26\n본문", "제목이 여기에 있습니다", "2025-11-26", "", "", ""},
      {"헤드라인 하나 둘 셋\n기자들과 만나 말했다.\n박원익 기자 wook@example.com", "헤드라인 하나 둘 셋", "",
       "박원익", "", ""},
      {"헤드라인 하나 둘 셋\n(서울=연합뉴스) 홍길동 특파원 = 본문", "헤드라인 하나 둘 셋", "", "홍길동", "", ""},
      {"헤드라인 하나 둘 셋\n본문\nCopyright © 디지털타임스. 무단전재 금지", "헤드라인 하나 둘 셋", "", "",
       "디지털타임스", ""},
      {"헤드라인 하나 둘 셋\nⓒ 2025 더밀크 All rights reserved", "헤드라인 하나 둘 셋", "", "", "더밀크", ""},
      {"짧음\n본문이 바로 시작되는데 아주 길어서 제목일 수 없는 문장입니다. 본문이 바로 시작되는데 아주 길어서 "
       "제목일 수 없는 문장입니다. 본문이 바로 시작되는데 아주 길어서 제목일 수 없는 문장입니다. 본문이 바로 "
       "시작되는데 아주 길어서 제목일 수 없는 문장입니다.",
       "", "", "", "", ""},
  };
  for (const TextCase& c : cases) {
    const PageMetadata m = ReadText(c.text);
    EXPECT_EQ(m.title.value, c.title) << c.text;
    EXPECT_EQ(m.published.value, c.published) << c.text;
    EXPECT_EQ(m.author.value, c.author) << c.text;
    EXPECT_EQ(m.publisher.value, c.publisher) << c.text;
    EXPECT_EQ(m.volume.value, c.volume) << c.text;
  }
}

TEST_F(PageMetadataTest, EvidenceOffsetsPointIntoTheText) {
  const std::string text = "2025. 12. 19. | Vol. 25-47 |\n제목이 여기에 있습니다";
  const PageMetadata m = ReadText(text);
  EXPECT_EQ(text.substr(m.published.begin, m.published.end - m.published.begin), "2025. 12. 19.");
  EXPECT_EQ(text.substr(m.volume.begin, m.volume.end - m.volume.begin), "25-47");
  EXPECT_EQ(m.published.source, Source::kText);
}

TEST_F(PageMetadataTest, YearOfAMonthDayFromUrlsOrClient) {
  const std::string text = "제목이 여기에 있습니다 작성일 02-01\n본문";
  PageInput page;
  page.text = text;
  page.blocks = Lines(text);
  const std::string raw = text + " <img src=\"https://cdn.example/news/202602/01/a.png\">";
  page.raw = raw;
  EXPECT_EQ(reader_->Read(page).published.value, "2026-02-01");
  page.raw = text;
  page.client["reference_date"] = "2025-02-03";
  const PageMetadata m = reader_->Read(page);
  EXPECT_EQ(m.published.value, "2025-02-01");
  EXPECT_EQ(m.published.key, "date_label+reference_date");
}

TEST_F(PageMetadataTest, ClientValuesFillWhatThePageLacks) {
  PageInput page;
  const std::string text = "Short English text about markets and chips today\nMore English text.";
  page.text = text;
  page.raw = text;
  page.blocks = Lines(text);
  page.source = "https://example.com/x";
  page.client["published"] = "2025-01-02";
  const PageMetadata m = reader_->Read(page);
  EXPECT_EQ(m.published.value, "2025-01-02");
  EXPECT_EQ(m.published.source, Source::kClient);
  EXPECT_EQ(m.canonical_url.value, "https://example.com/x");
  EXPECT_EQ(m.language.value, "en");
  EXPECT_EQ(m.language.source, Source::kInferred);
}

TEST(PublicationValue, DaysTimesAndMissingYears) {
  extract::dates::DateExpression e;
  e.grain = extract::dates::Grain::kTime;
  e.fields.year = 2025;
  e.fields.month = 11;
  e.fields.day = 25;
  e.fields.hour = 9;
  e.fields.minute = 6;
  EXPECT_EQ(PublicationValue(e), "2025-11-25T09:06:00+09:00");
  e.utc_offset = "-07:00";
  EXPECT_EQ(PublicationValue(e), "2025-11-25T09:06:00-07:00");
  e.grain = extract::dates::Grain::kDay;
  EXPECT_EQ(PublicationValue(e), "2025-11-25");
  e.fields.year = 0;
  EXPECT_EQ(PublicationValue(e), "--11-25");
  EXPECT_EQ(PublicationValue(e, 2024), "2024-11-25");
  e.grain = extract::dates::Grain::kMonth;
  EXPECT_EQ(PublicationValue(e), "");
}

}  // namespace
}  // namespace metadata
}  // namespace workers
}  // namespace gleaner
