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

namespace {

// The keys of the by-key index: sums and parties, told apart.
std::vector<std::string> KeysOf(const StoryFingerprint& print) {
  std::vector<std::string> keys;
  keys.reserve(print.sums.size() + print.entities.size());
  for (const std::string& sum : print.sums) keys.push_back("s:" + sum);
  for (const std::string& party : print.entities) keys.push_back("e:" + party);
  return keys;
}

}  // namespace

void StoryClusterer::CollectRarest(const Postings& index, const std::vector<std::string>& keys,
                                   size_t count, std::vector<uint32_t>& out) {
  std::vector<std::pair<size_t, const std::vector<uint32_t>*>> postings;
  for (const std::string& key : keys) {
    const auto found = index.find(key);
    if (found == index.end()) {
      postings.emplace_back(0, nullptr);
    } else {
      postings.emplace_back(found->second.size(), &found->second);
    }
  }
  std::sort(postings.begin(), postings.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t k = 0; k < count && k < postings.size(); ++k) {
    if (postings[k].second == nullptr) continue;
    for (uint32_t i : *postings[k].second) {
      if (visited_[i] == add_count_) continue;
      visited_[i] = add_count_;
      out.push_back(i);
    }
  }
}

std::vector<uint32_t> StoryClusterer::Candidates(const StoryFingerprint& print) {
  std::vector<uint32_t> out;
  // Without a required shared party nothing narrows the search.
  if (options_.min_shared_entities == 0 || options_.min_shared_entities_without_sums == 0) {
    for (uint32_t i = 0; i < prints_.size(); ++i) out.push_back(i);
    return out;
  }
  ++add_count_;
  // A shared sum: at least `need` shared keys, a sum and parties among them.
  if (!print.sums.empty()) {
    const std::vector<std::string> keys = KeysOf(print);
    const size_t need =
        std::max(options_.min_shared_keys_with_sums, options_.min_shared_entities + 1);
    if (keys.size() >= need) CollectRarest(by_key_, keys, keys.size() - need + 1, out);
  }
  // No shared sum (one side names none): enough shared parties.
  const size_t need = options_.min_shared_entities_without_sums;
  if (print.entities.size() >= need) {
    const size_t count = print.entities.size() - need + 1;
    if (print.sums.empty()) {
      std::vector<std::string> keys;
      for (const std::string& party : print.entities) keys.push_back("e:" + party);
      CollectRarest(by_key_, keys, count, out);
    } else {
      CollectRarest(sumless_by_entity_, print.entities, count, out);
    }
  }
  std::sort(out.begin(), out.end());  // ties go to the earlier fingerprint
  return out;
}

std::string StoryClusterer::Add(StoryFingerprint print) {
  double best_score = 0;
  size_t best = prints_.size();
  for (uint32_t i : Candidates(print)) {
    const double score = StoryMatchScore(prints_[i], print, options_);
    if (score > best_score) {  // strict: ties keep the earlier fingerprint
      best_score = score;
      best = i;
    }
  }
  std::string story = best < prints_.size() ? story_of_[best] : print.id;
  const uint32_t at = static_cast<uint32_t>(prints_.size());
  for (std::string& key : KeysOf(print)) by_key_[std::move(key)].push_back(at);
  if (print.sums.empty()) {
    for (const std::string& party : print.entities) sumless_by_entity_[party].push_back(at);
  }
  visited_.push_back(0);
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
