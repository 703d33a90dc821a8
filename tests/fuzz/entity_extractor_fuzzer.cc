// Fuzzes the entity extractor with the shipped gazetteer on valid UTF-8
// text: mentions lie inside the text on character boundaries, sorted and
// non-overlapping, each with a canonical name.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "tests/fuzz/fuzz_checks.h"
#include "workers/extract/entities/entity_extractor.h"

namespace {

using gleaner::workers::extract::entities::EntityExtractor;
using gleaner::workers::extract::entities::EntityMention;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const EntityExtractor* const kExtractor = [] {
    auto extractor = EntityExtractor::Create();
    FUZZ_CHECK(extractor.ok(), "EntityExtractor::Create failed");
    return extractor->release();
  }();
  const absl::string_view text = gleaner::fuzz::ValidUtf8Prefix(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  size_t previous_end = 0;
  for (const EntityMention& mention : kExtractor->Extract(text)) {
    gleaner::fuzz::CheckSpanInText(text, mention.begin, mention.end, "entity");
    FUZZ_CHECK(mention.begin < mention.end, "empty entity");
    FUZZ_CHECK(mention.begin >= previous_end, "entities unsorted or overlapping");
    FUZZ_CHECK(!mention.canonical.empty(), "entity without a canonical name");
    previous_end = mention.end;
  }
  return 0;
}
