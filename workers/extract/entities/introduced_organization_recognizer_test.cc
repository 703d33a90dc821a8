#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "workers/extract/entities/recognizer.h"
#include "workers/extract/entities/recognizer_test_util.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// Unseen companies after a kind of company, and the common nouns found there.
TEST(IntroducedOrganizationRecognizerTest, Table) {
  const RecognizerTestBed bed({{"org_introducers", "스타트업\n벤처\n업체\n기업\n"},
                               {"org_introducer_vetoes", "가치\n관계자\n"},
                               {"name_particles", "을\n를\n"}},
                              "");
  const RecognizerPtr orgs = NewIntroducedOrganizationRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"검사장비 스타트업 에이아이랩은 320억원을 확보했다.", {"에이아이랩|ORG|에이아이랩"}},
      {"바이오 벤처 셀큐어는 계약을 맺었다.", {"셀큐어|ORG|셀큐어"}},
      {"포장재 업체 그린팩의 매출", {"그린팩|ORG|그린팩"}},
      {"기업 가치는 2조원이다.", {}},      // a veto
      {"업체 관계자는 말했다.", {}},       // a veto
      {"스타트업 대표는 말했다.", {}},     // a title
      {"기업 이번에 나섰다.", {}},         // a stop word (이번 + 에)
      {"업체 그린팩 직원", {}},            // no particle closes it
      {"스타트업 A가 왔다.", {}},          // one letter
  };
  bed.ExpectTable(cases, {orgs.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
