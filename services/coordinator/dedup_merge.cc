#include "services/coordinator/dedup_merge.h"

#include <algorithm>
#include <utility>

namespace gleaner {
namespace coordinator {
namespace {

int Rank(const v1::DuplicateVerdict& verdict) {
  switch (verdict.kind()) {
    case v1::DUPLICATE_KIND_EXACT:
      return 2;
    case v1::DUPLICATE_KIND_NEAR:
      return 1;
    default:
      return 0;
  }
}

// True when `a` is a better verdict than `b`.
bool Better(const v1::DuplicateVerdict& a, const v1::DuplicateVerdict& b) {
  if (Rank(a) != Rank(b)) return Rank(a) > Rank(b);
  if (Rank(a) == 0) return false;
  if (a.similarity() != b.similarity()) return a.similarity() > b.similarity();
  return a.duplicate_of_sequence() < b.duplicate_of_sequence();
}

}  // namespace

v1::DuplicateVerdict MergeShardVerdicts(
    std::vector<v1::DuplicateVerdict> shard_verdicts) {
  if (shard_verdicts.empty()) return {};
  size_t best = 0;
  for (size_t i = 1; i < shard_verdicts.size(); ++i) {
    if (Better(shard_verdicts[i], shard_verdicts[best])) best = i;
  }
  std::vector<v1::RepeatedBlock> blocks;
  for (v1::DuplicateVerdict& verdict : shard_verdicts) {
    for (v1::RepeatedBlock& block : *verdict.mutable_repeated_blocks()) {
      blocks.push_back(std::move(block));
    }
  }
  // Unique on every shard: its own cluster. A retried document may carry a
  // cluster id recorded by Commit; every shard agrees on it.
  std::string first_cluster = shard_verdicts[0].cluster_id();
  v1::DuplicateVerdict merged = std::move(shard_verdicts[best]);
  if (Rank(merged) == 0) merged.set_cluster_id(std::move(first_cluster));
  merged.clear_repeated_blocks();
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const v1::RepeatedBlock& a, const v1::RepeatedBlock& b) {
                     if (a.begin() != b.begin()) return a.begin() < b.begin();
                     return a.cross_document() > b.cross_document();
                   });
  for (v1::RepeatedBlock& block : blocks) {
    const int n = merged.repeated_blocks_size();
    if (n > 0 && merged.repeated_blocks(n - 1).begin() == block.begin()) {
      continue;  // only the block's owner shard can report it cross-document
    }
    *merged.add_repeated_blocks() = std::move(block);
  }
  return merged;
}

}  // namespace coordinator
}  // namespace gleaner
