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

// Korean names with an age or affiliation in parentheses.
TEST(AgedPersonRecognizerTest, Table) {
  const RecognizerTestBed bed({{"korean_surnames", "임\n배\n양\n"},
                               {"particle_syllables", "이\n가\n"},
                               {"caption_words", "사진\n"},
                               {"surname_honorifics", "씨\n군\n"}},
                              "");
  const RecognizerPtr aged = NewAgedPersonRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"진성준(57) 의원", {"진성준|PER|진성준"}},
      {"임형규(사진·71) 회장", {"임형규|PER|임형규"}},
      {"배수빈(21·한국체대)이 우승했다.", {"배수빈|PER|배수빈"}},
      {"양근서(새정치민주연합·안산) 의원", {"양근서|PER|양근서"}},
      {"진성준(5) 의원", {}},
      {"김치가(23) 있다", {}},
      {"이사회(2023) 결정", {}},
      {"교사 A(44)씨가 냈다.", {"A|PER|A씨"}},
      {"환자 B(71·여) 씨를 만났다.", {"B|PER|B씨"}},
      {"A(10)군의 가족", {"A|PER|A군"}},
      {"A(10)양의 가족", {}},         // 양 is not in this test's honorifics
      {"A(2023)씨", {}},              // not an age
      {"조항 A(12)에 따라", {}},      // no honorific
  };
  bed.ExpectTable(cases, {aged.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
