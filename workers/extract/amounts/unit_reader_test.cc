#include "workers/extract/amounts/unit_reader.h"

#include <string>

#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

const UnitReader& Reader() {
  static const UnitReader* const kReader = new UnitReader(**AmountLexicon::Default());
  return *kReader;
}

// `text` holds a number ending at byte `pos`; the unit read there.
struct UnitCase {
  const char* text;
  size_t pos;
  const char* surface;  // "" when no unit may be read
  const char* code;
};

void PrintTo(const UnitCase& c, std::ostream* os) { *os << c.text; }

class UnitReaderTest : public ::testing::TestWithParam<UnitCase> {};

TEST_P(UnitReaderTest, ReadsTheLongestCleanUnit) {
  const UnitCase& c = GetParam();
  UnitMatch m;
  const bool found = Reader().Read(c.text, c.pos, /*allow_space=*/true, &m);
  if (std::string(c.surface).empty()) {
    EXPECT_FALSE(found) << (found ? m.unit->surface : "");
    return;
  }
  ASSERT_TRUE(found);
  EXPECT_EQ(m.unit->surface, c.surface);
  EXPECT_EQ(m.unit->code, c.code);
}

INSTANTIATE_TEST_SUITE_P(
    Units, UnitReaderTest,
    ::testing::Values(UnitCase{"30달러를", 2, "달러", "USD"},
                      UnitCase{"30 달러", 2, "달러", "USD"},
                      UnitCase{"5 호주 달러", 1, "호주 달러", "AUD"},
                      UnitCase{"5 미국 달러", 1, "미국 달러", "USD"},
                      UnitCase{"3개국", 1, "개국", ""},
                      UnitCase{"10GW급", 2, "GW", "GW"},
                      UnitCase{"5%하락", 1, "%", "%"},
                      UnitCase{"100 프로", 3, "프로", "%"},
                      UnitCase{"5만동을", 4, "동", "VND"},
                      UnitCase{"30$", 2, "$", "USD"},
                      // Ordinary words that start like a unit.
                      UnitCase{"3개발", 1, "", ""}, UnitCase{"2 프로그램", 1, "", ""},
                      UnitCase{"3 동안", 1, "", ""}, UnitCase{"1 원자력", 1, "", ""},
                      UnitCase{"5 파운드리", 1, "", ""}, UnitCase{"30불과", 2, "", ""},
                      // Attached units never follow a space; sub-units never alone.
                      UnitCase{"37 세", 2, "", ""}, UnitCase{"50전", 2, "", ""},
                      UnitCase{"3GWx", 1, "", ""}));

TEST(UnitReaderTest, ReadsSubUnitsOfTheMainCurrencyOnly) {
  size_t len = 0;
  const UnitDef* u = Reader().MatchSubUnit("20센트", 2, "USD", &len);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(len, std::string("센트").size());
  EXPECT_NE(Reader().MatchSubUnit("50전", 2, "KRW", &len), nullptr);
  EXPECT_EQ(Reader().MatchSubUnit("50전", 2, "USD", &len), nullptr);
  EXPECT_EQ(Reader().MatchSubUnit("50펜스", 2, "USD", &len), nullptr);
}

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
