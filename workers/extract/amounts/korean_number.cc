#include "workers/extract/amounts/korean_number.h"

#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace gleaner {
namespace workers {
namespace extract {

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

// Reads an Arabic number ("1,234", "2.17", "4000") at `pos`. Thousands
// separators count only as exact three-digit groups; a point needs a digit
// after it. Returns the byte length, 0 when there is no digit at `pos`.
size_t ArabicNumberAt(absl::string_view text, size_t pos, bool* has_point, bool* has_comma) {
  size_t p = pos;
  while (IsDigit(text, p)) ++p;
  if (p == pos) return 0;
  *has_point = false;
  *has_comma = false;
  if (p - pos <= 3) {
    size_t q = p;
    while (q < text.size() && text[q] == ',' && IsDigit(text, q + 1) && IsDigit(text, q + 2) &&
           IsDigit(text, q + 3) && !IsDigit(text, q + 4)) {
      q += 4;
      *has_comma = true;
    }
    p = q;
  }
  if (p + 1 < text.size() && text[p] == '.' && IsDigit(text, p + 1)) {
    ++p;
    while (IsDigit(text, p)) ++p;
    *has_point = true;
  }
  return p - pos;
}

}  // namespace

bool ConsumeKoreanNumber(absl::string_view text, size_t pos, const KoreanNumberOptions& options,
                         KoreanNumber* out) {
  constexpr int kNone = 99;
  Decimal total;
  int last_big = kNone;
  size_t p = pos;

  // The last state at which the number could end.
  bool have_commit = false;
  size_t commit_end = pos;
  Decimal commit_value;
  bool commit_ends_big = false;

  int groups = 0;
  int first_digits = 0;

  while (p < text.size()) {
    // One group: a section below 10^4 written with digits and small scales,
    // optionally followed by a big scale.
    Decimal section;
    bool got_section = false;
    int last_small = kNone;
    bool pending_plain = false;  // a bare Arabic number closed the section
    size_t q = p;
    while (q < text.size() && !pending_plain) {
      // 3천 5백만 원: one space may separate the small-scale parts of a
      // section when the next part has a smaller small scale.
      if (!options.hangul && options.allow_space && got_section && last_small != kNone &&
          text[q] == ' ' && IsDigit(text, q + 1)) {
        bool point = false, comma = false;
        const size_t n = ArabicNumberAt(text, q + 1, &point, &comma);
        const int e = SmallScaleAt(text, q + 1 + n);
        if (point || comma || e == 0 || e >= last_small) break;
        ++q;
        continue;
      }
      if (!options.hangul && IsDigit(text, q)) {
        bool point = false, comma = false;
        const size_t n = ArabicNumberAt(text, q, &point, &comma);
        absl::StatusOr<Decimal> a = Decimal::FromString(text.substr(q, n));
        if (!a.ok()) break;
        if (groups == 0 && !got_section) first_digits = static_cast<int>(n);
        q += n;
        const int e = SmallScaleAt(text, q);
        if (e != 0 && e < last_small) {
          a->ShiftLeft(e);
          section.Add(*a);
          last_small = e;
          q += 3;
        } else {
          section.Add(*a);
          pending_plain = true;
        }
        got_section = true;
        continue;
      }
      if (options.hangul) {
        const int d = HangulDigitAt(text, q);
        if (d != 0) {
          const int e = SmallScaleAt(text, q + 3);
          if (e != 0 && e < last_small) {
            Decimal v = Decimal::FromInt(static_cast<unsigned>(d));
            v.ShiftLeft(e);
            section.Add(v);
            last_small = e;
            q += 6;
            got_section = true;
            continue;
          }
          // A lone digit ends a section (이십일) or precedes a big scale (일조).
          if (BigScaleAt(text, q + 3) != 0 || last_small != kNone) {
            section.Add(Decimal::FromInt(static_cast<unsigned>(d)));
            q += 3;
            got_section = true;
            pending_plain = true;
            continue;
          }
          break;
        }
        const int e = SmallScaleAt(text, q);
        if (e != 0 && e < last_small) {
          Decimal v = Decimal::FromInt(1);
          v.ShiftLeft(e);
          section.Add(v);
          last_small = e;
          q += 3;
          got_section = true;
          continue;
        }
      }
      break;
    }

    const int big = BigScaleAt(text, q);
    if (big != 0 && big < last_big && (got_section || options.hangul)) {
      if (!got_section) section = Decimal::FromInt(1);
      section.ShiftLeft(big);
      total.Add(section);
      last_big = big;
      q += 3;
      ++groups;
      p = q;
      have_commit = true;
      commit_end = p;
      commit_value = total;
      commit_ends_big = true;
      // Continue with the next group, directly or after one space.
      if (p < text.size()) {
        const bool next_starts = options.hangul
                                     ? (HangulDigitAt(text, p) != 0 || SmallScaleAt(text, p) != 0 ||
                                        BigScaleAt(text, p) != 0)
                                     : IsDigit(text, p);
        if (next_starts) continue;
        // One space: ' ' or a no-break space (U+00A0).
        size_t sp = 0;
        if (text[p] == ' ') {
          sp = 1;
        } else if (p + 1 < text.size() && text[p] == '\xC2' && text[p + 1] == '\xA0') {
          sp = 2;
        }
        if (options.allow_space && sp > 0 && p + sp < text.size()) {
          const size_t r = p + sp;
          const bool after = options.hangul
                                 ? (HangulDigitAt(text, r) != 0 || SmallScaleAt(text, r) != 0)
                                 : IsDigit(text, r);
          if (after) {
            p = r;
            continue;
          }
        }
      }
      break;
    }
    if (!got_section) break;
    // A scale that may not follow here (16만 16만) ends the number before
    // this group rather than leaving a bare "16" behind.
    if (big != 0) break;
    if (groups > 0) {
      // A trailing section after scale groups must fit below the last scale
      // (8만 7000) and be a whole number.
      Decimal limit = Decimal::FromInt(1);
      limit.ShiftLeft(last_big);
      if (section.Compare(limit) >= 0 || !section.IsInteger()) break;
    }
    total.Add(section);
    ++groups;
    have_commit = true;
    commit_end = q;
    commit_value = total;
    commit_ends_big = false;
    break;
  }
  if (!have_commit) return false;
  out->length = commit_end - pos;
  out->value = commit_value;
  out->hangul = options.hangul;
  out->ends_with_big_scale = commit_ends_big;
  // Flags describe the committed text only (a rolled-back group is ignored).
  const absl::string_view got = text.substr(pos, commit_end - pos);
  out->has_scale = out->has_big_scale = out->has_point = false;
  bool only_digits = true;
  for (size_t i = 0; i < got.size();) {
    if (BigScaleAt(got, i) != 0) {
      out->has_scale = out->has_big_scale = true;
      only_digits = false;
      i += 3;
    } else if (SmallScaleAt(got, i) != 0) {
      out->has_scale = true;
      only_digits = false;
      i += 3;
    } else {
      if (got[i] == '.') out->has_point = true;
      if (got[i] < '0' || got[i] > '9') only_digits = false;
      ++i;
    }
  }
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

}  // namespace extract
}  // namespace workers
}  // namespace gleaner
