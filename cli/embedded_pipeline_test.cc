// End to end through the embedded pipeline: the promise of document.proto
// that every offset of a result points into its own `text`, on UTF-8
// boundaries, for the corpus and hostile inputs; and exact duplicates that
// come back with their own text.
#include "cli/embedded_pipeline.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "cli/pipeline_test_documents.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace cli {
namespace {

bool IsBoundary(absl::string_view text, size_t offset) {
  return offset == text.size() ||
         (offset < text.size() &&
          (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

bool IsValidUtf8(absl::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += n;
  }
  return true;
}

// Checks every offset of `result`; `raw_size` bounds the source offsets.
void ExpectOffsetsInsideText(const v1::DocumentResult& result,
                             size_t raw_size) {
  const std::string& text = result.text();
  SCOPED_TRACE(result.id());
  EXPECT_TRUE(IsValidUtf8(text));
  auto span = [&](const char* what, size_t begin, size_t end) {
    EXPECT_LE(begin, end) << what;
    EXPECT_LE(end, text.size()) << what;
    EXPECT_TRUE(IsBoundary(text, begin)) << what << " begin " << begin;
    EXPECT_TRUE(IsBoundary(text, end)) << what << " end " << end;
  };
  for (const v1::TextBlock& b : result.blocks()) {
    span("block", b.begin(), b.end());
    EXPECT_LE(b.source_begin(), b.source_end());
    EXPECT_LE(b.source_end(), raw_size);
  }
  for (const v1::SentenceSpan& s : result.sentences()) {
    span("sentence", s.begin(), s.end());
  }
  for (const v1::Entity& e : result.entities()) {
    span("entity", e.begin(), e.end());
    if (e.end() <= text.size() && e.begin() <= e.end()) {
      EXPECT_EQ(text.substr(e.begin(), e.end() - e.begin()), e.text());
    }
  }
  for (const v1::Amount& a : result.amounts()) {
    span("amount", a.begin(), a.end());
    if (a.end() <= text.size() && a.begin() <= a.end()) {
      EXPECT_EQ(text.substr(a.begin(), a.end() - a.begin()), a.text());
    }
    if (a.has_range_partner()) {
      EXPECT_LT(a.range_partner(), result.amounts_size());
    }
    if (a.has_conversion_of()) {
      EXPECT_LT(a.conversion_of(), result.amounts_size());
    }
  }
  for (const v1::RepeatedBlock& r : result.duplicate().repeated_blocks()) {
    span("repeated block", r.begin(), r.end());
    if (!r.cross_document()) {
      span("first copy", r.first_begin(), r.first_begin());
    }
  }
}

class EmbeddedPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = CorpusDocuments();
    ASSERT_EQ(corpus_.size(), 5u) << "testdata/corpus not in the runfiles";
    documents_ = corpus_;
    for (v1::RawDocument& hostile : HostileDocuments(corpus_)) {
      documents_.push_back(std::move(hostile));
    }
    results_ = RunEmbedded(documents_);
    ASSERT_EQ(results_.size(), documents_.size());
  }

  const v1::DocumentResult& ResultOf(const std::string& id) {
    for (const v1::DocumentResult& result : results_) {
      if (result.id() == id) return result;
    }
    ADD_FAILURE() << "no result for " << id;
    static const v1::DocumentResult* const kNone = new v1::DocumentResult();
    return *kNone;
  }

  std::vector<v1::RawDocument> corpus_, documents_;
  std::vector<v1::DocumentResult> results_;
};

TEST_F(EmbeddedPipelineTest, EveryOffsetLiesInsideTheTextOnUtf8Boundaries) {
  size_t spans = 0;
  for (size_t i = 0; i < results_.size(); ++i) {
    ExpectOffsetsInsideText(results_[i], documents_[i].content().size());
    spans += results_[i].sentences_size() + results_[i].entities_size() +
             results_[i].amounts_size() +
             results_[i].duplicate().repeated_blocks_size();
  }
  EXPECT_GT(spans, 100u);  // the check ran over real results
}

TEST_F(EmbeddedPipelineTest, ExactDuplicatesComeBackWithTheirOwnText) {
  int exact = 0;
  for (const v1::RawDocument& page : corpus_) {
    const v1::DocumentResult& original = ResultOf(page.id());
    const v1::DocumentResult& copy =
        ResultOf(absl::StrCat("hostile/copy_of/", page.id()));
    ASSERT_EQ(copy.duplicate().kind(), v1::DUPLICATE_KIND_EXACT);
    ++exact;
    EXPECT_EQ(copy.duplicate().duplicate_of(), page.id());
    EXPECT_TRUE(copy.skipped_as_duplicate());
    EXPECT_EQ(copy.text(), original.text());
    EXPECT_EQ(copy.blocks_size(), original.blocks_size());
    // Every block of an exact copy was seen before, inside its own text.
    EXPECT_GT(copy.duplicate().repeated_blocks_size(), 0);
    EXPECT_EQ(copy.sentences_size(), 0);  // later stages were skipped
  }
  const v1::DocumentResult& article_copy = ResultOf("hostile/article_copy");
  EXPECT_EQ(article_copy.duplicate().kind(), v1::DUPLICATE_KIND_EXACT);
  EXPECT_EQ(article_copy.text(), ResultOf("hostile/article").text());
  EXPECT_EQ(exact, 5);
}

TEST_F(EmbeddedPipelineTest, HostileInputsAreCleanedOnceOrFailOnEntry) {
  EXPECT_EQ(ResultOf("hostile/cp949").source_encoding(), "cp949");
  EXPECT_EQ(ResultOf("hostile/cp949").text(), "한국은행이 3% 올렸다.");
  EXPECT_EQ(ResultOf("hostile/replaced").replaced_bytes(), 4u);
  EXPECT_EQ(ResultOf("hostile/html").content_type(), v1::CONTENT_TYPE_HTML);
  EXPECT_THAT(ResultOf("hostile/html").text(),
              ::testing::Not(::testing::HasSubstr("<")));
  const v1::DocumentResult& rejected = ResultOf("hostile/rejected");
  ASSERT_EQ(rejected.errors_size(), 1);
  EXPECT_EQ(rejected.errors(0).stage(), v1::STAGE_COORDINATOR);
  EXPECT_EQ(rejected.errors(0).code(), "INVALID_ARGUMENT");
  EXPECT_EQ(rejected.completed_stages_size(), 0);
  EXPECT_EQ(ResultOf("hostile/empty").errors_size(), 0);
  for (const v1::RawDocument& page : corpus_) {
    const v1::DocumentResult& result = ResultOf(page.id());
    EXPECT_EQ(result.errors_size(), 0);
    if (result.content_type() == v1::CONTENT_TYPE_PLAIN_TEXT) {
      EXPECT_EQ(result.text(), page.content());  // byte for byte
    }
  }
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
