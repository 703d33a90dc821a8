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

// A transliterated name and a free-standing organisation word.
TEST(SpacedOrganizationRecognizerTest, Table) {
  const RecognizerTestBed bed({{"spaced_org_heads", "대학\n대학교\n캐피털\n"}, {"generic_org_prefixes", "국내\n"}}, "");
  const RecognizerPtr spaced = NewSpacedOrganizationRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"워릭 대학교 연구진은", {"워릭 대학교|ORG|워릭 대학교"}},
      {"워릭 대학의 연구진은", {"워릭 대학|ORG|워릭 대학"}},
      {"타이거 캐피털이 투자했다.", {"타이거 캐피털|ORG|타이거 캐피털"}},
      {"국내 대학은 많다.", {}},
      {"이번 대학은 크다.", {}},
  };
  bed.ExpectTable(cases, {spaced.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
