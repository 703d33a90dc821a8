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

// A bare 민주당 is read by the document's other names.
TEST(PartyNameRecognizerTest, Table) {
  const RecognizerTestBed bed({{"ambiguous_parties", "민주당\t미국 민주당\t더불어민주당\n"},
                               {"home_politics_names", "국민의힘\n"},
                               {"foreign_politics_names", "미국 공화당\n"}},
                              "미국 민주당\tORG\t민주당\n"
                              "더불어민주당\tORG\t\tcountry=KR\n"
                              "국민의힘\tORG\n"
                              "미국 공화당\tORG\t공화당\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const RecognizerPtr party = NewPartyNameRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"민주당과 국민의힘은 합의했다.", {"민주당|ORG|더불어민주당", "국민의힘|ORG|국민의힘"}},
      {"민주당과 공화당은 합의했다.", {"민주당|ORG|미국 민주당", "공화당|ORG|미국 공화당"}},
      {"민주당은 성명을 냈다.", {"민주당|ORG|미국 민주당"}},
      {"미국 민주당과 국민의힘, 그리고 민주당", {"미국 민주당|ORG|미국 민주당", "국민의힘|ORG|국민의힘", "민주당|ORG|미국 민주당"}},
  };
  bed.ExpectTable(cases, {gazetteer.get(), party.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
