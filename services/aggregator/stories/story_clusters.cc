#include "services/aggregator/stories/story_clusters.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace gleaner {
namespace aggregator {
namespace stories {
namespace {

// Returns how many keys two sorted sets share.
size_t SharedKeys(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t shared = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

}  // namespace

double StoryMatchScore(const StoryFingerprint& a, const StoryFingerprint& b,
                       const StoryClusterOptions& options) {
  const size_t shared_entities = SharedKeys(a.entities, b.entities);
  const size_t shared_sums = SharedKeys(a.sums, b.sums);
  const size_t smaller_entities = std::min(a.entities.size(), b.entities.size());
  const double entity_overlap =
      smaller_entities == 0 ? 0.0
                            : static_cast<double>(shared_entities) / smaller_entities;
  if (shared_sums > 0 && shared_entities >= options.min_shared_entities &&
      shared_sums + shared_entities >= options.min_shared_keys_with_sums) {
    // Same sums and parties: the larger the share of both unions, the higher.
    const double sum_union = static_cast<double>(a.sums.size() + b.sums.size() - shared_sums);
    const double entity_union =
        static_cast<double>(a.entities.size() + b.entities.size() - shared_entities);
    return 0.5 + 0.25 * shared_sums / sum_union +
           0.25 * (entity_union == 0 ? 0.0 : shared_entities / entity_union);
  }
  // Both name sums but none in common: two events of the same parties (a
  // company's quarterly results, its next deal).
  if (!a.sums.empty() && !b.sums.empty()) return 0.0;
  if (shared_entities >= options.min_shared_entities_without_sums &&
      entity_overlap >= options.min_entity_overlap) {
    return 0.5 * entity_overlap;
  }
  return 0.0;
}

std::string StoryClusterer::Add(StoryFingerprint print) {
  double best_score = 0;
  size_t best = prints_.size();
  for (size_t i = 0; i < prints_.size(); ++i) {
    const double score = StoryMatchScore(prints_[i], print, options_);
    if (score > best_score) {  // strict: ties keep the earlier fingerprint
      best_score = score;
      best = i;
    }
  }
  std::string story = best < prints_.size() ? story_of_[best] : print.id;
  prints_.push_back(std::move(print));
  story_of_.push_back(story);
  return story;
}

std::vector<std::string> AssignStoryIds(absl::Span<const StoryFingerprint> prints,
                                        const StoryClusterOptions& options) {
  StoryClusterer clusterer(options);
  std::vector<std::string> ids;
  ids.reserve(prints.size());
  for (const StoryFingerprint& print : prints) ids.push_back(clusterer.Add(print));
  return ids;
}

}  // namespace stories
}  // namespace aggregator
}  // namespace gleaner
