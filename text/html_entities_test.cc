#include "text/html_entities.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace text {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Reference {
  std::string name;
  std::vector<char32_t> code_points;
};

// The committed table, read from the source tree (not through the embedded
// copy the decoder uses), so a broken embedding shows up here.
std::vector<Reference> CommittedTable() {
  std::vector<Reference> out;
  const std::string tsv = ReadFile("text/data/html5_named_references.tsv");
  for (absl::string_view line : absl::StrSplit(tsv, '\n', absl::SkipEmpty())) {
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    EXPECT_EQ(fields.size(), 2u) << line;
    if (fields.size() != 2) continue;
    Reference ref{std::string(fields[0]), {}};
    for (absl::string_view hex : absl::StrSplit(fields[1], ' ')) {
      uint32_t cp = 0;
      EXPECT_TRUE(absl::SimpleHexAtoi(hex, &cp)) << line;
      ref.code_points.push_back(cp);
    }
    out.push_back(ref);
  }
  return out;
}

std::vector<char32_t> CodePoints(const CharacterReference& ref) {
  return std::vector<char32_t>(ref.code_points, ref.code_points + ref.count);
}

TEST(HtmlEntities, TableHasEveryHtml5Name) {
  const std::vector<Reference> table = CommittedTable();
  EXPECT_EQ(table.size(), 2231u);  // the HTML Standard's count
  EXPECT_EQ(NamedCharacterReferences().size(), 2231u);
  size_t legacy = 0;
  for (const Reference& r : table) legacy += r.name.back() != ';';
  EXPECT_EQ(legacy, 106u);  // names usable without `;`
}

// Every one of the 2,231 references decodes, in running text, to its code
// points and consumes exactly its name.
TEST(HtmlEntities, DecodesAll2231References) {
  for (const Reference& r : CommittedTable()) {
    // A following letter would extend a name; a space cannot.
    const std::string input = "&" + r.name + " x";
    const CharacterReference ref = DecodeCharacterReference(input, 0);
    EXPECT_EQ(ref.length, r.name.size() + 1) << r.name;
    EXPECT_EQ(CodePoints(ref), r.code_points) << r.name;
  }
}

TEST(HtmlEntities, Table) {
  struct Case {
    const char* input;
    size_t length;  // 0: not a reference
    std::vector<char32_t> code_points;
  };
  const Case kCases[] = {
      // The examples: names the old 80-entry table did not know.
      {"&alpha;", 7, {0x3B1}},
      {"&Aacute;", 8, {0xC1}},
      {"&check;", 7, {0x2713}},
      // Two code points.
      {"&NotEqualTilde;", 15, {0x2242, 0x338}},
      // Legacy names without `;`, longest match, in text content.
      {"&copy2024", 5, {0xA9}},
      {"&amp", 4, {'&'}},
      {"&notit;", 4, {0xAC}},    // ¬ then "it;"
      {"&notin;", 7, {0x2209}},  // the longer name wins
      {"&ampx", 4, {'&'}},
      // Names that need their `;`.
      {"&alpha", 0, {}},
      {"&check ok", 0, {}},
      {"&foo;", 0, {}},
      {"& ", 0, {}},
      {"&", 0, {}},
      {"&;", 0, {}},
      // Case matters.
      {"&AMP;", 5, {'&'}},
      {"&Amp;", 0, {}},
      // Numeric references.
      {"&#44608;", 8, {44608}},  // 김
      {"&#xAC00;", 8, {0xAC00}},
      {"&#XAC00", 7, {0xAC00}},   // `;` is optional
      {"&#150;", 6, {0x2013}},    // windows-1252 reading of 0x96
      {"&#x80;", 6, {0x20AC}},    // €
      {"&#x81;", 6, {0x81}},      // no windows-1252 reading: as is
      {"&#0;", 4, {0xFFFD}},
      {"&#xD800;", 8, {0xFFFD}},  // surrogate
      {"&#x110000;", 10, {0xFFFD}},
      {"&#99999999999999999999;", 23, {0xFFFD}},
      {"&#;", 0, {}},
      {"&#x;", 0, {}},
      {"&#xZ", 0, {}},
  };
  for (const Case& c : kCases) {
    const CharacterReference ref = DecodeCharacterReference(c.input, 0);
    EXPECT_EQ(ref.length, c.length) << c.input;
    EXPECT_EQ(CodePoints(ref), c.code_points) << c.input;
  }
}

TEST(HtmlEntities, StopsAtTheEndOfTheInput) {
  const std::string s = "a&lt";
  const CharacterReference ref =
      DecodeCharacterReference(absl::string_view(s).substr(0, 4), 1);
  EXPECT_EQ(ref.length, 3u);
  EXPECT_EQ(CodePoints(ref), std::vector<char32_t>{'<'});
}

}  // namespace
}  // namespace text
}  // namespace gleaner
