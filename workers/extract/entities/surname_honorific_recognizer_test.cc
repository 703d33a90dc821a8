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

using ::testing::ElementsAreArray;

// Bare surnames and letters made people by 씨, 모, 군, 양.
TEST(SurnameHonorificRecognizerTest, Table) {
  const RecognizerTestBed bed({{"surname_honorifics", "씨\n모씨\n모\n군\n양\n"}}, "");
  const RecognizerPtr honorific = NewSurnameHonorificRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"김씨는 말했다.", {"김|PER|김씨"}},
      {"박모(48)씨가 체포됐다.", {"박|PER|박씨"}},
      {"정모 씨가 신고했다.", {"정|PER|정씨"}},
      {"최 씨는 부인했다.", {"최|PER|최씨"}},
      {"A씨가 신고했다.", {"A|PER|A씨"}},
      {"B군은 학생이다.", {"B|PER|B군"}},
      {"진성국씨는 말했다.", {"진성국|PER|진성국"}},
      {"김군은 없다.", {}},
      {"모씨가 왔다.", {}},
      {"김치를 담갔다.", {}},
  };
  bed.ExpectTable(cases, {honorific.get()});
}

// Without 군 in the list, B군 is no person: the list decides.
TEST(SurnameHonorificRecognizerTest, ListDecides) {
  const RecognizerTestBed bed({{"surname_honorifics", "씨\n"}}, "");
  const RecognizerPtr honorific = NewSurnameHonorificRecognizer(bed.lexicons());
  EXPECT_THAT(bed.Run("B군은 학생이다.", {honorific.get()}), ElementsAreArray(std::vector<std::string>{}));
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
