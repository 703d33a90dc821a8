#include "workers/extract/dates/date_pass.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "services/common/status_macros.h"
#include "workers/extract/dates/dates_data.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {
namespace {

// An amount's period is at most this many bytes before it (`3분기 매출
// 350억 달러`: the metric word sits between).
constexpr size_t kMaxPeriodGap = 60;

v1::DateGrain ToProto(Grain grain) {
  switch (grain) {
    case Grain::kYear:
      return v1::DATE_GRAIN_YEAR;
    case Grain::kHalf:
      return v1::DATE_GRAIN_HALF;
    case Grain::kQuarter:
      return v1::DATE_GRAIN_QUARTER;
    case Grain::kMonth:
      return v1::DATE_GRAIN_MONTH;
    case Grain::kWeek:
      return v1::DATE_GRAIN_WEEK;
    case Grain::kDay:
      return v1::DATE_GRAIN_DAY;
    case Grain::kTime:
      return v1::DATE_GRAIN_TIME;
    case Grain::kNone:
      break;
  }
  return v1::DATE_GRAIN_UNSPECIFIED;
}

v1::DateForm ToProto(Form form) {
  switch (form) {
    case Form::kAbsolute:
      return v1::DATE_FORM_ABSOLUTE;
    case Form::kPartial:
      return v1::DATE_FORM_PARTIAL;
    case Form::kRelative:
      return v1::DATE_FORM_RELATIVE;
  }
  return v1::DATE_FORM_UNSPECIFIED;
}

// The reference of a mention at `pos`: its story's date, else the page's,
// else the client's.
class References {
 public:
  explicit References(const v1::DocumentResult& result) : result_(result) {
    auto it = result.metadata().find("reference_date");
    std::optional<absl::CivilDay> client =
        it != result.metadata().end() ? ParseIsoDay(it->second) : std::nullopt;
    std::optional<absl::CivilDay> page = ParseIsoDay(result.page().published().value());
    fallback_ = page ? page : client;
    for (const v1::Story& story : result.stories()) {
      std::optional<absl::CivilDay> day = ParseIsoDay(story.published());
      story_days_.push_back(day ? day : fallback_);
    }
  }

  std::optional<absl::CivilDay> At(size_t pos) {
    // Mentions come in order, and so do stories: walk forward.
    while (next_ < result_.stories_size() && result_.stories(next_).end() <= pos) ++next_;
    if (next_ < result_.stories_size() && result_.stories(next_).begin() <= pos) {
      return story_days_[next_];
    }
    return fallback_;
  }

 private:
  const v1::DocumentResult& result_;
  std::optional<absl::CivilDay> fallback_;
  std::vector<std::optional<absl::CivilDay>> story_days_;
  int next_ = 0;
};

// Boilerplate and repeated blocks, asked in text order.
class FlaggedRanges {
 public:
  explicit FlaggedRanges(const v1::DocumentResult& result) {
    for (const v1::TextBlock& b : result.blocks()) {
      if (b.boilerplate()) ranges_.push_back({b.begin(), b.end()});
    }
    for (const v1::RepeatedBlock& b : result.duplicate().repeated_blocks()) {
      ranges_.push_back({b.begin(), b.end()});
    }
    std::sort(ranges_.begin(), ranges_.end());
  }

  // REQUIRES: `pos` not smaller than in the previous call.
  bool Contains(size_t pos) {
    while (next_ < ranges_.size() && ranges_[next_].second <= pos) ++next_;
    for (size_t i = next_; i < ranges_.size() && ranges_[i].first <= pos; ++i) {
      if (pos < ranges_[i].second) return true;
    }
    return false;
  }

 private:
  std::vector<std::pair<size_t, size_t>> ranges_;
  size_t next_ = 0;
};

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

}  // namespace

absl::StatusOr<std::unique_ptr<DatePass>> DatePass::Create() {
  std::unique_ptr<DatePass> pass(new DatePass());
  GLEANER_ASSIGN_OR_RETURN(pass->extractor_, DateExtractor::Create());
  GLEANER_ASSIGN_OR_RETURN(absl::string_view metrics, DatesDataFile("period_metrics.tsv"));
  GLEANER_ASSIGN_OR_RETURN(std::vector<WordListRow> rows,
                           ReadWordList("period_metrics.tsv", metrics, 1));
  for (const WordListRow& row : rows) pass->metrics_.emplace_back(row.fields[0]);
  return pass;
}

void DatePass::Run(const v1::DocumentResult& document, v1::ExtractDelta* delta) const {
  const std::string& text = document.text();
  delta->clear_dates();
  delta->clear_amount_periods();
  References references(document);
  FlaggedRanges flagged(document);
  for (const DateExpression& e : extractor_->Extract(text)) {
    const std::optional<absl::CivilDay> reference = references.At(e.begin);
    const ResolvedDate r = Resolve(e, reference);
    v1::DateMention* out = delta->add_dates();
    out->set_begin(static_cast<uint32_t>(e.begin));
    out->set_end(static_cast<uint32_t>(e.end));
    out->set_text(text.substr(e.begin, e.end - e.begin));
    out->set_grain(ToProto(e.grain));
    out->set_form(ToProto(r.form));
    out->set_resolved(r.resolved);
    out->set_value(r.value);
    out->set_value_end(r.value_end);
    out->set_partial(r.partial);
    out->set_relative_offset(e.offset);
    if (e.unit != Grain::kNone) out->set_relative_unit(ToProto(e.unit));
    out->set_local_time(e.local_time);
    if (reference && r.form != Form::kAbsolute) out->set_reference(FormatDay(*reference));
    out->set_flagged(flagged.Contains(e.begin));
  }
  LinkAmountPeriods(text, delta);
}

// An amount's period: the nearest date of grain month or coarser before
// it in its sentence, with a metric word (매출, 영업이익, ...) between and
// no other amount.
void DatePass::LinkAmountPeriods(absl::string_view text, v1::ExtractDelta* delta) const {
  int next_date = 0;
  int previous_period = -1;  // the date the previous amount was linked to
  for (int a = 0; a < delta->amounts_size(); ++a) {
    const int period = PeriodOf(text, *delta, a, next_date, previous_period);
    previous_period = period;
    if (period < 0) continue;
    v1::AmountPeriod* link = delta->add_amount_periods();
    link->set_amount_index(static_cast<uint32_t>(a));
    link->set_date_index(static_cast<uint32_t>(period));
    delta->mutable_amounts(a)->add_qualifiers(delta->dates(period).text());
  }
}

int DatePass::PeriodOf(absl::string_view text, const v1::ExtractDelta& result, int a,
                       int& next_date, int previous_period) const {
  const v1::Amount& amount = result.amounts(a);
  while (next_date < result.dates_size() && result.dates(next_date).end() <= amount.begin()) {
    ++next_date;
  }
  for (int d = next_date - 1; d >= 0; --d) {
    const v1::DateMention& date = result.dates(d);
    if (amount.begin() - date.end() > kMaxPeriodGap) return -1;
    const v1::DateGrain g = date.grain();
    if (g != v1::DATE_GRAIN_YEAR && g != v1::DATE_GRAIN_HALF && g != v1::DATE_GRAIN_QUARTER &&
        g != v1::DATE_GRAIN_MONTH) {
      continue;
    }
    const absl::string_view gap = text.substr(date.end(), amount.begin() - date.end());
    if (absl::StrContains(gap, ". ") || absl::StrContains(gap, "\n")) return -1;
    // Another amount between: the period carries over a list of figures
    // (`3분기 매출 350억 달러, 영업이익 50억 달러`) only.
    if (a > 0 && result.amounts(a - 1).end() > date.end() && previous_period != d) return -1;
    for (const std::string& word : metrics_) {
      if (absl::StrContains(gap, word)) return d;
    }
    return -1;
  }
  return -1;
}

}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
