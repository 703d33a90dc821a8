#include "cli/result_writer.h"

#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace cli {
namespace {

using ::gleaner::testing::IsOk;
using ::testing::HasSubstr;

v1::DocumentResult Result(const std::string& id) {
  v1::DocumentResult result;
  result.set_id(id);
  result.set_source(id + ".txt");
  return result;
}

TEST(ResultWriter, WritesInInputOrderWhateverTheCompletionOrder) {
  std::ostringstream out;
  ResultWriter writer(&out);
  writer.Expect("a");
  writer.Expect("b");
  writer.Expect("c");
  ASSERT_THAT(writer.Write(Result("c")), IsOk());
  ASSERT_THAT(writer.Write(Result("b")), IsOk());
  EXPECT_EQ(out.str(), "");  // "a" not here yet: both are held
  ASSERT_THAT(writer.Write(Result("a")), IsOk());
  EXPECT_EQ(out.str(),
            "{\"id\":\"a\",\"source\":\"a.txt\"}\n"
            "{\"id\":\"b\",\"source\":\"b.txt\"}\n"
            "{\"id\":\"c\",\"source\":\"c.txt\"}\n");
  EXPECT_EQ(writer.written(), 3u);
}

TEST(ResultWriter, FlushWritesHeldResults) {
  std::ostringstream out;
  ResultWriter writer(&out);
  writer.Expect("a");
  writer.Expect("b");
  ASSERT_THAT(writer.Write(Result("b")), IsOk());
  ASSERT_THAT(writer.Flush(), IsOk());
  EXPECT_THAT(out.str(), HasSubstr("\"id\":\"b\""));
}

TEST(ToJsonLine, UsesProtoFieldNamesAndEnumNames) {
  v1::DocumentResult result = Result("a");
  v1::Amount* amount = result.add_amounts();
  amount->set_kind(v1::AMOUNT_KIND_MONEY);
  amount->set_value("6200000000");
  amount->set_conversion_of(0);
  absl::StatusOr<std::string> line = ToJsonLine(result);
  ASSERT_THAT(line, IsOk());
  EXPECT_THAT(*line, HasSubstr("\"kind\":\"AMOUNT_KIND_MONEY\""));
  EXPECT_THAT(*line, HasSubstr("\"value\":\"6200000000\""));
  // An explicitly set optional index is printed even when it is 0.
  EXPECT_THAT(*line, HasSubstr("\"conversion_of\":0"));
  EXPECT_EQ(line->find('\n'), std::string::npos);
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
