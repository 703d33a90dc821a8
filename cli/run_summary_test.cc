#include "cli/run_summary.h"

#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(DisplayWidth, HangulTakesTwoColumns) {
  EXPECT_EQ(DisplayWidth(""), 0);
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("삼성전자"), 8);
  EXPECT_EQ(DisplayWidth("LG전자 3%"), 9);
}

v1::DocumentResult Document(const std::string& id) {
  v1::DocumentResult result;
  result.set_id(id);
  return result;
}

void AddEntity(v1::DocumentResult* result, const std::string& canonical, bool flagged = false) {
  v1::Entity* entity = result->add_entities();
  entity->set_text(canonical);
  entity->set_canonical(canonical);
  entity->set_flagged(flagged);
}

void AddMoney(v1::DocumentResult* result, const std::string& text, const std::string& value,
              const std::string& currency) {
  v1::Amount* amount = result->add_amounts();
  amount->set_kind(v1::AMOUNT_KIND_MONEY);
  amount->set_text(text);
  amount->set_value(value);
  amount->set_currency(currency);
}

TEST(RunSummary, CountsFailuresByStageAndRanksEntitiesAndMoney) {
  RunSummary summary;
  v1::DocumentResult a = Document("a");
  AddEntity(&a, "삼성전자");
  AddEntity(&a, "삼성전자");
  AddEntity(&a, "애플");
  AddEntity(&a, "광고", /*flagged=*/true);
  AddMoney(&a, "3조 원", "3000000000000", "KRW");
  AddMoney(&a, "500억 원", "50000000000", "KRW");
  AddMoney(&a, "170억 달러", "17000000000", "USD");
  AddMoney(&a, "170억달러", "17000000000", "USD");  // the same value again
  summary.Add(a);
  v1::DocumentResult b = Document("b");
  b.add_errors()->set_stage(v1::STAGE_EXTRACT);
  summary.Add(b);
  v1::DocumentResult c = Document("c");
  c.add_errors()->set_stage(v1::STAGE_EXTRACT);
  c.add_errors()->set_stage(v1::STAGE_DEDUP);
  summary.Add(c);
  v1::DocumentResult duplicate = Document("d");
  duplicate.set_skipped_as_duplicate(true);
  AddEntity(&duplicate, "애플");
  summary.Add(duplicate);

  EXPECT_EQ(summary.failed_documents(), 2);
  v1::BatchSummary totals;
  totals.set_documents(4);
  totals.set_exact_duplicates(1);
  const std::string table = summary.Format(totals, 5);
  EXPECT_THAT(table, HasSubstr("  documents         4\n"));
  EXPECT_THAT(table, HasSubstr("  failed            2  (DEDUP 1, EXTRACT 2)\n"));
  EXPECT_THAT(table, HasSubstr("  duplicates        1 exact, 0 near\n"));
  // Hangul padded by display width: both counts line up.
  EXPECT_THAT(table, HasSubstr("    삼성전자                2\n    애플                    1\n"));
  EXPECT_THAT(table, Not(HasSubstr("광고")));
  // KRW (two amounts) before USD, largest first within a currency.
  EXPECT_THAT(table, HasSubstr("    KRW  3조 원                  a\n"
                               "    KRW  500억 원                a\n"
                               "    USD  170억 달러              a\n"));
  // Listed once, though found twice.
  EXPECT_TRUE(absl::EndsWith(table, "    USD  170억 달러              a\n")) << table;
}

TEST(RunSummary, CleanBatchShowsNoStageBreakdown) {
  RunSummary summary;
  summary.Add(Document("a"));
  const std::string table = summary.Format(v1::BatchSummary(), 5);
  EXPECT_THAT(table, HasSubstr("  failed            0\n"));
  EXPECT_THAT(table, Not(HasSubstr("top entities")));
  EXPECT_THAT(table, Not(HasSubstr("largest amounts")));
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
