#include "workers/extract/amounts/amount_extractor.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "text/char_class.h"
#include "text/utf8.h"
#include "workers/extract/amounts/korean_number.h"

namespace gleaner {
namespace workers {
namespace extract {

// Flags of a unit table entry.
enum UnitFlag : int {
  // Only non-Hangul or a short particle may follow (불, 프로: both start
  // ordinary words such as 불과, 프로그램).
  kStrict = 1 << 0,
  // Must follow the number with no space (30불, 5프로, 37세).
  kAttached = 1 << 1,
  // An ASCII unit: no ASCII letter or digit may follow (GW but not GWx).
  kAscii = 1 << 2,
  // Written in hundredths of the currency (50센트 = 0.5 USD).
  kHundredths = 1 << 3,
};

struct AmountExtractor::UnitDef {
  absl::string_view surface;  // as written
  AmountKind kind;
  absl::string_view code;  // ISO 4217 for money, canonical unit otherwise
  int flags;
};

namespace {

using UnitDef = AmountExtractor::UnitDef;
constexpr AmountKind kM = AmountKind::kMoney;
constexpr AmountKind kP = AmountKind::kPercent;
constexpr AmountKind kPP = AmountKind::kPercentPoint;
constexpr AmountKind kQ = AmountKind::kQuantity;

// Currency words, percent signs, counters and units that may follow a
// number. Matching takes the longest surface, so 개국 wins over 개 and
// 테라와트시 over 테라와트.
// clang-format off
const UnitDef kUnits[] = {
    // Money.
    {"달러", kM, "USD", 0}, {"센트", kM, "USD", kHundredths}, {"달러화", kM, "USD", 0},
    {"불", kM, "USD", kStrict | kAttached}, {"원", kM, "KRW", 0}, {"원화", kM, "KRW", 0},
    {"위안", kM, "CNY", 0}, {"위안화", kM, "CNY", 0}, {"元", kM, "CNY", 0}, {"엔", kM, "JPY", 0},
    {"엔화", kM, "JPY", 0}, {"유로", kM, "EUR", 0}, {"유로화", kM, "EUR", 0}, {"파운드", kM, "GBP", 0},
    {"파운드화", kM, "GBP", 0}, {"루블", kM, "RUB", 0}, {"루피", kM, "INR", 0}, {"루피아", kM, "IDR", 0},
    {"바트", kM, "THB", 0}, {"링깃", kM, "MYR", 0}, {"리라", kM, "TRY", 0}, {"헤알", kM, "BRL", 0},
    {"프랑", kM, "CHF", 0}, {"스위스프랑", kM, "CHF", 0}, {"홍콩달러", kM, "HKD", 0}, {"대만달러", kM, "TWD", 0},
    {"싱가포르달러", kM, "SGD", 0}, {"호주달러", kM, "AUD", 0}, {"캐나다달러", kM, "CAD", 0},
    {"뉴질랜드달러", kM, "NZD", 0}, {"디르함", kM, "AED", 0}, {"리얄", kM, "SAR", 0},
    // The same currencies with a space inside (100억 호주 달러).
    {"홍콩 달러", kM, "HKD", 0}, {"대만 달러", kM, "TWD", 0}, {"싱가포르 달러", kM, "SGD", 0},
    {"호주 달러", kM, "AUD", 0}, {"캐나다 달러", kM, "CAD", 0}, {"뉴질랜드 달러", kM, "NZD", 0},
    {"스위스 프랑", kM, "CHF", 0}, {"베트남동", kM, "VND", 0}, {"베트남 동", kM, "VND", 0},
    {"dollars", kM, "USD", kAscii}, {"dollar", kM, "USD", kAscii}, {"euros", kM, "EUR", kAscii},
    {"yen", kM, "JPY", kAscii}, {"yuan", kM, "CNY", kAscii},
    {"USD", kM, "USD", kAscii}, {"KRW", kM, "KRW", kAscii}, {"EUR", kM, "EUR", kAscii},
    {"JPY", kM, "JPY", kAscii}, {"CNY", kM, "CNY", kAscii}, {"RMB", kM, "CNY", kAscii},
    {"GBP", kM, "GBP", kAscii}, {"HKD", kM, "HKD", kAscii}, {"CHF", kM, "CHF", kAscii},
    {"CAD", kM, "CAD", kAscii}, {"AUD", kM, "AUD", kAscii}, {"TWD", kM, "TWD", kAscii},
    // Percentages and percentage points.
    // English: 20 percent, 5 percentage points.
    {"percent", kP, "%", kAscii}, {"per cent", kP, "%", kAscii},
    {"percentage points", kPP, "%p", kAscii}, {"percentage point", kPP, "%p", kAscii},
    {"%", kP, "%", 0}, {"％", kP, "%", 0}, {"퍼센트", kP, "%", 0}, {"프로", kP, "%", kStrict | kAttached},
    {"%p", kPP, "%p", kAscii}, {"%P", kPP, "%p", kAscii}, {"%pt", kPP, "%p", kAscii},
    {"％p", kPP, "%p", kAscii}, {"%포인트", kPP, "%p", 0}, {"% 포인트", kPP, "%p", 0},
    {"％포인트", kPP, "%p", 0}, {"퍼센트포인트", kPP, "%p", 0}, {"퍼센트 포인트", kPP, "%p", 0},
    // Counters.
    {"명", kQ, "", 0}, {"개", kQ, "", 0}, {"개국", kQ, "", 0}, {"개사", kQ, "", 0}, {"개월", kQ, "", 0},
    {"개소", kQ, "", 0}, {"곳", kQ, "", 0}, {"건", kQ, "", 0}, {"대", kQ, "", 0}, {"장", kQ, "", 0},
    {"회", kQ, "", 0}, {"회분", kQ, "", 0}, {"차례", kQ, "", 0}, {"가지", kQ, "", 0}, {"가구", kQ, "", 0},
    {"세", kQ, "", kAttached}, {"살", kQ, "", kAttached}, {"편", kQ, "", 0}, {"권", kQ, "", 0},
    {"척", kQ, "", 0}, {"마리", kQ, "", 0}, {"그루", kQ, "", 0}, {"채", kQ, "", 0}, {"층", kQ, "", 0},
    {"종", kQ, "", 0}, {"석", kQ, "", 0}, {"팀", kQ, "", 0}, {"표", kQ, "", 0}, {"포인트", kQ, "", 0},
    {"큐비트", kQ, "", 0}, {"배럴", kQ, "bbl", 0},
    // Time spans.
    {"년", kQ, "", 0}, {"일", kQ, "", 0}, {"거래일", kQ, "", 0}, {"영업일", kQ, "", 0}, {"시간", kQ, "h", 0},
    {"분", kQ, "min", 0}, {"초", kQ, "s", 0}, {"주", kQ, "", 0},
    // Power, energy, length, mass, data, frequency.
    {"GW", kQ, "GW", kAscii}, {"MW", kQ, "MW", kAscii}, {"kW", kQ, "kW", kAscii},
    {"KW", kQ, "kW", kAscii}, {"TW", kQ, "TW", kAscii}, {"GWh", kQ, "GWh", kAscii},
    {"MWh", kQ, "MWh", kAscii}, {"kWh", kQ, "kWh", kAscii}, {"TWh", kQ, "TWh", kAscii},
    {"㎾", kQ, "kW", 0}, {"㎿", kQ, "MW", 0}, {"㎾h", kQ, "kWh", kAscii}, {"기가와트", kQ, "GW", 0},
    {"메가와트", kQ, "MW", 0}, {"킬로와트", kQ, "kW", 0}, {"테라와트", kQ, "TW", 0}, {"와트", kQ, "W", 0},
    {"기가와트시", kQ, "GWh", 0}, {"메가와트시", kQ, "MWh", 0}, {"킬로와트시", kQ, "kWh", 0},
    {"테라와트시", kQ, "TWh", 0}, {"km", kQ, "km", kAscii}, {"㎞", kQ, "km", 0}, {"킬로미터", kQ, "km", 0},
    {"m", kQ, "m", kAscii | kAttached}, {"미터", kQ, "m", 0}, {"cm", kQ, "cm", kAscii},
    {"㎝", kQ, "cm", 0}, {"센티미터", kQ, "cm", 0}, {"mm", kQ, "mm", kAscii}, {"㎜", kQ, "mm", 0},
    {"밀리미터", kQ, "mm", 0}, {"nm", kQ, "nm", kAscii}, {"㎚", kQ, "nm", 0}, {"나노미터", kQ, "nm", 0},
    {"나노", kQ, "nm", 0}, {"마이크로미터", kQ, "um", 0}, {"kg", kQ, "kg", kAscii}, {"㎏", kQ, "kg", 0},
    {"킬로그램", kQ, "kg", 0}, {"그램", kQ, "g", 0}, {"톤", kQ, "t", 0}, {"GB", kQ, "GB", kAscii},
    {"TB", kQ, "TB", kAscii}, {"PB", kQ, "PB", kAscii}, {"MB", kQ, "MB", kAscii},
    {"기가바이트", kQ, "GB", 0}, {"테라바이트", kQ, "TB", 0}, {"페타바이트", kQ, "PB", 0}, {"메가바이트", kQ, "MB", 0},
    {"GHz", kQ, "GHz", kAscii}, {"MHz", kQ, "MHz", kAscii}, {"기가헤르츠", kQ, "GHz", 0},
    {"㎡", kQ, "m2", 0}, {"제곱미터", kQ, "m2", 0}, {"평", kQ, "", 0}, {"리터", kQ, "L", 0},
    {"ℓ", kQ, "L", 0}, {"mAh", kQ, "mAh", kAscii}, {"헥타르", kQ, "ha", 0}, {"인치", kQ, "in", 0},
    {"ha", kQ, "ha", kAscii}, {"t", kQ, "t", kAscii | kAttached}, {"TEU", kQ, "TEU", kAscii},
    {"화소", kQ, "", 0}, {"토큰", kQ, "", 0}, {"페타플롭스", kQ, "PFLOPS", 0},
    {"테라플롭스", kQ, "TFLOPS", 0}, {"엑사플롭스", kQ, "EFLOPS", 0},
    {"PFLOPS", kQ, "PFLOPS", kAscii}, {"TFLOPS", kQ, "TFLOPS", kAscii},
    {"EFLOPS", kQ, "EFLOPS", kAscii}, {"Gbps", kQ, "Gbps", kAscii}, {"Tbps", kQ, "Tbps", kAscii},
    {"Mbps", kQ, "Mbps", kAscii}, {"㎓", kQ, "GHz", 0}, {"㎒", kQ, "MHz", 0},
    {"W", kQ, "W", kAscii | kAttached},
    // Temperatures (and angles): 도 only after a temperature or angle word,
    // see QuantityIsValid; a bare number before the particle 도 is common.
    {"℃", kQ, "°C", 0}, {"°C", kQ, "°C", 0}, {"도", kQ, "°", kAttached},
};
// clang-format on

// Currency symbols and codes written before the number.
struct PrefixCurrency {
  absl::string_view surface;
  absl::string_view code;
};
const PrefixCurrency kPrefixCurrencies[] = {
    {"US$", "USD"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"C$", "CAD"},  {"A$", "AUD"},  {"S$", "SGD"},
    {"R$", "BRL"},  {"$", "USD"},   {"＄", "USD"},  {"₩", "KRW"},   {"￦", "KRW"},  {"¥", "JPY"},
    {"￥", "JPY"},  {"€", "EUR"},   {"£", "GBP"},   {"₹", "INR"},   {"₽", "RUB"}, {"USD", "USD"},
    {"KRW", "KRW"}, {"EUR", "EUR"}, {"JPY", "JPY"}, {"CNY", "CNY"}, {"GBP", "GBP"}, {"RMB", "CNY"},
};

// The one RE2 scan. Each alternative marks where an amount may start; all
// further decisions are made by hand around the anchor.
//   kDigitAnchor     an ASCII digit (numbers are always written with digits
//                    in news, except the forms below)
//   kSymbolAnchor    a currency symbol or ISO code before a number
//   kVagueAnchor     수- vague amounts: 수십억, 수 조원, 수천, 수년; 억대 연봉
//   kHangulAnchor    Sino-Korean numerals, only right before a currency word
//                    (오천만 원, 이십일조 원, 십억 달러): alone they collide
//                    with ordinary words.
constexpr absl::string_view kDigitAnchor = "[0-9]";
constexpr absl::string_view kSymbolAnchor =
    R"((?:US|HK|NT|[CASR])?\$|[＄₩￦¥￥€£₹₽]|(?:USD|KRW|EUR|JPY|CNY|GBP|RMB) ?[0-9])";
constexpr absl::string_view kVagueAnchor =
    "수 ?[십백천만억조]|수(?:년|개월|개국|시간|차례)|억대 ?(?:연봉|월급|자산|매출|손실|수익)|"
    "[억조] ?(?:원|달러)? ?단위";
constexpr absl::string_view kHangulAnchor =
    "[일이삼사오육칠팔구십백천만억조]*[십백천만억조] ?(?:원|달러|위안|엔|유로|파운드)";

// Words that may directly follow a Hangul counter or currency word: particles,
// copulas and qualifiers. Anything else means the "unit" was the start of an
// ordinary word (개발, 명예, 원자력, 엔비디아, 파운드리).
// clang-format off
constexpr absl::string_view kUnitSuffixes[] = {
    "이", "가", "을", "를", "은", "는", "의", "에", "와", "과", "도", "만", "로", "으로",
    "씩", "간", "동안", "까지", "부터", "보다", "대", "여", "가량", "안팎", "정도", "쯤",
    "남짓", "내외", "가까이", "넘", "미만", "초과", "규모", "짜리", "어치", "였", "라", "란",
    "나", "뿐", "밖에", "꼴", "째", "상당", "수준", "치", "며", "면", "다", "요", "든", "분",
    // 3년 전, 5년 뒤, 3년 내 written without the space; 12억 달러인; 3나노급.
    "전", "후", "뒤", "내", "인", "급",
    // 5000만원입니다, 50억원임을, 100억원으론, 1만원께.
    "입니", "임", "으론", "께", "처럼", "새",
};
// clang-format on
// Extra words after a currency: a price level (100달러선), a range (억원대),
// the currency name (달러화).
// 100엔당 900원: a money denominator; 5만원권: a banknote.
constexpr absl::string_view kMoneySuffixes[] = {"선", "대", "화", "당", "권"};
// Particles allowed after kStrict units.
constexpr absl::string_view kStrictSuffixes[] = {"을", "를", "이", "은", "의", "에",   "로",
                                                 "도", "씩", "가", "는", "만", "짜리", "대"};

// Prefix words that may touch a number with no space (약9조원, 최대5000억).
constexpr absl::string_view kTouchingPrefixes[] = {"약",   "최대", "최소", "총",   "단",   "각",
                                                   "무려", "불과", "주당", "개당", "대략", "연",
                                                   "월",   "연간", "최고", "최저", "평균", "누적"};

// ---------------------------------------------------------------------------
// Byte and character helpers. Hangul syllables are three UTF-8 bytes.


// Bytes of one space at `pos`: ' ' or a no-break space (U+00A0); 0 if none.
size_t SpaceAt(absl::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == ' ') return 1;
  if (pos + 1 < text.size() && text[pos] == '\xC2' && text[pos + 1] == '\xA0') return 2;
  return 0;
}

// Bytes of one space ending right before `pos`; 0 if none.
size_t SpaceBefore(absl::string_view text, size_t pos) {
  if (pos >= 1 && text[pos - 1] == ' ') return 1;
  if (pos >= 2 && text[pos - 2] == '\xC2' && text[pos - 1] == '\xA0') return 2;
  return 0;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

bool DigitAt(absl::string_view text, size_t pos) {
  return pos < text.size() && IsAsciiDigit(text[pos]);
}

// Decodes the code point starting at `pos`; -1 when it is not valid UTF-8.
int CodePointAt(absl::string_view text, size_t pos, size_t* len) {
  *len = 1;
  if (pos >= text.size()) return -1;
  char32_t cp;
  const size_t n = text::DecodeUtf8Checked(text, pos, &cp);
  if (n == 0) return -1;
  *len = n;
  return static_cast<int>(cp);
}

// Start of the character that ends right before `pos` (pos itself if none).
size_t PrevCharStart(absl::string_view text, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  int back = 0;
  while (p > 0 && back < 3 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
    --p;
    ++back;
  }
  return p;
}

bool IsHangulCp(int cp) { return cp >= 0 && text::IsHangulSyllable(cp); }

bool HangulAt(absl::string_view text, size_t pos) {
  size_t len;
  return IsHangulCp(CodePointAt(text, pos, &len));
}

bool HangulBefore(absl::string_view text, size_t pos) {
  if (pos == 0) return false;
  return HangulAt(text, PrevCharStart(text, pos));
}

template <size_t N>
bool StartsWithAny(absl::string_view text, size_t pos, const absl::string_view (&words)[N]) {
  for (absl::string_view w : words) {
    if (HasAt(text, pos, w)) return true;
  }
  return false;
}

// True when a Hangul word (a run of syllables) ends at `end` and equals
// `word`: the character before it is not Hangul. 만약 does not end in the
// word 약.
bool WholeWordBefore(absl::string_view text, size_t end, absl::string_view word) {
  if (end < word.size()) return false;
  const size_t start = end - word.size();
  if (!HasAt(text, start, word)) return false;
  return !HangulBefore(text, start);
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
  for (absl::string_view w : kTouchingPrefixes) {
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

// Is the text at `pos` (right after a unit) a clean word end?
bool UnitEndsCleanly(absl::string_view text, size_t pos, const UnitDef& u) {
  if (pos >= text.size()) return true;
  if (u.flags & kAscii) {
    if (IsAsciiAlnum(text[pos])) return false;
  }
  if (!HangulAt(text, pos)) {
    // A Hangul unit glued to Latin letters is a name (3명AI is rare; 4N is
    // never a unit anyway).
    return true;
  }
  // A symbol or Latin unit cannot begin a Hangul word, so any Hangul may
  // follow it (5%하락, 5%선, 84㎡형, 10GW급).
  if (!HangulAt(u.surface, 0)) return true;
  if (u.flags & kStrict) return StartsWithAny(text, pos, kStrictSuffixes);
  if (StartsWithAny(text, pos, kUnitSuffixes)) return true;
  if (u.kind == AmountKind::kMoney && StartsWithAny(text, pos, kMoneySuffixes)) {
    return true;
  }
  return false;
}

// Qualifier words after the unit, with what they mean.
struct SuffixQualifier {
  absl::string_view word;
  bool approximate;
  AmountBound bound;
};
const SuffixQualifier kSuffixQualifiers[] = {
    {"가량", true, AmountBound::kNone},
    {"안팎", true, AmountBound::kNone},
    {"정도", true, AmountBound::kNone},
    {"쯤", true, AmountBound::kNone},
    {"가까이", true, AmountBound::kNone},
    {"남짓", true, AmountBound::kNone},
    {"내외", true, AmountBound::kNone},
    {"이상", false, AmountBound::kLowerInclusive},
    {"이하", false, AmountBound::kUpperInclusive},
    {"이내", false, AmountBound::kUpperInclusive},
    {"초과", false, AmountBound::kLowerExclusive},
    {"미만", false, AmountBound::kUpperExclusive},
    {"넘는", false, AmountBound::kLowerExclusive},
    {"넘은", false, AmountBound::kLowerExclusive},
    {"넘게", false, AmountBound::kLowerExclusive},
    {"넘어", false, AmountBound::kLowerExclusive},
    {"넘겨", false, AmountBound::kLowerExclusive},
    {"넘었", false, AmountBound::kLowerExclusive},
    {"넘겼", false, AmountBound::kLowerExclusive},
    {"넘긴", false, AmountBound::kLowerExclusive},
    {"넘길", false, AmountBound::kLowerExclusive},
};

// Qualifier words before the number.
struct PrefixQualifier {
  absl::string_view word;
  bool approximate;
  AmountBound bound;
  bool per_unit;
  bool in_span;  // the gold convention keeps a leading 약 inside the span
};
const PrefixQualifier kPrefixQualifiers[] = {
    {"약", true, AmountBound::kNone, false, true},
    {"대략", true, AmountBound::kNone, false, false},
    {"최대", false, AmountBound::kUpperInclusive, false, false},
    {"최소", false, AmountBound::kLowerInclusive, false, false},
    {"주당", false, AmountBound::kNone, true, false},
    {"개당", false, AmountBound::kNone, true, false},
    {"1인당", false, AmountBound::kNone, true, false},
    {"1주당", false, AmountBound::kNone, true, false},
    {"배럴당", false, AmountBound::kNone, true, false},
    {"온스당", false, AmountBound::kNone, true, false},
    {"톤당", false, AmountBound::kNone, true, false},
    {"달러당", false, AmountBound::kNone, true, false},
    {"대당", false, AmountBound::kNone, true, false},
    {"인당", false, AmountBound::kNone, true, false},
    {"가구당", false, AmountBound::kNone, true, false},
    {"건당", false, AmountBound::kNone, true, false},
    {"장당", false, AmountBound::kNone, true, false},
    {"시간당", false, AmountBound::kNone, true, false},
    {"리터당", false, AmountBound::kNone, true, false},
    {"평당", false, AmountBound::kNone, true, false},
};

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
  static constexpr absl::string_view kDurationAfter[] = {
      "간", "동안", " 동안", "만에", " 만에", "만", "이내", " 이내", "째", "치", " 연속", "연속",
      "이면", "안에", " 안에", " 이동평균", "이 걸", " 걸", "씩", "가량", " 가량", "여", " 정도",
      "정도", " 이상", "이상", " 내에", " 내로", " 내 ", " 이하",
      // 20일 이평선; 15일 안팎, 10일 남짓, 30일 가까이.
      " 이평", "안팎", " 안팎", "남짓", " 남짓", " 내외", "가까이", " 가까이", " 미만", " 넘게"};
  return StartsWithAny(text, after_unit, kDurationAfter);
}

}  // namespace

absl::string_view AmountKindName(AmountKind kind) {
  switch (kind) {
    case AmountKind::kMoney:
      return "MONEY";
    case AmountKind::kPercent:
      return "PERCENT";
    case AmountKind::kPercentPoint:
      return "PERCENT_POINT";
    case AmountKind::kQuantity:
      return "QUANTITY";
  }
  return "QUANTITY";
}

namespace {

// The anchor pattern, compiled once per process on first use and shared
// read-only by every extractor and thread (RE2 is thread-safe for matching).
const RE2& AnchorPattern() {
  static const RE2* const kAnchor = [] {
    RE2::Options re_options;
    re_options.set_log_errors(false);
    re_options.set_encoding(RE2::Options::EncodingUTF8);
    return new RE2(
        absl::StrCat(kDigitAnchor, "|", kSymbolAnchor, "|", kVagueAnchor, "|", kHangulAnchor),
        re_options);
  }();
  return *kAnchor;
}

}  // namespace

absl::StatusOr<std::unique_ptr<AmountExtractor>> AmountExtractor::Create(
    AmountExtractorOptions options) {
  const RE2& anchor = AnchorPattern();
  if (!anchor.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("amount anchor pattern: ", anchor.error()));
  }
  return std::unique_ptr<AmountExtractor>(new AmountExtractor(options, &anchor));
}

AmountExtractor::AmountExtractor(AmountExtractorOptions options, const RE2* anchor)
    : options_(options), anchor_(anchor) {
  for (const UnitDef& u : kUnits) {
    units_by_byte_[static_cast<unsigned char>(u.surface[0])].push_back(&u);
  }
  for (auto& bucket : units_by_byte_) {
    std::stable_sort(bucket.begin(), bucket.end(), [](const UnitDef* a, const UnitDef* b) {
      return a->surface.size() > b->surface.size();
    });
  }
}

const AmountExtractor::UnitDef* AmountExtractor::MatchUnit(absl::string_view text, size_t pos,
                                                           size_t* len) const {
  if (pos >= text.size()) return nullptr;
  for (const UnitDef* u : units_by_byte_[static_cast<unsigned char>(text[pos])]) {
    if (HasAt(text, pos, u->surface) && UnitEndsCleanly(text, pos + u->surface.size(), *u)) {
      *len = u->surface.size();
      return u;
    }
  }
  return nullptr;
}

namespace {

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
    static constexpr absl::string_view kYearWords[] = {"대", "도", "생", "차", "물"};
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
    static constexpr absl::string_view kDateWords[] = {
        "지난", "오는", "이번", "다음",     "지난달",   "이달", "내달", "다음달",
        "매달", "매월", "전날", "이튿날인", "다음날인", "이날", "오늘"};
    size_t e = span_begin;
    e -= SpaceBefore(text, e);
    // 주 7일 근무, 최대 30일, 단 3일: spans.
    static constexpr absl::string_view kSpanWords[] = {"주",   "연", "최대", "최소",
                                                       "최장", "단", "불과", "무려"};
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
    static constexpr absl::string_view kNotMinutes[] = {"기", "의", "야"};
    if (StartsWithAny(text, after, kNotMinutes)) return false;  // 3분기, 4분의 1
    // 9시 20분 is a clock time.
    size_t b = nu.num_begin;
    b -= SpaceBefore(text, b);
    if (b >= 4 && HasAt(text, b - 3, "시") && IsAsciiDigit(text[b - 4])) return false;
    // 후반 23분: a match clock.
    static constexpr absl::string_view kClockWords[] = {"전반", "후반", "연장", "정각"};
    for (absl::string_view w : kClockWords) {
      if (WholeWordBefore(text, b, w)) return false;
    }
    return true;
  }
  if (unit == "초") {
    static constexpr absl::string_view kNotSeconds[] = {"과", "반", "기", "대", "안", "점"};
    return !StartsWithAny(text, after, kNotSeconds);
  }
  if (unit == "세") {
    // 7세대, 21세기; 3세 경영 is the founder's grandchildren, not an age.
    static constexpr absl::string_view kNotAge[] = {"대", "기", " 경영", "경영"};
    return !StartsWithAny(text, after, kNotAge);
  }
  if (unit == "주") {
    static constexpr absl::string_view kNotWeeks[] = {"년", "차"};
    return !StartsWithAny(text, after, kNotWeeks);  // 5주년
  }
  if (unit == "포인트") {
    // 코스피가 3000포인트를 회복했다: an index level, not a change of N
    // points (32.18포인트(1.25%) 오른, 1100포인트 넘게).
    static constexpr absl::string_view kLevelAfter[] = {
        "를 회복",   "을 회복", "를 돌파",   "을 돌파", "를 탈환", "을 탈환",
        "에 마감",   "로 마감", "으로 마감", "에 장을", "로 장을", "에 거래를",
        "로 거래를", "선",      "대에",      "대로",    "대를",    "고지"};
    return !StartsWithAny(text, after, kLevelAfter);
  }
  if (unit == "도") {
    // 35.2도, 영하 12도: a temperature or angle needs such a word shortly
    // before it; otherwise 도 is the particle "also" (지수 2500도 무너졌다).
    static constexpr absl::string_view kDegreeWords[] = {
        "기온", "영하", "영상", "섭씨", "화씨", "온도", "수온", "체온", "수은주",
        "각도", "위도", "경도", "북위", "남위", "동경", "서경", "경사"};
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
      static constexpr absl::string_view kMachineNouns[] = {
          "항공기", "여객기", "전투기", "헬기",   "드론",   "차량",     "자동차", "전기차",
          "버스",   "트럭",   "택시",   "열차",   "선박",   "로봇",     "서버",   "장비",
          "기기",   "단말기", "카메라", "컴퓨터", "노트북", "스마트폰", "휴대폰", "소방차",
          "구급차", "크레인", "굴착기", "PC",     "GPU",    "대수"};
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
      static constexpr absl::string_view kIndexWords[] = {"코스피", "코스닥", "지수", "다우",
                                                          "나스닥", "종가",   "환율"};
      for (absl::string_view w : kIndexWords) {
        if (absl::StrContains(around, w)) return false;
      }
    }
    static constexpr absl::string_view kDeviceParticles[] = {"의", "를", "을",   "가",   "이",
                                                             "로", "에", "와",   "과",   "씩",
                                                             "는", "도", "까지", "가량", "분"};
    return StartsWithAny(text, after, kDeviceParticles);
  }
  return true;
}

}  // namespace

// Reading one amount: (1) the number after the anchor (digits, a currency
// symbol and digits, a 수- form or Hangul numerals), with 여 and the unit;
// (2) an optional second end after ~ or -; (3) qualifier words before it
// (약, 최대, 주당); (4) unit-specific checks that drop dates, clock times,
// ordinals and brackets; (5) qualifier words after it (이상, 가량, -대).
bool AmountExtractor::ParseAt(absl::string_view text, size_t a, size_t anchor_end, Amount* out,
                              size_t* out_tail, size_t* resume) const {
  *resume = std::max(anchor_end, a + 1);

  // Reads the unit at p, allowing one space before it; fills nu.
  auto read_unit = [&](size_t p, bool allow_space, NumberAndUnit* nu) -> bool {
    size_t len = 0;
    const UnitDef* u = MatchUnit(text, p, &len);
    bool space = false;
    const size_t sp = allow_space ? SpaceAt(text, p) : 0;
    if (u == nullptr && sp > 0) {
      u = MatchUnit(text, p + sp, &len);
      if (u != nullptr && (u->flags & kAttached)) u = nullptr;
      space = u != nullptr;
    }
    if (u == nullptr) return false;
    nu->unit = u;
    nu->space_before_unit = space;
    nu->unit_begin = p + (space ? sp : 0);
    nu->unit_end = nu->unit_begin + len;
    return true;
  };

  // Reads an Arabic or Hangul number at p, then 여 and a unit.
  auto read_number = [&](size_t p, bool hangul, NumberAndUnit* nu) -> bool {
    KoreanNumberOptions ko;
    ko.hangul = hangul;
    if (!ConsumeKoreanNumber(text, p, ko, &nu->number)) return false;
    nu->num_begin = p;
    nu->num_end = p + nu->number.length;
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
        if (read_unit(q + sw.word.size(), true, &probe) && (probe.unit->flags & kAscii)) {
          nu->number.value.ShiftLeft(sw.exp);
          q += sw.word.size();
        }
        break;
      }
    }
    if (HasAt(text, q, "여")) {
      NumberAndUnit probe;
      if (read_unit(q + 3, true, &probe)) {
        nu->yeo = true;
        q += 3;
      }
    }
    nu->unit_end = q;
    if (!read_unit(q, true, nu)) nu->unit = nullptr;
    return true;
  };

  NumberAndUnit nu;
  bool vague = false;
  int magnitude = 0;
  absl::string_view prefix_currency;
  size_t begin = a;  // start of the number or currency symbol
  size_t end = 0;    // end of the span (unit included)
  std::string value_max;
  std::string lower_value;  // set for a tilde range

  const char first = text[a];
  const PrefixCurrency* prefix = nullptr;
  if (!IsAsciiDigit(first)) {
    for (const PrefixCurrency& pc : kPrefixCurrencies) {
      if (HasAt(text, a, pc.surface)) {
        prefix = &pc;
        break;
      }
    }
  }

  if (IsAsciiDigit(first)) {
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
    if (!read_number(a, false, &nu)) {
      *resume = SkipAsciiToken(text, a);
      return false;
    }
    *resume = std::max(nu.num_end, a + 1);
  } else if (prefix != nullptr) {
    if (a > 0 && (IsAsciiAlnum(text[a - 1]) || text[a - 1] == '$')) return false;
    size_t p = a + prefix->surface.size();
    p += SpaceAt(text, p);
    if (!DigitAt(text, p) || !read_number(p, false, &nu)) return false;
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
    prefix_currency = prefix->code;
  } else if ((HasAt(text, a, "억") || HasAt(text, a, "조")) && !HasAt(text, a, "억대")) {
    // 조 단위의 돈: a vague amount of money with no currency word.
    if (HangulBefore(text, a) || !options_.include_vague) return false;
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
    if (!HasAt(text, p, "단위")) return false;
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
    return true;
  } else if (HasAt(text, a, "억대")) {
    // 억대 연봉: an amount in the hundreds of millions of won.
    if (HangulBefore(text, a)) return false;
    Amount am;
    am.begin = a;
    am.end = a + std::string("억대").size();
    am.kind = AmountKind::kMoney;
    am.currency = "KRW";
    am.approximate = true;
    am.vague = true;
    am.magnitude = 8;
    am.qualifiers = {"대"};
    if (!options_.include_vague) return false;
    *out = std::move(am);
    *out_tail = out->end;
    *resume = out->end;
    return true;
  } else if (HasAt(text, a, "수")) {
    // 수십억 달러, 수 조원, 수천 대, 수년: vague amounts.
    if (HangulBefore(text, a)) {
      *resume = a + 3;
      return false;
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
      if (!read_unit(p, false, &nu) || nu.unit->kind != AmountKind::kQuantity) {
        *resume = a + 3;
        return false;
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
          if (r > q + 3 && read_unit(r, true, &next)) {
            nu.unit = next.unit;
            nu.unit_begin = nu.unit_end = p;
            shared_unit = true;
          }
        }
      }
      if (!shared_unit && !read_unit(p, true, &nu)) {
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
          return true;
        }
        *resume = p;
        return false;
      }
    }
    vague = true;
  } else {
    // Sino-Korean numerals right before a currency word: 오천만 원.
    if (HangulBefore(text, a)) return false;
    if (!read_number(a, true, &nu) || nu.unit == nullptr || nu.unit->kind != AmountKind::kMoney) {
      return false;
    }
    // 만원 alone usually means "full" (만원 버스, 객석이 만원), not 10,000 won.
    if (nu.number.length == 3 && !nu.space_before_unit && nu.unit->surface == "원") return false;
  }

  // A range written with a tilde: 5~20%, 200억~300억 달러, 1~2년; or with a
  // hyphen and no spaces: 5-20%.
  if (!vague) {
    size_t p = nu.unit != nullptr ? nu.unit_end : nu.num_end;
    if (nu.unit == nullptr && nu.yeo) p += 3;
    if (!nu.hyphen_next) p += SpaceAt(text, p);
    size_t tl = 0;
    const bool hyphen = nu.hyphen_next;
    if (hyphen) tl = 1;
    if (hyphen || IsTilde(text, p, &tl)) {
      p += tl;
      if (!hyphen) p += SpaceAt(text, p);
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
      if (DigitAt(text, p) && read_number(p, false, &nu2) && !nu2.hyphen_next &&
          nu.number.value.Compare(nu2.number.value) < 0 && same_unit(nu2)) {
        // Validation below looks at the upper end (2025~2026년 is a date
        // range); the value is the lower end.
        value_max = nu2.number.value.ToString();
        // 100~200만원, 5~10억 달러: a plain lower end shares the scale word
        // of the upper end when it is below the upper end's leading number
        // (but 9000~1만 원 stays 9,000).
        Decimal lower = nu.number.value;
        if (!nu.number.has_scale && nu2.number.ends_with_big_scale && nu2.number.length > 3) {
          const absl::string_view up = text.substr(nu2.num_begin, nu2.number.length);
          const absl::string_view lead_text = up.substr(0, up.size() - 3);
          const absl::string_view scale = up.substr(up.size() - 3);
          const int e = scale == "만" ? 4 : scale == "억" ? 8 : scale == "조" ? 12 : 0;
          absl::StatusOr<Decimal> lead = Decimal::FromString(lead_text);
          if (e > 0 && lead.ok() && lower.Compare(*lead) < 0) lower.ShiftLeft(e);
        }
        lower_value = lower.ToString();
        const size_t first_begin = nu.num_begin;
        nu = nu2;
        nu.num_begin = first_begin;
      }
    }
    if (nu.hyphen_next) {  // not a range: a date, phone number or code
      *resume = SkipAsciiToken(text, a);
      return false;
    }
  }

  // 1억대 연봉, 10억대 자산가, 연봉 1억대: 대 after a big scale next to a
  // money word is a price band in won, not a count of machines (20억대 기기).
  bool band_krw = false;
  if (nu.unit != nullptr && nu.unit->surface == "대" && !nu.space_before_unit && !nu.yeo &&
      IsAsciiDigit(first) && nu.number.ends_with_big_scale && value_max.empty()) {
    static constexpr absl::string_view kBandAfter[] = {
        "연봉", "월급", "자산", "부자", "재산", "아파트", "주택",   "집값", "전세",     "매매",
        "매출", "손실", "수익", "이익", "적자", "흑자",   "몸값",   "계약", "투자",     "사기",
        "횡령", "배상", "보상", "상금", "금액", "예산",   "부동산", "빌라", "오피스텔", "자금"};
    static constexpr absl::string_view kBandBefore[] = {
        "연봉",   "월급",   "매출",   "자산",   "가격",   "시세", "몸값", "재산", "집값",
        "전셋값", "매맷값", "분양가", "매매가", "전세가", "손실", "수익", "자금", "투자"};
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
    static constexpr absl::string_view kPayWords[] = {"연봉",   "월급", "급여", "성과급",
                                                      "보너스", "시급", "몸값"};
    implied_krw = StartsWithAny(text, q, kPayWords);
    // 영업익 9.1조, 매출 6500억: headlines drop 원 after a money word. Only
    // 억/조 amounts qualify, so 가입자 300만 stays a bare number.
    // 연봉 5000만: a 만 amount counts only after a pay word (가입자 300만 is
    // a head count).
    const bool man_end = nu.num_end >= 3 && HasAt(text, nu.num_end - 3, "만");
    if (!implied_krw && nu.num_end >= 3 &&
        (HasAt(text, nu.num_end - 3, "억") || HasAt(text, nu.num_end - 3, "조") || man_end)) {
      static constexpr absl::string_view kPayNouns[] = {"연봉", "월급",   "급여",  "시급",
                                                        "몸값", "이적료", "계약금"};
      static constexpr absl::string_view kMoneyNouns[] = {
          "매출",   "매출액", "영업익",   "영업이익", "순익",   "순이익", "영업손실",
          "순손실", "시총",   "시가총액", "거래대금", "과징금", "벌금",   "배당금",
          "보조금", "예산",   "투자금",   "몸값",     "이적료", "계약금", "연봉",
          "투자",   "손실",   "적자",     "흑자",     "자산",   "부채",   "기금",
          "펀드",   "세수",   "지원금",   "상금",     "배상금", "자본금", "수익"};
      // 1조 규모 투자, 3000억 투자 유치: a money word right after.
      static constexpr absl::string_view kMoneyAfter[] = {" 규모", "규모",  " 투자", " 매출",
                                                          " 적자", " 흑자", " 손실", " 펀드"};
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
  if (nu.unit == nullptr && prefix_currency.empty() && !implied_krw) return false;
  end = std::max(nu.unit_end, nu.num_end);

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
  // A minus sign right before money or a percentage (-2.5%, −3억 달러).
  bool negative = false;
  if (IsAsciiDigit(first) && am.kind != AmountKind::kQuantity) {
    // The sign must open a word: "억-300억" is a range, not a negative.
    auto opens = [&](size_t sign) {
      if (sign == 0) return true;
      const char c = text[sign - 1];
      return c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '[';
    };
    if (a >= 1 && text[a - 1] == '-' && opens(a - 1)) {
      negative = true;
      begin = a - 1;
    } else if (a >= 3 && HasAt(text, a - 3, "−") && opens(a - 3)) {
      negative = true;
      begin = a - 3;
    }
  }
  if (vague && !options_.include_vague) return false;

  // Qualifiers before the amount: 약, 최대, 최소, 주당 (up to two: 최대 약).
  size_t span_begin = begin;
  std::vector<std::string> prefix_words;
  {
    size_t b = begin;
    for (int i = 0; i < 2; ++i) {
      size_t e = b;
      e -= SpaceBefore(text, e);
      bool found = false;
      for (const PrefixQualifier& pq : kPrefixQualifiers) {
        if (!WholeWordBefore(text, e, pq.word)) continue;
        const size_t start = e - pq.word.size();
        if (pq.word[0] == '1' && start > 0 && IsAsciiAlnum(text[start - 1])) continue;
        am.approximate |= pq.approximate;
        if (pq.bound != AmountBound::kNone && am.bound == AmountBound::kNone) {
          am.bound = pq.bound;
        }
        am.per_unit |= pq.per_unit;
        if (pq.in_span && span_begin == b) span_begin = start;
        prefix_words.insert(prefix_words.begin(), std::string(pq.word));
        b = start;
        found = true;
        break;
      }
      if (!found) break;
    }
  }
  am.qualifiers = prefix_words;
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
  size_t tail = end;
  if ((am.kind == AmountKind::kMoney || am.kind == AmountKind::kPercent) &&
      HasAt(text, tail, "대")) {
    static constexpr absl::string_view kNotRange[] = {"비", "해", "한", "신", "상",
                                                      "응", "표", "학", "출"};
    if (!StartsWithAny(text, tail + 3, kNotRange)) {
      am.approximate = true;
      am.qualifiers.push_back("대");
      tail += 3;
    }
  }
  for (int i = 0; i < 2; ++i) {
    size_t r = tail;
    if ((HasAt(text, r, "이") || HasAt(text, r, "가") || HasAt(text, r, "을") ||
         HasAt(text, r, "를")) &&
        (HasAt(text, r + 3, "넘") || HasAt(text, r + 3, " 넘"))) {
      r += 3;
    }
    if (r == tail && HasAt(text, r, "여") && !nu.yeo) {
      am.approximate = true;
      am.qualifiers.push_back("여");
      tail = r + 3;
      continue;
    }
    r += SpaceAt(text, r);
    bool matched = false;
    for (const SuffixQualifier& sq : kSuffixQualifiers) {
      if (!HasAt(text, r, sq.word)) continue;
      am.approximate |= sq.approximate;
      if (sq.bound != AmountBound::kNone && am.bound == AmountBound::kNone) {
        am.bound = sq.bound;
      }
      am.qualifiers.push_back(std::string(sq.word));
      tail = r + sq.word.size();
      matched = true;
      break;
    }
    if (!matched) break;
  }

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
    if (negative && am.value != "0") {
      am.value.insert(0, "-");
      if (!am.value_max.empty()) am.value_max.insert(0, "-");
    }
  }
  *out = std::move(am);
  *out_tail = tail;
  *resume = std::max(end, a + 1);
  return true;
}

namespace {

// Links `b` (about to be appended at index out.size()) to the amounts before
// it: a conversion in parentheses (62억달러(약 9조원)) or the upper end of a
// range (2000억 위안(…)에서 5000억 위안에 이르는).
void Link(absl::string_view text, std::vector<Amount>& out, const std::vector<size_t>& tails,
          Amount& b, size_t b_tail) {
  if (out.empty() || b.vague) return;
  const int bi = static_cast<int>(out.size());
  const Amount& last = out.back();
  if (b.kind == AmountKind::kMoney && last.kind == AmountKind::kMoney && !last.vague &&
      last.conversion_of < 0 && last.currency != b.currency) {
    size_t p = tails.back();
    if (HasAt(text, last.end, "(")) p = last.end;
    if (HasAt(text, p, "(")) {
      size_t q = p + 1;
      q += SpaceAt(text, q);
      // (한화 약 9조원), (우리 돈 약 9조원)
      static constexpr absl::string_view kGlosses[] = {"한화로",      "한화",    "원화로", "원화",
                                                       "우리 돈으로", "우리 돈", "우리돈"};
      for (absl::string_view w : kGlosses) {
        if (HasAt(text, q, w)) {
          q += w.size();
          q += SpaceAt(text, q);
          break;
        }
      }
      if (q == b.begin) {
        b.conversion_of = bi - 1;
        return;
      }
    }
  }
  // Range: A [(conversion)] 에서 B 에 이르는 / 까지 / 사이.
  int ai = bi - 1;
  size_t gap = tails[ai];
  if (out[ai].conversion_of >= 0) {
    if (HasAt(text, gap, ")")) ++gap;
    ai = out[ai].conversion_of;
  }
  Amount& a = out[ai];
  if (a.vague || a.kind != b.kind || a.currency != b.currency || a.unit != b.unit ||
      a.range_partner >= 0 || !a.value_max.empty() || !b.value_max.empty()) {
    return;
  }
  bool from = false, since = false;
  for (absl::string_view w : {"에서 ", "에서"}) {
    if (gap + w.size() == b.begin && HasAt(text, gap, w)) from = true;
  }
  for (absl::string_view w : {"부터 ", "부터", "에서부터 "}) {
    if (gap + w.size() == b.begin && HasAt(text, gap, w)) since = true;
  }
  if (!from && !since) return;
  static constexpr absl::string_view kRangeEnd[] = {"에 이르", "까지", " 사이", "사이"};
  if (!StartsWithAny(text, b.end, kRangeEnd) && !StartsWithAny(text, b_tail, kRangeEnd)) {
    return;
  }
  a.range_partner = bi;
  b.range_partner = ai;
}

}  // namespace

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
      Link(text, out, tails, am, tail);
      resume = std::max(am.end, a + 1);
      out.push_back(std::move(am));
      tails.push_back(tail);
    }
    pos = std::max(resume, a + 1);
  }
  return out;
}

}  // namespace extract
}  // namespace workers
}  // namespace gleaner
