// Scoring of the attribution of a set of annotated sentences, each one
// document, against its gold (formats of testdata/attribution/
// klue_sentences.tsv and klue_attribution_gold.tsv, README.md beside them):
// shared by the tests that keep such sets and by the `attribution_eval`
// tool, which scores any pair of files.
#ifndef GLEANER_TESTS_ATTRIBUTION_SENTENCE_SET_EVAL_H_
#define GLEANER_TESTS_ATTRIBUTION_SENTENCE_SET_EVAL_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/attribution/attribution_scoring.h"

namespace gleaner {
namespace attribution_eval {

struct SentenceSetScore {
  Tally tally;         // entity + relation over the amounts the extractor finds
  int sentences = 0;
  int gold_rows = 0;   // lines of the gold
  int money = 0;       // money amounts the extractor finds
  int unannotated = 0;  // of those, without a gold line
  // Gold lines whose amount the extractor does not find (so not in `tally`),
  // and how many of them name an owner.
  int not_extracted = 0;
  int not_extracted_owned = 0;
  // Gold owners among the extracted entities, and how many of those the
  // rules credit (entity and relation right).
  int owner_found = 0;
  int owner_found_correct = 0;
  // Per rule that credited an owner: amounts credited, and how many of those
  // are right (entity and relation), to see which rules cost precision.
  std::map<std::string, std::pair<int, int>> by_rule;
  // One line per wrong amount, unannotated amount and gold line not found.
  std::vector<std::string> lines;
};

// Reads `sentences_path` (id TAB sentence) and `gold_path` (id TAB amount
// TAB occurrence TAB entity TAB relation TAB counterparty; `#` comments),
// runs every sentence through the embedded pipeline as one document and
// scores its money amounts. A malformed line or unreadable file is an
// InvalidArgument / NotFound error naming the file and line.
absl::StatusOr<SentenceSetScore> ScoreSentenceSet(const std::string& sentences_path,
                                                  const std::string& gold_path);

// The summary lines: P/R as FormatTally gives them under `name`, then the
// counts of amounts, the end-to-end recall counting the gold amounts the
// extractor misses, the owners the entity extractor found, and per rule the
// amounts it credited and got right.
std::string FormatSentenceSetScore(const std::string& name, const SentenceSetScore& score);

}  // namespace attribution_eval
}  // namespace gleaner

#endif  // GLEANER_TESTS_ATTRIBUTION_SENTENCE_SET_EVAL_H_
