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

// A bare surname before a title.
TEST(SurnameTitleRecognizerTest, Table) {
  const RecognizerTestBed bed({{"titles", "대변인\n"},
                               {"korean_surnames", "전\n"},
                               {"ambiguous_surnames", "전\n"},
                               {"foreign_given_names", "크리스\n"}},
                              "");
  const RecognizerPtr surname = NewSurnameTitleRecognizer();
  const std::vector<RecognizerCase> cases = {
      {"윤 전 대변인은 말했다.", {"윤|PER|윤"}},
      {"김 의원은 말했다.", {"김|PER|김"}},
      {"전 의원은 말했다.", {}},
      {"크리스 정 대표는 말했다.", {}},
      {"김 말했다.", {}},
  };
  bed.ExpectTable(cases, {surname.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
