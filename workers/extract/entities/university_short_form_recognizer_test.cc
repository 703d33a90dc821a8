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

// A university's short form before an academic title or team.
TEST(UniversityShortFormRecognizerTest, Table) {
  const RecognizerTestBed bed({{"university_context", "교수\n연구팀\n"}}, "");
  const RecognizerPtr university = NewUniversityShortFormRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"겐트대 교수는 말했다.", {"겐트대|ORG|겐트대"}},
      {"하버드대 연구팀은 밝혔다.", {"하버드대|ORG|하버드대"}},
      {"겐트대 국제정치학 교수", {"겐트대|ORG|겐트대"}},
      {"최대 교수", {}},
      {"하버드대 출신이다", {}},
  };
  bed.ExpectTable(cases, {university.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
