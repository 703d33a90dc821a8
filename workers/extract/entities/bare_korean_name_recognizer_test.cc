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

// Bare Korean names by shape before a particle, and words of the same shape
// that are not names.
TEST(BareKoreanNameRecognizerTest, Table) {
  const RecognizerTestBed bed({{"given_name_firsts", "현\n하\n동\n정\n"},
                               {"given_name_lasts", "진\n나\n건\n민\n"},
                               {"ambiguous_surnames", "신\n"},
                               {"korean_surnames", "류\n"},
                               {"name_stop_words", "정동민\n"},
                               {"name_particles", "을\n를\n"}},
                              "");
  const RecognizerPtr bare = NewBareKoreanNameRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"류현진은 13일 던졌다.", {"류현진|PER|류현진"}},
      {"장하나를 따돌렸다.", {"장하나|PER|장하나"}},
      {"장동건과 만났다.", {"장동건|PER|장동건"}},
      {"류현진 선수.", {}},          // no particle: other rules' evidence
      {"류현진들이 왔다.", {}},      // not a name particle
      {"김사건은 끝났다.", {}},      // 사 is not a given name's first syllable
      {"신동민은 왔다.", {}},        // an ambiguous surname
      {"정동민은 왔다.", {}},        // a stop word
      {"김현진씨는 왔다.", {}},      // 씨 is the honorific rule's
      {"김현진에서 왔다.", {}},      // a place particle
      {"장동성이 크다.", {}},        // 성 is left out of the last syllables (변동성)
  };
  bed.ExpectTable(cases, {bare.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
