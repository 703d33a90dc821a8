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

// A city and its organisation join; a country stays the nationality.
TEST(PlaceUnitRecognizerTest, Table) {
  const RecognizerTestBed bed({{"org_suffixes", "은행\n대표팀\n"}},
                              "애틀랜타\tLOC\n"
                              "한국\tLOC\t\tiso=KR\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const RecognizerPtr org = NewSuffixOrganizationRecognizer(bed.lexicons());
  const RecognizerPtr unit = NewPlaceUnitRecognizer();
  const std::vector<RecognizerCase> cases = {
      {"애틀랜타 연방준비은행은 밝혔다.", {"애틀랜타 연방준비은행|ORG|애틀랜타 연방준비은행"}},
      {"한국 축구대표팀이 이겼다.", {"한국|LOC|한국", "축구대표팀|ORG|축구대표팀"}},
      {"애틀랜타에서 열렸다.", {"애틀랜타|LOC|애틀랜타"}},
  };
  bed.ExpectTable(cases, {gazetteer.get(), org.get(), unit.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
