// A fingerprint of the event a document (or one story of a page) reports:
// who is in it and which sums it names. Two outlets rewriting one wire story
// reorder sentences, change the connective text and their own boilerplate,
// but keep the parties and the sums; the fingerprint keeps exactly those, so
// it groups rewrites that dedup's text shingles do not (issue 16). Story
// ids are assigned by story_clusters.h.
//
//   StoryFingerprint print = FingerprintOf(result);            // whole document
//   StoryFingerprint one = FingerprintOf(result, story.begin(), story.end());
//   std::string row = EncodeFingerprint(print);                // to persist
//   absl::StatusOr<StoryFingerprint> back = DecodeFingerprint(row);
//
// What goes in: the canonical names of the organisation and person mentions
// outside boilerplate blocks (text repeated from other documents counts: a
// rewrite shares it), and the money sums
// ("USD:38000000000") of the amounts that are not conversions and not vague,
// plus each attribution as "entity|relation|sum". Places and products are
// left out: they are shared by unrelated stories of one beat.
#ifndef GLEANER_SERVICES_AGGREGATOR_STORIES_STORY_FINGERPRINT_H_
#define GLEANER_SERVICES_AGGREGATOR_STORIES_STORY_FINGERPRINT_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace aggregator {
namespace stories {

// Sorted, duplicate-free sets of keys. Copyable and movable.
struct StoryFingerprint {
  // The document (and story) this fingerprint is of; set by the caller or by
  // FingerprintOf (DocumentResult.id, with "#<begin>" for a story range).
  std::string id;
  // Canonical names of organisations and people.
  std::vector<std::string> entities;
  // Money sums as "<ISO 4217>:<exact decimal value>".
  std::vector<std::string> sums;
  // Attributed sums as "<canonical>|<relation>|<sum>".
  std::vector<std::string> claims;
};

// Returns the fingerprint of the part of `result` in [begin, end) (byte
// offsets into result.text(); the whole document by default). Mentions and
// amounts count when they start inside the range.
StoryFingerprint FingerprintOf(const v1::DocumentResult& result, uint32_t begin = 0,
                               uint32_t end = std::numeric_limits<uint32_t>::max());

// Returns `print` as one line of text (tab-separated fields, keys joined by
// U+001F), stable across versions of this library, for a store to keep.
std::string EncodeFingerprint(const StoryFingerprint& print);
// Parses EncodeFingerprint's output; kInvalidArgument when malformed.
absl::StatusOr<StoryFingerprint> DecodeFingerprint(absl::string_view line);

}  // namespace stories
}  // namespace aggregator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_AGGREGATOR_STORIES_STORY_FINGERPRINT_H_
