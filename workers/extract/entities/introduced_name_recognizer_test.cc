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

// Names in apposition after an occupation.
TEST(IntroducedNameRecognizerTest, Table) {
  const RecognizerTestBed bed({{"name_introducers", "가수\n배우\n디자이너\n"}, {"foreign_name_bad_ends", "이\n다\n"}}, "");
  const RecognizerPtr introduced = NewIntroducedNameRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"가수 거미의 공연", {"거미|PER|거미"}},
      {"디자이너 칼 라거펠트가 말했다.", {"칼 라거펠트|PER|칼 라거펠트"}},
      {"배우 이아현 씨가 출연했다.", {"이아현|PER|이아현"}},
      {"배우 생활을 접었다", {}},
      {"배우 회장이 왔다.", {}},
  };
  bed.ExpectTable(cases, {introduced.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
