#include "services/common/event_log.h"

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace {

absl::Time FixedTime() {
  return absl::FromCivil(absl::CivilSecond(2026, 12, 2, 0, 51, 2),
                         absl::UTCTimeZone()) +
         absl::Microseconds(123456);
}

TEST(FormatLogLine, OneJsonObjectOnOneLine) {
  SetLogService("gleaner.v1.Sentence");
  EXPECT_EQ(FormatLogLine(LogLevel::kError, "document_failed",
                          {{"job_id", "job-1"},
                           {"document_id", std::string("a.txt")},
                           {"documents", 12},
                           {"seconds", 0.5}},
                          FixedTime()),
            "{\"ts\":\"2026-12-02T00:51:02.123456Z\",\"level\":\"error\","
            "\"service\":\"gleaner.v1.Sentence\",\"event\":\"document_failed\","
            "\"job_id\":\"job-1\",\"document_id\":\"a.txt\",\"documents\":12,"
            "\"seconds\":0.5}\n");
}

TEST(FormatLogLine, EscapesValuesSoTheLineStaysOneLine) {
  const std::string line =
      FormatLogLine(LogLevel::kInfo, "job_started",
                    {{"message", "two\nlines \"quoted\" \xff"}}, FixedTime());
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  EXPECT_NE(line.find("\"message\":\"two\\nlines \\\"quoted\\\" \xEF\xBF\xBD\""),
            std::string::npos)
      << line;
}

TEST(CodeField, NamesTheCanonicalCode) {
  const LogField field = CodeField(absl::InvalidArgumentError("bad"));
  EXPECT_EQ(field.key, "code");
  EXPECT_EQ(field.value, "INVALID_ARGUMENT");
  EXPECT_FALSE(field.is_number);
}

}  // namespace
}  // namespace gleaner
