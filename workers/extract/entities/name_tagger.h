// A learned syllable tagger for people, organisations and places: a linear
// sequence model (averaged structured perceptron, first-order Viterbi) over
// one tag per character (O, B-/I- PERSON, ORGANIZATION, LOCATION).
//
// Features of a character: the syllables around it (unigrams, bigrams, a
// trigram), character classes, its position in the word (eojeol) and the
// word's beginning up to it, the rest of the word after it (the particle),
// the neighbouring words, hits in the recognisers' word lists (titles,
// occupations, surnames, particles, organisation and address suffixes), and
// the rule recognisers' own mentions. Features are hashed into a fixed table,
// so the model file is a list of table rows (see Serialize()).
//
//   GLEANER_ASSIGN_OR_RETURN(auto tagger, NameTagger::Parse(model_text));
//   std::vector<TaggedSpan> spans = tagger->Tag(text, rule_mentions);
//
// Trained by //workers/extract/entities:train_name_tagger (docs/entities.md)
// on the KLUE-NER news sentences in ../shared/eval/klue.
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_NAME_TAGGER_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_NAME_TAGGER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "workers/extract/entities/gazetteer.h"
#include "workers/extract/entities/lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// The tags, one per character.
enum NameTag : uint8_t { kTagO, kTagBPer, kTagIPer, kTagBOrg, kTagIOrg, kTagBLoc, kTagILoc };
inline constexpr int kNumNameTags = 7;

// A mention found by the rules, as the tagger sees it: a feature, not a label.
struct RuleSpan {
  size_t begin = 0, end = 0;  // byte offsets
  EntityType type = EntityType::kOrganization;
  bool from_gazetteer = false;
};

// A span the tagger found.
struct TaggedSpan {
  size_t begin = 0, end = 0;  // UTF-8 byte offsets into the text
  EntityType type = EntityType::kPerson;
};

// One text turned into the tagger's input: characters and their features.
struct TaggerInput {
  std::vector<size_t> offsets;                 // byte offset of each character, plus the end
  std::vector<std::vector<uint32_t>> features;  // per character, row indices into the table
};

// Immutable after construction; thread-safe. Not copyable.
class NameTagger {
 public:
  static constexpr uint32_t kRows = 1u << 18;  // feature table rows (a power of two)

  // An all-zero model over `lexicons` (which must outlive it), for training.
  explicit NameTagger(const Lexicons& lexicons);
  // Reads a model written by Serialize(). InvalidArgument "LINE: reason" for
  // a malformed file.
  static absl::StatusOr<std::unique_ptr<NameTagger>> Parse(absl::string_view text,
                                                           const Lexicons& lexicons);
  // Returns the shipped model (data/entities/name_tagger.model, embedded),
  // loaded once per process; nullptr if it does not parse.
  static const NameTagger* Default();

  NameTagger(const NameTagger&) = delete;
  NameTagger& operator=(const NameTagger&) = delete;

  // Computes the features of every character of `text`.
  TaggerInput Featurize(absl::string_view text, absl::Span<const RuleSpan> rules) const;
  // Returns the best tag sequence for `input` (first-order Viterbi; an I- tag
  // only follows a B- or I- tag of its type).
  std::vector<NameTag> Decode(const TaggerInput& input) const;
  // Returns the spans of `text` the model tags.
  std::vector<TaggedSpan> Tag(absl::string_view text, absl::Span<const RuleSpan> rules) const;

  // Sets how much less the O tag scores at each character (a bias towards
  // names, tuned by cross-validation; 0 by default).
  void set_outside_penalty(float penalty) { outside_penalty_ = penalty; }

  // Writes the model as text: a header, the transition weights, the outside
  // penalty, then one line
  // per non-zero row, `row<TAB>w0 ... w6` with weights in thousandths.
  // Rows whose largest weight is below `min_weight` are left out.
  std::string Serialize(float min_weight) const;

  // For the trainer: the weights, kRows * kNumNameTags, row-major, and the
  // transitions [previous][next].
  std::vector<float>& weights() { return weights_; }
  std::vector<float>& transitions() { return transitions_; }

 private:
  const Lexicons& lexicons_;
  std::vector<float> weights_;
  std::vector<float> transitions_;  // kNumNameTags * kNumNameTags
  float outside_penalty_ = 0;
};

// Turns a tag sequence into spans over `input`'s characters.
std::vector<TaggedSpan> SpansFromTags(const TaggerInput& input, absl::Span<const NameTag> tags);

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_NAME_TAGGER_H_
