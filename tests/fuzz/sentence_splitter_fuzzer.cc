// Fuzzes the sentence splitter (defaults and every option flipped) on valid UTF-8 text: sentences
// lie inside the text on character boundaries, in order, without overlap,
// and none is empty.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "tests/fuzz/fuzz_checks.h"
#include "workers/sentence/sentence_splitter.h"

namespace {

using gleaner::workers::sentence::SentenceSpan;
using gleaner::workers::sentence::SentenceSplitter;
using gleaner::workers::sentence::SentenceSplitterOptions;

// `variant` false: the stage's defaults; true: every optional rule flipped
// (pipes and bullets split, punctuation-only mode, nothing dropped).
std::unique_ptr<SentenceSplitter> MakeSplitter(bool variant) {
  SentenceSplitterOptions options;
  options.split_on_pipes = variant;
  options.split_on_inline_bullets = variant;
  options.drop_punctuation_only = !variant;
  options.split_on_endings = !variant;
  auto splitter = SentenceSplitter::Create(options);
  FUZZ_CHECK(splitter.ok(), "SentenceSplitter::Create failed");
  return *std::move(splitter);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const SentenceSplitter* const kDefault = MakeSplitter(false).release();
  static const SentenceSplitter* const kVariant = MakeSplitter(true).release();
  const absl::string_view text = gleaner::fuzz::ValidUtf8Prefix(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  for (const SentenceSplitter* splitter : {kDefault, kVariant}) {
    size_t previous_end = 0;
    for (const SentenceSpan& span : splitter->Split(text)) {
      gleaner::fuzz::CheckSpanInText(text, span.begin, span.end, "sentence");
      FUZZ_CHECK(span.begin < span.end, "empty sentence");
      FUZZ_CHECK(span.begin >= previous_end, "sentences out of order or overlapping");
      previous_end = span.end;
    }
  }
  return 0;
}
