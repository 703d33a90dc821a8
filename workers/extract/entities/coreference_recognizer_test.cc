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

// Later surnames join earlier full names only with evidence.
TEST(CoreferenceRecognizerTest, Table) {
  const RecognizerTestBed bed({{"korean_surnames", "손\n"}, {"foreign_given_names", "크리스\n"}},
                              "젠슨 황\tPER\n"
                              "손정의\tPER\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const RecognizerPtr titled = NewTitledPersonRecognizer(bed.lexicons());
  const RecognizerPtr coreference = NewCoreferenceRecognizer();
  const RecognizerPtr surname = NewSurnameTitleRecognizer();
  const std::vector<RecognizerCase> cases = {
      {"젠슨 황 CEO는 말했다. 황 CEO가 덧붙였다.", {"젠슨 황|PER|젠슨 황", "황|PER|젠슨 황"}},
      {"손정의 회장은 말했다. 손 회장이 덧붙였다.", {"손정의|PER|손정의", "손|PER|손정의"}},
      // Issue 11: the 장 of 남편 세 장 교수는 is not 장영달, named elsewhere on the
      // page with another title.
      {"장영달 전 의원의 보좌관이었다. 남편 세 장 교수는 학회에 참석했다.", {"장영달|PER|장영달", "장|PER|장"}},
      {"장영달 의원이 발언했다. 장 의원은 반박했다.", {"장영달|PER|장영달", "장|PER|장영달"}},
      // Two people share the short form: it joins neither.
      {"김철수 의원과 김영희 의원이 만났다. 김 의원은 말했다.", {"김철수|PER|김철수", "김영희|PER|김영희", "김|PER|김"}},
      // A surname never joins a name mentioned after it.
      {"황 CEO가 말했다. 젠슨 황 CEO는 덧붙였다.", {"황|PER|황", "젠슨 황|PER|젠슨 황"}},
      // Without a title a bare syllable is not a person.
      {"젠슨 황 CEO는 말했다. 황 씨앗", {"젠슨 황|PER|젠슨 황"}},
  };
  bed.ExpectTable(cases, {gazetteer.get(), titled.get(), coreference.get(), surname.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
