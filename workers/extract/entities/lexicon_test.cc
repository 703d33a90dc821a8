#include "workers/extract/entities/lexicon.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

TEST(LexiconsTest, ParsesOneEntryALineSkippingCommentsAndBlanks) {
  const std::vector<Lexicons::Source> sources = {{"titles", "# roles\n감독\n\n  코치  \n"}};
  std::unique_ptr<Lexicons> lexicons = Lexicons::FromSources(sources);
  EXPECT_TRUE(lexicons->Get("titles").contains("감독"));
  EXPECT_TRUE(lexicons->Get("titles").contains("코치"));
  EXPECT_EQ(lexicons->Get("titles").size(), 2u);
  EXPECT_TRUE(lexicons->Get("no_such_list").empty());
}

TEST(LexiconsTest, UserFileAddsToNamedLists) {
  std::unique_ptr<Lexicons> lexicons = Lexicons::FromSources({});
  ASSERT_TRUE(lexicons->AddUserFile("titles\t단장\n# note\norg_suffixes\t협동조합\n", "mine.tsv").ok());
  EXPECT_TRUE(lexicons->Get("titles").contains("단장"));
  EXPECT_TRUE(lexicons->Get("org_suffixes").contains("협동조합"));
}

TEST(LexiconsTest, UserFileLineWithoutTabIsAnErrorWithItsLine) {
  std::unique_ptr<Lexicons> lexicons = Lexicons::FromSources({});
  const absl::Status status = lexicons->AddUserFile("titles\t단장\n단장\n", "mine.tsv");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("mine.tsv:2:"), absl::string_view::npos);
}

TEST(LexiconsTest, TwoColumnListsSplitAtTheFirstTabLongestKeyFirst) {
  const std::vector<Lexicons::Source> sources = {{"country_abbreviations", "미\t미국\n러시아\tRussia\nbad\n"}};
  std::unique_ptr<Lexicons> lexicons = Lexicons::FromSources(sources);
  // A user file's entry may hold a second tab: the pair's value follows it.
  ASSERT_TRUE(lexicons->AddUserFile("country_abbreviations\t호\t호주\n", "mine.tsv").ok());
  const auto pairs = lexicons->GetPairs("country_abbreviations");
  ASSERT_EQ(pairs.size(), 3u);  // "bad" has no tab
  EXPECT_EQ(pairs[0], std::make_pair(std::string("러시아"), std::string("Russia")));
  EXPECT_EQ(pairs[1], std::make_pair(std::string("미"), std::string("미국")));
  EXPECT_EQ(pairs[2], std::make_pair(std::string("호"), std::string("호주")));
}

TEST(LexiconsTest, MissingUserFileIsNotFound) {
  EXPECT_EQ(Lexicons::Load({"/nonexistent/lexicon.tsv"}).status().code(), absl::StatusCode::kNotFound);
}

TEST(LexiconsTest, ShippedListsAreEmbedded) {
  EXPECT_TRUE(Lexicons::Default().Get("titles").contains("회장"));
  EXPECT_FALSE(Lexicons::Default().Get("latin_corporate_words").empty());
  EXPECT_FALSE(Lexicons::Default().GetPairs("country_abbreviations").empty());
  EXPECT_TRUE(Lexicons::Default().Get("korean_surnames").contains("김"));
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
