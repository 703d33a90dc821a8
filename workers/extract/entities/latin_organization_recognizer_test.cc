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

TEST(LatinOrganizationRecognizerTest, EmptyListIsAnError) {
  const RecognizerTestBed bed({}, "");
  EXPECT_EQ(NewLatinOrganizationRecognizer(bed.lexicons()).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
