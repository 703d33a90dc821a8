// Merges the verdicts of every dedup shard on one document into the verdict
// one unsharded index gives. Lives in the coordinator (it used to be in the
// dedup worker's glue), so the coordinator links no worker code; the rule is
// the one documented in workers/dedup/deduplicator.h (MergeShardVerdicts).
//
//   v1::DuplicateVerdict merged = MergeShardVerdicts({shard0, shard1});
#ifndef GLEANER_SERVICES_COORDINATOR_DEDUP_MERGE_H_
#define GLEANER_SERVICES_COORDINATOR_DEDUP_MERGE_H_

#include <vector>

#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace coordinator {

// An exact verdict wins; otherwise the near verdict with the highest
// similarity (ties: the earliest duplicate_of_sequence); unique on every
// shard keeps the first shard's cluster id. Repeated blocks are united, a
// cross-document report winning over a within-document one for the same
// span. Empty input gives an empty verdict.
v1::DuplicateVerdict MergeShardVerdicts(
    std::vector<v1::DuplicateVerdict> shard_verdicts);

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_DEDUP_MERGE_H_
