// Scores the attribution of any annotated sentence set: every sentence of
// --sentences (id TAB sentence) goes through the embedded pipeline as one
// document, and its money amounts are compared with --gold (id TAB amount
// TAB occurrence TAB entity TAB relation TAB counterparty); formats and
// annotation conventions in testdata/attribution/README.md.
//
//   bazel run //tests/attribution:attribution_eval --
//     --sentences=/abs/A_sentences.tsv --gold=/abs/A_gold.tsv [--name=A]
//   (one command line)
//
// Prints every amount the rules get wrong, the amounts without a gold line
// and the gold amounts the extractor does not find, then precision and
// recall of entity + relation. Relative paths are read from the directory
// `bazel run` was started in. Exit status 2 on a bad file or flag.
#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "tests/attribution/sentence_set_eval.h"

ABSL_FLAG(std::string, sentences, "", "Sentences: id<TAB>sentence per line, # comments.");
ABSL_FLAG(std::string, gold, "", "Gold: id<TAB>amount<TAB>occurrence<TAB>entity<TAB>relation<TAB>counterparty.");
ABSL_FLAG(std::string, name, "set", "Label of the printed figures.");

namespace {

// `bazel run` starts the tool in its runfiles; a relative path means the
// user's directory.
std::string Resolve(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  const char* cwd = std::getenv("BUILD_WORKING_DIRECTORY");
  return cwd == nullptr ? path : std::string(cwd) + "/" + path;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string sentences = Resolve(absl::GetFlag(FLAGS_sentences));
  const std::string gold = Resolve(absl::GetFlag(FLAGS_gold));
  if (sentences.empty() || gold.empty()) {
    std::cerr << "usage: attribution_eval --sentences=FILE --gold=FILE [--name=LABEL]\n";
    return 2;
  }
  const absl::StatusOr<gleaner::attribution_eval::SentenceSetScore> score =
      gleaner::attribution_eval::ScoreSentenceSet(sentences, gold);
  if (!score.ok()) {
    std::cerr << "attribution_eval: " << score.status() << "\n";
    return 2;
  }
  for (const std::string& line : score->lines) std::cout << line << "\n";
  std::cout << gleaner::attribution_eval::FormatSentenceSetScore(absl::GetFlag(FLAGS_name),
                                                                 *score);
  return 0;
}
