// The five seed pages of testdata/corpus through the cleaner and the
// metadata pass. Item counts were taken by hand from the pages: 001 prints
// 20 headlines (each twice, with a teaser and a category), 002 prints 20
// results (each headline twice, then the article text) after a box of 5
// recent searches, 000 prints 10 teasers each followed by an author and a
// date-time.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/common/status_matchers.h"
#include "workers/metadata/metadata_pass.h"
#include "text/text_cleaner.h"

namespace gleaner {
namespace workers {
namespace metadata {
namespace {

using ::gleaner::testing::IsOk;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class MetadataCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<PageMetadataReader>> r = PageMetadataReader::Create();
    ASSERT_THAT(r.status(), IsOk());
    reader_ = r->release();
  }

  // Cleans testdata/corpus/<name> and runs the pass on it.
  v1::DocumentResult Run(const std::string& name) {
    std::ifstream in("testdata/corpus/" + name, std::ios::binary);
    std::stringstream raw;
    raw << in.rdbuf();
    v1::RawDocument doc;
    doc.set_content(raw.str());
    doc.set_source(name);
    v1::DocumentResult result;
    result.set_source(name);
    absl::StatusOr<text::CleanedText> cleaned =
        text::CleanDocument(doc.content(), text::CleanOptions{});
    EXPECT_THAT(cleaned.status(), IsOk());
    if (!cleaned.ok()) return result;
    result.set_content_type(cleaned->content_type == text::ContentType::kHtml
                                ? v1::CONTENT_TYPE_HTML
                                : v1::CONTENT_TYPE_PLAIN_TEXT);
    for (const text::TextBlock& b : cleaned->blocks) {
      v1::TextBlock* out = result.add_blocks();
      out->set_begin(b.begin);
      out->set_end(b.end);
      out->set_boilerplate(b.boilerplate);
    }
    result.set_text(cleaned->text);
    FillPageAndStories(*reader_, doc.content(), &result);
    return result;
  }

  static std::string Teaser(const v1::DocumentResult& r, const v1::Story& s) {
    return r.text().substr(s.teaser_begin(), s.teaser_end() - s.teaser_begin());
  }

  static std::string Span(const v1::DocumentResult& r, uint32_t begin, uint32_t end) {
    return r.text().substr(begin, end - begin);
  }

  static PageMetadataReader* reader_;
};

PageMetadataReader* MetadataCorpusTest::reader_ = nullptr;

// Every item has its headline (printed twice on the page) and a teaser.
void ExpectHeadlinesAndTeasers(const v1::DocumentResult& r) {
  for (const v1::Story& s : r.stories()) {
    EXPECT_FALSE(s.title().empty());
    EXPECT_EQ(r.text().substr(s.title_begin(), s.title_end() - s.title_begin()), s.title());
    EXPECT_GT(s.teaser_end(), s.teaser_begin()) << s.title();
    EXPECT_NE(r.text().find(s.title(), s.title_end()), std::string::npos) << s.title();
    EXPECT_LE(s.begin(), s.title_begin());
    EXPECT_GE(s.end(), s.teaser_end());
  }
  for (int i = 1; i < r.stories_size(); ++i) {
    EXPECT_LE(r.stories(i - 1).end(), r.stories(i).begin()) << "items overlap";
  }
}

TEST_F(MetadataCorpusTest, NewsListingHasTwentyItemsWithCategories) {
  const v1::DocumentResult r = Run("001_ed974366ffe0647b.txt");
  ASSERT_EQ(r.stories_size(), 20);
  ExpectHeadlinesAndTeasers(r);
  EXPECT_EQ(r.stories(0).title(), "엔비디아, 개방형 AI모델·관리도구 공개⋯GPU 고객 '묶어두기'");
  EXPECT_THAT(Teaser(r, r.stories(0)), StartsWith("세계 최대 인공지능(AI) 칩 개발사 엔비디아가"));
  EXPECT_EQ(r.stories(0).category(), "IT/바이오");
  EXPECT_EQ(r.stories(2).category(), "경제");
  EXPECT_EQ(r.stories(19).title(), "[글로벌 핫이슈] 美서 찍어낸 엔비디아 칩⋯'반도체 독립' 첫발 뗐다");
  EXPECT_THAT(Teaser(r, r.stories(19)), StartsWith("세계 1위 파운드리(반도체 위탁생산) 기업인"));
  EXPECT_FALSE(r.page().has_title()) << "a listing's first line is an item's headline";
}

TEST_F(MetadataCorpusTest, SearchPageHasTwentyResultsAndNoRecentSearches) {
  const v1::DocumentResult r = Run("002_90ade3c7bf9ed024.txt");
  ASSERT_EQ(r.stories_size(), 20);
  ExpectHeadlinesAndTeasers(r);
  EXPECT_THAT(r.stories(0).title(), StartsWith("“반도체 업의 본질은 ‘사람’…"));
  EXPECT_THAT(Teaser(r, r.stories(0)), StartsWith("엔지니어 氣 살아야 반도체 산다"));
  EXPECT_THAT(r.stories(19).title(), StartsWith("AI ‘냉정과 열정 사이’…엔비디아는"));
  EXPECT_THAT(Teaser(r, r.stories(19)), StartsWith("기업들은 급변하는 시장 상황과"));
  // The recent-searches box (엔비디아, 일상생활, ... with dates) comes first
  // on the page and holds no item.
  const size_t box_end = r.text().find("전체삭제");
  ASSERT_NE(box_end, std::string::npos);
  EXPECT_GT(r.stories(0).begin(), box_end);
  for (const v1::Story& s : r.stories()) EXPECT_TRUE(s.category().empty()) << s.category();
}

TEST_F(MetadataCorpusTest, TagPageHasTenDatedTeasers) {
  const v1::DocumentResult r = Run("000_558032e73f612481.txt");
  ASSERT_EQ(r.stories_size(), 10);
  EXPECT_EQ(r.stories(0).source(), "박원익");
  EXPECT_EQ(r.stories(0).published(), "2025-11-25T09:06:00-07:00");
  EXPECT_EQ(r.stories(2).source(), "크리스 정");
  EXPECT_EQ(r.stories(9).published(), "2025-09-16T09:11:00-07:00");
  for (const v1::Story& s : r.stories()) EXPECT_GT(s.teaser_end() - s.teaser_begin(), 100u);
}

TEST_F(MetadataCorpusTest, HtmlArticleTitleDateBylinePublisher) {
  const v1::DocumentResult r = Run("003_b33c1ca5114b02ac.txt");
  const v1::PageMetadata& page = r.page();
  EXPECT_EQ(page.title().value(), "AI 혁명 주역 오픈AI, 거품 붕괴 시작점 되나");
  EXPECT_EQ(page.title().source(), v1::METADATA_SOURCE_TEXT);
  // `작성일 02-01`, the year from the page's image URLs (.../202602/01/...).
  EXPECT_EQ(page.published().value(), "2026-02-01");
  EXPECT_EQ(page.published().key(), "date_label+url_date");
  EXPECT_EQ(Span(r, page.published().begin(), page.published().end()), "작성일 02-01");
  EXPECT_EQ(page.author().value(), "김영욱");
  EXPECT_EQ(page.publisher().value(), "디지털타임스");
  EXPECT_EQ(page.language().value(), "ko");
  ASSERT_EQ(r.stories_size(), 1);
  EXPECT_EQ(r.stories(0).title(), page.title().value());
  EXPECT_EQ(r.stories(0).published(), "2026-02-01");
  EXPECT_THAT(Teaser(r, r.stories(0)), HasSubstr("오픈AI와 엔비디아의 파트너십이"));
}

TEST_F(MetadataCorpusTest, NewsletterDateAndVolume) {
  const v1::DocumentResult r = Run("004_8c21c6bb0ee99562.txt");
  const v1::PageMetadata& page = r.page();
  EXPECT_EQ(page.published().value(), "2025-12-19");
  EXPECT_EQ(page.published().key(), "newsletter_header");
  EXPECT_EQ(page.volume().value(), "25-47");
  EXPECT_EQ(Span(r, page.volume().begin(), page.volume().end()), "25-47");
  EXPECT_EQ(page.title().value(), "트럼프의 'AI One Rule' : \"주정부는 빠져라\"");
  ASSERT_EQ(r.stories_size(), 1);
  EXPECT_EQ(r.stories(0).published(), "2025-12-19");
}

}  // namespace
}  // namespace metadata
}  // namespace workers
}  // namespace gleaner
