// Finds date and time expressions in Korean news text and resolves them
// against a reference date.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<DateExtractor> extractor,
//                            DateExtractor::Create());
//   for (const DateExpression& e : extractor->Extract(text)) {
//     ResolvedDate r = Resolve(e, absl::CivilDay(2025, 11, 26));
//     // "지난 9월" -> r.value == "2025-09", grain kMonth, form kPartial.
//   }
//
// Recognised: numeric dates (`2025.11.25`, `2025-11-25`, `2025. 12. 19.`,
// `2025.11`), Korean dates and parts of them (`2025년 11월 25일`, `11월`,
// `25일(현지시간)`, `25~27일`), quarters and halves (`3분기`, `1·4분기`,
// `상반기`), relative words from data/dates/relative_words.tsv (`어제`,
// `다음 달`, `지난해 4분기`, `지난 9월`, `오는 25일`), counted offsets
// (`3년 전`, `5년 뒤`) and times (`오후 3시 30분`, `09:06 PDT`), alone or
// after a date. Not dates: amounts (`2025억 원`), durations (`3일간`,
// `5년 만에`), versions (`GPT-5.5`), scores (`3-1`), phone numbers.
//
// The scan visits only digits and word starts whose first syllable begins a
// keyword, so text without dates costs one pass over its bytes.
#ifndef GLEANER_WORKERS_EXTRACT_DATES_DATE_EXTRACTOR_H_
#define GLEANER_WORKERS_EXTRACT_DATES_DATE_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {

enum class Grain { kNone, kYear, kHalf, kQuarter, kMonth, kWeek, kDay, kTime };
enum class Form { kAbsolute, kPartial, kRelative };

// The calendar fields the text states; 0 (or -1 for clock fields) when
// absent.
struct DateFields {
  int year = 0;
  int half = 0;
  int quarter = 0;
  int month = 0;
  int day = 0;
  int hour = -1;
  int minute = -1;
  int second = -1;
};

// One expression as written, before resolution.
struct DateExpression {
  // UTF-8 byte offsets into the text, [begin, end).
  size_t begin = 0;
  size_t end = 0;
  // The finest unit the text gives.
  Grain grain = Grain::kNone;
  // Fields as written; `end_fields` holds an interval's end (`25~27일`),
  // with `has_end` set.
  DateFields fields;
  DateFields end_fields;
  bool has_end = false;
  // A relative word moves the reference by `offset` units of `unit`
  // (kNone: no relative word). `지난해 4분기`: unit kYear, offset -1.
  Grain unit = Grain::kNone;
  int offset = 0;
  // `지난`/`오는` before a month or day: -1 the latest past one, +1 the next.
  int direction = 0;
  // `(현지시간)`: local to the place written about.
  bool local_time = false;
  // "+09:00" when the text names a zone.
  std::string utc_offset;
};

// A resolved expression.
struct ResolvedDate {
  Form form = Form::kAbsolute;
  // True when `value` is set.
  bool resolved = false;
  // ISO 8601 at the expression's grain ("2025-11-25", "2025-Q3",
  // "2025-11-25T15:00+09:00", "T09:06").
  std::string value;
  // An interval's end, same grain; else empty.
  std::string value_end;
  // TIMEX3-style pattern of what the text fixes for partial forms
  // ("XXXX-11-25"); else empty.
  std::string partial;
};

// Returns the form of `e`: absolute when complete as written.
Form FormOf(const DateExpression& e);

// Resolves `e` against `reference` (nullopt: none known, so only absolute
// forms resolve). Partial forms take the missing year or month nearest to
// the reference, or the latest past / next one after 지난 / 오는.
ResolvedDate Resolve(const DateExpression& e,
                     std::optional<absl::CivilDay> reference);

// Parses "YYYY-MM-DD" (anything after the day is ignored); nullopt when
// `iso` does not start with a valid date.
std::optional<absl::CivilDay> ParseIsoDay(absl::string_view iso);

// Thread-safe (immutable after Create); not copyable.
class DateExtractor {
 public:
  // Reads the embedded word lists; kInvalidArgument naming file and line
  // for a malformed row.
  static absl::StatusOr<std::unique_ptr<DateExtractor>> Create();

  DateExtractor(const DateExtractor&) = delete;
  DateExtractor& operator=(const DateExtractor&) = delete;

  // Returns the expressions in `text`, in order, non-overlapping.
  std::vector<DateExpression> Extract(absl::string_view text) const;

  // Parses one expression starting exactly at `pos` (a digit or a word
  // start); nullopt when none starts there. Used by the page-metadata
  // reader for dates after labels.
  std::optional<DateExpression> ParseAt(absl::string_view text,
                                        size_t pos) const;

  // Parses a month-day such as `02-01` or `11.25` at `pos`, which the
  // caller knows to be a date (it follows a date label); with a following
  // time when present.
  std::optional<DateExpression> ParseMonthDayAt(absl::string_view text,
                                                size_t pos) const;

 private:
  struct Keyword {
    std::string word;
    Grain unit = Grain::kNone;  // kYear/kMonth/kWeek/kDay, or kNone
    int offset = 0;
    enum Kind { kRelative, kPrefixYear, kDirection, kHalf, kExclude } kind;
  };
  struct DayPeriod {
    std::string word;
    enum Rule { kAm, kPm, kNight } rule;
  };
  struct Zone {
    std::string name;
    std::string offset;  // "+09:00", or "" for local time
  };
  class Parser;

  DateExtractor() = default;
  // Reads the parts of the day and the time zones.
  absl::Status LoadTimeWords();

  // Keywords by their first syllable's index (code point - U+AC00),
  // longest first; `starts_` marks those syllables (and the parts of the
  // day's) for the scan, which asks at every word start: a bit test is far
  // cheaper there than hashing.
  absl::flat_hash_map<uint32_t, std::vector<Keyword>> keywords_;
  std::vector<uint8_t> starts_;
  // The first syllables of the parts of the day (오후, 새벽, ...).
  std::vector<uint8_t> period_starts_;
  // 상반기 / 하반기, also reachable after a year (`2025년 상반기`).
  std::vector<Keyword> halves_;
  std::vector<DayPeriod> day_periods_;
  std::vector<Zone> zones_;
};

}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_DATES_DATE_EXTRACTOR_H_
