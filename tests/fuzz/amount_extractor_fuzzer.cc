// Fuzzes the amount extractor on valid UTF-8 text: amounts lie inside the
// text on character boundaries; values are exact decimal strings within the
// digit cap; range and conversion links name other amounts of the result.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "tests/fuzz/fuzz_checks.h"
#include "workers/extract/amounts/amount_extractor.h"

namespace {

using gleaner::workers::extract::amounts::Amount;
using gleaner::workers::extract::amounts::AmountExtractor;
using gleaner::workers::extract::amounts::kDefaultMaxNumberDigits;

// An exact decimal: optional sign, digits, optional fraction.
void CheckDecimal(absl::string_view value) {
  if (value.empty()) return;
  size_t i = (value[0] == '-' || value[0] == '+') ? 1 : 0;
  size_t integer_digits = 0;
  bool seen_point = false;
  FUZZ_CHECK(i < value.size(), "value is only a sign");
  for (; i < value.size(); ++i) {
    if (value[i] == '.') {
      FUZZ_CHECK(!seen_point, "two decimal points in a value");
      seen_point = true;
    } else {
      FUZZ_CHECK(absl::ascii_isdigit(static_cast<unsigned char>(value[i])),
                 "non-digit in a value");
      if (!seen_point) ++integer_digits;
    }
  }
  FUZZ_CHECK(value.back() != '.', "value ends with a decimal point");
  // Scale words multiply the digits written (1조 is 13 digits), so the cap on
  // digits read bounds the value at the cap plus the largest scale (경, 16).
  FUZZ_CHECK(integer_digits <= static_cast<size_t>(kDefaultMaxNumberDigits) + 16,
             "value longer than the digit cap allows");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const AmountExtractor* const kExtractor = [] {
    auto extractor = AmountExtractor::Create();
    FUZZ_CHECK(extractor.ok(), "AmountExtractor::Create failed");
    return extractor->release();
  }();
  const absl::string_view text = gleaner::fuzz::ValidUtf8Prefix(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  const std::vector<Amount> amounts = kExtractor->Extract(text);
  const int count = static_cast<int>(amounts.size());
  for (const Amount& amount : amounts) {
    gleaner::fuzz::CheckSpanInText(text, amount.begin, amount.end, "amount");
    FUZZ_CHECK(amount.begin < amount.end, "empty amount");
    CheckDecimal(amount.value);
    CheckDecimal(amount.value_max);
    FUZZ_CHECK(amount.range_partner >= -1 && amount.range_partner < count, "range partner index");
    FUZZ_CHECK(amount.conversion_of >= -1 && amount.conversion_of < count, "conversion index");
    FUZZ_CHECK(!amount.vague || amount.value.empty(), "a vague amount has a value");
  }
  return 0;
}
