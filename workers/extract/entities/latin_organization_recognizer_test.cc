#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/entities/recognizer.h"
#include "workers/extract/entities/recognizer_test_util.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// Capitalised Latin names ending in a corporate word.
TEST(LatinOrganizationRecognizerTest, Table) {
  const RecognizerTestBed bed({{"latin_corporate_words", "Labs\nInc\nCorp\nCorporation\n"}}, "");
  absl::StatusOr<RecognizerPtr> latin = NewLatinOrganizationRecognizer(bed.lexicons());
  ASSERT_TRUE(latin.ok()) << latin.status();
  const std::vector<RecognizerCase> cases = {
      {"Scale Labs는 투자했다.", {"Scale Labs|ORG|Scale Labs"}},
      {"Acme Corporation announced it.", {"Acme Corporation|ORG|Acme Corporation"}},
      {"Zenith Labs Inc. was sold.", {"Zenith Labs Inc.|ORG|Zenith Labs Inc."}},
      {"the new Labs open", {}},
      {"Scale Labsx", {}},
  };
  bed.ExpectTable(cases, {latin->get()});
}

// RE2 runs only on the runs of Latin text: a name is found wherever it
// starts (the text is skipped eight bytes at a time), next to Hangul, and
// once per match when a run holds two; Hangul inside ends the run.
TEST(LatinOrganizationRecognizerTest, FoundAtAnyOffsetInKoreanText) {
  const RecognizerTestBed bed({{"latin_corporate_words", "Labs\nInc\n"}}, "");
  absl::StatusOr<RecognizerPtr> latin = NewLatinOrganizationRecognizer(bed.lexicons());
  ASSERT_TRUE(latin.ok()) << latin.status();
  std::vector<std::string> texts;
  for (const std::string pad : {"", "나 ", "다 x ", "이번에는 ", "한국의 AI 기업 ", "지난해 미국의 ", "(주) "}) {
    texts.push_back(pad + "Scale Labs는 투자했다.");
    texts.push_back("올해 " + pad + "Scale Labs");
  }
  std::vector<RecognizerCase> cases;
  for (const std::string& text : texts) cases.push_back({text.c_str(), {"Scale Labs|ORG|Scale Labs"}});
  cases.push_back({"그리고 Scale Labs and Zenith Inc. 모두", {"Scale Labs|ORG|Scale Labs", "Zenith Inc.|ORG|Zenith Inc."}});
  cases.push_back({"Scale 연구소 Labs는", {}});
  cases.push_back({"회사는 Scale Labo와", {}});
  bed.ExpectTable(cases, {latin->get()});
}

TEST(LatinOrganizationRecognizerTest, EmptyListIsAnError) {
  const RecognizerTestBed bed({}, "");
  EXPECT_EQ(NewLatinOrganizationRecognizer(bed.lexicons()).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
