#include "cli/csv_tables.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace cli {
namespace {

using ::gleaner::testing::IsOk;
using ::testing::ElementsAre;

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
  const struct {
    std::string in, out;
  } kCases[] = {
      {"", ""},
      {"삼성전자", "삼성전자"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""},
  };
  for (const auto& c : kCases) EXPECT_EQ(CsvField(c.in), c.out) << c.in;
}

TEST(CharOffsets, CountsCodePointsNotBytes) {
  const struct {
    std::string text;
    std::vector<uint32_t> chars;  // for byte offsets 0..size
  } kCases[] = {
      {"", {0}},
      {"ab", {0, 1, 2}},
      {"가a", {0, 0, 0, 1, 2}},
      {"é😀", {0, 0, 1, 1, 1, 1, 2}},
  };
  for (const auto& c : kCases) {
    CharOffsets offsets(c.text);
    std::vector<uint32_t> got;
    for (uint32_t b = 0; b <= c.text.size(); ++b) got.push_back(offsets.Char(b));
    EXPECT_EQ(got, c.chars) << c.text;
    EXPECT_EQ(offsets.Char(c.text.size() + 5), c.chars.back()) << c.text;
  }
}

std::vector<std::string> Lines(const std::string& csv) {
  std::vector<std::string> lines = absl::StrSplit(csv, "\r\n");
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

TEST(CsvTables, WritesHeadersAndOneRowPerSpan) {
  std::ostringstream documents, sentences, entities, amounts;
  CsvTables tables({&documents, &sentences, &entities, &amounts});
  v1::DocumentResult result;
  result.set_id("d1");
  result.set_source("a, b.txt");
  result.set_text("삼성전자가 3조 원을 벌었다.");  // 삼성전자 = bytes 0..12
  result.set_content_type(v1::CONTENT_TYPE_PLAIN_TEXT);
  result.add_sentences()->set_end(result.text().size());
  v1::Entity* entity = result.add_entities();
  entity->set_end(12);
  entity->set_text("삼성전자");
  entity->set_type(v1::ENTITY_TYPE_ORGANIZATION);
  entity->set_canonical("삼성전자");
  entity->set_method(v1::MATCH_METHOD_GAZETTEER);
  v1::Amount* amount = result.add_amounts();
  amount->set_begin(16);  // after "삼성전자가 "
  amount->set_end(24);
  amount->set_text("3조 원");
  amount->set_kind(v1::AMOUNT_KIND_MONEY);
  amount->set_value("3000000000000");
  amount->set_currency("KRW");
  amount->add_qualifiers("약");
  amount->add_qualifiers("이상");
  amount->set_conversion_of(0);
  ASSERT_THAT(tables.Write(result), IsOk());
  ASSERT_THAT(tables.Close(), IsOk());

  EXPECT_THAT(Lines(documents.str()),
              ElementsAre(absl::StrJoin(CsvColumns(CsvTable::kDocuments), ","),
                          "d1,\"a, b.txt\",PLAIN_TEXT,,16,38,1,1,1,UNSPECIFIED,,,0,false,,"));
  EXPECT_THAT(Lines(sentences.str()),
              ElementsAre("document_id,index,start,end,byte_start,byte_end,text",
                          "d1,0,0,16,0,38,삼성전자가 3조 원을 벌었다."));
  EXPECT_EQ(Lines(entities.str())[1], "d1,0,0,4,0,12,삼성전자,ORGANIZATION,삼성전자,GAZETTEER,false");
  EXPECT_EQ(Lines(amounts.str())[1],
              "d1,0,6,10,16,24,3조 원,MONEY,3000000000000,,KRW,,,false,UNSPECIFIED,false,0,"
              "false,,0,약;이상");
}

TEST(CsvTables, NamesTheFilesAfterThePrefix) {
  const std::string prefix = ::testing::TempDir() + "/tables";
  absl::StatusOr<std::unique_ptr<CsvTables>> tables = CsvTables::Open(prefix);
  ASSERT_THAT(tables.status(), IsOk());
  EXPECT_THAT((*tables)->paths(),
              ElementsAre(prefix + ".documents.csv", prefix + ".sentences.csv",
                          prefix + ".entities.csv", prefix + ".amounts.csv"));
  EXPECT_THAT((*tables)->Close(), IsOk());
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
