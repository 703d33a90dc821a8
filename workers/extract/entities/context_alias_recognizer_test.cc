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

// A context alias counts only after a mention of its context entity.
TEST(ContextAliasRecognizerTest, Table) {
  const RecognizerTestBed bed({}, "Nemotron 3\tPRODUCT\t네모트론3\n"
                                  "Nemotron 3 Nano\tPRODUCT\t\tcontext=Nemotron 3;context_alias=Nano|나노\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const RecognizerPtr context = NewContextAliasRecognizer(bed.gazetteer());
  const std::vector<RecognizerCase> cases = {
      {"네모트론3를 공개했다. 나노 모델도 나왔다.", {"네모트론3|PRD|Nemotron 3", "나노|PRD|Nemotron 3 Nano"}},
      {"나노 기술이 발전했다.", {}},
      {"나노 기술이 발전했다. 네모트론3를 공개했다.", {"네모트론3|PRD|Nemotron 3"}},
  };
  bed.ExpectTable(cases, {gazetteer.get(), context.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
