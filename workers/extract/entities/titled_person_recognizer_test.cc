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

// People before and after titles, with organisations, modifiers and
// affiliations between.
TEST(TitledPersonRecognizerTest, Table) {
  const RecognizerTestBed bed({{"titles", "창업자\n행장\n의장\n위원장\n소장\n화가\n"},
                               {"affiliation_ends", "대\n학\n"},
                               {"foreign_given_names", "마이클\n"},
                               {"foreign_name_bad_ends", "는\n은\n이\n가\n"}},
                              "구글\tORG\n하나은행\tORG\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const RecognizerPtr titled = NewTitledPersonRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"신동빈 회장이 말했다.", {"신동빈|PER|신동빈"}},
      {"창업자 김범수는 말했다.", {"김범수|PER|김범수"}},
      {"에릭 슈미트 전 구글 CEO는 말했다.", {"에릭 슈미트|PER|에릭 슈미트", "구글|ORG|구글"}},
      {"알렉스 크리스, 구글 CEO는 말했다.", {"알렉스 크리스|PER|알렉스 크리스", "구글|ORG|구글"}},
      {"겐트대 국제정치학 교수 김철수.", {"김철수|PER|김철수"}},
      {"창업자 마이클 스미스는 말했다.", {"마이클 스미스|PER|마이클 스미스"}},
      {"대표 주자로 나섰다.", {}},
      {"정부 대표가 말했다.", {}},
      {"이번 회장은 바빴다.", {}},
      {"김종준 하나은행장과 만났다.", {"김종준|PER|김종준", "하나은행|ORG|하나은행"}},
      {"정의화 국회의장은 말했다.", {"정의화|PER|정의화"}},
      {"이한구 전 공관위원장을 만났다.", {"이한구|PER|이한구"}},
      {"김철수 연구소장의 말.", {"김철수|PER|김철수"}},
      {"이번 국회의장은 바빴다.", {}},
      {"김철수 정씨는 말했다.", {}},
      {"김철수 회장실에서.", {}},
      {"권력 구조는 변화가 왔다.", {}},  // 변화 + 가, not 변 + 화가
  };
  bed.ExpectTable(cases, {gazetteer.get(), titled.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
