// Resolution of date expressions against a reference day (see
// date_extractor.h): fills in what the text leaves out and formats ISO 8601.
#include <cstdlib>
#include <optional>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "workers/extract/dates/date_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {
namespace {

bool ValidDay(int year, int month, int day) {
  const absl::CivilDay d(year, month, day);
  return d.year() == year && d.month() == month && d.day() == day;
}

int QuarterOf(int month) { return (month - 1) / 3 + 1; }

// ISO 8601 week: the week belongs to the year of its Thursday.
std::string IsoWeek(absl::CivilDay day) {
  const int from_monday =
      (static_cast<int>(absl::GetWeekday(day)) - static_cast<int>(absl::Weekday::monday) + 7) % 7;
  const absl::CivilDay thursday = day - from_monday + 3;
  const int week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
  return absl::StrFormat("%04d-W%02d", thursday.year(), week);
}

std::string FormatClock(const DateFields& f) {
  std::string out = absl::StrFormat("T%02d:%02d", f.hour, f.minute < 0 ? 0 : f.minute);
  if (f.second >= 0) absl::StrAppendFormat(&out, ":%02d", f.second);
  return out;
}

// Formats complete fields at `grain`.
std::string Format(const DateFields& f, Grain grain) {
  switch (grain) {
    case Grain::kYear:
      return absl::StrFormat("%04d", f.year);
    case Grain::kHalf:
      return absl::StrFormat("%04d-H%d", f.year, f.half);
    case Grain::kQuarter:
      return absl::StrFormat("%04d-Q%d", f.year, f.quarter);
    case Grain::kMonth:
      return absl::StrFormat("%04d-%02d", f.year, f.month);
    case Grain::kWeek:
      return IsoWeek(absl::CivilDay(f.year, f.month, f.day));
    case Grain::kDay:
      return absl::StrFormat("%04d-%02d-%02d", f.year, f.month, f.day);
    case Grain::kTime:
      if (f.day == 0) return FormatClock(f);
      return absl::StrCat(absl::StrFormat("%04d-%02d-%02d", f.year, f.month, f.day),
                          FormatClock(f));
    case Grain::kNone:
      break;
  }
  return "";
}

// The TIMEX3-style pattern of a partial expression ("XXXX-11-25").
std::string PartialPattern(const DateFields& f, Grain grain) {
  const std::string year = "XXXX";
  if (f.half > 0) return absl::StrFormat("%s-H%d", year, f.half);
  if (f.quarter > 0) return absl::StrFormat("%s-Q%d", year, f.quarter);
  std::string month = f.month > 0 ? absl::StrFormat("%02d", f.month) : "XX";
  if (f.day == 0) return absl::StrCat(year, "-", month);
  std::string out = absl::StrFormat("%s-%s-%02d", year, month, f.day);
  if (grain == Grain::kTime) absl::StrAppend(&out, FormatClock(f));
  return out;
}

// The year of a month (and day) the text gives without one: the latest past
// one (direction -1), the next one (+1), or the nearest to the reference.
int YearFor(int month, int day, int direction, absl::CivilDay ref) {
  const int y = static_cast<int>(ref.year());
  const int d = day > 0 ? day : 1;
  if (direction != 0 || day == 0) {
    const int cmp = month != ref.month() ? month - ref.month()
                                         : (day > 0 ? d - ref.day() : 0);
    if (direction < 0) return cmp < 0 ? y : y - 1;
    if (direction > 0) return cmp > 0 ? y : y + 1;
    return y;
  }
  int best = y;
  int64_t best_distance = -1;
  for (int candidate = y - 1; candidate <= y + 1; ++candidate) {
    if (!ValidDay(candidate, month, d)) continue;
    const int64_t distance = std::llabs(absl::CivilDay(candidate, month, d) - ref);
    if (best_distance < 0 || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

// The month of a day the text gives alone (`25일`): the latest past one
// (direction -1), the next one (+1), else see below. Sets `f.year` and `f.month`; false when no month holds the day.
bool MonthFor(int direction, absl::CivilDay ref, DateFields& f) {
  const absl::CivilMonth this_month(ref);
  absl::CivilMonth chosen = this_month;
  if (direction < 0) {
    chosen = f.day < ref.day() ? this_month : this_month - 1;
  } else if (direction > 0) {
    chosen = f.day > ref.day() ? this_month : this_month + 1;
  } else {
    // News reports days just past far more than days ahead: a day up to a
    // week after the reference is this month's, a later one last month's.
    chosen = f.day <= ref.day() + 7 ? this_month : this_month - 1;
  }
  // A day the chosen month lacks (31일 in February) is the nearest month
  // before (or, looking ahead, after) that has it.
  const int step = direction > 0 ? 1 : -1;
  for (int i = 0; i < 2 && !ValidDay(chosen.year(), chosen.month(), f.day); ++i) {
    chosen += step;
  }
  if (!ValidDay(chosen.year(), chosen.month(), f.day)) return false;
  f.year = static_cast<int>(chosen.year());
  f.month = chosen.month();
  return true;
}

void SetDay(absl::CivilDay day, DateFields& f) {
  f.year = static_cast<int>(day.year());
  f.month = day.month();
  f.day = day.day();
}

// Applies a relative word: the reference moved by `offset` units, with the
// fields the text adds (`지난해 4분기`, `다음 달 5일`, `어제 오후 3시`).
void ApplyRelative(const DateExpression& e, absl::CivilDay ref, DateFields& f) {
  switch (e.unit) {
    case Grain::kYear:
      f.year = static_cast<int>(ref.year()) + e.offset;
      break;
    case Grain::kQuarter: {
      const absl::CivilMonth first(ref.year(), (QuarterOf(ref.month()) - 1) * 3 + 1);
      const absl::CivilMonth moved = first + 3 * e.offset;
      f.year = static_cast<int>(moved.year());
      f.quarter = QuarterOf(moved.month());
      break;
    }
    case Grain::kMonth: {
      const absl::CivilMonth moved = absl::CivilMonth(ref) + e.offset;
      f.year = static_cast<int>(moved.year());
      f.month = moved.month();
      break;
    }
    case Grain::kWeek:
      SetDay(ref + 7 * e.offset, f);
      break;
    case Grain::kDay:
      SetDay(ref + e.offset, f);
      break;
    default:
      break;
  }
}

// Fills the year (and month) the text leaves out. False when the fields do
// not name a real day.
bool Complete(const DateExpression& e, absl::CivilDay ref, DateFields& f) {
  if (e.unit != Grain::kNone) {
    ApplyRelative(e, ref, f);
  } else if (f.year == 0) {
    if (f.month > 0) {
      f.year = YearFor(f.month, f.day, e.direction, ref);
    } else if (f.quarter > 0 || f.half > 0) {
      const int now = f.quarter > 0 ? QuarterOf(ref.month()) : (ref.month() + 5) / 6;
      const int want = f.quarter > 0 ? f.quarter : f.half;
      f.year = static_cast<int>(ref.year());
      if (e.direction < 0 && want >= now) --f.year;
      if (e.direction > 0 && want <= now) ++f.year;
    } else if (f.day > 0) {
      if (!MonthFor(e.direction, ref, f)) return false;
    }
  }
  return f.day == 0 || ValidDay(f.year, f.month, f.day);
}

// An interval's end takes what it leaves out from its start, and the next
// year when it would otherwise end before it (`12월 28일~1월 3일`).
DateFields CompleteEnd(const DateFields& start, DateFields end) {
  const bool year_given = end.year != 0;
  if (end.year == 0) end.year = start.year;
  if (end.month == 0 && end.day > 0) end.month = start.month;
  if (end.day == 0 && start.day > 0 && end.hour < 0) end.day = start.day;
  if (!year_given && end.month > 0 && end.month < start.month) ++end.year;
  if (end.hour >= 0 && start.hour >= 0 && end.day == 0) {
    end.year = start.year;
    end.month = start.month;
    end.day = start.day;
  }
  return end;
}

}  // namespace

Form FormOf(const DateExpression& e) {
  if (e.unit != Grain::kNone) return Form::kRelative;
  const DateFields& f = e.fields;
  const bool date_part = f.month > 0 || f.day > 0 || f.quarter > 0 || f.half > 0;
  if (f.year != 0 || !date_part) return Form::kAbsolute;
  return Form::kPartial;
}

std::optional<absl::CivilDay> ParseIsoDay(absl::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' ||
      !absl::SimpleAtoi(iso.substr(0, 4), &y) ||
      !absl::SimpleAtoi(iso.substr(5, 2), &m) ||
      !absl::SimpleAtoi(iso.substr(8, 2), &d) || !ValidDay(y, m, d)) {
    return std::nullopt;
  }
  return absl::CivilDay(y, m, d);
}

ResolvedDate Resolve(const DateExpression& e,
                     std::optional<absl::CivilDay> reference) {
  ResolvedDate out;
  out.form = FormOf(e);
  if (out.form == Form::kPartial) out.partial = PartialPattern(e.fields, e.grain);
  DateFields start = e.fields;
  if (out.form != Form::kAbsolute) {
    if (!reference || !Complete(e, *reference, start)) return out;
  } else if (start.day > 0 && !ValidDay(start.year, start.month, start.day)) {
    return out;
  }
  out.resolved = true;
  out.value = absl::StrCat(Format(start, e.grain), e.utc_offset);
  if (e.has_end) {
    out.value_end =
        absl::StrCat(Format(CompleteEnd(start, e.end_fields), e.grain), e.utc_offset);
  }
  return out;
}

}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
