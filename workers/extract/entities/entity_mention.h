// What the entity stage finds: a mention of an organisation, person, place
// or product in a text, with its canonical name and how it was found.
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_MENTION_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_MENTION_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "workers/extract/entities/gazetteer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

enum class MatchMethod { kGazetteer, kPattern, kAlias, kCoreference };

// Returns "GAZETTEER", "PATTERN", "ALIAS" or "COREFERENCE".
absl::string_view MatchMethodName(MatchMethod m);

// A byte range [begin, end) of a boilerplate or duplicate block.
struct FlaggedRange {
  size_t begin = 0, end = 0;
};

struct EntityMention {
  size_t begin = 0, end = 0;  // UTF-8 byte offsets into the text, particles excluded
  EntityType type = EntityType::kOrganization;
  std::string canonical;
  MatchMethod method = MatchMethod::kGazetteer;
  bool flagged = false;  // inside a FlaggedRange (boilerplate or duplicate block)
  std::vector<std::pair<std::string, std::string>> metadata;  // from the gazetteer, e.g. ticker
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_MENTION_H_
