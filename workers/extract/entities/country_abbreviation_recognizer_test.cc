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

// One-syllable country abbreviations chained with '·'.
TEST(CountryAbbreviationRecognizerTest, Table) {
  const RecognizerTestBed bed({{"country_abbreviations", "미\t미국\n중\t중국\n한\t한국\n일\t일본\n"}}, "");
  const RecognizerPtr countries = NewCountryAbbreviationRecognizer(bed.lexicons());
  const std::vector<RecognizerCase> cases = {
      {"미·중 갈등", {"미|LOC|미국", "중|LOC|중국"}},
      {"한·미·일 정상은", {"한|LOC|한국", "미|LOC|미국", "일|LOC|일본"}},
      {"미·중의 경쟁", {"미|LOC|미국", "중|LOC|중국"}},
      {"미국·중국 갈등", {}},
      {"미·중갈등", {}},
      {"미·독 관계", {}},
  };
  bed.ExpectTable(cases, {countries.get()});
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
