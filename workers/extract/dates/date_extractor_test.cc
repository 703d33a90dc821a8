#include "workers/extract/dates/date_extractor.h"

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/extract/dates/dates_data.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;

const char* GrainName(Grain grain) {
  switch (grain) {
    case Grain::kYear: return "year";
    case Grain::kHalf: return "half";
    case Grain::kQuarter: return "quarter";
    case Grain::kMonth: return "month";
    case Grain::kWeek: return "week";
    case Grain::kDay: return "day";
    case Grain::kTime: return "time";
    case Grain::kNone: break;
  }
  return "none";
}

// One mention as the table writes it: span, grain, value ("A/B" for an
// interval, "unresolved" or "unresolved:<partial>" when there is no value).
std::string Describe(absl::string_view text, const DateExpression& e,
                     const ResolvedDate& r) {
  std::string value;
  if (!r.resolved) {
    value = r.partial.empty() ? "unresolved" : absl::StrCat("unresolved:", r.partial);
  } else {
    value = r.value_end.empty() ? r.value : absl::StrCat(r.value, "/", r.value_end);
  }
  return absl::StrCat(text.substr(e.begin, e.end - e.begin), "\t", GrainName(e.grain),
                      "\t", value);
}

struct Case {
  int line = 0;
  std::string reference;  // "-" for none
  std::string text;
  std::vector<std::string> expected;  // Describe() strings
};

std::vector<Case> ReadCases() {
  std::ifstream in("workers/extract/dates/testdata/date_cases.tsv");
  std::stringstream contents;
  contents << in.rdbuf();
  std::vector<Case> cases;
  const std::string data = contents.str();  // the rows point into it
  absl::StatusOr<std::vector<WordListRow>> rows =
      ReadWordList("date_cases.tsv", data, 2);
  if (!rows.ok()) return cases;
  for (const WordListRow& row : *rows) {
    Case c;
    c.line = row.line;
    c.reference = std::string(row.fields[0]);
    c.text = std::string(row.fields[1]);
    for (size_t i = 2; i + 3 <= row.fields.size(); i += 3) {
      c.expected.push_back(absl::StrJoin(row.fields.begin() + i, row.fields.begin() + i + 3, "\t"));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

class DateExtractorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<DateExtractor>> x = DateExtractor::Create();
    ASSERT_THAT(x.status(), IsOk());
    extractor_ = std::move(*x);
  }

  std::vector<std::string> Run(absl::string_view text, absl::string_view reference) {
    std::optional<absl::CivilDay> ref = ParseIsoDay(reference);
    std::vector<std::string> got;
    for (const DateExpression& e : extractor_->Extract(text)) {
      got.push_back(Describe(text, e, Resolve(e, ref)));
    }
    return got;
  }

  std::unique_ptr<DateExtractor> extractor_;
};

// Every row of testdata/date_cases.tsv: the mentions found in the text, in
// order, resolved against the row's reference date.
TEST_F(DateExtractorTest, CaseTable) {
  const std::vector<Case> cases = ReadCases();
  ASSERT_GE(cases.size(), 250u) << "date_cases.tsv missing or short";
  int failures = 0;
  for (const Case& c : cases) {
    const std::vector<std::string> got = Run(c.text, c.reference);
    EXPECT_EQ(got, c.expected) << "date_cases.tsv:" << c.line << ": " << c.text
                               << "\n  got: " << absl::StrJoin(got, " | ");
    if (got != c.expected) ++failures;
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(DateExtractorTest, SpansPointIntoTheText) {
  const std::string text = "엔비디아는 15일(현지시간) 오후 3시 발표했다. 지난해 4분기 매출은";
  std::vector<DateExpression> found = extractor_->Extract(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin),
            "15일(현지시간) 오후 3시");
  EXPECT_TRUE(found[0].local_time);
  EXPECT_EQ(found[1].unit, Grain::kYear);
  EXPECT_EQ(found[1].offset, -1);
  EXPECT_EQ(FormOf(found[1]), Form::kRelative);
}

TEST_F(DateExtractorTest, FormsAndPartialPatterns) {
  const std::string text = "11월 25일";
  std::vector<DateExpression> found = extractor_->Extract(text);
  ASSERT_EQ(found.size(), 1u);
  ResolvedDate r = Resolve(found[0], std::nullopt);
  EXPECT_EQ(r.form, Form::kPartial);
  EXPECT_FALSE(r.resolved);
  EXPECT_EQ(r.partial, "XXXX-11-25");
}

TEST(ParseIsoDay, AcceptsDatesAndDateTimes) {
  EXPECT_EQ(ParseIsoDay("2025-11-25"), absl::CivilDay(2025, 11, 25));
  EXPECT_EQ(ParseIsoDay("2025-11-25T09:06:00-07:00"), absl::CivilDay(2025, 11, 25));
  EXPECT_EQ(ParseIsoDay("2025-02-30"), std::nullopt);
  EXPECT_EQ(ParseIsoDay("-"), std::nullopt);
}

TEST(ReadWordList, NamesFileAndLineOfAShortRow) {
  EXPECT_THAT(ReadWordList("x.tsv", "# comment\n어제\tday\n오늘\n", 2).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "x.tsv:3: expected 2 tab-separated fields"));
}

TEST(DatesDataFile, UnknownNameIsNotFound) {
  EXPECT_THAT(DatesDataFile("nope.tsv").status(),
              StatusIs(absl::StatusCode::kNotFound, "no embedded data file nope.tsv"));
}

}  // namespace
}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
