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

// Addresses are one LOCATION; known places side by side stay apart.
TEST(PlaceChainRecognizerTest, Table) {
  const RecognizerTestBed bed({{"province_names", "경기\n전남\n"}, {"admin_suffixes", "시\n구\n동\n"}, {"short_districts", "중구\n"}},
                              "목포\tLOC\t목포시\n"
                              "부산\tLOC\t부산시\n"
                              "중국\tLOC\t\tiso=CN\n"
                              "베이징\tLOC\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const RecognizerPtr chain = NewPlaceChainRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"경기 용인시 수지구에서 열렸다.", {"경기 용인시 수지구|LOC|경기 용인시 수지구"}},
      {"전남 목포시는 밝혔다.", {"전남 목포시|LOC|목포"}},
      {"부산시 사하구 하단동에서", {"부산시 사하구 하단동|LOC|부산시 사하구 하단동"}},
      {"부산 중구에서", {"부산 중구|LOC|부산 중구"}},
      {"중국 베이징에서", {"중국|LOC|중국", "베이징|LOC|베이징"}},
      {"경기 결과가 나왔다.", {}},
  };
  bed.ExpectTable(cases, {gazetteer.get(), chain.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
