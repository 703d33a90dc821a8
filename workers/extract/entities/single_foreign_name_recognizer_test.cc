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

// One transliterated word before a minister's or head of state's title.
TEST(SingleForeignNameRecognizerTest, Table) {
  const RecognizerTestBed bed({{"titles", "총리\n"}, {"single_name_titles", "장관\n총리\n"}}, "국방부\tORG\n");
  const RecognizerPtr single = NewSingleForeignNameRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"케리 장관은 말했다.", {"케리|PER|케리"}},
      {"아베 총리는 말했다.", {"아베|PER|아베"}},
      {"국방 장관은 말했다.", {}},
      {"존 케리 장관은 말했다.", {}},
      {"케리 회장은 말했다.", {}},
  };
  bed.ExpectTable(cases, {single.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
