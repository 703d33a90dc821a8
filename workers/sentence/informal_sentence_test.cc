// Table-driven test over testdata/informal_paragraphs.txt: paragraphs from
// blogs, portal comments, chats, transcripts, lists and headlines, written by
// hand with their exact expected sentences (see the file's header for the
// format). Each paragraph is one test case named after its register.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/sentence/sentence_splitter.h"
#include "workers/sentence/sentence_test_util.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

using ::testing::ElementsAreArray;

constexpr char kCasesPath[] =
    "workers/sentence/testdata/informal_paragraphs.txt";

struct InformalCase {
  std::string name;  // `blog_12`: register and number within it
  std::string text;
  bool known_limitation = false;  // marked `<?` in the file
  std::vector<std::string> sentences;
};

std::ostream& operator<<(std::ostream& os, const InformalCase& c) {
  return os << c.name;
}

// `\n` in the file stands for a line break.
std::string Unescape(absl::string_view field) {
  return absl::StrReplaceAll(field, {{"\\n", "\n"}});
}

// Parses the case file; an unreadable file gives no cases, which the
// CaseCount test reports.
std::vector<InformalCase> LoadCases() {
  std::vector<InformalCase> cases;
  std::ifstream in(kCasesPath);
  std::string line;
  std::string group = "none";
  int in_group = 0;
  while (std::getline(in, line)) {
    const absl::string_view l(line);
    if (l.substr(0, 3) == "## ") {
      group = std::string(l.substr(3));
      in_group = 0;
    } else if (l.substr(0, 2) == "< " || l.substr(0, 3) == "<? ") {
      const bool limitation = l[1] == '?';
      cases.push_back({absl::StrCat(group, "_", ++in_group),
                       Unescape(l.substr(limitation ? 3 : 2)), limitation,
                       {}});
    } else if (l.substr(0, 2) == "> " && !cases.empty()) {
      cases.back().sentences.push_back(Unescape(l.substr(2)));
    }
  }
  return cases;
}

const std::vector<InformalCase>& Cases() {
  static const auto* const cases = new std::vector<InformalCase>(LoadCases());
  return *cases;
}

const SentenceSplitter& DefaultSplitter() {
  static const SentenceSplitter* const splitter =
      SentenceSplitter::Create().value().release();
  return *splitter;
}

TEST(InformalCases, CaseCount) {
  // The suite must stay large enough to be a measurement (acceptance: 400).
  EXPECT_GE(Cases().size(), 400u) << "cannot read " << kCasesPath;
  for (const InformalCase& c : Cases()) {
    EXPECT_FALSE(c.sentences.empty()) << c.name << " has no expected sentence";
  }
}

// Prints how many paragraphs split exactly, known limitations included, so
// that a change shows its effect on the whole suite.
TEST(InformalCases, PassRate) {
  int passed = 0;
  int limitations = 0;
  for (const InformalCase& c : Cases()) {
    if (SentenceTexts(DefaultSplitter(), c.text) == c.sentences) ++passed;
    if (c.known_limitation) ++limitations;
  }
  std::cout << "informal paragraphs: " << passed << "/" << Cases().size()
            << " split exactly (" << limitations
            << " marked as known limitations)\n";
}

class InformalParagraphTest : public ::testing::TestWithParam<InformalCase> {};

TEST_P(InformalParagraphTest, SplitsExactly) {
  const InformalCase& c = GetParam();
  const std::vector<std::string> actual = SentenceTexts(DefaultSplitter(), c.text);
  if (c.known_limitation) {
    if (actual == c.sentences) {
      GTEST_SKIP() << "known limitation now met: drop its `?` mark";
    }
    GTEST_SKIP() << "known limitation (see the comment in the case file)";
  }
  EXPECT_THAT(actual, ElementsAreArray(c.sentences)) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Paragraphs, InformalParagraphTest, ::testing::ValuesIn(Cases()),
    [](const ::testing::TestParamInfo<InformalCase>& info) {
      return info.param.name;
    });

}  // namespace
}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
