// Round-trip property test (issue 12, acceptance point 1): a renderer
// written here, independent of the extractor, writes random values in every
// style Korean news uses (plain digits, digits with separators, digits with
// scale words, mixed 천/백/십 groups with digits, pure Sino-Korean numerals,
// decimals with a point or 점), with random spacing and a random sign,
// followed by a random currency, percent word or counter. The extractor must
// return one amount over the whole text with exactly the value.
//
// The seed is fixed so runs are reproducible; set GLEANER_ROUNDTRIP_SEED to
// try another one. The seed is printed, and every failure names its text.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "workers/extract/amounts/amount_extractor.h"
#include "workers/extract/amounts/amount_test_util.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

using u128 = unsigned __int128;

constexpr int kCases = 200000;

std::string ToDigits(u128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return s;
}

u128 Pow10(int k) {
  u128 v = 1;
  for (int i = 0; i < k; ++i) v *= 10;
  return v;
}

std::string WithCommas(const std::string& d) {
  std::string s;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(d[i]);
  }
  return s;
}

// What follows the number, and what the extractor must report for it.
struct Suffix {
  const char* text;
  AmountKind kind;
  const char* code;  // currency for money, unit as written otherwise
};
const Suffix kSuffixes[] = {
    {"달러", kMoney, "USD"},       {"원", kMoney, "KRW"},         {"유로", kMoney, "EUR"},
    {"엔", kMoney, "JPY"},         {"위안", kMoney, "CNY"},       {"파운드", kMoney, "GBP"},
    {"호주 달러", kMoney, "AUD"},  {"스위스 프랑", kMoney, "CHF"}, {"루블", kMoney, "RUB"},
    {"%", kPercent, "%"},          {"퍼센트", kPercent, "퍼센트"}, {"퍼센티지", kPercent, "퍼센티지"},
    {"명", kQuantity, "명"},       {"개", kQuantity, "개"},       {"건", kQuantity, "건"},
    {"곳", kQuantity, "곳"},       {"가구", kQuantity, "가구"},
};

class Renderer {
 public:
  explicit Renderer(uint64_t seed) : rng_(seed) {}

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Coin() { return Pick(2) == 0; }
  std::string Space() { return Coin() ? " " : ""; }

  // A random value below 10^21 with a random number of digits, often sparse
  // (many zero groups), and the boundaries 10^k - 1, 10^k, 10^k + 1.
  u128 Value(int i) {
    if (i < 63) {
      const int k = i / 3;
      const u128 p = Pow10(k);
      return i % 3 == 0 ? (k == 0 ? 0 : p - 1) : (i % 3 == 1 ? p : p + 1);
    }
    const int digits = 1 + Pick(21);
    u128 v = 0;
    for (int d = 0; d < digits; ++d) {
      const int digit = (d > 0 && Pick(3) == 0) ? 0 : Pick(10);
      v = v * 10 + static_cast<u128>(digit);
    }
    return v > Pow10(20) ? Pow10(20) : v;
  }

  // 4-digit groups under 경, 조, 억, 만 (index 4 = units); the top group may
  // exceed 9999 (10000경 = 10^20).
  static void Groups(u128 v, u128 g[5]) {
    const u128 w = Pow10(4);
    g[4] = v % w;
    v /= w;
    g[3] = v % w;
    v /= w;
    g[2] = v % w;
    v /= w;
    g[1] = v % w;
    v /= w;
    g[0] = v;
  }

  // One group below 10^4 as 천/백/십 terms then digits: 4천 820, 1천 1백 70.
  std::string Mixed(int g, bool first) {
    static const char* kSmall[] = {"천", "백", "십"};
    const int digit[3] = {g / 1000, g / 100 % 10, g / 10 % 10};
    const int cut = Pick(4);  // terms for the first `cut` positions
    std::string s;
    int rest = g;
    for (int i = 0; i < cut; ++i) {
      if (digit[i] == 0) continue;
      if (!s.empty()) s += Space();
      // A bare 천 starts a number only at its very start (천 4백만).
      s += (digit[i] == 1 && first && s.empty() && Coin()) ? "" : std::to_string(digit[i]);
      s += kSmall[i];
      rest -= digit[i] * (i == 0 ? 1000 : i == 1 ? 100 : 10);
    }
    if (rest > 0) {
      if (!s.empty()) s += Space();
      s += std::to_string(rest);
    }
    return s;
  }

  // One group below 10^4 in Sino-Korean numerals: 삼천오백, 이백십, 구.
  std::string Hangul(int g, bool omit_one) {
    static const char* kDigit[] = {"", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
    static const char* kSmall[] = {"천", "백", "십", ""};
    const int digit[4] = {g / 1000, g / 100 % 10, g / 10 % 10, g % 10};
    std::string s;
    for (int i = 0; i < 4; ++i) {
      if (digit[i] == 0) continue;
      if (i < 3) {
        if (digit[i] != 1 || (!omit_one && Coin())) s += kDigit[digit[i]];
        s += kSmall[i];
      } else {
        s += kDigit[digit[i]];
      }
    }
    return s;
  }

  // The value in one of the scale styles; `style` 2 digits, 3 mixed, 4 Hangul.
  std::string Scaled(u128 v, int style) {
    static const char* kBig[] = {"경", "조", "억", "만", ""};
    u128 g[5];
    Groups(v, g);
    std::string s;
    bool first = true;
    for (int i = 0; i < 5; ++i) {
      if (g[i] == 0) continue;
      const int gi = static_cast<int>(g[i]);
      // A lone Sino-Korean digit touches the group before it (일천억일).
      if (!first && !(style == 4 && gi < 10)) s += Space();
      if (g[i] >= 10000 || style == 2) {
        const std::string d = ToDigits(g[i]);
        s += (d.size() > 3 && Coin()) ? WithCommas(d) : d;
      } else if (style == 3) {
        s += Mixed(gi, first);
      } else {
        // 일억, 일조 (a bare 억/조 is a word); 만 and 일만 are both fine.
        // A bare 만 is a number (만 명); a bare 억/조/경 is not (조원 is a word),
        // and Hangul(1) is 일 already.
        s += (gi == 1 && i == 3 && first && Coin()) ? "" : Hangul(gi, false);
      }
      s += kBig[i];
      first = false;
    }
    return s;
  }

  // Renders one case: returns the text and sets the expected value.
  std::string Render(int i, std::string* want, const Suffix** suffix) {
    const u128 v = Value(i);
    *suffix = &kSuffixes[Pick(sizeof(kSuffixes) / sizeof(kSuffixes[0]))];
    int style = Pick(6);
    // Lone Sino-Korean digits (일..구) collide with words; zero is written 0.
    if (style == 4 && (v < 10 || v >= Pow10(20))) style = 2;
    std::string num;
    *want = ToDigits(v);
    switch (style) {
      case 0:
        num = *want;
        break;
      case 1:
        num = WithCommas(*want);
        break;
      case 2:
      case 3:
      case 4:
        num = v == 0 ? "0" : Scaled(v, style);
        break;
      default:
        num = Decimal(v, want);
        break;
    }
    // A sign before money and percentages written with a leading digit.
    const bool signable = (*suffix)->kind != kQuantity && !num.empty() && num[0] >= '0' &&
                          num[0] <= '9' && Pick(4) == 0;
    std::string sign;
    if (signable) {
      static const char* kSigns[] = {"-", "−", "마이너스 ", "마이너스"};
      sign = kSigns[Pick(4)];
      if (*want != "0") want->insert(0, "-");
    }
    return absl::StrCat(sign, num, Space(), (*suffix)->text);
  }

  // A decimal: digits with a point (1,234.5), a scaled decimal (1.25억) or
  // Sino-Korean numerals with 점 (이십구점구구). Sets `want`.
  std::string Decimal(u128 v, std::string* want) {
    static const char* kDigit[] = {"영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
    const u128 ip = v % Pow10(8);
    std::string frac;
    const int n = 1 + Pick(3);
    for (int k = 0; k < n; ++k) frac.push_back(static_cast<char>('0' + Pick(10)));
    if (frac.back() == '0') frac.back() = '5';
    const int kind = Pick(3);
    if (kind == 1) {
      // m.f x 10^k with k in {4, 8, 12}; the value shifts the point.
      static const char* kBig[] = {"만", "억", "조"};
      const int b = Pick(3);
      const int k = 4 * (b + 1);
      const u128 m = 1 + ip % 9999;
      std::string digits = ToDigits(m) + frac;
      std::string value = digits + std::string(k > n ? k - n : 0, '0');
      if (k < n) value.insert(value.size() - (n - k), ".");
      // Canonical: strip trailing zeros after a point.
      if (value.find('.') != std::string::npos) {
        while (value.back() == '0') value.pop_back();
        if (value.back() == '.') value.pop_back();
      }
      *want = value;
      return absl::StrCat(ToDigits(m), ".", frac, kBig[b]);
    }
    *want = ToDigits(ip) + "." + frac;
    // 점 right after 만 reads as 만점 ("full marks"): news writes digits there.
    if (kind == 0 || (ip != 0 && ip % 10000 == 0)) return absl::StrCat(Coin() ? WithCommas(ToDigits(ip)) : ToDigits(ip), ".", frac);
    std::string s = ip == 0 ? "영" : (ip < 10 ? kDigit[static_cast<int>(ip)] : Scaled(ip, 4));
    s += Coin() ? "점" : "쩜";
    for (char c : frac) s += kDigit[c - '0'];
    return s;
  }

 private:
  std::mt19937_64 rng_;
};

TEST(AmountRoundTripTest, ReadsBackEveryRenderedValue) {
  uint64_t seed = 20261201;
  if (const char* s = std::getenv("GLEANER_ROUNDTRIP_SEED")) seed = std::strtoull(s, nullptr, 10);
  std::cout << "round-trip seed " << seed << " (set GLEANER_ROUNDTRIP_SEED to change)\n";
  Renderer r(seed);
  int failures = 0, off = 0;
  for (int i = 0; i < kCases; ++i) {
    std::string want;
    const Suffix* suffix = nullptr;
    const std::string text = r.Render(i, &want, &suffix);
    const std::vector<Amount> got = Extractor().Extract(text);
    const bool ok = got.size() == 1 && got[0].begin == 0 && got[0].end == text.size() &&
                    got[0].value == want && got[0].kind == suffix->kind &&
                    (suffix->kind == kMoney ? got[0].currency : got[0].unit) == suffix->code;
    for (const Amount& a : got) off += OffByFactorOfTen(want, a.value) ? 1 : 0;
    if (!ok && ++failures <= 30) {
      ADD_FAILURE() << "seed " << seed << " case " << i << ": [" << text << "] want " << want
                    << " got " << Describe(text, got);
    }
  }
  std::cout << "round-trip: " << kCases << " cases, " << failures << " failures, " << off
            << " values off by a factor of ten or more\n";
  ::testing::Test::RecordProperty("off_by_factor_of_ten", off);
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(off, 0);
}

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
