#include "services/coordinator/entry_cleaning.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

v1::RawDocument Raw(const std::string& content) {
  v1::RawDocument document;
  document.set_id("d");
  document.set_content(content);
  return document;
}

TEST(CleanOnEntry, PlainTextPassesThroughWithItsBlocks) {
  v1::DocumentResult result;
  ASSERT_THAT(CleanOnEntry(Raw("첫 줄\n둘째 줄"), {}, &result), IsOk());
  EXPECT_EQ(result.text(), "첫 줄\n둘째 줄");
  EXPECT_EQ(result.content_type(), v1::CONTENT_TYPE_PLAIN_TEXT);
  EXPECT_EQ(result.source_encoding(), "utf-8");
  ASSERT_EQ(result.blocks_size(), 2);
  EXPECT_EQ(result.blocks(1).end(), result.text().size());
}

TEST(CleanOnEntry, HtmlBecomesTextWithSourceOffsets) {
  v1::RawDocument document = Raw("<p>가 &amp; 나</p>");
  document.set_content_type(v1::CONTENT_TYPE_HTML);
  v1::DocumentResult result;
  ASSERT_THAT(CleanOnEntry(document, {}, &result), IsOk());
  EXPECT_EQ(result.text(), "가 & 나");
  EXPECT_EQ(result.content_type(), v1::CONTENT_TYPE_HTML);
  ASSERT_EQ(result.blocks_size(), 1);
  EXPECT_EQ(result.blocks(0).source_begin(), 3u);
}

TEST(CleanOnEntry, TheDeclaredPolicyReplacesBadBytes) {
  v1::RawDocument document = Raw("abc\xff");
  v1::DocumentResult rejected;
  EXPECT_THAT(CleanOnEntry(document, {}, &rejected),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("byte")));
  document.set_invalid_bytes(v1::INVALID_BYTE_POLICY_REPLACE);
  v1::DocumentResult result;
  ASSERT_THAT(CleanOnEntry(document, {}, &result), IsOk());
  EXPECT_EQ(result.text(), "abc\xEF\xBF\xBD");
  EXPECT_EQ(result.replaced_bytes(), 1u);
}

TEST(CleanOnEntry, EnforcesTheLimitTable) {
  DocumentLimits limits;
  limits.max_document_bytes = 4;
  v1::DocumentResult result;
  EXPECT_THAT(CleanOnEntry(Raw("abcde"), limits, &result),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("the limit is 4")));
  limits.max_text_bytes = 5;
  v1::RawDocument grows = Raw("ab\xff\xff");  // 2 + 2 * 3 bytes of text
  grows.set_invalid_bytes(v1::INVALID_BYTE_POLICY_REPLACE);
  EXPECT_THAT(CleanOnEntry(grows, limits, &result),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("cleaned text")));
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
