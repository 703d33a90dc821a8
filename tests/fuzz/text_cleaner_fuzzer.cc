// Fuzzes the cleaner on raw pages (HTML or plain, any bytes) as the
// coordinator calls it on entry: it must never crash, and whatever it returns
// must be valid UTF-8 with every block inside the text and every source range
// inside the input.
#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tests/fuzz/fuzz_checks.h"
#include "text/text_cleaner.h"

namespace {

void CheckCleaned(absl::string_view content, const gleaner::text::CleanedText& cleaned) {
  FUZZ_CHECK(gleaner::fuzz::IsValidUtf8(cleaned.text), "cleaned text is not valid UTF-8");
  size_t previous_end = 0;
  for (const gleaner::text::TextBlock& block : cleaned.blocks) {
    gleaner::fuzz::CheckSpanInText(cleaned.text, block.begin, block.end, "block");
    FUZZ_CHECK(block.begin >= previous_end, "blocks out of order or overlapping");
    previous_end = block.end;
    FUZZ_CHECK(block.source_begin <= block.source_end, "block source range reversed");
    FUZZ_CHECK(block.source_end <= content.size(), "block source range past the input");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view content(reinterpret_cast<const char*>(data), size);
  for (const gleaner::text::ContentType type :
       {gleaner::text::ContentType::kAuto, gleaner::text::ContentType::kHtml}) {
    gleaner::text::CleanOptions options;
    options.content_type = type;
    options.invalid_bytes = gleaner::text::InvalidBytePolicy::kReplace;
    absl::StatusOr<gleaner::text::CleanedText> cleaned =
        gleaner::text::CleanDocument(content, options);
    if (cleaned.ok()) CheckCleaned(content, *cleaned);
  }
  return 0;
}
