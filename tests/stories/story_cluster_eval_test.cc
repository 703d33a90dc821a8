// Measures story clusters on documents built from the corpus. Each story is
// one article paragraph of testdata/corpus that names a sum and at least two
// parties; it is rewritten three ways, as outlets rewrite one wire story:
// its sentences in reverse order, its connective and reporting words
// paraphrased (testdata/stories/paraphrases.tsv), and wrapped in another
// outlet's byline and copyright line. Originals and rewrites go through the
// embedded pipeline as separate documents, then AssignStoryIds groups them.
//
// Pairwise scores: a positive pair is two documents of one story; a negative
// pair is two documents of different stories that share a party (two stories
// about the same company). Paragraphs that repeat a sum of an earlier one may
// report the same event (the corpus repeats wire stories), so they are not
// taken as stories. Dedup's verdict on the same documents is
// reported beside, to show what the fingerprint adds over text similarity.
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/pipeline_test_documents.h"
#include "gtest/gtest.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/aggregator/stories/story_clusters.h"
#include "services/aggregator/stories/story_fingerprint.h"

namespace gleaner {
namespace {

using aggregator::stories::AssignStoryIds;
using aggregator::stories::FingerprintOf;
using aggregator::stories::StoryFingerprint;

constexpr char kParaphrasePath[] = "testdata/stories/paraphrases.tsv";
// Stories taken from the corpus, at most.
constexpr size_t kMaxStories = 40;

std::vector<std::pair<std::string, std::string>> ReadParaphrases() {
  std::vector<std::pair<std::string, std::string>> rules;
  std::ifstream in(kParaphrasePath);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() == 2) rules.emplace_back(f[0], f[1]);
  }
  return rules;
}

size_t SharedKeys(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  return shared.size();
}

// An article paragraph of the corpus, with its sentences.
struct Story {
  std::string text;
  std::vector<std::string> sentences;
  StoryFingerprint print;  // of the paragraph inside its page
};

// Paragraphs (text blocks) outside boilerplate that hold a sum, two parties
// and two sentences, and share no sum with an earlier one.
std::vector<Story> StoriesOf(const std::vector<v1::DocumentResult>& pages) {
  std::vector<Story> stories;
  std::set<std::string> seen;
  for (const v1::DocumentResult& page : pages) {
    for (const v1::TextBlock& block : page.blocks()) {
      if (block.boilerplate() || block.end() - block.begin() < 200) continue;
      Story story;
      story.print = FingerprintOf(page, block.begin(), block.end());
      if (story.print.sums.empty() || story.print.entities.size() < 2) continue;
      for (const v1::SentenceSpan& s : page.sentences()) {
        if (s.begin() >= block.begin() && s.end() <= block.end()) {
          story.sentences.push_back(page.text().substr(s.begin(), s.end() - s.begin()));
        }
      }
      if (story.sentences.size() < 2) continue;
      // One paragraph per event: a paragraph naming a sum already taken may
      // report the same event (the corpus repeats wire stories), so the
      // stories are the paragraphs with sums of their own.
      bool taken = false;
      for (const std::string& sum : story.print.sums) taken = taken || seen.count(sum) > 0;
      if (taken) continue;
      seen.insert(story.print.sums.begin(), story.print.sums.end());
      story.text = page.text().substr(block.begin(), block.end() - block.begin());
      stories.push_back(std::move(story));
      if (stories.size() == kMaxStories) return stories;
    }
  }
  return stories;
}

v1::RawDocument Raw(const std::string& id, const std::string& text) {
  v1::RawDocument raw;
  raw.set_id(id);
  raw.set_source(id);
  raw.set_content(text);
  raw.set_content_type(v1::CONTENT_TYPE_PLAIN_TEXT);
  return raw;
}

// The original and its three rewrites.
std::vector<std::string> Versions(const Story& story,
                                  const std::vector<std::pair<std::string, std::string>>& rules) {
  std::vector<std::string> reversed(story.sentences.rbegin(), story.sentences.rend());
  std::string paraphrased = story.text;
  for (const auto& [from, to] : rules) {
    paraphrased = absl::StrReplaceAll(paraphrased, {{from, to}});
  }
  return {
      story.text,
      absl::StrJoin(reversed, " "),
      paraphrased,
      absl::StrCat("[한빛일보 = 이하늘 기자] ", story.text,
                   "\n\n이하늘 기자 sky@hanbit.example\n무단전재 및 재배포 금지. ⓒ 한빛일보"),
  };
}

struct PairCounts {
  int positive = 0, positive_same = 0, positive_dedup = 0;
  int negative = 0, negative_same = 0;
  int predicted_same = 0, predicted_same_correct = 0;
  int ambiguous = 0, ambiguous_same = 0;  // different paragraphs sharing a sum
};

TEST(StoryClusterEval, RewritesClusterAndStoriesSharingAnEntityDoNot) {
  const std::vector<Story> stories = StoriesOf(cli::RunEmbedded(cli::CorpusDocuments()));
  ASSERT_GE(stories.size(), 10u) << "too few stories in the corpus runfiles";
  const auto rules = ReadParaphrases();
  ASSERT_FALSE(rules.empty()) << kParaphrasePath;

  // Originals first, then the rewrites: later documents join earlier stories.
  std::vector<v1::RawDocument> raws;
  std::vector<int> story_of;
  for (int pass = 0; pass < 4; ++pass) {
    for (size_t s = 0; s < stories.size(); ++s) {
      raws.push_back(Raw(absl::StrCat("story-", s, "/v", pass), Versions(stories[s], rules)[pass]));
      story_of.push_back(static_cast<int>(s));
    }
  }
  const std::vector<v1::DocumentResult> results = cli::RunEmbedded(raws);
  ASSERT_EQ(results.size(), raws.size());
  std::vector<StoryFingerprint> prints;
  for (const v1::DocumentResult& r : results) prints.push_back(FingerprintOf(r));
  const std::vector<std::string> ids = AssignStoryIds(prints);

  PairCounts c;
  for (size_t i = 0; i < results.size(); ++i) {
    for (size_t j = i + 1; j < results.size(); ++j) {
      const bool same_story = story_of[i] == story_of[j];
      const bool same_id = ids[i] == ids[j];
      const StoryFingerprint& a = stories[story_of[i]].print;
      const StoryFingerprint& b = stories[story_of[j]].print;
      if (!same_story && SharedKeys(a.sums, b.sums) > 0) {  // maybe one event
        ++c.ambiguous;
        if (same_id) ++c.ambiguous_same;
        continue;
      }
      if (same_id) {
        ++c.predicted_same;
        if (same_story) ++c.predicted_same_correct;
      }
      if (same_story) {
        ++c.positive;
        if (same_id) ++c.positive_same;
        const bool dedup = results[j].duplicate().kind() != v1::DUPLICATE_KIND_UNIQUE &&
                           results[j].duplicate().duplicate_of() == results[i].id();
        if (dedup) ++c.positive_dedup;
      } else if (SharedKeys(a.entities, b.entities) > 0) {
        ++c.negative;
        if (same_id) ++c.negative_same;
      }
    }
  }
  const double precision =
      c.predicted_same == 0 ? 0 : 1.0 * c.predicted_same_correct / c.predicted_same;
  const double recall = c.positive == 0 ? 0 : 1.0 * c.positive_same / c.positive;
  std::cout << absl::StrFormat(
      "stories %d, documents %d\npairwise P=%.3f (%d/%d) R=%.3f (%d/%d)\n"
      "negatives sharing a party: %d, merged %d\n"
      "positive pairs dedup calls near/exact duplicates: %d/%d\n"
      "pairs of different paragraphs sharing a sum (not scored): %d, merged %d\n",
      stories.size(), results.size(), precision, c.predicted_same_correct, c.predicted_same,
      recall, c.positive_same, c.positive, c.negative, c.negative_same, c.positive_dedup,
      c.positive, c.ambiguous, c.ambiguous_same);
  EXPECT_GE(c.negative, 20) << "too few negative pairs to measure";
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.9);
  EXPECT_LE(c.negative_same * 10, c.negative);
}

}  // namespace
}  // namespace gleaner
