#include "workers/extract/dates/date_extractor.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "services/common/status_macros.h"
#include "workers/extract/dates/dates_data.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {
namespace {

constexpr size_t kSyllable = 3;  // bytes of one Hangul syllable in UTF-8

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Lead bytes of U+AC00..U+D7A3 (Hangul syllables), plus a few neighbours:
// enough to tell word characters from spaces and punctuation.
bool IsHangulLead(unsigned char c) { return c >= 0xEA && c <= 0xED; }

size_t CharLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return lead >= 0xC0 ? 2 : 1;
}

bool At(absl::string_view text, size_t pos, absl::string_view literal) {
  return pos <= text.size() && absl::StartsWith(text.substr(pos), literal);
}

// The syllable at `pos`, or "" when none.
absl::string_view SyllableAt(absl::string_view text, size_t pos) {
  if (pos + kSyllable > text.size() ||
      !IsHangulLead(static_cast<unsigned char>(text[pos]))) {
    return {};
  }
  return text.substr(pos, kSyllable);
}

constexpr uint32_t kFirstSyllable = 0xAC00;
constexpr uint32_t kSyllables = 11172;  // U+AC00..U+D7A3

// The index of the Hangul syllable at `pos` (code point - U+AC00), or
// kSyllables when none starts there.
uint32_t SyllableIndex(absl::string_view text, size_t pos) {
  if (pos + kSyllable > text.size()) return kSyllables;
  const uint32_t cp = ((static_cast<unsigned char>(text[pos]) & 0x0F) << 12) |
                      ((static_cast<unsigned char>(text[pos + 1]) & 0x3F) << 6) |
                      (static_cast<unsigned char>(text[pos + 2]) & 0x3F);
  return cp >= kFirstSyllable && cp < kFirstSyllable + kSyllables ? cp - kFirstSyllable
                                                                    : kSyllables;
}

// True when the word does not go on at `pos`: end of text, a non-word
// character, or one of the particles in `particles` (syllables).
bool WordEndsAt(absl::string_view text, size_t pos,
                absl::string_view particles) {
  if (pos >= text.size()) return true;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return !IsAsciiAlnum(static_cast<char>(c));
  absl::string_view syllable = SyllableAt(text, pos);
  if (syllable.empty()) return true;
  for (size_t i = 0; i + kSyllable <= particles.size(); i += kSyllable) {
    if (particles.substr(i, kSyllable) == syllable) return true;
  }
  return false;
}

// Particles that may follow a date word: 에, 의, 는, 은, 도, 부(터), 까(지),
// 보(다), 과, 와, 만, 엔, 이, 가, 를, 을, 로, 처(럼), 대(비), 께, 쯤, 경, 였, 인.
constexpr absl::string_view kParticles =
    "에의는은도부까보과와만엔이가를을로처대께쯤경였인";
// After `N일`/`N시`: the particles, and the parts of the day and 현(지시간)
// that may follow without a space.
constexpr absl::string_view kAfterDay =
    "에의는은도부까보과와만엔이가를을로처께쯤경였인오새아낮저밤현반";

// Skips one ASCII space.
size_t Space(absl::string_view text, size_t pos) {
  return pos < text.size() && text[pos] == ' ' ? pos + 1 : pos;
}

// Reads 1 to `max_digits` digits at `pos`; the digit run must end there.
bool ReadNumber(absl::string_view text, size_t pos, size_t max_digits,
                int* value, size_t* end) {
  size_t p = pos;
  while (p < text.size() && IsDigit(text[p])) ++p;
  if (p == pos || p - pos > max_digits) return false;
  int v = 0;
  for (size_t i = pos; i < p; ++i) v = v * 10 + (text[i] - '0');
  *value = v;
  *end = p;
  return true;
}

// A range mark between two numbers: ~, ～, -, –.
size_t RangeMark(absl::string_view text, size_t pos) {
  if (At(text, pos, "~") || At(text, pos, "-")) return 1;
  if (At(text, pos, "～") || At(text, pos, "–")) return 3;
  return 0;
}

bool ValidYear(int y) { return y >= 1900 && y <= 2100; }

bool ValidDay(int year, int month, int day) {
  const absl::CivilDay d(year, month, day);
  return d.year() == year && d.month() == month && d.day() == day;
}

// Weekday in parentheses after a day: (월) ... (일).
size_t WeekdayParen(absl::string_view text, size_t pos) {
  if (!At(text, pos, "(") || !At(text, pos + 1 + kSyllable, ")")) return 0;
  constexpr absl::string_view kDays = "월화수목금토일";
  absl::string_view s = SyllableAt(text, pos + 1);
  for (size_t i = 0; !s.empty() && i < kDays.size(); i += kSyllable) {
    if (kDays.substr(i, kSyllable) == s) return 2 + kSyllable;
  }
  return 0;
}

}  // namespace

// One parse starting at a fixed position. Each Try* method returns the end
// of what it read, or `npos` when nothing matched; the expression is only
// written when something matched.
class DateExtractor::Parser {
 public:
  static constexpr size_t npos = absl::string_view::npos;

  Parser(const DateExtractor& x, absl::string_view text) : x_(x), text_(text) {}

  std::optional<DateExpression> ParseAt(size_t pos) {
    using Try = size_t (Parser::*)(size_t, DateExpression&);
    static constexpr Try kDigitStart[] = {&Parser::TryNumericDate,
                                          &Parser::TryCountedOffset,
                                          &Parser::TryKoreanRange, &Parser::TimeAt};
    static constexpr Try kWordStart[] = {&Parser::TryKeyword, &Parser::TimeAt};
    const bool digit = IsDigit(text_[pos]);
    if (digit && !MayFollowNumber(pos)) return std::nullopt;
    for (Try attempt : digit ? absl::Span<const Try>(kDigitStart)
                             : absl::Span<const Try>(kWordStart)) {
      DateExpression e;  // each attempt starts afresh
      e.begin = pos;
      const size_t end = (this->*attempt)(pos, e);
      if (end == npos || e.grain == Grain::kNone) continue;
      e.end = end;
      return e;
    }
    return std::nullopt;
  }

  // A cheap test before the parsers: what follows the digits at `pos` can
  // continue a date (a separator, a range mark, or a unit syllable such as
  // 년, 월, 일, 분, 시, 개, 달, 주). Most numbers in news are amounts (억, %,
  // 명) and stop here.
  bool MayFollowNumber(size_t pos) const {
    size_t p = pos;
    while (p < text_.size() && IsDigit(text_[p])) ++p;
    if (p >= text_.size()) return false;
    const char c = text_[p];
    if (c == '.' || c == '-' || c == '/' || c == '~' || c == ':') return true;
    if (At(text_, p, "·") || RangeMark(text_, p) > 0) return true;
    const absl::string_view s = SyllableAt(text_, p);
    constexpr absl::string_view kUnits = "년월일분시개달주";
    for (size_t i = 0; !s.empty() && i < kUnits.size(); i += kSyllable) {
      if (kUnits.substr(i, kSyllable) == s) return true;
    }
    return false;
  }

  // `02-01`, `11.25`, `2/1` after a label, then an optional time.
  std::optional<DateExpression> ParseMonthDay(size_t pos) {
    DateExpression e;
    e.begin = pos;
    int month = 0, day = 0;
    size_t p = 0;
    if (!ReadNumber(text_, pos, 2, &month, &p) || p >= text_.size()) return std::nullopt;
    const char sep = text_[p];
    if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
    if (!ReadNumber(text_, p + 1, 2, &day, &p)) return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    e.fields.month = month;
    e.fields.day = day;
    e.grain = Grain::kDay;
    e.end = TimeAfter(p, e);
    return e;
  }

 private:
  // `2025.11.25`, `2025-11-25`, `2025/11/25`, `2025. 12. 19.`, `2025.11`.
  size_t TryNumericDate(size_t pos, DateExpression& e) {
    int year = 0, month = 0, day = 0;
    size_t p = 0;
    if (!ReadNumber(text_, pos, 4, &year, &p) || p - pos != 4 || !ValidYear(year) ||
        p >= text_.size()) {
      return npos;
    }
    const char sep = text_[p];
    if (sep != '.' && sep != '-' && sep != '/') return npos;
    size_t q = sep == '.' ? Space(text_, p + 1) : p + 1;
    const size_t month_begin = q;
    if (!ReadNumber(text_, q, 2, &month, &q) || month < 1 || month > 12) return npos;
    const size_t month_digits = q - month_begin;
    size_t r = q < text_.size() && text_[q] == sep ? q + 1 : npos;
    if (r != npos && sep == '.') r = Space(text_, r);
    if (r != npos && ReadNumber(text_, r, 2, &day, &r) && day >= 1 && day <= 31) {
      if (r < text_.size() && (IsAsciiAlnum(text_[r]) ||
                               (text_[r] == sep && r + 1 < text_.size() &&
                                IsDigit(text_[r + 1])))) {
        return npos;  // `2025.11.25.3`, a version or an address
      }
      if (!ValidDay(year, month, day)) return npos;
      if (sep == '.' && At(text_, r, ".")) ++r;
      e.fields = {year, 0, 0, month, day};
      e.grain = Grain::kDay;
      return TimeAfter(r, e);
    }
    // Year and month alone: only `2025.11` / `2025-11` with a two-digit
    // month and nothing numeric after, so decimals such as 2025.5 stay out.
    if (sep == '/' || month_digits != 2 ||
        (q < text_.size() && (IsAsciiAlnum(text_[q]) || text_[q] == '%' ||
                              text_[q] == sep || text_[q] == ','))) {
      return npos;
    }
    if (sep == '.' && At(text_, q, ".")) ++q;
    e.fields = {year, 0, 0, month, 0};
    e.grain = Grain::kMonth;
    return q;
  }

  // `N<unit>` with an optional range (`25~27일`): returns the end, sets
  // `value` (and `value_end`, 0 when no range). `unit` is 년, 월, 일, 분기,
  // 시, 분 or 초.
  size_t Component(size_t pos, absl::string_view unit, int* value,
                   int* value_end) {
    size_t p = 0;
    if (pos >= text_.size() || !IsDigit(text_[pos]) ||
        !ReadNumber(text_, pos, 4, value, &p)) {
      return npos;
    }
    *value_end = 0;
    if (const size_t mark = RangeMark(text_, p); mark > 0) {
      size_t q = 0;
      if (ReadNumber(text_, p + mark, 4, value_end, &q) && At(text_, q, unit) &&
          *value_end > *value) {
        p = q;
      } else {
        *value_end = 0;
      }
    }
    if (unit == "분기" && (At(text_, p, "·4분기") || At(text_, p, "/4분기"))) {
      return p + (text_[p] == '/' ? 1 : 2) + 1 + unit.size();
    }
    if (!At(text_, p, unit)) return npos;
    return p + unit.size();
  }

  // A month (and day) or a day at `pos`; writes them to `f`/`end_f`.
  size_t MonthDay(size_t pos, DateExpression& e) {
    int m = 0, m_end = 0;
    size_t p = Component(pos, "월", &m, &m_end);
    if (p != npos) {
      const bool day_follows = p < text_.size() && IsDigit(text_[p]);  // `11월25일`
      if (m < 1 || m > 12 || m_end > 12 || !(day_follows || WordEndsAt(text_, p, kParticles))) {
        return npos;
      }
      e.fields.month = m;
      e.grain = Grain::kMonth;
      if (m_end > 0) {
        e.end_fields.month = m_end;
        e.has_end = true;
        return p;
      }
      const size_t q = Day(Space(text_, p), e);
      return q != npos ? q : p;
    }
    return Day(pos, e);
  }

  size_t Day(size_t pos, DateExpression& e) {
    int d = 0, d_end = 0;
    size_t p = Component(pos, "일", &d, &d_end);
    if (p == npos || d < 1 || d > 31 || d_end > 31 || !WordEndsAt(text_, p, kAfterDay) ||
        IsDuration(p)) {
      return npos;
    }
    e.fields.day = d;
    e.grain = Grain::kDay;
    if (d_end > 0) {
      e.end_fields.day = d_end;
      e.has_end = true;
    }
    p += WeekdayParen(text_, p);
    return TimeAfter(p, e);
  }

  // `일 만에`, `일 동안`, `일 이내`, `일 이상`, `일 넘게`: a span of days.
  bool IsDuration(size_t p) {
    const size_t q = Space(text_, p);
    return At(text_, q, "만에") || At(text_, q, "동안") || At(text_, q, "이내") ||
           At(text_, q, "이상") || At(text_, q, "넘게") || At(text_, q, "간") ||
           At(text_, q, "째");
  }

  // A period after a year (`2025년`, `올해`): half, quarter, month[-day].
  size_t PeriodAfterYear(size_t pos, DateExpression& e) {
    for (const Keyword& k : x_.halves_) {
      if (At(text_, pos, k.word) && WordEndsAt(text_, pos + k.word.size(), kParticles)) {
        e.fields.half = k.offset;
        e.grain = Grain::kHalf;
        return pos + k.word.size();
      }
    }
    int q = 0, q_end = 0;
    size_t p = Component(pos, "분기", &q, &q_end);
    if (p != npos && q >= 1 && q <= 4 && q_end <= 4) {
      e.fields.quarter = q;
      e.grain = Grain::kQuarter;
      if (q_end > 0) {
        e.end_fields.quarter = q_end;
        e.has_end = true;
      }
      return p;
    }
    return MonthDay(pos, e);
  }

  // A Korean date, then `~` and another as the interval's end
  // (`12월 28일~1월 3일`, `1분기~3분기`).
  size_t TryKoreanRange(size_t pos, DateExpression& e) {
    const size_t p = TryKorean(pos, e);
    const size_t mark = p == npos || e.has_end ? 0 : RangeMark(text_, Space(text_, p));
    if (mark == 0) return p;
    const size_t q = Space(text_, Space(text_, p) + mark);
    DateExpression end;
    const size_t r = q < text_.size() && IsDigit(text_[q]) ? TryKorean(q, end) : npos;
    if (r == npos || end.has_end || end.grain != e.grain) return p;
    e.end_fields = end.fields;
    e.has_end = true;
    return r;
  }

  // Korean dates: [YYYY년] [period], or a period alone.
  size_t TryKorean(size_t pos, DateExpression& e) {
    int y = 0, y_end = 0;
    size_t p = Component(pos, "년", &y, &y_end);
    if (p != npos && ValidYear(y) && (y_end == 0 || ValidYear(y_end)) &&
        !At(text_, p, "대") && !At(text_, p, "간") && !At(text_, p, "째") &&
        !At(text_, p, "차")) {
      e.fields.year = y;
      e.grain = Grain::kYear;
      if (y_end > 0) {
        e.end_fields.year = y_end;
        e.has_end = true;
        return p;
      }
      const size_t q = PeriodAfterYear(Space(text_, p), e);
      return q != npos ? q : p;
    }
    return PeriodAfterYear(pos, e);
  }

  // `3년 전`, `5년 뒤`, `2개월 후`, `3주 전`, `10일 전`.
  size_t TryCountedOffset(size_t pos, DateExpression& e) {
    int n = 0;
    size_t p = 0;
    if (!ReadNumber(text_, pos, 3, &n, &p)) return npos;
    static constexpr std::pair<absl::string_view, Grain> kUnits[] = {
        {"년", Grain::kYear}, {"개월", Grain::kMonth}, {"달", Grain::kMonth},
        {"주", Grain::kWeek}, {"일", Grain::kDay}};
    for (const auto& [word, grain] : kUnits) {
      if (!At(text_, p, word)) continue;
      const size_t q = Space(text_, p + word.size());
      int sign = 0;
      if (At(text_, q, "전")) sign = -1;
      if (At(text_, q, "후") || At(text_, q, "뒤")) sign = 1;
      if (sign == 0 || !WordEndsAt(text_, q + kSyllable, kParticles)) return npos;
      e.unit = grain;
      e.grain = grain;
      e.offset = sign * n;
      return q + kSyllable;
    }
    return npos;
  }

  // Relative words and 지난/오는/올 before a period.
  size_t TryKeyword(size_t pos, DateExpression& e) {
    auto it = x_.keywords_.find(SyllableIndex(text_, pos));
    if (it == x_.keywords_.end()) return npos;
    for (const Keyword& k : it->second) {
      // The second syllable (or space) first: most word starts share only
      // the first with a keyword.
      if (k.word.size() > kSyllable && pos + kSyllable < text_.size() &&
          text_[pos + kSyllable] != k.word[kSyllable]) {
        continue;
      }
      if (k.word.size() > kSyllable + 2 && pos + kSyllable + 2 < text_.size() &&
          text_[pos + kSyllable + 2] != k.word[kSyllable + 2]) {
        continue;
      }
      if (!At(text_, pos, k.word)) continue;
      const size_t p = pos + k.word.size();
      switch (k.kind) {
        case Keyword::kExclude:
          return npos;
        case Keyword::kHalf:
          if (!WordEndsAt(text_, p, kParticles)) continue;
          e.fields.half = k.offset;
          e.grain = Grain::kHalf;
          return p;
        case Keyword::kDirection: {
          const size_t q = Space(text_, p);
          if (q == p) continue;
          const size_t r = q < text_.size() && IsDigit(text_[q]) ? TryKorean(q, e) : npos;
          if (r == npos || e.grain == Grain::kYear) return npos;
          e.direction = k.offset;
          return r;
        }
        case Keyword::kPrefixYear:
        case Keyword::kRelative: {
          const size_t r = AfterRelative(k, p, e);
          if (r != npos) return r;
          e = DateExpression{};
          e.begin = pos;
          continue;  // a shorter word may still match
        }
      }
    }
    return npos;
  }

  size_t AfterRelative(const Keyword& k, size_t p, DateExpression& e) {
    const bool prefix = k.kind == Keyword::kPrefixYear;
    if (!prefix && !WordEndsAt(text_, p, kParticles)) return npos;
    e.unit = k.unit;
    e.offset = k.offset;
    const size_t q = Space(text_, p);
    size_t r = npos;
    if (k.unit == Grain::kYear) {
      r = PeriodAfterYear(q, e);
    } else if (k.unit == Grain::kMonth) {
      r = Day(q, e);
    } else if (k.unit == Grain::kDay) {
      r = TimeAt(q, e);
    }
    if (r != npos) return r;
    if (prefix) return npos;  // 올 alone is not a date
    e.grain = k.unit;
    return p;
  }

  // An optional time (and zone) after a date ending at `p`.
  size_t TimeAfter(size_t p, DateExpression& e) {
    p = ZoneAt(p, e);
    const size_t q = TimeAt(Space(text_, p), e);
    return q != npos ? q : p;
  }

  // A time: `오후 3시 30분`, `09:06`, then a zone.
  size_t TimeAt(size_t pos, DateExpression& e) {
    size_t p = pos;
    const DayPeriod* period = nullptr;
    const uint32_t syllable = SyllableIndex(text_, p);
    const absl::Span<const DayPeriod> periods =
        syllable < kSyllables && x_.period_starts_[syllable] ? absl::MakeConstSpan(x_.day_periods_)
                                                             : absl::Span<const DayPeriod>();
    for (const DayPeriod& dp : periods) {
      if (At(text_, p, dp.word)) {
        period = &dp;
        p = Space(text_, p + dp.word.size());
        break;
      }
    }
    int hour = -1, minute = -1, second = -1;
    size_t q = Clock(p, &hour, &minute, &second);
    if (q == npos) q = KoreanClock(p, &hour, &minute, &second);
    if (q == npos) return npos;
    if (period != nullptr) {
      if (hour > 12) return npos;
      if (period->rule == DayPeriod::kAm && hour == 12) hour = 0;
      if (period->rule == DayPeriod::kPm && hour < 12) hour += 12;
      if (period->rule == DayPeriod::kNight && hour >= 6 && hour < 12) hour += 12;
    }
    e.fields.hour = hour;
    e.fields.minute = minute < 0 ? 0 : minute;
    e.fields.second = second;
    e.grain = Grain::kTime;
    return ZoneAt(q, e);
  }

  // `09:06`, `9:06:30`.
  size_t Clock(size_t pos, int* hour, int* minute, int* second) {
    size_t p = 0, q = 0;
    if (!ReadNumber(text_, pos, 2, hour, &p) || *hour > 23 || !At(text_, p, ":") ||
        !ReadNumber(text_, p + 1, 2, minute, &q) || q - p - 1 != 2 || *minute > 59) {
      return npos;
    }
    if (At(text_, q, ":")) {
      size_t r = 0;
      if (!ReadNumber(text_, q + 1, 2, second, &r) || r - q - 1 != 2 || *second > 59) {
        return npos;
      }
      q = r;
    }
    if (q < text_.size() && (IsAsciiAlnum(text_[q]) || text_[q] == ':')) return npos;
    return q;
  }

  // `3시`, `15시 30분`, `3시 반`, `10시 5분 30초`.
  size_t KoreanClock(size_t pos, int* hour, int* minute, int* second) {
    int unused = 0;
    size_t p = Component(pos, "시", hour, &unused);
    if (p == npos || *hour > 24 || !WordEndsAt(text_, p, kAfterDay)) return npos;
    size_t q = Space(text_, p);
    if (At(text_, q, "반") && WordEndsAt(text_, q + kSyllable, kParticles)) {
      *minute = 30;
      return q + kSyllable;
    }
    const size_t r = Component(q, "분", minute, &unused);
    if (r == npos || *minute > 59 || At(text_, r, "기") || At(text_, r, "간")) return p;
    const size_t s = Component(Space(text_, r), "초", second, &unused);
    return s != npos && *second <= 59 ? s : r;
  }

  // ` PDT`, `(현지시간)`, ` KST` after a time or a day.
  size_t ZoneAt(size_t pos, DateExpression& e) {
    // Zones start with `(`, a capital letter or a syllable: most dates are
    // followed by none of them.
    const size_t first = Space(text_, pos);
    if (first >= text_.size()) return pos;
    const unsigned char c = static_cast<unsigned char>(text_[first]);
    if (c != '(' && !(c >= 'A' && c <= 'Z') && !IsHangulLead(c)) return pos;
    for (const Zone& zone : x_.zones_) {
      size_t p = Space(text_, pos);
      const bool paren = At(text_, p, "(");
      if (paren) ++p;
      if (!At(text_, p, zone.name)) continue;
      p += zone.name.size();
      if (paren && !At(text_, p, ")")) continue;
      if (paren) ++p;
      if (!paren && (p - zone.name.size() == pos || !WordEndsAt(text_, p, ""))) continue;
      if (zone.offset.empty()) {
        e.local_time = true;
      } else {
        e.utc_offset = zone.offset;
      }
      return p;
    }
    return pos;
  }

  const DateExtractor& x_;
  absl::string_view text_;
};

absl::StatusOr<std::unique_ptr<DateExtractor>> DateExtractor::Create() {
  std::unique_ptr<DateExtractor> x(new DateExtractor());
  GLEANER_ASSIGN_OR_RETURN(absl::string_view words, DatesDataFile("relative_words.tsv"));
  GLEANER_ASSIGN_OR_RETURN(std::vector<WordListRow> rows,
                           ReadWordList("relative_words.tsv", words, 3));
  std::vector<Keyword> keywords;
  for (const WordListRow& row : rows) {
    Keyword k;
    k.word = std::string(row.fields[0]);
    const absl::string_view unit = row.fields[1];
    k.kind = unit == "direction"     ? Keyword::kDirection
             : unit == "prefix_year" ? Keyword::kPrefixYear
             : unit == "exclude"     ? Keyword::kExclude
                                     : Keyword::kRelative;
    k.unit = unit == "year" || unit == "prefix_year" ? Grain::kYear
             : unit == "quarter"                     ? Grain::kQuarter
             : unit == "month"                       ? Grain::kMonth
             : unit == "week"                        ? Grain::kWeek
             : unit == "day"                         ? Grain::kDay
                                                     : Grain::kNone;
    if ((k.kind == Keyword::kRelative && k.unit == Grain::kNone) ||
        !absl::SimpleAtoi(row.fields[2], &k.offset) || k.word.size() < kSyllable) {
      return absl::InvalidArgumentError(
          absl::StrCat("relative_words.tsv:", row.line, ": bad row"));
    }
    keywords.push_back(std::move(k));
  }
  GLEANER_ASSIGN_OR_RETURN(absl::string_view halves, DatesDataFile("half_words.tsv"));
  GLEANER_ASSIGN_OR_RETURN(rows, ReadWordList("half_words.tsv", halves, 2));
  for (const WordListRow& row : rows) {
    Keyword k;
    k.word = std::string(row.fields[0]);
    k.kind = Keyword::kHalf;
    if (!absl::SimpleAtoi(row.fields[1], &k.offset) || k.offset < 1 || k.offset > 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("half_words.tsv:", row.line, ": half must be 1 or 2"));
    }
    x->halves_.push_back(k);
    keywords.push_back(std::move(k));
  }
  GLEANER_RETURN_IF_ERROR(x->LoadTimeWords());
  std::stable_sort(keywords.begin(), keywords.end(),
                   [](const Keyword& a, const Keyword& b) {
                     return a.word.size() > b.word.size();
                   });
  x->starts_.assign(kSyllables, 0);
  for (Keyword& k : keywords) {
    const uint32_t first = SyllableIndex(k.word, 0);
    if (first == kSyllables) {
      return absl::InvalidArgumentError(
          absl::StrCat("date word '", k.word, "' does not start with a Hangul syllable"));
    }
    x->starts_[first] = 1;
    x->keywords_[first].push_back(std::move(k));
  }
  // Parts of the day start times (`오후 3시`): they trigger a parse too.
  x->period_starts_.assign(kSyllables, 0);
  for (const DayPeriod& dp : x->day_periods_) {
    const uint32_t first = SyllableIndex(dp.word, 0);
    if (first == kSyllables) {
      return absl::InvalidArgumentError(
          absl::StrCat("part of the day '", dp.word, "' does not start with a Hangul syllable"));
    }
    x->starts_[first] = 1;
    x->period_starts_[first] = 1;
  }
  return x;
}

absl::Status DateExtractor::LoadTimeWords() {
  GLEANER_ASSIGN_OR_RETURN(absl::string_view periods, DatesDataFile("day_periods.tsv"));
  GLEANER_ASSIGN_OR_RETURN(std::vector<WordListRow> rows,
                           ReadWordList("day_periods.tsv", periods, 2));
  for (const WordListRow& row : rows) {
    DayPeriod dp;
    dp.word = std::string(row.fields[0]);
    const absl::string_view rule = row.fields[1];
    if (rule != "am" && rule != "pm" && rule != "night") {
      return absl::InvalidArgumentError(
          absl::StrCat("day_periods.tsv:", row.line, ": rule must be am, pm or night"));
    }
    dp.rule = rule == "am" ? DayPeriod::kAm : rule == "pm" ? DayPeriod::kPm : DayPeriod::kNight;
    day_periods_.push_back(std::move(dp));
  }
  GLEANER_ASSIGN_OR_RETURN(absl::string_view zones, DatesDataFile("time_zones.tsv"));
  GLEANER_ASSIGN_OR_RETURN(rows, ReadWordList("time_zones.tsv", zones, 2));
  for (const WordListRow& row : rows) {
    Zone zone;
    zone.name = std::string(row.fields[0]);
    const absl::string_view offset = row.fields[1];
    if (offset != "local" && (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-'))) {
      return absl::InvalidArgumentError(
          absl::StrCat("time_zones.tsv:", row.line, ": offset must be +HH:MM or local"));
    }
    zone.offset = offset == "local" ? "" : std::string(offset);
    zones_.push_back(std::move(zone));
  }
  // Longest first, so `한국 시간` wins over a shorter name.
  std::stable_sort(zones_.begin(), zones_.end(), [](const Zone& a, const Zone& b) {
    return a.name.size() > b.name.size();
  });
  return absl::OkStatus();
}

std::optional<DateExpression> DateExtractor::ParseAt(absl::string_view text,
                                                     size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  return Parser(*this, text).ParseAt(pos);
}

std::optional<DateExpression> DateExtractor::ParseMonthDayAt(
    absl::string_view text, size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  return Parser(*this, text).ParseMonthDay(pos);
}

std::vector<DateExpression> DateExtractor::Extract(absl::string_view text) const {
  std::vector<DateExpression> out;
  Parser parser(*this, text);
  // Whether the character before `i` is part of a word (letter, digit,
  // syllable) or a number's punctuation: then no date starts at `i`.
  bool blocked = false;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsHangulLead(c)) {
      if (!blocked) {
        const uint32_t syllable = SyllableIndex(text, i);
        if (syllable < kSyllables && starts_[syllable]) {
          if (std::optional<DateExpression> e = parser.ParseAt(i)) {
            i = e->end;
            out.push_back(std::move(*e));
            blocked = true;  // the next character touches the match
            continue;
          }
        }
      }
      // Inside a word no date starts: skip its syllables at once.
      i += kSyllable;
      while (i + kSyllable <= n && IsHangulLead(static_cast<unsigned char>(text[i]))) {
        i += kSyllable;
      }
      blocked = true;
      continue;
    }
    if (IsDigit(static_cast<char>(c))) {
      if (!blocked) {
        if (std::optional<DateExpression> e = parser.ParseAt(i)) {
          i = e->end;
          out.push_back(std::move(*e));
          blocked = true;
          continue;
        }
      }
      // Skip the whole number with its punctuation.
      while (i < n && (IsDigit(text[i]) || text[i] == '.' || text[i] == ',' ||
                       text[i] == ':' || text[i] == '-' || text[i] == '/')) {
        ++i;
      }
      blocked = true;
      continue;
    }
    // After `-` or `/` a number belongs to what precedes (`GPT-5`, `3/4`)
    // when that is a word or a number, so they keep `blocked` as it is.
    if (c != '-' && c != '/') {
      blocked = IsAsciiAlnum(static_cast<char>(c)) || c == '.' || c == ',' || c == ':';
    }
    i += CharLength(c);
  }
  return out;
}

}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
