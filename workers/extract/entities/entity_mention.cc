#include "workers/extract/entities/entity_mention.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

absl::string_view MatchMethodName(MatchMethod m) {
  switch (m) {
    case MatchMethod::kGazetteer:
      return "GAZETTEER";
    case MatchMethod::kPattern:
      return "PATTERN";
    case MatchMethod::kAlias:
      return "ALIAS";
    case MatchMethod::kCoreference:
      return "COREFERENCE";
  }
  return "UNKNOWN";
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
