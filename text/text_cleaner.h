// Turns a raw page (plain text or HTML, UTF-8 or CP949/EUC-KR) into clean
// UTF-8 text split into blocks, with page chrome marked as boilerplate.
//
// Plain UTF-8 text passes through byte for byte (a UTF-8 BOM is dropped), so
// offsets into the result are offsets into the input, unless it is
// hard-wrapped at a fixed width (a wire feed, see hard_wrap.h): then the line
// breaks inside its paragraphs are deleted and nothing else changes; block
// source ranges still point into the input. HTML is parsed as the HTML
// Standard's tokenizer reads it (all named character references, comments,
// CDATA and script data states) and turned into one
// line per text run between tags: tags, scripts, styles and comments are
// removed, entities decoded, whitespace collapsed, and attributes never leak.
// Inline formatting tags (`<b>`, `<a>`, `<span>`, ...) do not break a run.
//
//   CleanOptions options;
//   options.content_type = ContentType::kAuto;
//   GLEANER_ASSIGN_OR_RETURN(CleanedText cleaned, CleanDocument(page, options));
//   for (const TextBlock& block : cleaned.blocks) {
//     if (block.boilerplate) continue;
//     absl::string_view line = absl::string_view(cleaned.text)
//                                  .substr(block.begin, block.end - block.begin);
//   }
#ifndef GLEANER_TEXT_TEXT_CLEANER_H_
#define GLEANER_TEXT_TEXT_CLEANER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gleaner {
namespace text {

enum class ContentType {
  kAuto,       // sniff: HTML if the content looks like markup, else plain
  kPlainText,  // passed through unchanged
  kHtml,       // tags removed, entities decoded, one line per text run
};

// What to do with bytes that do not decode in the source encoding.
enum class InvalidBytePolicy {
  kError,    // fail with kInvalidArgument naming the byte offset
  kReplace,  // replace each such byte with U+FFFD and count it
};

struct CleanOptions {
  // How to read the content (kAuto sniffs HTML).
  ContentType content_type = ContentType::kAuto;
  // Source encoding: "" detects it (BOM, then `<meta charset>` in HTML, then
  // UTF-8; invalid UTF-8 that is clean CP949 Korean is read as CP949).
  // Accepted names: "utf-8", "cp949", "euc-kr" and their common aliases
  // ("utf8", "uhc", "ks_c_5601-1987", "windows-949", ...). Case-insensitive.
  std::string encoding;
  // Policy for undecodable bytes and NUL bytes (kError).
  InvalidBytePolicy invalid_bytes = InvalidBytePolicy::kError;
  // Content larger than this fails with kResourceExhausted (64 MiB).
  size_t max_bytes = 64 << 20;
  // Mark page chrome (navigation, share/subscribe, copyright, comment box,
  // newsletter footer) as boilerplate (true).
  bool mark_boilerplate = true;
  // Join the lines of hard-wrapped plain text without inventing spaces
  // (true).
  bool unwrap_hard_wraps = true;
};

// One line/paragraph of the cleaned text (no trailing newline).
struct TextBlock {
  // UTF-8 byte offsets into CleanedText::text, [begin, end), with leading
  // and trailing whitespace excluded.
  size_t begin = 0;
  size_t end = 0;
  // True for page chrome rather than article text (navigation, share,
  // copyright, comment box, newsletter footer).
  bool boilerplate = false;
  // Byte range in the original content that the block came from.
  size_t source_begin = 0;
  size_t source_end = 0;
};

struct CleanedText {
  // For plain UTF-8 input: identical to the input (minus a BOM), except for
  // the `unwrapped_breaks` line breaks deleted from hard-wrapped text.
  std::string text;
  // What was detected or used.
  ContentType content_type = ContentType::kPlainText;
  // "utf-8" or "cp949".
  std::string source_encoding;
  // Invalid bytes replaced with U+FFFD under kReplace.
  size_t replaced_bytes = 0;
  // Line breaks deleted to unwrap hard-wrapped plain text.
  size_t unwrapped_breaks = 0;
  // Covers every non-empty line of `text`, in order.
  std::vector<TextBlock> blocks;
};

// Cleans `content` as described above.
// Empty content is OK (empty text, no blocks). Returns
//   kResourceExhausted  when content exceeds options.max_bytes;
//   kInvalidArgument    for an unknown encoding name, UTF-16 input, and under
//                       kError for undecodable or NUL bytes (the message names
//                       the byte offset); under kReplace for content that is
//                       mostly undecodable (binary data).
absl::StatusOr<CleanedText> CleanDocument(absl::string_view content,
                                          const CleanOptions& options);

// Returns true if `content` looks like HTML markup (used by kAuto).
bool LooksLikeHtml(absl::string_view content);

// Returns true if the block text `line` looks like page chrome.
bool IsBoilerplateLine(absl::string_view line);

}  // namespace text
}  // namespace gleaner

#endif  // GLEANER_TEXT_TEXT_CLEANER_H_
