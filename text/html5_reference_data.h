// The WHATWG HTML Standard's character reference tables, embedded into the
// binary at build time (data/embedded_files.bzl) from text/data/*.tsv, which
// text/data/gen_html5_references.py generated.
#ifndef GLEANER_TEXT_HTML5_REFERENCE_DATA_H_
#define GLEANER_TEXT_HTML5_REFERENCE_DATA_H_

#include "absl/types/span.h"
#include "data/embedded_file.h"

namespace gleaner {
namespace text {

// Returns two files, by base name:
// - html5_named_references.tsv: `name<TAB>hex code point[ hex]` per line,
//   2,231 lines (names with and without the trailing `;`);
// - html5_numeric_overrides.tsv: `hex number<TAB>hex code point` per line,
//   the numeric references in 0x80..0x9F read as windows-1252.
absl::Span<const EmbeddedFile> Html5ReferenceFiles();

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_HTML5_REFERENCE_DATA_H_
