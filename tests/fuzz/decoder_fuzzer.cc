// Fuzzes the decoders: the cleaner's encoding detection and CP949 decoding
// (every byte string, strict and replacing), the HTML character reference
// decoder, and the UTF-8 decoder. Output must be valid UTF-8; strict decoding
// of plain UTF-8 must return the input unchanged; the decoders never read
// past their input or stall.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tests/fuzz/fuzz_checks.h"
#include "text/html_entities.h"
#include "text/text_cleaner.h"
#include "text/utf8.h"

namespace {

using gleaner::text::CleanDocument;
using gleaner::text::CleanOptions;
using gleaner::text::ContentType;
using gleaner::text::InvalidBytePolicy;

void FuzzEncodings(absl::string_view content) {
  for (const char* encoding : {"", "cp949", "utf-8"}) {
    for (const InvalidBytePolicy policy : {InvalidBytePolicy::kError, InvalidBytePolicy::kReplace}) {
      CleanOptions options;
      options.content_type = ContentType::kPlainText;
      options.encoding = encoding;
      options.invalid_bytes = policy;
      options.unwrap_hard_wraps = false;
      absl::StatusOr<gleaner::text::CleanedText> cleaned = CleanDocument(content, options);
      if (!cleaned.ok()) continue;
      FUZZ_CHECK(gleaner::fuzz::IsValidUtf8(cleaned->text), "decoded text is not valid UTF-8");
    }
  }
}

void FuzzUtf8Decoder(absl::string_view content) {
  std::string reencoded;
  for (size_t i = 0; i < content.size();) {
    char32_t cp;
    const size_t len = gleaner::text::DecodeUtf8(content, i, &cp);
    FUZZ_CHECK(len >= 1 && len <= 4 && i + len <= content.size(), "DecodeUtf8 length");
    gleaner::text::AppendUtf8(cp, &reencoded);
    i += len;
  }
  // Replacing decoding then encoding yields valid UTF-8, equal to the input
  // exactly when the input was valid.
  FUZZ_CHECK(gleaner::fuzz::IsValidUtf8(reencoded), "re-encoded text is not valid UTF-8");
  if (gleaner::fuzz::IsValidUtf8(content)) {
    FUZZ_CHECK(reencoded == content, "valid UTF-8 did not round-trip");
  }
}

void FuzzCharacterReferences(absl::string_view content) {
  for (size_t i = content.find('&'); i != absl::string_view::npos; i = content.find('&', i + 1)) {
    const gleaner::text::CharacterReference ref =
        gleaner::text::DecodeCharacterReference(content, i);
    FUZZ_CHECK(i + ref.length <= content.size(), "character reference past the input");
    FUZZ_CHECK(ref.count >= 0 && ref.count <= 2, "character reference code point count");
    for (int k = 0; k < ref.count; ++k) {
      const char32_t cp = ref.code_points[k];
      // Numeric references to surrogates or beyond U+10FFFF decode to U+FFFD.
      FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF), "not a Unicode scalar");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view content(reinterpret_cast<const char*>(data), size);
  FuzzEncodings(content);
  FuzzUtf8Decoder(content);
  FuzzCharacterReferences(content);
  return 0;
}
