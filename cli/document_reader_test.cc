#include "cli/document_reader.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace cli {
namespace {

namespace fs = std::filesystem;
using ::gleaner::testing::IsOk;
using ::gleaner::testing::IsOkAndHolds;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class DocumentReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::create_directories(root_ / "sub");
    fs::create_directories(root_ / ".hidden");
    Write("b.txt", "b");
    Write("a.html", "<p>a</p>");
    Write("sub/c.txt", "c");
    Write(".hidden/d.txt", "d");
    Write(".e.txt", "e");
  }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  std::string Path(const std::string& name) { return (root_ / name).string(); }

  fs::path root_;
};

TEST_F(DocumentReaderTest, ExpandsDirectoriesSortedOnceEachAndSkipsHidden) {
  absl::StatusOr<std::vector<std::string>> files =
      ExpandInputs({root_.string(), Path("b.txt")});
  ASSERT_THAT(files, IsOk());
  EXPECT_THAT(*files,
              ElementsAre(Path("a.html"), Path("b.txt"), Path("sub/c.txt")));
}

TEST_F(DocumentReaderTest, MissingInputsAreNotFound) {
  EXPECT_THAT(ExpandInputs({Path("nope")}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nope")));
  EXPECT_THAT(ReadDocument(Path("nope")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nope")));
}

TEST_F(DocumentReaderTest, AnEmptyDirectoryIsAnError) {
  fs::create_directories(root_ / "empty");
  EXPECT_THAT(ExpandInputs({Path("empty")}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("no input")));
}

TEST_F(DocumentReaderTest, ReadsBytesAndDeclaresHtmlByExtension) {
  absl::StatusOr<v1::RawDocument> html = ReadDocument(Path("a.html"));
  ASSERT_THAT(html, IsOk());
  EXPECT_EQ(html->id(), Path("a.html"));
  EXPECT_EQ(html->source(), Path("a.html"));
  EXPECT_EQ(html->content(), "<p>a</p>");
  EXPECT_EQ(html->content_type(), v1::CONTENT_TYPE_HTML);
  absl::StatusOr<v1::RawDocument> text = ReadDocument(Path("b.txt"));
  ASSERT_THAT(text, IsOk());
  EXPECT_EQ(text->content_type(), v1::CONTENT_TYPE_UNSPECIFIED);
}

TEST_F(DocumentReaderTest, StdinPassesThroughExpansion) {
  absl::StatusOr<std::vector<std::string>> files = ExpandInputs({"-", Path("b.txt")});
  ASSERT_THAT(files, IsOk());
  EXPECT_THAT(*files, ElementsAre("-", Path("b.txt")));
  EXPECT_TRUE(IsRecordStream("-"));
  EXPECT_TRUE(IsRecordStream("news.JSONL"));
  EXPECT_FALSE(IsRecordStream("news.json"));
}

TEST(ParseRecord, Records) {
  const struct {
    std::string line;
    std::string id, source, content;
    v1::ContentType type;
  } kCases[] = {
      {R"({"id":"a","source":"s","text":"삼성"})", "a", "s", "삼성", v1::CONTENT_TYPE_PLAIN_TEXT},
      {R"({"content":"<p>x</p>","content_type":"html"})", "fallback", "", "<p>x</p>",
       v1::CONTENT_TYPE_HTML},
      {R"({"id":7,"content":"x"})", "7", "", "x", v1::CONTENT_TYPE_UNSPECIFIED},
      {R"({"id":"b","text":"t","content_type":"CONTENT_TYPE_HTML"})", "b", "", "t",
       v1::CONTENT_TYPE_HTML},
  };
  for (const auto& c : kCases) {
    absl::StatusOr<v1::RawDocument> document = ParseRecord(c.line, "fallback");
    ASSERT_THAT(document, IsOk()) << c.line;
    EXPECT_EQ(document->id(), c.id) << c.line;
    EXPECT_EQ(document->source(), c.source) << c.line;
    EXPECT_EQ(document->content(), c.content) << c.line;
    EXPECT_EQ(document->content_type(), c.type) << c.line;
  }
}

TEST(ParseRecord, MetadataAndEncodingAreKept) {
  absl::StatusOr<v1::RawDocument> document = ParseRecord(
      R"({"id":"m","text":"x","encoding":"cp949","metadata":{"site":"news","n":3}})", "");
  ASSERT_THAT(document, IsOk());
  EXPECT_EQ(document->encoding(), "cp949");
  EXPECT_EQ(document->metadata().at("site"), "news");
  EXPECT_EQ(document->metadata().at("n"), "3");
}

TEST(ParseRecord, BadRecordsAreInvalidArguments) {
  for (const char* line : {"not json", "[1,2]", R"({"id":"x"})",
                           R"({"text":"a","content":"b"})", R"({"text":["a"]})",
                           R"({"text":"a","content_type":"pdf"})"}) {
    EXPECT_THAT(ParseRecord(line, "id"), StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_))
        << line;
  }
}

TEST(ReadRecords, NamesRecordsByLineAndReportsBadLines) {
  std::istringstream in("{\"text\":\"a\"}\n\n{broken\n{\"id\":\"c\",\"text\":\"c\"}\n");
  std::vector<std::string> ids, bad;
  ASSERT_THAT(ReadRecords(
                  in, "stdin", [&](v1::RawDocument d) { ids.push_back(d.id()); },
                  [&](const std::string& id, absl::Status status) {
                    bad.push_back(id);
                    EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                                                 HasSubstr("stdin:3")));
                  }),
              IsOk());
  EXPECT_THAT(ids, ElementsAre("stdin:1", "c"));
  EXPECT_THAT(bad, ElementsAre("stdin:3"));
}

TEST_F(DocumentReaderTest, CountsRecordsLikeReadRecords) {
  Write("r.jsonl", "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n");
  EXPECT_THAT(CountRecords(Path("r.jsonl")), IsOkAndHolds(2));
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
