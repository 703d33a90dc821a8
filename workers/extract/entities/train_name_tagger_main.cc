// Trains the entity stage's NameTagger on KLUE-NER sentences, reports k-fold
// cross-validated figures, and writes the model shipped in data/entities/.
//
//   bazel run -c opt //workers/extract/entities:train_name_tagger --
//     --klue=$PWD/../shared/eval/klue/ner_news_dev.tsv --folds=5
//     --output=$PWD/data/entities/name_tagger.model   (one command line)
//
// With --folds=K (K >= 2) the sentences are dealt into K folds (shuffled with
// --seed); each fold is tagged by a model trained on the other K-1 and by the
// whole entity stage (rules plus that model), and the pooled exact-span
// P/R/F1 per type are printed. --output then trains on every sentence.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "workers/extract/entities/entity_extractor.h"
#include "workers/extract/entities/gazetteer.h"
#include "workers/extract/entities/name_tagger_trainer.h"

ABSL_FLAG(std::string, klue, "", "KLUE-NER file (ner_news_dev.tsv format).");
ABSL_FLAG(std::string, output, "", "Where to write the model trained on every sentence (none: do not train one).");
ABSL_FLAG(int, folds, 5, "Cross-validation folds (0 or 1: no cross-validation).");
ABSL_FLAG(int, epochs, 40, "Perceptron passes over the training sentences.");
ABSL_FLAG(uint32_t, seed, 1, "Seed for the folds and the order of training.");
ABSL_FLAG(double, outside_penalty, 0.0, "How much less the O tag scores per character (recall against precision).");
ABSL_FLAG(double, min_weight, 0.0, "Rows of the written model whose largest weight is below this are left out.");

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

std::vector<TaggedSpan> NameSpans(const std::vector<EntityMention>& mentions) {
  std::vector<TaggedSpan> out;
  for (const EntityMention& m : mentions) out.push_back({m.begin, m.end, m.type});
  return out;
}

absl::StatusOr<std::unique_ptr<EntityExtractor>> StageWith(const NameTagger* tagger, TaggerJoin join) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer = Gazetteer::LoadDefault();
  if (!gazetteer.ok()) return gazetteer.status();
  return EntityExtractor::CreateWithGazetteer(*std::move(gazetteer), {tagger, join});
}

// Prints pooled k-fold figures for the rules alone, the model alone, and the
// stage in both ways of joining them.
absl::Status CrossValidate(const std::vector<KlueSentence>& sentences,
                           const std::vector<TrainingExample>& examples, int folds,
                           const TrainOptions& options) {
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  std::shuffle(order.begin(), order.end(), rng);
  absl::StatusOr<std::unique_ptr<EntityExtractor>> rules = StageWith(nullptr, TaggerJoin::kTaggerFirst);
  if (!rules.ok()) return rules.status();
  SpanCounts rules_only, model_only;
  SpanCounts joined[3];
  static constexpr TaggerJoin kJoins[] = {TaggerJoin::kAddToRules, TaggerJoin::kConfirmPatterns,
                                          TaggerJoin::kTaggerFirst};
  for (int k = 0; k < folds; ++k) {
    std::vector<size_t> train, test;
    for (size_t i = 0; i < order.size(); ++i) (static_cast<int>(i % folds) == k ? test : train).push_back(order[i]);
    std::unique_ptr<NameTagger> model =
        TrainNameTagger(examples, train, options, Lexicons::Default());
    for (size_t i : test) {
      const KlueSentence& s = sentences[i];
      rules_only.Add(NameSpans((*rules)->Extract(s.text)), s.spans);
      model_only.Add(SpansFromTags(examples[i].input, model->Decode(examples[i].input)), s.spans);
    }
    for (int j = 0; j < 3; ++j) {
      absl::StatusOr<std::unique_ptr<EntityExtractor>> stage = StageWith(model.get(), kJoins[j]);
      if (!stage.ok()) return stage.status();
      for (size_t i : test) joined[j].Add(NameSpans((*stage)->Extract(sentences[i].text)), sentences[i].spans);
    }
    std::cerr << "fold " << k + 1 << "/" << folds << " done\n";
  }
  std::cout << folds << "-fold cross-validation, seed " << options.seed << ", " << sentences.size()
            << " sentences, " << options.epochs << " epochs\n\nRules alone:\n"
            << rules_only.Table() << "\nModel alone:\n"
            << model_only.Table() << "\nStage, kAddToRules:\n"
            << joined[0].Table() << "\nStage, kConfirmPatterns:\n"
            << joined[1].Table() << "\nStage, kTaggerFirst (shipped):\n"
            << joined[2].Table();
  return absl::OkStatus();
}

int Run() {
  std::ifstream in(absl::GetFlag(FLAGS_klue), std::ios::binary);
  if (!in) {
    std::cerr << "cannot read --klue=" << absl::GetFlag(FLAGS_klue) << "\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<std::vector<KlueSentence>> sentences = ParseKlueNer(buffer.str());
  if (!sentences.ok()) {
    std::cerr << sentences.status() << "\n";
    return 2;
  }
  absl::StatusOr<std::unique_ptr<EntityExtractor>> rules = StageWith(nullptr, TaggerJoin::kTaggerFirst);
  if (!rules.ok()) {
    std::cerr << rules.status() << "\n";
    return 1;
  }
  const NameTagger featurizer(Lexicons::Default());
  const std::vector<TrainingExample> examples = MakeExamples(*sentences, **rules, featurizer);
  TrainOptions options;
  options.epochs = absl::GetFlag(FLAGS_epochs);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.outside_penalty = static_cast<float>(absl::GetFlag(FLAGS_outside_penalty));
  if (absl::GetFlag(FLAGS_folds) >= 2) {
    absl::Status status = CrossValidate(*sentences, examples, absl::GetFlag(FLAGS_folds), options);
    if (!status.ok()) {
      std::cerr << status << "\n";
      return 1;
    }
  }
  if (!absl::GetFlag(FLAGS_output).empty()) {
    std::vector<size_t> all(examples.size());
    std::iota(all.begin(), all.end(), 0);
    std::unique_ptr<NameTagger> model = TrainNameTagger(examples, all, options, Lexicons::Default());
    const std::string text = model->Serialize(static_cast<float>(absl::GetFlag(FLAGS_min_weight)));
    std::ofstream out(absl::GetFlag(FLAGS_output), std::ios::binary);
    out << text;
    if (!out.flush()) {
      std::cerr << "cannot write --output=" << absl::GetFlag(FLAGS_output) << "\n";
      return 1;
    }
    std::cout << "wrote " << text.size() << " bytes to " << absl::GetFlag(FLAGS_output) << "\n";
  }
  return 0;
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return gleaner::workers::extract::entities::Run();
}
