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

// Organisations by suffix, with generic prefixes, weak suffixes and vetoes.
TEST(SuffixOrganizationRecognizerTest, Table) {
  const RecognizerTestBed bed({{"org_suffixes", "경찰서\n협회\n은행\n센터\n당\n지검\n부\n"},
                               {"weak_org_suffixes", "센터\n"},
                               {"generic_org_prefixes", "국내\n시중\n"},
                               {"org_suffix_vetoes", "정부\n"}},
                              "");
  const RecognizerPtr org = NewSuffixOrganizationRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"용인서부경찰서는 밝혔다.", {"용인서부경찰서|ORG|용인서부경찰서"}},
      {"한국지역사회교육협회가 열었다.", {"한국지역사회교육협회|ORG|한국지역사회교육협회"}},
      {"서울중앙지검에서 조사했다.", {"서울중앙지검|ORG|서울중앙지검"}},
      {"새누리당은 반대했다.", {"새누리당|ORG|새누리당"}},
      {"국방부는 발표했다.", {"국방부|ORG|국방부"}},
      {"부평자립생활센터는 문을 열었다.", {"부평자립생활센터|ORG|부평자립생활센터"}},
      {"물류센터에 불이 났다.", {}},
      {"시중은행이 금리를 올렸다.", {}},
      {"미국정부는 반대했다.", {}},
      {"형사11부는 선고했다.", {}},
  };
  bed.ExpectTable(cases, {org.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
