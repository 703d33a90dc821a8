#include "workers/extract/dates/date_pass.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {
namespace {

using ::gleaner::testing::IsOk;

class DatePassTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<DatePass>> pass = DatePass::Create();
    ASSERT_THAT(pass.status(), IsOk());
    pass_ = std::move(*pass);
  }

  // Adds an amount over the first occurrence of `span`.
  static void AddAmount(const std::string& text, v1::ExtractDelta& d, const std::string& span) {
    v1::Amount* a = d.add_amounts();
    a->set_begin(static_cast<uint32_t>(text.find(span)));
    a->set_end(a->begin() + static_cast<uint32_t>(span.size()));
    a->set_text(span);
  }

  std::unique_ptr<DatePass> pass_;
};

TEST_F(DatePassTest, ResolvesAgainstThePageDate) {
  v1::DocumentResult r;
  v1::ExtractDelta d;
  r.set_text("엔비디아는 어제 실적을 발표했다. 지난 9월에도 그랬다.");
  r.mutable_page()->mutable_published()->set_value("2025-11-26T09:00:00+09:00");
  pass_->Run(r, &d);
  ASSERT_EQ(d.dates_size(), 2);
  EXPECT_EQ(d.dates(0).text(), "어제");
  EXPECT_EQ(d.dates(0).value(), "2025-11-25");
  EXPECT_EQ(d.dates(0).grain(), v1::DATE_GRAIN_DAY);
  EXPECT_EQ(d.dates(0).form(), v1::DATE_FORM_RELATIVE);
  EXPECT_EQ(d.dates(0).relative_unit(), v1::DATE_GRAIN_DAY);
  EXPECT_EQ(d.dates(0).relative_offset(), -1);
  EXPECT_EQ(d.dates(0).reference(), "2025-11-26");
  EXPECT_EQ(d.dates(1).value(), "2025-09");
  EXPECT_EQ(d.dates(1).partial(), "XXXX-09");
}

TEST_F(DatePassTest, EachStoryResolvesAgainstItsOwnDate) {
  v1::DocumentResult r;
  v1::ExtractDelta d;
  r.set_text("첫 기사 어제 발표\n둘째 기사 어제 발표\n");
  v1::Story* first = r.add_stories();
  first->set_begin(0);
  first->set_end(static_cast<uint32_t>(r.text().find('\n')));
  first->set_published("2025-11-25T09:06:00-07:00");
  v1::Story* second = r.add_stories();
  second->set_begin(first->end() + 1);
  second->set_end(static_cast<uint32_t>(r.text().size()));
  second->set_published("2025-10-01");
  pass_->Run(r, &d);
  ASSERT_EQ(d.dates_size(), 2);
  EXPECT_EQ(d.dates(0).value(), "2025-11-24");
  EXPECT_EQ(d.dates(1).value(), "2025-09-30");
}

TEST_F(DatePassTest, ClientReferenceWhenThePageHasNone) {
  v1::DocumentResult r;
  v1::ExtractDelta d;
  r.set_text("다음 달 출시");
  (*r.mutable_metadata())["reference_date"] = "2025-12-15";
  pass_->Run(r, &d);
  ASSERT_EQ(d.dates_size(), 1);
  EXPECT_EQ(d.dates(0).value(), "2026-01");
  r.clear_metadata();
  pass_->Run(r, &d);
  ASSERT_EQ(d.dates_size(), 1);
  EXPECT_FALSE(d.dates(0).resolved());
  EXPECT_EQ(d.dates(0).value(), "");
}

TEST_F(DatePassTest, BoilerplateDatesAreFlagged) {
  v1::DocumentResult r;
  v1::ExtractDelta d;
  r.set_text("본문 2025.11.25\n2026-01-27");
  v1::TextBlock* b = r.add_blocks();
  b->set_begin(static_cast<uint32_t>(r.text().find('\n') + 1));
  b->set_end(static_cast<uint32_t>(r.text().size()));
  b->set_boilerplate(true);
  pass_->Run(r, &d);
  ASSERT_EQ(d.dates_size(), 2);
  EXPECT_FALSE(d.dates(0).flagged());
  EXPECT_TRUE(d.dates(1).flagged());
}

TEST_F(DatePassTest, AmountsGainTheirPeriod) {
  v1::DocumentResult r;
  v1::ExtractDelta d;
  r.set_text("엔비디아는 올해 3분기 매출 350억 달러, 영업이익 50억 달러를 기록했다. "
             "2025년 직원 3만 명이 일했고 어제 주가는 10% 올랐다.");
  r.mutable_page()->mutable_published()->set_value("2025-11-26");
  AddAmount(r.text(), d, "350억 달러");
  AddAmount(r.text(), d, "50억 달러");
  AddAmount(r.text(), d, "3만 명");
  AddAmount(r.text(), d, "10%");
  pass_->Run(r, &d);
  ASSERT_EQ(d.amount_periods_size(), 2);
  EXPECT_EQ(d.amount_periods(0).amount_index(), 0u);
  EXPECT_EQ(d.dates(d.amount_periods(0).date_index()).value(), "2025-Q3");
  EXPECT_EQ(d.amount_periods(1).amount_index(), 1u);
  EXPECT_EQ(d.amount_periods(1).date_index(), d.amount_periods(0).date_index());
  EXPECT_THAT(d.amounts(0).qualifiers(), ::testing::ElementsAre("올해 3분기"));
  EXPECT_TRUE(d.amounts(2).qualifiers().empty()) << "직원 is no reported figure";
  EXPECT_TRUE(d.amounts(3).qualifiers().empty()) << "어제 is a day, not a period";
}

}  // namespace
}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
