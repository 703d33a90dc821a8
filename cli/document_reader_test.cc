#include "cli/document_reader.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace cli {
namespace {

namespace fs = std::filesystem;
using ::gleaner::testing::IsOk;
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

}  // namespace
}  // namespace cli
}  // namespace gleaner
