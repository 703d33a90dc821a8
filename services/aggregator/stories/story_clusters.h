// Story clusters: documents that report the same event in different words,
// grouped by their StoryFingerprint (same parties, same sums). A story's id
// is the id of its first fingerprint, as dedup names a duplicate cluster
// after its first document, so ids are stable as documents arrive.
//
// Batch:
//   std::vector<std::string> ids = AssignStoryIds(fingerprints);  // ids[i] for fingerprints[i]
// Incremental (a store feeding documents as they come, or re-feeding its
// persisted fingerprints in arrival order after a restart, which gives the
// same ids):
//   StoryClusterer clusterer;
//   std::string story = clusterer.Add(FingerprintOf(result));
//
// Two fingerprints match when they share a sum and at least
// `min_shared_entities` parties (and `min_shared_keys_with_sums` keys in
// all), or, when one of them names no sum, share at least
// `min_shared_entities_without_sums` parties and `min_entity_overlap` of
// the smaller set (Options); two that both name sums but share none never
// match (the same parties' next event). A fingerprint joins the story of the
// best-matching earlier fingerprint (ties: the earlier story); one that
// matches none starts a story. Matching is not transitive-closed on
// purpose: a chain of one-entity overlaps does not merge unrelated stories.
//
// Add looks only at earlier fingerprints that can match, found through an
// index by key (sum or party): a match shares at least `need` of the new
// fingerprint's k keys (a sum, a party and three keys in all; or three
// parties), so it shares one of the k - need + 1 keys with the shortest
// postings, and only those postings are read. A store replaying its
// fingerprints after a restart costs about linear time, not quadratic (a
// famous party or round sum is never read when rarer keys suffice); the
// stories are exactly those of comparing with every earlier fingerprint.
#ifndef GLEANER_SERVICES_AGGREGATOR_STORIES_STORY_CLUSTERS_H_
#define GLEANER_SERVICES_AGGREGATOR_STORIES_STORY_CLUSTERS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "services/aggregator/stories/story_fingerprint.h"

namespace gleaner {
namespace aggregator {
namespace stories {

struct StoryClusterOptions {
  // Parties two fingerprints sharing a sum must also share (1).
  size_t min_shared_entities = 1;
  // Shared sums plus shared parties two fingerprints sharing a sum need (3):
  // one famous sum and one famous party recur in unrelated stories.
  size_t min_shared_keys_with_sums = 3;
  // Parties two fingerprints without a shared sum must share (3).
  size_t min_shared_entities_without_sums = 3;
  // Without a shared sum: the shared parties over the smaller party set (0.6).
  double min_entity_overlap = 0.6;
};

// Returns a match score in [0, 1] of `a` and `b`; 0 when they do not match
// under `options`.
double StoryMatchScore(const StoryFingerprint& a, const StoryFingerprint& b,
                       const StoryClusterOptions& options = {});

// Assigns story ids incrementally. Not thread-safe (callers serialise Add);
// movable, copyable.
class StoryClusterer {
 public:
  explicit StoryClusterer(StoryClusterOptions options = {}) : options_(options) {}

  // Adds `print` and returns its story id: the id of the first fingerprint
  // of the story it joins, or its own id when it starts one.
  std::string Add(StoryFingerprint print);

  // Returns the number of fingerprints added.
  size_t size() const { return prints_.size(); }

 private:
  using Postings = absl::flat_hash_map<std::string, std::vector<uint32_t>>;

  // The earlier fingerprints that may match `print`, ascending.
  std::vector<uint32_t> Candidates(const StoryFingerprint& print);
  // Adds the postings of the `count` keys of `keys` with the shortest
  // postings in `index` to the candidates (each once).
  void CollectRarest(const Postings& index, const std::vector<std::string>& keys, size_t count,
                     std::vector<uint32_t>& out);

  StoryClusterOptions options_;
  std::vector<StoryFingerprint> prints_;
  std::vector<std::string> story_of_;  // story id of prints_[i]
  Postings by_key_;                    // "s:" sum or "e:" party -> prints naming it
  Postings sumless_by_entity_;         // party -> prints naming it and no sum
  std::vector<uint32_t> visited_;      // per print: the last Add that collected it
  uint32_t add_count_ = 0;
};

// Returns the story id of each fingerprint, as StoryClusterer::Add gives
// them when the fingerprints are added in order.
std::vector<std::string> AssignStoryIds(absl::Span<const StoryFingerprint> prints,
                                        const StoryClusterOptions& options = {});

}  // namespace stories
}  // namespace aggregator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_AGGREGATOR_STORIES_STORY_CLUSTERS_H_
