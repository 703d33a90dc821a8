#include "text/json_string.h"

#include <string>

#include "gtest/gtest.h"

namespace gleaner {
namespace text {
namespace {

TEST(AppendJsonString, EscapesQuotesBackslashesAndControlCharacters) {
  std::string out;
  AppendJsonString("a\"b\\c\n\x01\x7f", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\u007f\"");
}

TEST(AppendJsonString, EscapesJavaScriptLineSeparators) {
  std::string out;
  AppendJsonString("x\xE2\x80\xA8y\xE2\x80\xA9", &out);
  EXPECT_EQ(out, "\"x\\u2028y\\u2029\"");
}

TEST(AppendJsonString, KeepsTheOutputValidForInvalidUtf8) {
  std::string out;
  AppendJsonString("a\xff" "b\xC3", &out);
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
  out.clear();
  AppendJsonString("\xED\xA0\x80", &out);  // a UTF-16 surrogate
  EXPECT_EQ(out, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace text
}  // namespace gleaner
