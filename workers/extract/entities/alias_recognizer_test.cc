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

// Parenthesised aliases and 이하 names, and their later occurrences.
TEST(AliasRecognizerTest, Table) {
  const RecognizerTestBed bed({{"non_name_abbreviations", "AI\n"}, {"alias_introducers", "이하\n"}},
                              "아마존웹서비스\tORG\n"
                              "파라마운트\tORG\n"
                              "파라마운트 스카이댄스\tORG\n");
  const RecognizerPtr gazetteer = NewGazetteerRecognizer(bed.lexicons());
  const RecognizerPtr alias = NewAliasRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"아마존웹서비스(AWS)는 말했다. AWS가 밝혔다.",
       {"아마존웹서비스|ORG|아마존웹서비스", "AWS|ORG|아마존웹서비스", "AWS|ORG|아마존웹서비스"}},
      {"파라마운트 스카이댄스(이하 파라마운트)는 말했다. 파라마운트가 밝혔다.",
       {"파라마운트 스카이댄스|ORG|파라마운트 스카이댄스", "파라마운트|ORG|파라마운트 스카이댄스",
        "파라마운트|ORG|파라마운트 스카이댄스"}},
      {"아마존웹서비스(AI) 사업", {"아마존웹서비스|ORG|아마존웹서비스"}},
      {"AWS가 먼저 나온다. 아마존웹서비스(AWS)", {"아마존웹서비스|ORG|아마존웹서비스", "AWS|ORG|아마존웹서비스"}},
  };
  bed.ExpectTable(cases, {gazetteer.get(), alias.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
