#include "workers/extract/amounts/amount_extractor.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "workers/extract/amounts/amount_linker.h"
#include "workers/extract/amounts/korean_number.h"
#include "workers/extract/amounts/qualifier_reader.h"
#include "workers/extract/amounts/text_scan.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

namespace {

// The one RE2 scan. Each alternative marks where an amount may start; all
// further decisions are made by hand around the anchor.
//   kDigitAnchor     an ASCII digit (numbers are usually written with digits
//                    in news, except the forms below)
//   symbols          a currency symbol or ISO code before a number (symbols.tsv)
//   kVagueAnchor     수- vague amounts: 수십억, 수 조원, 수천, 수년; 억대 연봉
//   Hangul numerals  Sino-Korean numerals, scale words and 점 decimals, only
//                    right before a unit that may follow them (kSpelled):
//                    오천만 원, 천 4백만 달러, 삼십 퍼센트, 일점이삼달러;
//                    alone they collide with ordinary words.
constexpr absl::string_view kDigitAnchor = "[0-9]";
constexpr absl::string_view kVagueAnchor =
    "수 ?[십백천만억조]|수(?:년|개월|개국|시간|차례)|억대 ?(?:연봉|월급|자산|매출|손실|수익)|"
    "[억조] ?(?:원|달러)? ?단위";
// Sino-Korean numerals: a scale word, or digits before 점.
constexpr absl::string_view kHangulNumber =
    "(?:[일이삼사오육칠팔구]?[십백천만억조경]"
    "(?:[일이삼사오육칠팔구십백천만억조경0-9]| [일이삼사오육칠팔구십백천만억조경0-9])*"
    "|[영공일이삼사오육칠팔구](?:[일이삼사오육칠팔구십백천만억조경])*)"
    "(?:[점쩜][영공일이삼사오육칠팔구]+)?";

// Returns `s` with RE2 metacharacters escaped.
std::string Quote(absl::string_view s) {
  return RE2::QuoteMeta(re2::StringPiece(s.data(), s.size()));
}

// Builds the anchor pattern from the lexicon.
std::string AnchorPatternText(const AmountLexicon& lex) {
  std::vector<std::string> symbols;
  for (const SymbolDef& s : lex.symbols()) {
    // Codes need a number after them (USD 250); symbols stand alone ($30).
    const bool code = IsAsciiAlpha(s.surface.back());
    symbols.push_back(code ? absl::StrCat(Quote(s.surface), " ?[0-9]") : Quote(s.surface));
  }
  std::vector<std::string> spelled;
  for (const UnitDef& u : lex.units()) {
    if (u.flags & kSpelled) spelled.push_back(Quote(u.surface));
  }
  return absl::StrCat(kDigitAnchor, "|", absl::StrJoin(symbols, "|"), "|",
                      kVagueAnchor, "|", kHangulNumber, " ?(?:", absl::StrJoin(spelled, "|"), ")");
}

// Skips an ASCII token (model names, dates, URLs) so the scan does not
// resume in its middle: H200, 2025.11.25, 09:06, GPT-4o.
size_t SkipAsciiToken(absl::string_view text, size_t pos) {
  size_t p = pos;
  while (p < text.size()) {
    const char c = text[p];
    if (IsAsciiAlnum(c) || c == '_') {
      ++p;
    } else if ((c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && p + 1 < text.size() &&
               IsAsciiAlnum(text[p + 1])) {
      ++p;
    } else {
      break;
    }
  }
  return std::max(p, pos + 1);
}

// May an Arabic number start at `pos`? Rejects digits glued to letters or
// to another number (H200, AIME25, GPT-4o, S&P500, v1.2, 1/2, 제3회).
bool NumberMayStartAt(absl::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char prev = text[pos - 1];
  if (IsAsciiAlnum(prev) || prev == '_') return false;
  if (prev == '.' || prev == ',' || prev == ':' || prev == '/' || prev == '-' || prev == '@' ||
      prev == '#' || prev == '&' || prev == '+' || prev == '\'') {
    if (pos >= 2 && (IsAsciiAlnum(text[pos - 2]) || text[pos - 2] == '&')) return false;
    return true;
  }
  if (!HangulBefore(text, pos)) return true;
  // A Hangul word touches the number: only qualifier words may (약9조원).
  for (absl::string_view w : Words(WordList::kTouchingPrefixes)) {
    if (WholeWordBefore(text, pos, w)) return true;
  }
  return false;
}

// After a number: a further digit group, a date/time/version separator or an
// e-mail sign means the number is part of something else (2025.11.25, 09:06,
// 010-1234-5678, 1.2.3, 1,23).
bool NumberEndsCleanly(absl::string_view text, size_t end) {
  if (end >= text.size()) return true;
  const char c = text[end];
  if (IsAsciiDigit(c) || c == '@' || c == '_') return false;
  if ((c == '.' || c == ':' || c == '/' || c == '-' || c == ',') && DigitAt(text, end + 1)) {
    return false;
  }
  return true;
}

bool IsTilde(absl::string_view text, size_t pos, size_t* len) {
  if (HasAt(text, pos, "~")) {
    *len = 1;
    return true;
  }
  if (HasAt(text, pos, "∼") || HasAt(text, pos, "〜") || HasAt(text, pos, "～")) {
    *len = 3;
    return true;
  }
  return false;
}

// Day counts that read as durations rather than dates (115일, 13일간,
// 50일 이동평균선, 며칠 ... 7일 만에).
bool DayIsDuration(absl::string_view text, size_t after_unit) {
  const WordSpan kDurationAfter = Words(WordList::kDurationAfter);
  return StartsWithAny(text, after_unit, kDurationAfter);
}

}  // namespace

absl::StatusOr<std::unique_ptr<AmountExtractor>> AmountExtractor::Create(
    AmountExtractorOptions options) {
  absl::StatusOr<const AmountLexicon*> lex = AmountLexicon::Default();
  if (!lex.ok()) return lex.status();
  RE2::Options re_options;
  re_options.set_log_errors(false);
  re_options.set_encoding(RE2::Options::EncodingUTF8);
  re_options.set_max_mem(64 << 20);
  auto anchor = std::make_unique<const RE2>(AnchorPatternText(**lex), re_options);
  if (!anchor->ok()) {
    return absl::InvalidArgumentError(absl::StrCat("amount anchor pattern: ", anchor->error()));
  }
  return std::unique_ptr<AmountExtractor>(new AmountExtractor(options, **lex, std::move(anchor)));
}

AmountExtractor::AmountExtractor(AmountExtractorOptions options, const AmountLexicon& lexicon,
                                 std::unique_ptr<const RE2> anchor)
    : options_(options), lex_(lexicon), units_(lexicon), anchor_(std::move(anchor)) {}

// A number, the optional 여 after it and the unit that follows.
struct NumberAndUnit {
  size_t num_begin = 0, num_end = 0;
  KoreanNumber number;
  bool yeo = false;  // 330만여
  size_t unit_begin = 0, unit_end = 0;
  const UnitDef* unit = nullptr;
  bool space_before_unit = false;
  bool hyphen_next = false;  // "5-20%": a hyphen and a digit follow the number
};

// Everything ParseAt learns about one candidate amount.
struct Candidate {
  NumberAndUnit nu;
  const SymbolDef* prefix = nullptr;  // currency symbol before the number
  absl::string_view prefix_currency;  // its code
  bool vague = false;                 // 수십억 달러
  int magnitude = 0;                  // of a vague amount
  size_t begin = 0;                   // start of the number or currency symbol
  bool negative = false;              // a sign before the number
  size_t sign_begin = 0;              // where it starts
  bool upper_negative = false;        // a sign before the upper end of a range
  std::string value_max;              // upper end of a range
  std::string lower_value;            // lower end of a range (may share a scale)
  Decimal sub_unit;                   // 20센트 after 1달러, as 0.2
  size_t sub_unit_end = 0;            // end of the sub-unit, 0 when none
  bool implied_krw = false;           // won inferred from the context
};

namespace {

// Sign before a number at `pos`: -, −, 마이너스 (and one space after it);
// returns its length when a digit follows, else 0.
size_t SignLength(absl::string_view text, size_t pos) {
  size_t n = 0;
  if (HasAt(text, pos, "-")) {
    n = 1;
  } else if (HasAt(text, pos, "−")) {
    n = 3;
  } else if (HasAt(text, pos, "마이너스")) {
    n = std::string("마이너스").size();
    n += SpaceAt(text, pos + n);
  }
  return n > 0 && DigitAt(text, pos + n) ? n : 0;
}

// Finds a sign that opens the word right before the number at `a`
// ("억-300억" is a range, not a negative); sets c->negative and c->sign_begin.
void FindSign(absl::string_view text, size_t a, Candidate* c) {
  auto opens = [&](size_t sign) {
    if (sign == 0) return true;
    const char ch = text[sign - 1];
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '(' || ch == '[';
  };
  for (size_t len :
       {size_t{1}, size_t{3}, std::string("마이너스").size(), std::string("마이너스 ").size()}) {
    if (a >= len && SignLength(text, a - len) == len && opens(a - len)) {
      c->negative = true;
      c->sign_begin = a - len;
      return;
    }
  }
}

}  // namespace

namespace {

// Unit-specific checks that tell counted quantities from dates, clock times,
// ordinals and age brackets.
bool QuantityIsValid(absl::string_view text, size_t span_begin, const NumberAndUnit& nu,
                     bool approximate, bool vague) {
  const absl::string_view unit = nu.unit->surface;
  const size_t after = nu.unit_end;
  const KoreanNumber& n = nu.number;
  if (unit == "년") {
    // 2026년 is a date, 1000년 a span (years 1800-2199 read as dates).
    if (!vague && n.plain_integer && n.integer_digits == 4) {
      const std::string v = n.value.ToString();
      if (v >= "1800" && v <= "2199") return false;
    }
    // '25년, ’25년: an abbreviated year.
    if (nu.num_begin > 0 && (text[nu.num_begin - 1] == '\'' ||
                             (nu.num_begin >= 3 && HasAt(text, nu.num_begin - 3, "’")))) {
      return false;
    }
    const WordSpan kYearWords = Words(WordList::kYearWords);
    if (StartsWithAny(text, after, kYearWords)) return false;  // 2020년대, 10년물
    // 25년 1월, 25년 3분기: a short year.
    size_t q = after;
    q += SpaceAt(text, q);
    if (DigitAt(text, q)) {
      while (DigitAt(text, q)) ++q;
      if (HasAt(text, q, "월") || HasAt(text, q, "분기")) return false;
    }
    return true;
  }
  if (unit == "일") {
    if (vague) return true;
    // N월 N일 is a date.
    size_t b = span_begin;
    b -= SpaceBefore(text, b);
    if (b >= 3 && HasAt(text, b - 3, "월") && b >= 4 && IsAsciiDigit(text[b - 4])) {
      return false;
    }
    if (DayIsDuration(text, after)) return true;
    // 지난 7일, 오는 28일: the words before a day of the month.
    const WordSpan kDateWords = Words(WordList::kDateWords);
    size_t e = span_begin;
    e -= SpaceBefore(text, e);
    // 주 7일 근무, 최대 30일, 단 3일: spans.
    const WordSpan kSpanWords = Words(WordList::kSpanWords);
    for (absl::string_view w : kSpanWords) {
      if (WholeWordBefore(text, e, w)) return true;
    }
    for (absl::string_view w : kDateWords) {
      if (WholeWordBefore(text, e, w)) return false;
    }
    Decimal limit = Decimal::FromInt(31);
    if (n.value.Compare(limit) > 0 || !n.value.IsInteger()) return true;
    return approximate || nu.yeo;
  }
  if (unit == "분") {
    const WordSpan kNotMinutes = Words(WordList::kNotMinutes);
    if (StartsWithAny(text, after, kNotMinutes)) return false;  // 3분기, 4분의 1
    // 9시 20분 is a clock time.
    size_t b = nu.num_begin;
    b -= SpaceBefore(text, b);
    if (b >= 4 && HasAt(text, b - 3, "시") && IsAsciiDigit(text[b - 4])) return false;
    // 후반 23분: a match clock.
    const WordSpan kClockWords = Words(WordList::kClockWords);
    for (absl::string_view w : kClockWords) {
      if (WholeWordBefore(text, b, w)) return false;
    }
    return true;
  }
  if (unit == "초") {
    const WordSpan kNotSeconds = Words(WordList::kNotSeconds);
    return !StartsWithAny(text, after, kNotSeconds);
  }
  if (unit == "세") {
    // 7세대, 21세기; 3세 경영 is the founder's grandchildren, not an age.
    const WordSpan kNotAge = Words(WordList::kNotAge);
    return !StartsWithAny(text, after, kNotAge);
  }
  if (unit == "주") {
    const WordSpan kNotWeeks = Words(WordList::kNotWeeks);
    return !StartsWithAny(text, after, kNotWeeks);  // 5주년
  }
  if (unit == "포인트") {
    // 코스피가 3000포인트를 회복했다: an index level, not a change of N
    // points (32.18포인트(1.25%) 오른, 1100포인트 넘게).
    const WordSpan kLevelAfter = Words(WordList::kLevelAfter);
    return !StartsWithAny(text, after, kLevelAfter);
  }
  if (unit == "도") {
    // 35.2도, 영하 12도: a temperature or angle needs such a word shortly
    // before it; otherwise 도 is the particle "also" (지수 2500도 무너졌다).
    const WordSpan kDegreeWords = Words(WordList::kDegreeWords);
    // 1.5도 상승: a decimal before the particle 도 does not occur.
    if (n.has_point) return true;
    const size_t from = nu.num_begin > 60 ? nu.num_begin - 60 : 0;
    const absl::string_view before = text.substr(from, nu.num_begin - from);
    for (absl::string_view w : kDegreeWords) {
      if (absl::StrContains(before, w)) return true;
    }
    return false;
  }
  if (unit == "대") {
    // 20억대, 2만 대, 수천 대 count machines. A plain number glued to 대 is
    // usually an age bracket (30대), a top-N name (500대 기업) or a range
    // (2%대); it counts machines only when a particle follows (8대를).
    // 3 대 1, 3대1: a score ("versus").
    {
      size_t q = after;
      q += SpaceAt(text, q);
      if (DigitAt(text, q)) return false;
    }
    if (vague || n.has_big_scale || nu.space_before_unit || nu.yeo) return true;
    // 항공기 50대를: right after a machine noun, 50대 counts machines, not ages.
    {
      const WordSpan kMachineNouns = Words(WordList::kMachineNouns);
      size_t e = nu.num_begin;
      e -= SpaceBefore(text, e);
      if (e < nu.num_begin) {
        for (absl::string_view w : kMachineNouns) {
          if (e >= w.size() && HasAt(text, e - w.size(), w)) return true;
        }
      }
    }
    if (n.value.IsInteger() && n.value.IntegerDigits() == 2 && n.value.ToString()[1] == '0') {
      return false;
    }
    // 2700대 near 코스피 is an index band, not 2,700 machines.
    {
      const size_t from = nu.num_begin > 60 ? nu.num_begin - 60 : 0;
      const absl::string_view around = text.substr(from, after + 30 - from);
      const WordSpan kIndexWords = Words(WordList::kIndexWords);
      for (absl::string_view w : kIndexWords) {
        if (absl::StrContains(around, w)) return false;
      }
    }
    const WordSpan kDeviceParticles = Words(WordList::kDeviceParticles);
    return StartsWithAny(text, after, kDeviceParticles);
  }
  return true;
}

}  // namespace

// `300여만원`, `1억5천여만원`, `10여억원`: 여 ("and some") between a number
// and a big scale. The number is read as if 여 were not there (300만,
// 1억5천만) and marked approximate, as `330만여` is.
void AmountExtractor::ReadYeoBeforeScale(absl::string_view text, size_t p,
                                         const KoreanNumberOptions& ko,
                                         NumberAndUnit* nu) const {
  const size_t at = nu->num_end;
  if (!HasAt(text, at, "여") ||
      !(HasAt(text, at + 3, "만") || HasAt(text, at + 3, "억") || HasAt(text, at + 3, "조"))) {
    return;
  }
  // The rest of a number is short: a big scale and the groups below it.
  constexpr size_t kRest = 48;
  const std::string joined = absl::StrCat(text.substr(p, at - p), text.substr(at + 3, kRest));
  KoreanNumber whole;
  if (!ConsumeKoreanNumber(joined, 0, ko, &whole) || whole.length <= at - p) return;
  whole.length += 3;
  nu->number = whole;
  nu->num_end = p + whole.length;
  nu->yeo = true;
}

bool AmountExtractor::ReadNumber(absl::string_view text, size_t p, bool hangul,
                                 NumberAndUnit* nu) const {
  KoreanNumberOptions ko;
  ko.hangul = hangul;
  ko.max_digits = options_.max_number_digits;
  if (!ConsumeKoreanNumber(text, p, ko, &nu->number)) return false;
  nu->num_begin = p;
  nu->num_end = p + nu->number.length;
  ReadYeoBeforeScale(text, p, ko, nu);
  if (!hangul && !NumberEndsCleanly(text, nu->num_end)) {
    // 5-20%, 200억-300억 달러 may be ranges; the caller decides.
    if (text[nu->num_end] != '-' || !DigitAt(text, nu->num_end + 1)) return false;
    nu->hyphen_next = true;
    nu->unit = nullptr;
    nu->unit_end = nu->num_end;
    return true;
  }
  size_t q = nu->num_end;
  // 3.5 million dollars, 1.2 trillion yen: an English scale word counts
  // only when an English unit follows it.
  if (!hangul && q < text.size() && (text[q] == ' ' || text[q] == 'b' || text[q] == 'm')) {
    static constexpr struct {
      absl::string_view word;
      int exp;
    } kScaleWords[] = {{" trillion", 12}, {" billion", 9}, {" million", 6}, {" bn", 9},
                       {"bn", 9},         {" mn", 6},      {"mn", 6}};
    for (const auto& sw : kScaleWords) {
      if (!HasAt(text, q, sw.word)) continue;
      NumberAndUnit probe;
      if (ReadUnit(text, q + sw.word.size(), true, &probe) && (probe.unit->flags & kAscii)) {
        nu->number.value.ShiftLeft(sw.exp);
        q += sw.word.size();
      }
      break;
    }
  }
  if (HasAt(text, q, "여")) {
    NumberAndUnit probe;
    if (ReadUnit(text, q + 3, true, &probe)) {
      nu->yeo = true;
      q += 3;
    }
  }
  nu->unit_end = q;
  if (!ReadUnit(text, q, true, nu)) nu->unit = nullptr;
  return true;
}

bool AmountExtractor::ReadUnit(absl::string_view text, size_t p, bool allow_space,
                               NumberAndUnit* nu) const {
  UnitMatch m;
  if (!units_.Read(text, p, allow_space, &m)) return false;
  nu->unit = m.unit;
  nu->space_before_unit = m.space_before;
  nu->unit_begin = m.begin;
  nu->unit_end = m.end;
  return true;
}

// Reads a number that starts with an ASCII digit at `a`.
bool AmountExtractor::ReadDigitStart(absl::string_view text, size_t a, Candidate* c,
                                     size_t* resume) const {
  NumberAndUnit& nu = c->nu;
  if (!NumberMayStartAt(text, a)) {
    *resume = SkipAsciiToken(text, a);
    return false;
  }
  // 제3회, 제1조 are ordinals.
  if (a >= 3 && HasAt(text, a - 3, "제")) {
    *resume = SkipAsciiToken(text, a);
    return false;
  }
  // 10억분의 1m, 100분의 1초: the numerator of a fraction.
  {
    size_t e = a;
    e -= SpaceBefore(text, e);
    // The denominator ends in a digit or a scale word (3분의, 10억분의);
    // 증가분의 80% is a share, not a fraction.
    if (e >= 7 && HasAt(text, e - 6, "분의") &&
        (IsAsciiDigit(text[e - 7]) ||
         (e >= 9 &&
          (HasAt(text, e - 9, "십") || HasAt(text, e - 9, "백") || HasAt(text, e - 9, "천") ||
           HasAt(text, e - 9, "만") || HasAt(text, e - 9, "억") || HasAt(text, e - 9, "조"))))) {
      *resume = SkipAsciiToken(text, a);
      return false;
    }
  }
  if (!ReadNumber(text, a, false, &nu)) {
    *resume = SkipAsciiToken(text, a);
    return false;
  }
  *resume = std::max(nu.num_end, a + 1);
  return true;
}

// Reads a currency symbol or code and the number after it ($30, US$ 1,200).
bool AmountExtractor::ReadSymbolStart(absl::string_view text, size_t a, Candidate* c,
                                      size_t* resume) const {
  NumberAndUnit& nu = c->nu;
  const SymbolDef* prefix = c->prefix;
  if (a > 0 && (IsAsciiAlnum(text[a - 1]) || text[a - 1] == '$')) return false;
  size_t p = a + prefix->surface.size();
  p += SpaceAt(text, p);
  if (!DigitAt(text, p) || !ReadNumber(text, p, false, &nu)) return false;
  *resume = std::max(nu.num_end, a + 1);
  if (nu.unit != nullptr && nu.unit->kind != AmountKind::kMoney) nu.unit = nullptr;
  if (nu.unit == nullptr) {
    // $30 billion: English scale words after the symbol form.
    static const struct {
      absl::string_view word;
      int exp;
    } kEnglishScales[] = {{" trillion", 12}, {" billion", 9}, {" million", 6}, {"trillion", 12},
                          {"billion", 9},    {"million", 6},  {" bn", 9},      {"bn", 9},
                          {" mn", 6},        {"mn", 6},       {"T", 12},       {"B", 9},
                          {"M", 6},          {"K", 3},        {"m", 6},        {"k", 3}};
    size_t q = nu.num_end;
    for (const auto& es : kEnglishScales) {
      if (HasAt(text, q, es.word) &&
          (q + es.word.size() >= text.size() || !IsAsciiAlnum(text[q + es.word.size()]))) {
        nu.number.value.ShiftLeft(es.exp);
        q += es.word.size();
        break;
      }
    }
    nu.unit_end = q;
  }
  c->prefix_currency = prefix->code;
  return true;
}

// 조 단위의 돈, 억 원 단위: vague money in a big scale with no number.
AmountExtractor::Start AmountExtractor::ReadScaleUnitVague(absl::string_view text, size_t a,
                                                           Candidate* /*c*/, Amount* out,
                                                           size_t* out_tail, size_t* resume) const {
  // 조 단위의 돈: a vague amount of money with no currency word.
  if (HangulBefore(text, a) || !options_.include_vague) return Start::kFail;
  const bool jo = HasAt(text, a, "조");
  size_t p = a + 3;
  p += SpaceAt(text, p);
  absl::string_view currency;  // 조 원 단위: KRW; 조 단위: none stated
  if (HasAt(text, p, "원")) {
    currency = "KRW";
    p += 3;
  } else if (HasAt(text, p, "달러")) {
    currency = "USD";
    p += 6;
  }
  p += SpaceAt(text, p);
  if (!HasAt(text, p, "단위")) return Start::kFail;
  Amount am;
  am.currency = std::string(currency);
  am.begin = a;
  am.end = p + std::string("단위").size();
  am.kind = AmountKind::kMoney;
  am.approximate = true;
  am.vague = true;
  am.magnitude = jo ? 12 : 8;
  am.qualifiers = {"단위"};
  *out = std::move(am);
  *out_tail = out->end;
  *resume = out->end;
  return Start::kDone;
}

// 억대 연봉: an amount in the hundreds of millions of won.
AmountExtractor::Start AmountExtractor::ReadBandVague(absl::string_view text, size_t a,
                                                      Candidate* /*c*/, Amount* out, size_t* out_tail,
                                                      size_t* resume) const {
  // 억대 연봉: an amount in the hundreds of millions of won.
  if (HangulBefore(text, a)) return Start::kFail;
  Amount am;
  am.begin = a;
  am.end = a + std::string("억대").size();
  am.kind = AmountKind::kMoney;
  am.currency = "KRW";
  am.approximate = true;
  am.vague = true;
  am.magnitude = 8;
  am.qualifiers = {"대"};
  if (!options_.include_vague) return Start::kFail;
  *out = std::move(am);
  *out_tail = out->end;
  *resume = out->end;
  return Start::kDone;
}

// 수십억 달러, 수 조원, 수천 대, 수년: vague amounts written with 수.
AmountExtractor::Start AmountExtractor::ReadSuVague(absl::string_view text, size_t a, Candidate* c,
                                                    Amount* out, size_t* out_tail,
                                                    size_t* resume) const {
  NumberAndUnit& nu = c->nu;
  int& magnitude = c->magnitude;
  // 수십억 달러, 수 조원, 수천 대, 수년: vague amounts.
  if (HangulBefore(text, a)) {
    *resume = a + 3;
    return Start::kFail;
  }
  size_t p = a + 3;
  if (const size_t sp = SpaceAt(text, p); sp > 0) {
    const size_t q = p + sp;
    if (HasAt(text, q, "십") || HasAt(text, q, "백") || HasAt(text, q, "천") ||
        HasAt(text, q, "만") || HasAt(text, q, "억") || HasAt(text, q, "조")) {
      p = q;
    }
  }
  static const struct {
    absl::string_view word;
    int exp;
  } kSmall[] = {{"십", 1}, {"백", 2}, {"천", 3}}, kBig[] = {{"만", 4}, {"억", 8}, {"조", 12}};
  for (const auto& s : kSmall) {
    if (HasAt(text, p, s.word)) {
      magnitude += s.exp;
      p += 3;
      break;
    }
  }
  for (const auto& s : kBig) {
    if (HasAt(text, p, s.word)) {
      magnitude += s.exp;
      p += 3;
      break;
    }
  }
  nu.num_begin = a;
  nu.num_end = p;
  if (p == a + 3) {
    // 수년, 수개월: the counter touches 수.
    if (!ReadUnit(text, p, false, &nu) || nu.unit->kind != AmountKind::kQuantity) {
      *resume = a + 3;
      return Start::kFail;
    }
  } else {
    if (HasAt(text, p, "여")) {
      nu.yeo = true;
      p += 3;
    }
    // 수천, 수만 개의 GPU: the first of two vague amounts shares the unit
    // of the second.
    bool shared_unit = false;
    {
      size_t q = p;
      size_t tl = 0;
      if (HasAt(text, q, ",")) {
        ++q;
      } else if (IsTilde(text, q, &tl)) {
        q += tl;
      }
      q += SpaceAt(text, q);
      if (q > p && HasAt(text, q, "수")) {
        size_t r = q + 3;
        while (HasAt(text, r, "십") || HasAt(text, r, "백") || HasAt(text, r, "천") ||
               HasAt(text, r, "만") || HasAt(text, r, "억") || HasAt(text, r, "조")) {
          r += 3;
        }
        NumberAndUnit next;
        if (r > q + 3 && ReadUnit(text, r, true, &next)) {
          nu.unit = next.unit;
          nu.unit_begin = nu.unit_end = p;
          shared_unit = true;
        }
      }
    }
    if (!shared_unit && !ReadUnit(text, p, true, &nu)) {
      // 수조 단위, 수천억 단위: money without a currency word.
      const size_t q = p + SpaceAt(text, p);
      if (magnitude >= 8 && HasAt(text, q, "단위") && options_.include_vague) {
        Amount am;
        am.begin = a;
        am.end = q + std::string("단위").size();
        am.kind = AmountKind::kMoney;
        am.approximate = true;
        am.vague = true;
        am.magnitude = magnitude;
        am.qualifiers = {"수", "단위"};
        *out = std::move(am);
        *out_tail = out->end;
        *resume = out->end;
        return Start::kDone;
      }
      *resume = p;
      return Start::kFail;
    }
  }
  c->vague = true;
  return Start::kRead;
}

// Reads the vague forms: 조 단위, 억대 연봉, 수십억 달러, 수천 명, 수년. A
// complete amount (the 단위 and 억대 forms) goes to `out` and returns kDone;
// kNone when the anchor is none of them.
AmountExtractor::Start AmountExtractor::ReadVagueStart(absl::string_view text, size_t a,
                                                       Candidate* c, Amount* out, size_t* out_tail,
                                                       size_t* resume) const {
  if ((HasAt(text, a, "억") || HasAt(text, a, "조")) && !HasAt(text, a, "억대")) {
    return ReadScaleUnitVague(text, a, c, out, out_tail, resume);
  }
  if (HasAt(text, a, "억대")) return ReadBandVague(text, a, c, out, out_tail, resume);
  if (HasAt(text, a, "수")) return ReadSuVague(text, a, c, out, out_tail, resume);
  return Start::kNone;
}

// Reads the second end of a range after the first number: 5~20%,
// 200억~300억 달러, 1~2년, -2~1%, or with a hyphen and no spaces: 5-20%.
// Returns false when a hyphen follows the number but no range does.
bool AmountExtractor::ReadRange(absl::string_view text, Candidate* c) const {
  NumberAndUnit& nu = c->nu;
  const absl::string_view prefix_currency = c->prefix_currency;
  std::string& value_max = c->value_max;
  std::string& lower_value = c->lower_value;
  // A range written with a tilde: 5~20%, 200억~300억 달러, 1~2년; or with a
  // hyphen and no spaces: 5-20%.
  size_t p = nu.unit != nullptr ? nu.unit_end : nu.num_end;
  if (nu.unit == nullptr && nu.yeo) p += 3;
  if (!nu.hyphen_next) p += SpaceAt(text, p);
  size_t tl = 0;
  const bool hyphen = nu.hyphen_next;
  if (hyphen) tl = 1;
  if (hyphen || IsTilde(text, p, &tl)) {
    p += tl;
    if (!hyphen) p += SpaceAt(text, p);
    // -2~-1%, 마이너스 3~마이너스 1%: a sign on the upper end.
    const size_t sign = SignLength(text, p);
    p += sign;
    NumberAndUnit nu2;
    // The upper end carries the unit (5~20%), repeats it (5%~20%), or
    // follows a currency symbol ($30~40).
    auto same_unit = [&](const NumberAndUnit& b) {
      if (b.unit == nullptr) return !prefix_currency.empty() && nu.unit == nullptr;
      if (!prefix_currency.empty()) return b.unit->kind == AmountKind::kMoney;
      if (nu.unit == nullptr) return true;
      return nu.unit->kind == b.unit->kind && nu.unit->code == b.unit->code &&
             (nu.unit->kind == AmountKind::kMoney || nu.unit->surface == b.unit->surface);
    };
    // The ends must rise: -5~-3 and -2~1 do, 5~3 does not.
    auto rises = [&](const NumberAndUnit& b) {
      const int cmp = nu.number.value.Compare(b.number.value);
      if (c->negative) return sign > 0 ? cmp > 0 : true;
      return sign == 0 && cmp < 0;
    };
    if (DigitAt(text, p) && ReadNumber(text, p, false, &nu2) && !nu2.hyphen_next && rises(nu2) &&
        same_unit(nu2)) {
      c->upper_negative = sign > 0;
      // Validation below looks at the upper end (2025~2026년 is a date
      // range); the value is the lower end.
      value_max = nu2.number.value.ToString();
      // 100~200만원, 5~10억 달러: a plain lower end shares the scale word
      // of the upper end when it is below the upper end's leading number
      // (but 9000~1만 원 stays 9,000).
      Decimal lower = nu.number.value;
      if (!nu.number.has_scale && nu2.number.lead_scale > 0 && lower.Compare(nu2.number.lead) < 0) {
        lower.ShiftLeft(nu2.number.lead_scale);
      }
      lower_value = lower.ToString();
      const size_t first_begin = nu.num_begin;
      nu = nu2;
      nu.num_begin = first_begin;
    }
  }
  // A hyphen that starts no range: a date, phone number or code.
  return !nu.hyphen_next;
}

// Decides whether an amount without a currency word is in won: a price band
// (1억대 연봉) or a bare 억/만 amount next to a pay or money word (2억, 3억
// 연봉; 영업익 9.1조). Sets c->implied_krw.
void AmountExtractor::InferKrw(absl::string_view text, size_t a, Candidate* c) const {
  NumberAndUnit& nu = c->nu;
  const absl::string_view prefix_currency = c->prefix_currency;
  const bool vague = c->vague;
  const std::string& value_max = c->value_max;
  const char first = text[a];
  // 1억대 연봉, 10억대 자산가, 연봉 1억대: 대 after a big scale next to a
  // money word is a price band in won, not a count of machines (20억대 기기).
  bool band_krw = false;
  if (nu.unit != nullptr && nu.unit->surface == "대" && !nu.space_before_unit && !nu.yeo &&
      IsAsciiDigit(first) && nu.number.ends_with_big_scale && value_max.empty()) {
    const WordSpan kBandAfter = Words(WordList::kBandAfter);
    const WordSpan kBandBefore = Words(WordList::kBandBefore);
    size_t q = nu.unit_end;
    q += SpaceAt(text, q);
    band_krw = StartsWithAny(text, q, kBandAfter);
    if (!band_krw) {
      size_t e = nu.num_begin;
      e -= SpaceBefore(text, e);
      if (e < nu.num_begin) {
        static constexpr absl::string_view kParticles[] = {"은", "는", "이", "가", ""};
        for (absl::string_view pt : kParticles) {
          if (e < pt.size() || !HasAt(text, e - pt.size(), pt)) continue;
          for (absl::string_view w : kBandBefore) {
            if (WholeWordBefore(text, e - pt.size(), w)) band_krw = true;
          }
        }
      }
    }
    if (band_krw) {
      nu.unit = nullptr;
      nu.unit_end = nu.num_end;
    }
  }

  // 2억, 3억 연봉: a bare amount in 억/만 before a pay word is in won (the
  // gold infers KRW from the salary context).
  bool implied_krw = band_krw;
  if (!implied_krw && nu.unit == nullptr && prefix_currency.empty() && !vague &&
      IsAsciiDigit(first) && nu.number.ends_with_big_scale) {
    size_t q = nu.num_end;
    const size_t limit = std::min(text.size(), q + 40);
    while (q < limit) {
      if (IsAsciiDigit(text[q]) || text[q] == ',' || text[q] == ' ') {
        ++q;
      } else if (HasAt(text, q, "억") || HasAt(text, q, "만") || HasAt(text, q, "천")) {
        q += 3;
      } else {
        break;
      }
    }
    const WordSpan kPayWords = Words(WordList::kPayWords);
    implied_krw = StartsWithAny(text, q, kPayWords);
    // 영업익 9.1조, 매출 6500억: headlines drop 원 after a money word. Only
    // 억/조 amounts qualify, so 가입자 300만 stays a bare number.
    // 연봉 5000만: a 만 amount counts only after a pay word (가입자 300만 is
    // a head count).
    const bool man_end = nu.num_end >= 3 && HasAt(text, nu.num_end - 3, "만");
    if (!implied_krw && nu.num_end >= 3 &&
        (HasAt(text, nu.num_end - 3, "억") || HasAt(text, nu.num_end - 3, "조") || man_end)) {
      const WordSpan kPayNouns = Words(WordList::kPayNouns);
      const WordSpan kMoneyNouns = Words(WordList::kMoneyNouns);
      // 1조 규모 투자, 3000억 투자 유치: a money word right after.
      const WordSpan kMoneyAfter = Words(WordList::kMoneyAfter);
      if (!man_end && StartsWithAny(text, nu.num_end, kMoneyAfter)) {
        const size_t w = nu.num_end + (text[nu.num_end] == ' ' ? 1 : 0);
        size_t wl = 0;
        // The word must end there (투자자, 매출처 are other words).
        for (absl::string_view x : kMoneyAfter) {
          if (HasAt(text, nu.num_end, x)) wl = x.size() - (x[0] == ' ' ? 1 : 0);
        }
        const size_t after = w + wl;
        static constexpr absl::string_view kNotEnd[] = {"자", "처", "액"};
        if (!StartsWithAny(text, after, kNotEnd)) implied_krw = true;
      }
      size_t e = a;
      e -= SpaceBefore(text, e);
      if (!implied_krw && (e < a || WholeWordBefore(text, e, "약"))) {
        if (WholeWordBefore(text, e, "약")) {
          e -= std::string("약").size();
          e -= SpaceBefore(text, e);
        }
        static constexpr absl::string_view kParticles[] = {"은", "는", "이", "가"};
        for (int with_particle = 0; with_particle < 2 && !implied_krw; ++with_particle) {
          size_t w_end = e;
          if (with_particle) {
            if (!StartsWithAny(text, e >= 3 ? e - 3 : e, kParticles) || e < 3) break;
            w_end = e - 3;
          }
          if (man_end) {
            for (absl::string_view w : kPayNouns) {
              if (WholeWordBefore(text, w_end, w)) implied_krw = true;
            }
            continue;
          }
          for (absl::string_view w : kMoneyNouns) {
            if (WholeWordBefore(text, w_end, w)) {
              implied_krw = true;
              break;
            }
          }
        }
      }
    }
  }
  c->implied_krw = implied_krw;
}

// Builds the amount from what was read: kind and currency, sign, qualifiers
// before and after, the unit-specific checks for quantities, the value.
bool AmountExtractor::Finish(absl::string_view text, size_t a, Candidate* c, Amount* out,
                             size_t* out_tail, size_t* resume) const {
  const NumberAndUnit& nu = c->nu;
  const bool vague = c->vague;
  const int magnitude = c->magnitude;
  const absl::string_view prefix_currency = c->prefix_currency;
  const SymbolDef* prefix = c->prefix;
  const bool implied_krw = c->implied_krw;
  const std::string& value_max = c->value_max;
  const std::string& lower_value = c->lower_value;
  size_t begin = c->begin;
  size_t end = 0;
  if (nu.unit == nullptr && prefix_currency.empty() && !implied_krw) return false;
  end = std::max({nu.unit_end, nu.num_end, c->sub_unit_end});

  Amount am;
  if (nu.unit != nullptr) {
    am.kind = nu.unit->kind;
    if (am.kind == AmountKind::kMoney) {
      am.currency = std::string(nu.unit->code);
      am.unit = std::string(nu.unit->surface);
    } else {
      am.unit = std::string(nu.unit->surface);
      am.canonical_unit = std::string(nu.unit->code);
    }
  }
  if (implied_krw) {
    am.kind = AmountKind::kMoney;
    am.currency = "KRW";
  }
  if (!prefix_currency.empty()) {
    am.kind = AmountKind::kMoney;
    am.currency = std::string(prefix_currency);
    if (am.unit.empty()) am.unit = std::string(prefix->surface);
  }
  if (am.kind == AmountKind::kQuantity && !options_.include_quantities) return false;
  // A sign before money or a percentage (-2.5%, −3억 달러, 마이너스 1.7%);
  // a quantity keeps no sign.
  const bool negative = c->negative && am.kind != AmountKind::kQuantity;
  if (negative) begin = c->sign_begin;
  if (vague && !options_.include_vague) return false;

  // Qualifiers before the amount: 약, 최대, 최소, 주당 (up to two: 최대 약).
  const size_t span_begin = ReadQualifiersBefore(lex_, text, begin, &am);
  if (nu.yeo) {
    am.approximate = true;
    am.qualifiers.push_back("여");
  }

  if (am.kind == AmountKind::kQuantity &&
      !QuantityIsValid(text, span_begin, nu, am.approximate, vague)) {
    *resume = std::max(*resume, end);
    return false;
  }

  // Qualifiers after the unit: -대, 가량, 이상, 넘는, 미만 ...
  const size_t tail = ReadQualifiersAfter(lex_, text, end, nu.yeo, &am);

  am.begin = span_begin;
  am.end = end;
  am.vague = vague;
  if (vague) {
    am.approximate = true;
    am.magnitude = magnitude;
    am.qualifiers.insert(am.qualifiers.begin(), "수");
  } else {
    am.value = lower_value.empty() ? nu.number.value.ToString() : lower_value;
    am.value_max = value_max;
    if (nu.unit != nullptr && (nu.unit->flags & kHundredths)) {
      for (std::string* v : {&am.value, &am.value_max}) {
        if (v->empty()) continue;
        absl::StatusOr<Decimal> d = Decimal::FromString(*v);
        if (!d.ok()) continue;
        d->ShiftRight(2);
        *v = d->ToString();
      }
    }
    if (c->sub_unit_end > 0) {
      // 1달러 20센트: the sub-unit adds to the value.
      Decimal v = nu.number.value;
      v.Add(c->sub_unit);
      am.value = v.ToString();
    }
    if (negative && am.value != "0") am.value.insert(0, "-");
    if (!am.value_max.empty() && c->upper_negative && am.kind != AmountKind::kQuantity) {
      am.value_max.insert(0, "-");
    }
  }
  *out = std::move(am);
  *out_tail = tail;
  *resume = std::max(end, a + 1);
  return true;
}

// Reads Sino-Korean numerals (with Arabic digits among them: 천 4백만) right
// before a unit that may follow them: 오천만 원, 삼십 퍼센트, 천 명, 십불.
bool AmountExtractor::ReadHangulStart(absl::string_view text, size_t a, Candidate* c) const {
  NumberAndUnit& nu = c->nu;
  if (HangulBefore(text, a)) return false;
  if (!ReadNumber(text, a, true, &nu) || nu.unit == nullptr || !(nu.unit->flags & kSpelled)) {
    return false;
  }
  if (nu.number.bare_scale) {
    // A bare 억/조/경 is a word (조원 = team member); bare 만원 often means
    // "full" (만원 버스, 객석이 만원이었다).
    const absl::string_view s = text.substr(a, 3);
    if (s == "억" || s == "조" || s == "경") return false;
    if (s == "만" && nu.unit->surface == "원" && !nu.space_before_unit &&
        StartsWithAny(text, nu.unit_end, Words(WordList::kFullHouseAfter))) {
      return false;
    }
  }
  return true;
}

// Reads a sub-unit after a whole amount in its main currency (1달러 20센트,
// 5파운드 50펜스, 100원 50전) into c->sub_unit and c->sub_unit_end.
void AmountExtractor::ReadSubUnit(absl::string_view text, Candidate* c) const {
  const NumberAndUnit& nu = c->nu;
  if (nu.unit == nullptr || nu.unit->kind != AmountKind::kMoney || (nu.unit->flags & kHundredths) ||
      !nu.number.value.IsInteger() || !c->value_max.empty()) {
    return;
  }
  size_t p = nu.unit_end + SpaceAt(text, nu.unit_end);
  const size_t digits_begin = p;
  while (DigitAt(text, p) && p - digits_begin < 3) ++p;
  const size_t n = p - digits_begin;
  if (n == 0 || n > 2 || DigitAt(text, p)) return;
  size_t q = p + SpaceAt(text, p);
  size_t len = 0;
  const UnitDef* sub = units_.MatchSubUnit(text, q, nu.unit->code, &len);
  if (sub == nullptr) return;
  Decimal v = *Decimal::FromString(text.substr(digits_begin, n));
  v.ShiftRight(2);
  c->sub_unit = v;
  c->sub_unit_end = q + len;
}

// Reading one amount: (1) the number after the anchor (digits, a currency
// symbol and digits, a 수- form or Hangul numerals), with 여 and the unit;
// (2) an optional second end after ~ or -, or a sub-unit (20센트); (3) won
// implied by the context; (4) qualifier words, unit-specific checks and the
// value (Finish).
bool AmountExtractor::ParseAt(absl::string_view text, size_t a, size_t anchor_end, Amount* out,
                              size_t* out_tail, size_t* resume) const {
  *resume = std::max(anchor_end, a + 1);
  Candidate c;
  c.begin = a;
  const char first = text[a];
  if (!IsAsciiDigit(first)) {
    for (const SymbolDef& pc : lex_.symbols()) {
      if (HasAt(text, a, pc.surface)) {
        c.prefix = &pc;
        break;
      }
    }
  }
  if (IsAsciiDigit(first)) {
    if (!ReadDigitStart(text, a, &c, resume)) return false;
    FindSign(text, a, &c);
  } else if (c.prefix != nullptr) {
    if (!ReadSymbolStart(text, a, &c, resume)) return false;
  } else {
    const Start s = ReadVagueStart(text, a, &c, out, out_tail, resume);
    if (s == Start::kFail) return false;
    if (s == Start::kDone) return true;
    // A Hangul anchor may span digits that start an amount of their own
    // (올해에만 180%): after a failure the scan goes on right after `a`.
    if (s == Start::kNone && !ReadHangulStart(text, a, &c)) {
      *resume = a + 1;
      return false;
    }
  }
  const NumberAndUnit& nu = c.nu;
  if (nu.unit != nullptr && !c.vague) {
    // 5만동 but not 101동: some currency words need a large number.
    if ((nu.unit->flags & kLarge) && !nu.number.has_big_scale &&
        nu.number.value.Compare(Decimal::FromInt(1000)) < 0) {
      return false;
    }
    // 아이폰 16 프로: a product name, not 16 percent.
    if (nu.unit->surface == "프로" && nu.space_before_unit && nu.num_begin > 0) {
      const size_t e = nu.num_begin - SpaceBefore(text, nu.num_begin);
      if (e < nu.num_begin && e > 0) {
        for (absl::string_view w : Words(WordList::kProductNames)) {
          if (e >= w.size() && HasAt(text, e - w.size(), w)) return false;
        }
        if (IsAsciiAlpha(text[e - 1])) return false;
      }
    }
  }
  if (!c.vague) {
    if (!ReadRange(text, &c)) {
      *resume = SkipAsciiToken(text, a);
      return false;
    }
    ReadSubUnit(text, &c);
  }
  InferKrw(text, a, &c);
  return Finish(text, a, &c, out, out_tail, resume);
}

std::vector<Amount> AmountExtractor::Extract(absl::string_view text) const {
  std::vector<Amount> out;
  std::vector<size_t> tails;
  size_t pos = 0;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  while (pos < text.size()) {
    if (!anchor_->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
    const size_t a = static_cast<size_t>(m.data() - text.data());
    const size_t anchor_end = a + m.size();
    Amount am;
    size_t tail = 0, resume = a + 1;
    if (ParseAt(text, a, anchor_end, &am, &tail, &resume)) {
      LinkAmount(text, out, tails, am, tail);
      resume = std::max(am.end, a + 1);
      out.push_back(std::move(am));
      tails.push_back(tail);
    }
    pos = std::max(resume, a + 1);
  }
  return out;
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
