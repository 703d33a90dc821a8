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

// Names with their romanisation; organisations by a corporate head word;
// glosses whose initials do not agree are not names.
TEST(RomanizedNameRecognizerTest, Table) {
  const RecognizerTestBed bed({{"latin_org_heads", "Biosciences\n"},
                               {"common_english_words", "City\n"},
                               {"romanized_surnames", "Lee\n"},
                               {"latin_initials", "ㄷ\tDT\nㄹ\tRL\nㅂ\tBVP\nㅅ\tSCTXZ\nㅇ\tAEIOUYWHLR\nㅋ\tKCQ\nㅌ\tT\n"}},
                              "");
  const RecognizerPtr romanized = NewRomanizedNameRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"토마스 쿠리안(Thomas Kurian)은 말했다.", {"토마스 쿠리안|PER|토마스 쿠리안", "Thomas Kurian|PER|토마스 쿠리안"}},
      {"이재용(Lee Jae-yong) 회장이 왔다.", {"이재용|PER|이재용", "Lee Jae-yong|PER|이재용"}},
      {"레트로 바이오사이언스(Retro Biosciences)가 투자했다.",
       {"레트로 바이오사이언스|ORG|레트로 바이오사이언스", "Retro Biosciences|ORG|레트로 바이오사이언스"}},
      {"단일 표준(One Rulebook)을 만든다.", {}},
      {"스마트 시티(Smart City)를 짓는다.", {}},
      {"토마스 쿠리안(THOMAS KURIAN)은 말했다.", {}},
  };
  bed.ExpectTable(cases, {romanized.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
