#include "workers/extract/amounts/korean_number.h"

#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

// ---------------------------------------------------------------------------
// Decimal

absl::StatusOr<Decimal> Decimal::FromString(absl::string_view s) {
  Decimal d;
  std::string digits;
  int scale = 0;
  bool point = false;
  bool any = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      any = true;
      if (point) ++scale;
    } else if (c == ',' && !point && any) {
      continue;  // thousands separator
    } else if (c == '.' && !point && any && i + 1 < s.size()) {
      point = true;
    } else {
      return absl::InvalidArgumentError(absl::StrCat("not a decimal number: \"", s, "\""));
    }
  }
  if (!any) {
    return absl::InvalidArgumentError(absl::StrCat("not a decimal number: \"", s, "\""));
  }
  d.digits_ = std::move(digits);
  d.scale_ = scale;
  d.Normalize();
  return d;
}

Decimal Decimal::FromInt(unsigned long long v) {
  Decimal d;
  d.digits_ = std::to_string(v);
  return d;
}

void Decimal::ShiftLeft(int k) {
  if (k <= 0 || IsZero()) return;
  if (scale_ >= k) {
    scale_ -= k;
  } else {
    digits_.append(static_cast<size_t>(k - scale_), '0');
    scale_ = 0;
  }
  Normalize();
}

void Decimal::ShiftRight(int k) {
  if (k <= 0 || IsZero()) return;
  scale_ += k;
  Normalize();
}

void Decimal::Add(const Decimal& other) {
  // Align both to the larger scale, then add digit strings right to left.
  const int scale = std::max(scale_, other.scale_);
  std::string a = digits_ + std::string(static_cast<size_t>(scale - scale_), '0');
  std::string b = other.digits_ + std::string(static_cast<size_t>(scale - other.scale_), '0');
  if (a.size() < b.size()) a.swap(b);
  std::string sum(a.size() + 1, '0');
  int carry = 0;
  size_t ia = a.size(), ib = b.size(), is = sum.size();
  while (ia > 0) {
    int v = (a[--ia] - '0') + carry;
    if (ib > 0) v += b[--ib] - '0';
    carry = v / 10;
    sum[--is] = static_cast<char>('0' + v % 10);
  }
  sum[0] = static_cast<char>('0' + carry);
  digits_ = std::move(sum);
  scale_ = scale;
  Normalize();
}

bool Decimal::IsZero() const { return digits_ == "0"; }

int Decimal::IntegerDigits() const {
  const int n = static_cast<int>(digits_.size()) - scale_;
  if (n <= 0 || (n == 1 && digits_[0] == '0')) return 0;
  return n;
}

bool Decimal::IsInteger() const { return scale_ == 0; }

int Decimal::Compare(const Decimal& other) const {
  const int da = IntegerDigits(), db = other.IntegerDigits();
  if (da != db) return da < db ? -1 : 1;
  const int scale = std::max(scale_, other.scale_);
  std::string a = digits_ + std::string(static_cast<size_t>(scale - scale_), '0');
  std::string b = other.digits_ + std::string(static_cast<size_t>(scale - other.scale_), '0');
  // Pad to the same length on the left (values below 1 may differ in length).
  if (a.size() < b.size()) a.insert(0, b.size() - a.size(), '0');
  if (b.size() < a.size()) b.insert(0, a.size() - b.size(), '0');
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string Decimal::ToString() const {
  if (scale_ == 0) return digits_;
  std::string d = digits_;
  if (static_cast<int>(d.size()) <= scale_) {
    d.insert(0, static_cast<size_t>(scale_ - static_cast<int>(d.size()) + 1), '0');
  }
  d.insert(d.size() - static_cast<size_t>(scale_), 1, '.');
  return d;
}

void Decimal::Normalize() {
  // Trailing fractional zeros carry no value.
  while (scale_ > 0 && digits_.size() > 1 && digits_.back() == '0') {
    digits_.pop_back();
    --scale_;
  }
  // Leading zeros carry none either; ToString() pads values below 1.
  size_t lead = 0;
  while (lead + 1 < digits_.size() && digits_[lead] == '0') ++lead;
  digits_.erase(0, lead);
  if (digits_ == "0") scale_ = 0;
}

// ---------------------------------------------------------------------------
// Korean numbers

namespace {

// Every Hangul syllable is three bytes in UTF-8; these helpers compare one.

bool IsDigit(absl::string_view text, size_t pos) {
  return pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
}

// Small scales 십/백/천 -> exponent, or 0.
int SmallScaleAt(absl::string_view text, size_t pos) {
  if (HasAt(text, pos, "십")) return 1;
  if (HasAt(text, pos, "백")) return 2;
  if (HasAt(text, pos, "천")) return 3;
  return 0;
}

// Big scales 만/억/조/경 -> exponent, or 0.
int BigScaleAt(absl::string_view text, size_t pos) {
  if (HasAt(text, pos, "만")) return 4;
  if (HasAt(text, pos, "억")) return 8;
  if (HasAt(text, pos, "조")) return 12;
  if (HasAt(text, pos, "경")) return 16;
  return 0;
}

// Sino-Korean digits 일..구 -> value, or 0.
int HangulDigitAt(absl::string_view text, size_t pos) {
  static constexpr absl::string_view kDigits[] = {"일", "이", "삼", "사", "오",
                                                  "육", "칠", "팔", "구"};
  for (int i = 0; i < 9; ++i) {
    if (HasAt(text, pos, kDigits[i])) return i + 1;
  }
  return 0;
}

// 영 and 공 are zero; they only occur around a decimal point (영점오, 일점공오).
bool HangulZeroAt(absl::string_view text, size_t pos) {
  return HasAt(text, pos, "영") || HasAt(text, pos, "공");
}

// 점 and its colloquial 쩜 before a Hangul digit: a decimal point.
bool HangulPointAt(absl::string_view text, size_t pos) {
  return (HasAt(text, pos, "점") || HasAt(text, pos, "쩜")) &&
         (HangulDigitAt(text, pos + 3) != 0 || HangulZeroAt(text, pos + 3));
}

// Bytes of one space at `pos`: ' ' or a no-break space (U+00A0); 0 if none.
size_t SpaceLen(absl::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == ' ') return 1;
  if (pos + 1 < text.size() && text[pos] == '\xC2' && text[pos + 1] == '\xA0') return 2;
  return 0;
}

// Reads an Arabic number ("1,234", "2.17", "4000") at `pos`. Thousands
// separators count only as exact three-digit groups; a point needs a digit
// after it. Returns the byte length, 0 when there is no digit at `pos` or
// the digits run past `max_digits` (a wall of digits is never an amount, and
// stopping early keeps the cost linear).
size_t ArabicNumberAt(absl::string_view text, size_t pos, int max_digits, bool* has_point,
                      bool* has_comma) {
  size_t p = pos;
  int digits = 0;
  while (IsDigit(text, p)) {
    ++p;
    if (++digits > max_digits) return 0;
  }
  if (p == pos) return 0;
  *has_point = false;
  *has_comma = false;
  if (p - pos <= 3) {
    size_t q = p;
    while (q < text.size() && text[q] == ',' && IsDigit(text, q + 1) && IsDigit(text, q + 2) &&
           IsDigit(text, q + 3) && !IsDigit(text, q + 4)) {
      q += 4;
      digits += 3;
      *has_comma = true;
    }
    p = q;
  }
  if (p + 1 < text.size() && text[p] == '.' && IsDigit(text, p + 1)) {
    ++p;
    while (IsDigit(text, p)) {
      ++p;
      if (++digits > max_digits) return 0;
    }
    *has_point = true;
  }
  return digits > max_digits ? 0 : p - pos;
}

constexpr int kNoScale = 99;

// One section: the part of a number below one big scale (4천 820 in
// 4천 820만), or the whole number when it has no big scale.
struct Section {
  Decimal value;
  bool any = false;           // something was read
  int last_small = kNoScale;  // smallest 천/백/십 read so far
  bool ends_small = false;    // the last part read was a 천/백/십 term
  int arabic_digits = 0;      // digits of the first Arabic run
};

// Adds d * 10^e to the section.
void AddTerm(Section* s, int d, int e) {
  Decimal v = Decimal::FromInt(static_cast<unsigned>(d));
  v.ShiftLeft(e);
  s->value.Add(v);
  s->any = true;
  s->last_small = e;
  s->ends_small = true;
}

// Reads the fraction after 점/쩜 at `pos` (일점이삼: 이삼) into `s`.
size_t ReadHangulFraction(absl::string_view text, size_t pos, Section* s) {
  size_t q = pos + 3;
  std::string digits;
  while (true) {
    const int d = HangulDigitAt(text, q);
    if (d != 0) {
      digits.push_back(static_cast<char>('0' + d));
    } else if (HangulZeroAt(text, q)) {
      digits.push_back('0');
    } else {
      break;
    }
    q += 3;
  }
  Decimal f = *Decimal::FromString(digits);
  f.ShiftRight(static_cast<int>(digits.size()));
  s->value.Add(f);
  s->ends_small = false;
  return q;
}

// Reads one section at `pos` and returns its end (`pos` when none). Parts:
// 천/백/십 terms in strictly falling order, each with a one-digit coefficient
// (Arabic or Hangul) or none (천 4백만), then optional units: an Arabic number
// smaller than the last term (4천 820) or a Hangul digit (이십일). One space
// may separate parts after a term (1천 1백 70만). A section may instead be
// one Arabic number of any size (4000억, 1.5조, 1,200만).
size_t ReadSection(absl::string_view text, size_t pos, const KoreanNumberOptions& options,
                   bool first_section, Section* s) {
  size_t q = pos;
  while (q < text.size()) {
    size_t t = q;
    if (s->ends_small && options.allow_space) t += SpaceLen(text, q);
    if (IsDigit(text, t)) {
      bool point = false, comma = false;
      const size_t n = ArabicNumberAt(text, t, options.max_digits, &point, &comma);
      if (n == 0) break;
      const int e = SmallScaleAt(text, t + n);
      const bool one_digit = n == 1 && text[t] != '0';
      if (e != 0 && e < s->last_small && one_digit) {
        if (!s->any) s->arabic_digits = 1;
        AddTerm(s, text[t] - '0', e);
        q = t + n + 3;
        continue;
      }
      if (e != 0) break;  // 3천 5천, 12백: not one number
      absl::StatusOr<Decimal> a = Decimal::FromString(text.substr(t, n));
      if (!a.ok()) break;
      if (s->any) {
        // Units after 천/백/십 terms must fit below the last term.
        Decimal limit = Decimal::FromInt(1);
        limit.ShiftLeft(s->last_small);
        if (point || comma || a->Compare(limit) >= 0) break;
      } else {
        s->arabic_digits = static_cast<int>(n);
      }
      s->value.Add(*a);
      s->any = true;
      s->ends_small = false;
      return t + n;
    }
    if (options.hangul) {
      const int d = HangulDigitAt(text, t);
      if (d != 0) {
        const int e = SmallScaleAt(text, t + 3);
        if (e != 0 && e < s->last_small) {
          AddTerm(s, d, e);
          q = t + 6;
          continue;
        }
        // A lone digit ends a section after a term (이십일, touching) or
        // stands before a big scale or a point (일조, 일점이삼).
        // After a big scale a touching lone digit is the units (일천억일).
        const bool units = s->any ? t == q && e == 0
                                  : BigScaleAt(text, t + 3) != 0 || HangulPointAt(text, t + 3) ||
                                        (!first_section && t == q);
        if (!units) break;
        s->value.Add(Decimal::FromInt(static_cast<unsigned>(d)));
        s->any = true;
        s->ends_small = false;
        q = t + 3;
        break;
      }
      if (!s->any && HangulZeroAt(text, t) && HangulPointAt(text, t + 3)) {
        s->any = true;
        q = t + 3;
        break;
      }
    }
    // A bare 천/백/십 means one of it: 천 4백만, 삼천오백, 3억 천만.
    const int e = SmallScaleAt(text, t);
    if (e != 0 && e < s->last_small &&
        (options.hangul || (!first_section && t == q && BigScaleAt(text, t + 3) != 0))) {
      AddTerm(s, 1, e);
      q = t + 3;
      continue;
    }
    break;
  }
  if (options.hangul && s->any && HangulPointAt(text, q)) q = ReadHangulFraction(text, q, s);
  return q;
}

// Whether a further section may start at `pos` after a big scale.
bool SectionStartsAt(absl::string_view text, size_t pos, const KoreanNumberOptions& options) {
  if (IsDigit(text, pos)) return true;
  if (options.hangul) return HangulDigitAt(text, pos) != 0 || SmallScaleAt(text, pos) != 0;
  // 3억 천만: a bare small scale right before a big one.
  return SmallScaleAt(text, pos) != 0 && BigScaleAt(text, pos + 3) != 0;
}

}  // namespace

bool ConsumeKoreanNumber(absl::string_view text, size_t pos, const KoreanNumberOptions& options,
                         KoreanNumber* out) {
  Decimal total;
  int last_big = kNoScale;
  size_t p = pos;
  int groups = 0;
  int first_digits = 0;
  Decimal lead;
  int lead_scale = 0;

  // The last state at which the number could end.
  bool have_commit = false;
  size_t commit_end = pos;
  Decimal commit_value;
  bool commit_ends_big = false;
  int commit_groups = 0;

  while (p < text.size()) {
    Section s;
    const size_t q = ReadSection(text, p, options, groups == 0, &s);
    if (groups == 0) first_digits = s.arabic_digits;
    // 1천 만 원: one space may stand between a 천/백/십 term and its big scale.
    size_t b = q;
    if (s.any && s.ends_small && options.allow_space) {
      const size_t sp = SpaceLen(text, q);
      if (sp > 0 && BigScaleAt(text, q + sp) != 0) b = q + sp;
    }
    const int big = BigScaleAt(text, b);
    // A bare big scale is a number only at the start of a Hangul reading
    // (만원, 억 원); the caller checks that a unit follows.
    if (big != 0 && big < last_big && (s.any || (options.hangul && groups == 0))) {
      Decimal section = s.any ? s.value : Decimal::FromInt(1);
      if (groups == 0) {
        lead = section;
        lead_scale = big;
      }
      section.ShiftLeft(big);
      total.Add(section);
      last_big = big;
      ++groups;
      p = b + 3;
      have_commit = true;
      commit_end = p;
      commit_value = total;
      commit_ends_big = true;
      commit_groups = groups;
      // Continue with the next group, directly or after one space.
      if (SectionStartsAt(text, p, options)) continue;
      const size_t sp = options.allow_space ? SpaceLen(text, p) : 0;
      if (sp > 0 && SectionStartsAt(text, p + sp, options)) {
        p += sp;
        continue;
      }
      break;
    }
    if (!s.any) break;
    // A scale that may not follow here (16만 16만) ends the number before
    // this group rather than leaving a bare "16" behind.
    if (big != 0) break;
    if (groups > 0) {
      // A trailing section after scale groups must fit below the last scale
      // (8만 7000) and be a whole number.
      Decimal limit = Decimal::FromInt(1);
      limit.ShiftLeft(last_big);
      // A fraction there comes only from 점 (구십칠만일천백이십점사).
      if (s.value.Compare(limit) >= 0 || (!s.value.IsInteger() && !options.hangul)) break;
    }
    total.Add(s.value);
    ++groups;
    have_commit = true;
    commit_end = q;
    commit_value = total;
    commit_ends_big = false;
    commit_groups = groups;
    break;
  }
  if (!have_commit || commit_end == pos) return false;
  if (commit_value.IntegerDigits() > options.max_digits) return false;
  out->length = commit_end - pos;
  out->value = commit_value;
  out->ends_with_big_scale = commit_ends_big;
  out->groups = commit_groups;
  out->lead = lead;
  out->lead_scale = commit_ends_big && commit_groups == 1 ? lead_scale : 0;
  // Flags describe the committed text only (a rolled-back group is ignored).
  const absl::string_view got = text.substr(pos, commit_end - pos);
  out->has_scale = out->has_big_scale = out->has_point = out->hangul = false;
  bool only_digits = true;
  int scale_words = 0;
  for (size_t i = 0; i < got.size();) {
    if (BigScaleAt(got, i) != 0) {
      out->has_scale = out->has_big_scale = true;
      only_digits = false;
      ++scale_words;
      i += 3;
    } else if (SmallScaleAt(got, i) != 0) {
      out->has_scale = true;
      only_digits = false;
      ++scale_words;
      i += 3;
    } else if (HangulDigitAt(got, i) != 0 || HangulZeroAt(got, i)) {
      out->hangul = true;
      only_digits = false;
      i += 3;
    } else if (HasAt(got, i, "점") || HasAt(got, i, "쩜")) {
      out->has_point = true;
      only_digits = false;
      i += 3;
    } else {
      if (got[i] == '.') out->has_point = true;
      if (got[i] < '0' || got[i] > '9') only_digits = false;
      ++i;
    }
  }
  out->bare_scale = scale_words == 1 && got.size() == 3;
  if (out->bare_scale) out->hangul = true;
  out->plain_integer = only_digits;
  out->integer_digits = only_digits ? static_cast<int>(got.size()) : first_digits;
  return true;
}

absl::StatusOr<std::string> ParseKoreanNumber(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (s.empty()) return absl::InvalidArgumentError("empty number");
  for (bool hangul : {false, true}) {
    KoreanNumberOptions options;
    options.hangul = hangul;
    KoreanNumber n;
    if (ConsumeKoreanNumber(s, 0, options, &n) && n.length == s.size()) {
      return n.value.ToString();
    }
  }
  return absl::InvalidArgumentError(absl::StrCat("not a Korean number: \"", s, "\""));
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
