#include "workers/extract/entities/name_tagger_trainer.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// KLUE's type letters to our tags; other types are O.
NameTag TagOf(absl::string_view label) {
  if (label.size() < 4 || label[1] != '-') return kTagO;
  const bool inside = label[0] == 'I';
  absl::string_view type = label.substr(2);
  int base = type == "PS" ? kTagBPer : type == "OG" ? kTagBOrg : type == "LC" ? kTagBLoc : -1;
  if (base < 0) return kTagO;
  return static_cast<NameTag>(base + (inside ? 1 : 0));
}

int TypeIndex(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return 0;
    case EntityType::kOrganization: return 1;
    case EntityType::kLocation: return 2;
    default: return -1;
  }
}

absl::Status FinishSentence(KlueSentence* s, std::vector<KlueSentence>* out) {
  if (s->id.empty()) return absl::OkStatus();
  // The byte offset of each character: where a UTF-8 sequence starts.
  TaggerInput offsets_only;
  for (size_t i = 0; i < s->text.size(); ++i) {
    if ((static_cast<unsigned char>(s->text[i]) & 0xC0) != 0x80) offsets_only.offsets.push_back(i);
  }
  if (offsets_only.offsets.size() != s->tags.size()) {
    return absl::InvalidArgumentError(absl::StrCat("sentence ", s->id, ": characters and tags differ"));
  }
  offsets_only.offsets.push_back(s->text.size());
  s->spans = SpansFromTags(offsets_only, s->tags);
  out->push_back(std::move(*s));
  *s = KlueSentence();
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<KlueSentence>> ParseKlueNer(absl::string_view text) {
  std::vector<KlueSentence> out;
  KlueSentence current;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (absl::StartsWith(line, "## ")) {
      absl::Status status = FinishSentence(&current, &out);
      if (!status.ok()) return status;
      current.id = std::string(line.substr(3, line.find('\t') - 3));
      continue;
    }
    const size_t tab = line.rfind('\t');
    if (tab == absl::string_view::npos || current.id.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(line_number, ": expected CHARACTER<TAB>TAG"));
    }
    current.text.append(line.data(), tab);
    current.tags.push_back(TagOf(line.substr(tab + 1)));
  }
  absl::Status status = FinishSentence(&current, &out);
  if (!status.ok()) return status;
  return out;
}

std::vector<TrainingExample> MakeExamples(absl::Span<const KlueSentence> sentences,
                                          const EntityExtractor& rules, const NameTagger& featurizer) {
  std::vector<TrainingExample> examples;
  examples.reserve(sentences.size());
  for (const KlueSentence& s : sentences) {
    std::vector<RuleSpan> spans;
    for (const EntityMention& m : rules.ExtractByRules(s.text)) {
      spans.push_back({m.begin, m.end, m.type, m.method != MatchMethod::kPattern});
    }
    examples.push_back({featurizer.Featurize(s.text, spans), s.tags});
  }
  return examples;
}

std::unique_ptr<NameTagger> TrainNameTagger(absl::Span<const TrainingExample> examples,
                                            absl::Span<const size_t> use, const TrainOptions& options,
                                            const Lexicons& lexicons) {
  auto model = std::make_unique<NameTagger>(lexicons);
  std::vector<float>& w = model->weights();
  std::vector<float>& tr = model->transitions();
  // Sums of step * update, for the average (Collins 2002; Daumé's trick).
  std::vector<float> w_sum(w.size(), 0.f), tr_sum(tr.size(), 0.f);
  std::vector<size_t> order(use.begin(), use.end());
  std::mt19937 rng(options.seed);
  float step = 1;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t index : order) {
      const TrainingExample& ex = examples[index];
      const std::vector<NameTag> guess = model->Decode(ex.input);
      if (guess != ex.gold) {
        auto update = [&](absl::Span<const NameTag> tags, float delta) {
          for (size_t i = 0; i < tags.size(); ++i) {
            for (uint32_t row : ex.input.features[i]) {
              const size_t k = static_cast<size_t>(row) * kNumNameTags + tags[i];
              w[k] += delta;
              w_sum[k] += step * delta;
            }
            const size_t k = (i == 0 ? kTagO : tags[i - 1]) * kNumNameTags + tags[i];
            if (i > 0) {
              tr[k] += delta;
              tr_sum[k] += step * delta;
            }
          }
        };
        update(ex.gold, 1.f);
        update(guess, -1.f);
      }
      step += 1;
    }
  }
  for (size_t k = 0; k < w.size(); ++k) w[k] -= w_sum[k] / step;
  for (size_t k = 0; k < tr.size(); ++k) tr[k] -= tr_sum[k] / step;
  model->set_outside_penalty(options.outside_penalty);
  return model;
}

void SpanCounts::Add(absl::Span<const TaggedSpan> predicted_spans, absl::Span<const TaggedSpan> gold_spans) {
  for (const TaggedSpan& p : predicted_spans) {
    const int t = TypeIndex(p.type);
    if (t < 0) continue;
    ++predicted[t];
    for (const TaggedSpan& g : gold_spans) {
      if (g.begin == p.begin && g.end == p.end && g.type == p.type) {
        ++correct[t];
        break;
      }
    }
  }
  for (const TaggedSpan& g : gold_spans) {
    const int t = TypeIndex(g.type);
    if (t >= 0) ++gold[t];
  }
}

std::string SpanCounts::Table() const {
  static constexpr absl::string_view kNames[] = {"PERSON", "ORGANIZATION", "LOCATION"};
  std::string out = "| type | P | R | F1 | gold |\n|---|---|---|---|---|\n";
  auto row = [&](absl::string_view name, int64_t c, int64_t p, int64_t g) {
    const double precision = p ? static_cast<double>(c) / p : 0, recall = g ? static_cast<double>(c) / g : 0;
    const double f1 = p + g ? 2.0 * c / (p + g) : 0;
    absl::StrAppendFormat(&out, "| %s | %.3f | %.3f | %.3f | %d |\n", name, precision, recall, f1, g);
  };
  for (int t = 0; t < 3; ++t) row(kNames[t], correct[t], predicted[t], gold[t]);
  row("micro", correct[0] + correct[1] + correct[2], predicted[0] + predicted[1] + predicted[2],
      gold[0] + gold[1] + gold[2]);
  return out;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
