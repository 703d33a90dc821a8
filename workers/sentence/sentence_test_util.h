// Test helper: the sentences of a text as strings, for comparing with
// expected splits.
//
//   EXPECT_THAT(SentenceTexts(*splitter, "가. 나."), ElementsAre("가.", "나."));
#ifndef GLEANER_WORKERS_SENTENCE_SENTENCE_TEST_UTIL_H_
#define GLEANER_WORKERS_SENTENCE_SENTENCE_TEST_UTIL_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "workers/sentence/sentence_splitter.h"

namespace gleaner {
namespace workers {
namespace sentence {

// Returns the sentences `splitter` finds in `text`, copied out in order.
inline std::vector<std::string> SentenceTexts(const SentenceSplitter& splitter,
                                              absl::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : splitter.Split(text)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_SENTENCE_TEST_UTIL_H_
