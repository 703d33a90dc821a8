// Scores the attributions of the whole embedded pipeline on annotated news
// sentence sets kept in testdata/attribution/ (how each was made, and what
// the rules were tuned on, in README.md there), and checks that a malformed
// set is refused with the file and line named. Each sentence is one
// document; the test prints every amount the rules get wrong.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "gtest/gtest.h"
#include "tests/attribution/sentence_set_eval.h"

namespace gleaner {
namespace attribution_eval {
namespace {

struct SentenceSet {
  const char* name;
  const char* sentences;
  const char* gold;
  int min_sentences;
  int min_owned;        // gold amounts with an owner, among those extracted
  double min_precision;
  double min_recall;
};

// The bounds leave room for a changed amount or entity, not for a rule that
// credits the wrong party; the measured figures are in docs/attribution.md.
const SentenceSet kSets[] = {
    // KLUE-NER news (held out until its first run; tuned on since):
    // P 1.000 (22/22), R 0.611 (22/36) after tuning; every miss an owner
    // the entity extractor does not find.
    {"klue", "testdata/attribution/klue_sentences.tsv",
     "testdata/attribution/klue_attribution_gold.tsv", 50, 30, 0.9, 0.55},
    // Tuning set A, written blind by the data writer: blind P 0.748 (80/107),
    // R 0.690 (80/116); after tuning on it P 0.909 (90/99), R 0.769 (90/117);
    // after the round of set C P 0.938 (90/96), R 0.769.
    {"set_a", "testdata/attribution/a_sentences.tsv",
     "testdata/attribution/a_attribution_gold.tsv", 150, 100, 0.9, 0.74},
    // Tuning set C, written blind like A: blind P 0.695 (66/95), R 0.524
    // (66/126) at commit a27ec3a, before any rule was changed for it; after
    // tuning on it P 0.934 (85/91), R 0.675 (85/126), recall limited by 39
    // owners the entity extractor does not find.
    {"set_c", "testdata/attribution/c_sentences.tsv",
     "testdata/attribution/c_attribution_gold.tsv", 160, 120, 0.9, 0.64},
};

class SentenceSetEval : public ::testing::TestWithParam<SentenceSet> {};

TEST_P(SentenceSetEval, PrecisionAndRecall) {
  const SentenceSet& set = GetParam();
  const absl::StatusOr<SentenceSetScore> score = ScoreSentenceSet(set.sentences, set.gold);
  ASSERT_TRUE(score.ok()) << score.status();
  for (const std::string& line : score->lines) std::cout << line << "\n";
  std::cout << FormatSentenceSetScore(set.name, *score);
  ASSERT_GE(score->sentences, set.min_sentences) << "sentences missing from the runfiles";
  EXPECT_LE(score->unannotated * 20, score->money)
      << score->unannotated << " of " << score->money << " not annotated";
  EXPECT_GE(score->tally.gold, set.min_owned);
  EXPECT_GE(score->tally.Precision(), set.min_precision);
  EXPECT_GE(score->tally.Recall(), set.min_recall);
  EXPECT_GE(score->owner_found_correct * 10, score->owner_found * 9)
      << "the rules miss owners that were found";
  EXPECT_EQ(score->tally.conversions_linked, score->tally.conversions)
      << "a conversion was attributed";
}

INSTANTIATE_TEST_SUITE_P(Sets, SentenceSetEval, ::testing::ValuesIn(kSets),
                         [](const ::testing::TestParamInfo<SentenceSet>& info) {
                           return std::string(info.param.name);
                         });

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(SentenceSetFiles, MalformedLinesAreRefusedWithFileAndLine) {
  const std::string sentences = WriteTemp("s.tsv", "# c\nx1\t삼성전자는 1억원을 투자했다.\n");
  const std::string bad_gold = WriteTemp("g.tsv", "# c\nx1\t1억원\tfirst\t삼성전자\tinvest\t\n");
  absl::StatusOr<SentenceSetScore> score = ScoreSentenceSet(sentences, bad_gold);
  ASSERT_FALSE(score.ok());
  EXPECT_EQ(score.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(score.status().message().find("g.tsv:2"), std::string::npos) << score.status();

  const std::string bad_sentences = WriteTemp("s2.tsv", "x1\tone\ttwo\n");
  score = ScoreSentenceSet(bad_sentences, bad_gold);
  ASSERT_FALSE(score.ok());
  EXPECT_NE(score.status().message().find("s2.tsv:1"), std::string::npos) << score.status();

  score = ScoreSentenceSet(sentences, std::string(std::getenv("TEST_TMPDIR")) + "/missing.tsv");
  ASSERT_FALSE(score.ok());
  EXPECT_EQ(score.status().code(), absl::StatusCode::kNotFound);
}

TEST(SentenceSetFiles, GoldAmountsTheExtractorMissesAreCounted) {
  const std::string sentences = WriteTemp("s3.tsv", "x1\t삼성전자는 1억원을 투자했다.\n");
  const std::string gold = WriteTemp("g3.tsv",
                                     "x1\t1억원\t0\t삼성전자\tinvest\t\n"
                                     "x1\t7억원\t0\t삼성전자\tinvest\t\n");
  const absl::StatusOr<SentenceSetScore> score = ScoreSentenceSet(sentences, gold);
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_EQ(score->money, 1);
  EXPECT_EQ(score->tally.gold, 1);
  EXPECT_EQ(score->not_extracted, 1);
  EXPECT_EQ(score->not_extracted_owned, 1);
}

}  // namespace
}  // namespace attribution_eval
}  // namespace gleaner
