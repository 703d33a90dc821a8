#include "workers/common/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
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

}  // namespace
}  // namespace workers
}  // namespace gleaner
