// Training and cross-validation of the NameTagger on KLUE-NER sentences.
//
//   GLEANER_ASSIGN_OR_RETURN(auto sentences, ParseKlueNer(file_text));
//   auto examples = MakeExamples(sentences, *rules_extractor, lexicons);
//   std::unique_ptr<NameTagger> model = TrainNameTagger(examples, {}, lexicons);
//
// KLUE's format: a `## <id>\t<tagged sentence>` line, then one character a
// line with its tag (`B-PS`, `I-OG`, `O` ...), sentences separated by a blank
// line. Only PS, OG and LC are learned; DT, TI and QT are O.
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_NAME_TAGGER_TRAINER_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_NAME_TAGGER_TRAINER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "workers/extract/entities/entity_extractor.h"
#include "workers/extract/entities/name_tagger.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// One annotated sentence.
struct KlueSentence {
  std::string id;
  std::string text;                // UTF-8
  std::vector<NameTag> tags;       // one per character
  std::vector<TaggedSpan> spans;   // the gold names, byte offsets
};

// Parses KLUE-NER text. InvalidArgument "LINE: reason" for a malformed line.
absl::StatusOr<std::vector<KlueSentence>> ParseKlueNer(absl::string_view text);

// A sentence ready for training: its features (with the rules' mentions) and
// its gold tags.
struct TrainingExample {
  TaggerInput input;
  std::vector<NameTag> gold;
};

// Featurizes every sentence with `rules`' mentions (ExtractByRules).
std::vector<TrainingExample> MakeExamples(absl::Span<const KlueSentence> sentences,
                                          const EntityExtractor& rules, const NameTagger& featurizer);

struct TrainOptions {
  int epochs = 40;     // passes over the examples
  uint32_t seed = 1;   // order of the examples in each pass
  float outside_penalty = 0;  // set on the trained model (NameTagger::set_outside_penalty)
};

// Trains an averaged structured perceptron on `examples` (indices `use`).
std::unique_ptr<NameTagger> TrainNameTagger(absl::Span<const TrainingExample> examples,
                                            absl::Span<const size_t> use, const TrainOptions& options,
                                            const Lexicons& lexicons);

// Exact-span counts per type (PERSON, ORGANIZATION, LOCATION).
struct SpanCounts {
  std::array<int64_t, 3> correct{}, predicted{}, gold{};
  // Adds one sentence's predictions against its gold spans.
  void Add(absl::Span<const TaggedSpan> predicted_spans, absl::Span<const TaggedSpan> gold_spans);
  // Returns a table of P, R and F1 per type and micro.
  std::string Table() const;
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_NAME_TAGGER_TRAINER_H_
