#include "workers/extract/entities/gazetteer.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

// Returns "surface=canonical" for every raw match of `text`.
std::vector<std::string> Matches(const Gazetteer& g, absl::string_view text) {
  std::vector<std::string> out;
  g.ForEachMatch(text, [&](size_t b, size_t e, uint32_t entry) {
    out.push_back(std::string(text.substr(b, e - b)) + "=" + g.entry(entry).canonical);
  });
  return out;
}

struct ErrorCase {
  const char* name;
  const char* tsv;
  const char* message;  // expected substring of the InvalidArgument message
};

class GazetteerErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(GazetteerErrorTest, RejectsWithLineAndReason) {
  EXPECT_THAT(Gazetteer::FromString(GetParam().tsv, "user.tsv"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(GetParam().message)));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, GazetteerErrorTest,
    ::testing::ValuesIn(std::vector<ErrorCase>{
        {"OneColumn", "엔비디아\n", "user.tsv:1: expected 2 to 4 tab-separated columns"},
        {"FiveColumns", "a\tORG\tb\tk=v\textra\n",
         "user.tsv:1: expected 2 to 4 tab-separated columns, got 5"},
        {"UnknownType", "# c\n엔비디아\tCOMPANY\n", "user.tsv:2: unknown type 'COMPANY'"},
        {"EmptyCanonical", "\tORG\n", "user.tsv:1: empty canonical name"},
        {"EmptyAlias", "엔비디아\tORG\tNVIDIA||Nvidia\n", "user.tsv:1: empty alias in alias list"},
        {"BadMetadata", "엔비디아\tORG\t\tticker\n", "user.tsv:1: metadata item 'ticker' is not key=value"},
        {"MetadataWithoutKey", "엔비디아\tORG\t\t=NVDA\n",
         "user.tsv:1: metadata item '=NVDA' is not key=value"},
        {"Duplicate", "애플\tORG\n\n애플\tORG\tApple\n",
         "user.tsv:3: duplicate entry '애플' ORGANIZATION (first on line 1)"},
        {"InvalidUtf8", "ok\tORG\n\xff\xfe\tORG\n", "user.tsv:2: invalid UTF-8"},
        {"LowerCaseType", "애플\torg\n", "user.tsv:1: unknown type 'org'"},
    }),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(GazetteerTest, ParsesColumnsCommentsAndBlankLines) {
  auto g = Gazetteer::FromString(
      "# comment\n\n마이크로소프트\tORGANIZATION\tMS|Microsoft\tticker=MSFT; country=US\r\n"
      "젠슨 황\tPER\n",
      "t");
  ASSERT_THAT(g, IsOk());
  ASSERT_EQ((*g)->size(), 2u);
  const GazetteerEntry& ms = (*g)->entry(0);
  EXPECT_EQ(ms.canonical, "마이크로소프트");
  EXPECT_EQ(ms.type, EntityType::kOrganization);
  EXPECT_THAT(ms.aliases, ElementsAre("MS", "Microsoft"));
  EXPECT_THAT(ms.metadata, ElementsAre(Pair("ticker", "MSFT"), Pair("country", "US")));
  EXPECT_EQ((*g)->entry(1).type, EntityType::kPerson);
}

TEST(GazetteerTest, ShortTypeNames) {
  auto g = Gazetteer::FromString("a\tORG\nb\tPER\nc\tLOC\nd\tPRODUCT\n", "t");
  ASSERT_THAT(g, IsOk());
  EXPECT_EQ((*g)->entry(0).type, EntityType::kOrganization);
  EXPECT_EQ((*g)->entry(1).type, EntityType::kPerson);
  EXPECT_EQ((*g)->entry(2).type, EntityType::kLocation);
  EXPECT_EQ((*g)->entry(3).type, EntityType::kProduct);
}

TEST(GazetteerTest, EntityTypeNames) {
  EXPECT_EQ(EntityTypeName(EntityType::kOrganization), "ORGANIZATION");
  EXPECT_EQ(EntityTypeName(EntityType::kPerson), "PERSON");
  EXPECT_EQ(EntityTypeName(EntityType::kLocation), "LOCATION");
  EXPECT_EQ(EntityTypeName(EntityType::kProduct), "PRODUCT");
}

TEST(GazetteerTest, MatchesCanonicalAliasesTickerAndNoSpaceForm) {
  auto g = Gazetteer::FromString("마이크로소프트\tORG\tMS\tticker=MSFT\n젠슨 황\tPER\tJensen Huang\n", "t");
  ASSERT_THAT(g, IsOk());
  // No word boundaries at this level: MS is also found inside MSFT.
  EXPECT_THAT(Matches(**g, "MSFT 마이크로소프트 MS"),
              ElementsAre("MS=마이크로소프트", "MSFT=마이크로소프트", "마이크로소프트=마이크로소프트",
                          "MS=마이크로소프트"));
  EXPECT_THAT(Matches(**g, "젠슨황, 젠슨 황, JENSEN HUANG"),
              ElementsAre("젠슨황=젠슨 황", "젠슨 황=젠슨 황", "JENSEN HUANG=젠슨 황"));
}

TEST(GazetteerTest, ShortLatinNamesAreCaseSensitive) {
  auto g = Gazetteer::FromString("Arm\tORG\nNVIDIA\tORG\n", "t");
  ASSERT_THAT(g, IsOk());
  EXPECT_THAT(Matches(**g, "arm ARM Arm"), ElementsAre("Arm=Arm"));
  EXPECT_THAT(Matches(**g, "Nvidia NVIDIA"), ElementsAre("Nvidia=NVIDIA", "NVIDIA=NVIDIA"));
  // A capitalised name does not match an ordinary lower-case word.
  EXPECT_TRUE(Matches(**g, "nvidia").empty());
  auto lower = Gazetteer::FromString("iPhone\tPRODUCT\n", "t");
  ASSERT_THAT(lower, IsOk());
  EXPECT_THAT(Matches(**lower, "IPHONE iphone"), ElementsAre("IPHONE=iPhone", "iphone=iPhone"));
}

TEST(GazetteerTest, StopListedTickersStayMetadata) {
  auto g = Gazetteer::FromString("서비스나우\tORG\t\tticker=NOW\n", "t");
  ASSERT_THAT(g, IsOk());
  EXPECT_TRUE(Matches(**g, "NOW").empty());
  EXPECT_THAT((*g)->entry(0).metadata, ElementsAre(Pair("ticker", "NOW")));
}

TEST(GazetteerTest, ExplicitAliasBeatsTicker) {
  // MS is Morgan Stanley's ticker but, written out, Microsoft.
  auto g = Gazetteer::FromString("마이크로소프트\tORG\tMS\n모건스탠리\tORG\t\tticker=MS\n", "t");
  ASSERT_THAT(g, IsOk());
  EXPECT_THAT(Matches(**g, "MS"), ElementsAre("MS=마이크로소프트"));
}

TEST(GazetteerTest, LaterSourceExtendsAndOverrides) {
  std::vector<Gazetteer::Source> sources = {
      {"base.tsv", "오픈AI\tORG\tOpenAI\n타이거\tORG\n"},
      {"user.tsv", "오픈AI\tORG\t오픈 에이아이\tcountry=US\n타이거 글로벌\tORG\t타이거\n"},
  };
  auto g = Gazetteer::FromSources(sources);
  ASSERT_THAT(g, IsOk());
  EXPECT_EQ((*g)->size(), 3u);
  auto openai = (*g)->FindCanonical("오픈AI", EntityType::kOrganization);
  ASSERT_TRUE(openai.has_value());
  EXPECT_THAT((*g)->entry(*openai).aliases, ElementsAre("OpenAI", "오픈 에이아이"));
  EXPECT_THAT(Matches(**g, "오픈 에이아이"), ElementsAre("오픈 에이아이=오픈AI"));
  EXPECT_THAT(Matches(**g, "타이거"), ElementsAre("타이거=타이거 글로벌"));
}

TEST(GazetteerTest, LookupAndFindCanonical) {
  auto g = Gazetteer::FromString("로이터\tORG\t로이터 통신|Reuters\n", "t");
  ASSERT_THAT(g, IsOk());
  EXPECT_EQ((*g)->Lookup("로이터 통신"), absl::optional<uint32_t>(0));
  EXPECT_EQ((*g)->Lookup("REUTERS"), absl::optional<uint32_t>(0));
  EXPECT_FALSE((*g)->Lookup("reuters").has_value());
  EXPECT_FALSE((*g)->Lookup("로이터통신사").has_value());
  EXPECT_FALSE((*g)->FindCanonical("로이터", EntityType::kPerson).has_value());
}

TEST(GazetteerTest, DefaultGazetteerIsLargeAndCoversTheField) {
  auto g = Gazetteer::LoadDefault();
  ASSERT_THAT(g, IsOk());
  EXPECT_GE((*g)->size(), 1500u);
  for (const char* name :
       {"엔비디아", "마이크로소프트", "젠슨 황", "미국", "캘리포니아", "서울", "블랙웰", "챗GPT", "한국은행",
        "미국 연방준비제도", "로이터", "월스트리트저널", "미국 법무부"}) {
    EXPECT_TRUE((*g)->Lookup(name).has_value()) << name;
  }
  EXPECT_EQ((*g)->entry(*(*g)->Lookup("WSJ")).canonical, "월스트리트저널");
  EXPECT_EQ((*g)->entry(*(*g)->Lookup("로이터통신")).canonical, "로이터");
  EXPECT_EQ((*g)->entry(*(*g)->Lookup("DOJ")).canonical, "미국 법무부");
}

TEST(GazetteerTest, LoadsUserFileAfterDefault) {
  const std::string path = ::testing::TempDir() + "/user_gazetteer.tsv";
  {
    std::ofstream out(path);
    out << "# my names\n글리너랩스\tORG\tGleaner Labs\tcountry=KR\n";
  }
  auto g = Gazetteer::Load({path});
  ASSERT_THAT(g, IsOk());
  EXPECT_TRUE((*g)->Lookup("Gleaner Labs").has_value());
  EXPECT_TRUE((*g)->Lookup("엔비디아").has_value());
  auto only_user = Gazetteer::Load({path}, /*include_default=*/false);
  ASSERT_THAT(only_user, IsOk());
  EXPECT_EQ((*only_user)->size(), 1u);
  std::remove(path.c_str());
}

TEST(GazetteerTest, ReportsUserFileErrorsWithPath) {
  const std::string path = ::testing::TempDir() + "/bad_gazetteer.tsv";
  {
    std::ofstream out(path);
    out << "좋은이름\tORG\n나쁜이름\tCOMPANY\n";
  }
  EXPECT_THAT(Gazetteer::Load({path}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(path + ":2: unknown type")));
  std::remove(path.c_str());
}

TEST(GazetteerTest, MissingFileIsNotFound) {
  EXPECT_THAT(Gazetteer::Load({"/nonexistent/names.tsv"}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("/nonexistent/names.tsv")));
}

TEST(GazetteerTest, EmptyGazetteerMatchesNothing) {
  auto g = Gazetteer::FromString("# nothing\n", "t");
  ASSERT_THAT(g, IsOk());
  EXPECT_EQ((*g)->size(), 0u);
  EXPECT_TRUE(Matches(**g, "엔비디아").empty());
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
