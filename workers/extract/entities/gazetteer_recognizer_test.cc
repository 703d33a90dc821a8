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

// Gazetteer names: particles, derived words, homographs, products with a
// version and edition, dual-typed names.
TEST(GazetteerRecognizerTest, Table) {
  const RecognizerTestBed bed({{"derived_suffixes", "산\n"}, {"product_editions", "Pro\t프로\n"}, {"dual_type_cues", "모델\n"}},
                              "엔비디아\tORG\tNVIDIA\n"
                              "중국\tLOC\t\tiso=CN\n"
                              "제미나이\tPRODUCT\tGemini\n"
                              "구미\tLOC\t\tnot_before=를 당\n"
                              "딥시크\tORG\t\tdual_type=PRODUCT\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"엔비디아가 발표했다.", {"엔비디아|ORG|엔비디아"}},
      {"NVIDIA는 발표했다.", {"NVIDIA|ORG|엔비디아"}},
      {"중국산 제품이 늘었다.", {}},
      {"중국에서 열렸다.", {"중국|LOC|중국"}},
      {"제미나이 3 프로를 공개했다.", {"제미나이 3 프로|PRD|제미나이 3 프로"}},
      {"Gemini 2 Pro is out.", {"Gemini 2 Pro|PRD|제미나이 2 프로"}},
      {"제미나이 3개를 샀다.", {"제미나이|PRD|제미나이"}},
      {"구미를 당기는 제안이다.", {}},
      {"구미에서 열렸다.", {"구미|LOC|구미"}},
      {"라마 모델이나 딥시크와 경쟁한다.", {"딥시크|PRD|딥시크"}},
      {"딥시크가 투자를 받았다.", {"딥시크|ORG|딥시크"}},
  };
  bed.ExpectTable(cases, {gazetteer.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
