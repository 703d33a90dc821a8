// Cleaning plus splitting on the corpus, in MB/s of input.
//
//   bazel run -c opt --config=bench //workers/sentence:sentence_benchmark
//
// Reads testdata/corpus/*.txt relative to the working directory (the runfiles
// root under `bazel run`); set GLEANER_CORPUS_DIR to point elsewhere.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "text/text_cleaner.h"
#include "workers/sentence/sentence_splitter.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

using text::CleanDocument;
using text::CleanedText;
using text::CleanOptions;

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string>* const corpus = [] {
    auto* docs = new std::vector<std::string>();
    const char* env = std::getenv("GLEANER_CORPUS_DIR");
    const std::string dir = env != nullptr ? env : "testdata/corpus";
    for (const char* name :
         {"000_558032e73f612481.txt", "001_ed974366ffe0647b.txt",
          "002_90ade3c7bf9ed024.txt", "003_b33c1ca5114b02ac.txt",
          "004_8c21c6bb0ee99562.txt"}) {
      std::ifstream in(absl::StrCat(dir, "/", name), std::ios::binary);
      if (!in) continue;
      std::stringstream ss;
      ss << in.rdbuf();
      docs->push_back(ss.str());
    }
    return docs;
  }();
  return *corpus;
}

int64_t CorpusBytes() {
  int64_t bytes = 0;
  for (const std::string& doc : Corpus()) bytes += doc.size();
  return bytes;
}

void BM_CleanAndSplit(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("corpus not found; set GLEANER_CORPUS_DIR");
    return;
  }
  auto splitter = SentenceSplitter::Create().value();
  const CleanOptions options;
  size_t sentences = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      absl::StatusOr<CleanedText> cleaned = CleanDocument(doc, options);
      if (!cleaned.ok()) {
        state.SkipWithError(cleaned.status().ToString().c_str());
        return;
      }
      std::vector<SentenceSpan> spans = splitter->Split(cleaned->text);
      sentences += spans.size();
      benchmark::DoNotOptimize(spans.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["sentences/iter"] = benchmark::Counter(
      static_cast<double>(sentences) / std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_CleanAndSplit);

void BM_CleanOnly(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("corpus not found; set GLEANER_CORPUS_DIR");
    return;
  }
  const CleanOptions options;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      absl::StatusOr<CleanedText> cleaned = CleanDocument(doc, options);
      benchmark::DoNotOptimize(cleaned);
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_CleanOnly);

// Argument 1: the default; 0: the punctuation-only mode (split_on_endings
// off), which shows what the rules for unpunctuated text cost.
void BM_SplitOnly(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("corpus not found; set GLEANER_CORPUS_DIR");
    return;
  }
  SentenceSplitterOptions splitter_options;
  splitter_options.split_on_endings = state.range(0) != 0;
  auto splitter = SentenceSplitter::Create(splitter_options).value();
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      std::vector<SentenceSpan> spans = splitter->Split(doc);
      benchmark::DoNotOptimize(spans.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_SplitOnly)->Arg(1)->Arg(0);

// The hand-written informal paragraphs (chats, comments, transcripts), most
// without punctuation, one per line: the ending rules on every word.
void BM_SplitInformal(benchmark::State& state) {
  std::ifstream in("workers/sentence/testdata/informal_paragraphs.txt");
  std::string text;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("< ", 0) == 0) text += line.substr(2) + "\n";
  }
  if (text.empty()) {
    state.SkipWithError("informal_paragraphs.txt not found");
    return;
  }
  auto splitter = SentenceSplitter::Create().value();
  for (auto _ : state) {
    std::vector<SentenceSpan> spans = splitter->Split(text);
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_SplitInformal);

// The HTML page alone: the tag scanner, entities and boilerplate rules.
void BM_CleanHtmlPage(benchmark::State& state) {
  if (Corpus().size() < 4) {
    state.SkipWithError("corpus not found; set GLEANER_CORPUS_DIR");
    return;
  }
  const std::string& page = Corpus()[3];
  const CleanOptions options;
  for (auto _ : state) {
    absl::StatusOr<CleanedText> cleaned = CleanDocument(page, options);
    benchmark::DoNotOptimize(cleaned);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(page.size()));
}
BENCHMARK(BM_CleanHtmlPage);

}  // namespace
}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
