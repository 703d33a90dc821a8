// HTML5 character references (`&amp;`, `&Aacute;`, `&#x2713;`, `&copy`)
// decoded as the HTML Standard's tokenizer decodes them in text content:
// all 2,231 named references, the longest-match rule for the legacy names
// that may omit `;` (`&notit;` is `¬it;`), and the numeric rules (NUL,
// surrogates and out-of-range values become U+FFFD; 0x80..0x9F are read as
// windows-1252).
//
//   CharacterReference ref = DecodeCharacterReference("&check; ok", 0);
//   // ref.length == 7, ref.count == 1, ref.code_points[0] == U+2713
//
// The tables come from the standard (text/data/, embedded at build time).
#ifndef GLEANER_TEXT_HTML_ENTITIES_H_
#define GLEANER_TEXT_HTML_ENTITIES_H_

#include <cstddef>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace gleaner {
namespace text {

// A decoded reference: one or two code points (a few named references,
// such as &NotEqualTilde;, stand for a base character plus a combining mark).
struct CharacterReference {
  size_t length = 0;  // bytes consumed from the `&`; 0: not a reference
  int count = 0;      // code points in `code_points`
  char32_t code_points[2] = {0, 0};
};

// Decodes the character reference at s[i]. REQUIRES: s[i] == '&'.
// Returns length 0 when the text there is not a reference (`&`, `& `,
// `&unknown;`, `&#;`), which the tokenizer keeps as written.
CharacterReference DecodeCharacterReference(absl::string_view s, size_t i);

// Returns the named-reference table: name as written after `&` (with or
// without the trailing `;`) to its code points. Thread-safe; built once.
const absl::flat_hash_map<absl::string_view, CharacterReference>&
NamedCharacterReferences();

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_HTML_ENTITIES_H_
