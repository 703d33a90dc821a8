#include "tests/attribution/sentence_set_eval.h"

#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "cli/pipeline_test_documents.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace attribution_eval {
namespace {

// A tab-separated line with its number (1-based), comments and blank lines
// skipped.
struct TsvLine {
  int number = 0;
  std::vector<std::string> fields;
};

absl::StatusOr<std::vector<TsvLine>> ReadTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::vector<TsvLine> lines;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines.push_back({number, absl::StrSplit(line, '\t')});
  }
  return lines;
}

// sentence id, amount text, occurrence of that text in the sentence.
using AmountKey = std::tuple<std::string, std::string, int>;

absl::StatusOr<std::vector<v1::RawDocument>> ReadSentences(const std::string& path) {
  absl::StatusOr<std::vector<TsvLine>> lines = ReadTsv(path);
  if (!lines.ok()) return lines.status();
  std::vector<v1::RawDocument> documents;
  std::set<std::string> ids;
  for (const TsvLine& line : *lines) {
    if (line.fields.size() != 2 || line.fields[0].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line.number, ": expected `id<TAB>sentence`"));
    }
    if (!ids.insert(line.fields[0]).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line.number, ": repeated id ", line.fields[0]));
    }
    v1::RawDocument document;
    document.set_id(line.fields[0]);
    document.set_source(line.fields[0]);
    document.set_content(line.fields[1] + "\n");
    documents.push_back(std::move(document));
  }
  return documents;
}

absl::StatusOr<std::map<AmountKey, GoldRow>> ReadGold(const std::string& path) {
  absl::StatusOr<std::vector<TsvLine>> lines = ReadTsv(path);
  if (!lines.ok()) return lines.status();
  std::map<AmountKey, GoldRow> gold;
  for (TsvLine line : *lines) {
    int occurrence = 0;
    if (line.fields.size() < 4 || line.fields.size() > 6 ||
        !absl::SimpleAtoi(line.fields[2], &occurrence) || occurrence < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", line.number,
          ": expected `id<TAB>amount<TAB>occurrence<TAB>entity[<TAB>relation[<TAB>counterparty]]`"));
    }
    line.fields.resize(6);
    const AmountKey key{line.fields[0], line.fields[1], occurrence};
    if (gold.count(key) > 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line.number, ": amount annotated twice"));
    }
    gold[key] = ParseGoldFields("set", line.fields[3], line.fields[4], line.fields[5]);
  }
  return gold;
}

// True when the entity extractor found the gold owner in the sentence, so
// that the rules could have chosen it.
bool OwnerFound(const v1::DocumentResult& result, const GoldRow& gold) {
  for (const v1::Entity& e : result.entities()) {
    if (gold.entities.count(e.canonical()) > 0 || gold.entities.count(e.text()) > 0) return true;
  }
  return false;
}

std::string GoldSummary(const GoldRow& g) {
  if (g.conversion) return "conversion";
  std::string entity = g.entities.empty() ? "none" : *g.entities.begin();
  if (g.entities.size() > 1) entity += "|...";
  return absl::StrCat(entity, " / ", g.relations.empty() ? "" : *g.relations.begin());
}

}  // namespace

absl::StatusOr<SentenceSetScore> ScoreSentenceSet(const std::string& sentences_path,
                                                  const std::string& gold_path) {
  absl::StatusOr<std::vector<v1::RawDocument>> documents = ReadSentences(sentences_path);
  if (!documents.ok()) return documents.status();
  absl::StatusOr<std::map<AmountKey, GoldRow>> gold = ReadGold(gold_path);
  if (!gold.ok()) return gold.status();
  absl::StatusOr<std::vector<v1::DocumentResult>> results =
      cli::RunEmbeddedPipeline(*documents);
  if (!results.ok()) return results.status();

  SentenceSetScore score;
  score.sentences = static_cast<int>(documents->size());
  score.gold_rows = static_cast<int>(gold->size());
  std::set<AmountKey> matched;
  for (const v1::DocumentResult& result : *results) {
    const ResultAttributions attributions(result);
    std::map<std::string, int> seen;
    for (int a = 0; a < result.amounts_size(); ++a) {
      const v1::Amount& amount = result.amounts(a);
      if (amount.kind() != v1::AMOUNT_KIND_MONEY) continue;
      ++score.money;
      const AmountKey key{result.id(), amount.text(), seen[amount.text()]++};
      const auto row = gold->find(key);
      if (row == gold->end()) {
        ++score.unannotated;
        score.lines.push_back(
            absl::StrCat("not annotated: ", result.id(), " [", amount.text(), "]"));
        continue;
      }
      matched.insert(key);
      const bool right = Score(result, a, row->second, attributions, score.tally);
      const auto credited = attributions.by_amount.find(a);
      if (credited != attributions.by_amount.end() && credited->second->has_entity_index()) {
        auto& [count, correct] = score.by_rule[credited->second->rule()];
        ++count;
        if (right) ++correct;
      }
      if (!row->second.entities.empty() && OwnerFound(result, row->second)) {
        ++score.owner_found;
        if (right) ++score.owner_found_correct;
      }
      if (!right) {
        score.lines.push_back(absl::StrCat(
            "miss ", result.id(), " [", amount.text(), "] gold ", GoldSummary(row->second),
            "; rules ", Describe(result, a, attributions),
            OwnerFound(result, row->second) ? "" : " (owner not among the entities)"));
      }
    }
  }
  for (const auto& [key, row] : *gold) {
    if (matched.count(key) > 0) continue;
    ++score.not_extracted;
    if (!row.entities.empty()) ++score.not_extracted_owned;
    score.lines.push_back(absl::StrCat("not extracted: ", std::get<0>(key), " [",
                                       std::get<1>(key), "] #", std::get<2>(key), " gold ",
                                       GoldSummary(row)));
  }
  return score;
}

std::string FormatSentenceSetScore(const std::string& name, const SentenceSetScore& s) {
  const int owned = s.tally.gold + s.not_extracted_owned;
  std::string rules;
  for (const auto& [rule, counts] : s.by_rule) {
    absl::StrAppend(&rules, " ", rule, " ", counts.second, "/", counts.first);
  }
  return absl::StrFormat(
      "%s\n%s: %d sentences, %d gold lines, %d money amounts extracted (%d not annotated), "
      "%d gold amounts not extracted (%d with an owner)\n"
      "%s: end-to-end R=%.3f (%d/%d, counting owned amounts the extractor misses)\n"
      "%s: owner among the extracted entities %d/%d, attributed right %d/%d\n"
      "%s: right/credited by rule:%s\n",
      FormatTally(name, s.tally), name, s.sentences, s.gold_rows, s.money, s.unannotated,
      s.not_extracted, s.not_extracted_owned, name,
      owned == 0 ? 0.0 : 1.0 * s.tally.correct / owned, s.tally.correct, owned, name,
      s.owner_found, s.tally.gold, s.owner_found_correct, s.owner_found, name, rules);
}

}  // namespace attribution_eval
}  // namespace gleaner
