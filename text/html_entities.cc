#include "text/html_entities.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "text/char_class.h"
#include "text/html5_reference_data.h"

namespace gleaner {
namespace text {
namespace {

using NamedTable = absl::flat_hash_map<absl::string_view, CharacterReference>;

// One of the embedded tables. Both are built in; were one missing, the
// tables would be empty and html_entities_test, which checks all 2,231
// names, would fail.
absl::string_view ReferenceTable(absl::string_view name) {
  absl::StatusOr<absl::string_view> table = FindEmbeddedFile(Html5ReferenceFiles(), name);
  return table.ok() ? *table : absl::string_view();
}

// The longest legacy name (one usable without `;`), e.g. "frac34", "middot".
constexpr size_t kMaxLegacyName = 6;
// The longest name in the standard, `;` included
// ("CounterClockwiseContourIntegral;").
constexpr size_t kMaxName = 32;

// Parses `hex[ hex]` into *ref; false on a malformed field.
bool ParseCodePoints(absl::string_view field, CharacterReference* ref) {
  for (absl::string_view hex : absl::StrSplit(field, ' ')) {
    uint32_t cp;
    if (ref->count == 2 || !absl::SimpleHexAtoi(hex, &cp)) return false;
    ref->code_points[ref->count++] = cp;
  }
  return ref->count > 0;
}

const NamedTable& Named() {
  static const NamedTable* const table = [] {
    auto* t = new NamedTable;
    for (absl::string_view line :
         absl::StrSplit(ReferenceTable("html5_named_references.tsv"), '\n', absl::SkipEmpty())) {
      const std::pair<absl::string_view, absl::string_view> kv =
          absl::StrSplit(line, absl::MaxSplits('\t', 1));
      CharacterReference ref;
      // The table is generated and tested; a bad line is skipped rather
      // than taking the process down.
      if (ParseCodePoints(kv.second, &ref)) {
        ref.length = kv.first.size() + 1;  // with the '&'
        (*t)[kv.first] = ref;
      }
    }
    return t;
  }();
  return *table;
}

// windows-1252 readings of the numeric references 0x80..0x9F (0: none).
const char32_t* NumericOverrides() {
  static const char32_t* const table = [] {
    auto* t = new char32_t[0x20]();
    for (absl::string_view line :
         absl::StrSplit(ReferenceTable("html5_numeric_overrides.tsv"), '\n', absl::SkipEmpty())) {
      const std::pair<absl::string_view, absl::string_view> kv =
          absl::StrSplit(line, '\t');
      uint32_t number, cp;
      if (absl::SimpleHexAtoi(kv.first, &number) &&
          absl::SimpleHexAtoi(kv.second, &cp) && number >= 0x80 &&
          number <= 0x9F) {
        t[number - 0x80] = cp;
      }
    }
    return t;
  }();
  return table;
}

// Decodes `&#...` at s[i]; j is the index after '#'.
CharacterReference DecodeNumeric(absl::string_view s, size_t i, size_t j) {
  CharacterReference ref;
  bool hex = false;
  if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) {
    hex = true;
    ++j;
  }
  const size_t digits_begin = j;
  uint32_t value = 0;
  for (; j < s.size(); ++j) {
    const char c = s[j];
    int d;
    if (IsAsciiDigit(c)) {
      d = c - '0';
    } else if (hex && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (hex && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      break;
    }
    // Saturate: any value past U+10FFFF is as bad as any other.
    value = std::min<uint32_t>(value * (hex ? 16 : 10) + d, 0x110000);
  }
  if (j == digits_begin) return ref;  // `&#;`, `&#x`: not a reference
  if (j < s.size() && s[j] == ';') ++j;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    value = 0xFFFD;
  } else if (value >= 0x80 && value <= 0x9F &&
             NumericOverrides()[value - 0x80] != 0) {
    value = NumericOverrides()[value - 0x80];
  }
  ref.length = j - i;
  ref.count = 1;
  ref.code_points[0] = value;
  return ref;
}

}  // namespace

const NamedTable& NamedCharacterReferences() { return Named(); }

CharacterReference DecodeCharacterReference(absl::string_view s, size_t i) {
  const size_t begin = i + 1;
  if (begin < s.size() && s[begin] == '#') return DecodeNumeric(s, i, i + 2);
  size_t j = begin;
  while (j < s.size() && j - begin < kMaxName && IsAsciiAlnum(s[j])) ++j;
  if (j == begin) return {};
  const NamedTable& table = Named();
  // A full name with its `;` ...
  if (j < s.size() && s[j] == ';') {
    auto it = table.find(s.substr(begin, j + 1 - begin));
    if (it != table.end()) return it->second;
  }
  // ... else the longest legacy name that starts the run (`&copy2024`).
  for (size_t n = std::min(j - begin, kMaxLegacyName); n > 0; --n) {
    auto it = table.find(s.substr(begin, n));
    if (it != table.end()) return it->second;
  }
  return {};
}

}  // namespace text
}  // namespace gleaner
