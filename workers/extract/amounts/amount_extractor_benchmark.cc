// Amount-extraction throughput on the corpus, in bytes per second.
//
//   bazel run -c opt --config=bench //workers/extract/amounts:amount_extractor_benchmark
//
// Reads testdata/corpus/*.txt relative to the working directory (the runfiles
// root under `bazel run`), falling back to the workspace path when run by hand.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "workers/extract/amounts/amount_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string>* const kCorpus = [] {
    auto* docs = new std::vector<std::string>;
    const char* kFiles[] = {"000_558032e73f612481.txt", "001_ed974366ffe0647b.txt",
                            "002_90ade3c7bf9ed024.txt", "003_b33c1ca5114b02ac.txt",
                            "004_8c21c6bb0ee99562.txt"};
    std::vector<std::string> dirs = {"testdata/corpus/"};
    if (const char* ws = std::getenv("BUILD_WORKSPACE_DIRECTORY")) {
      dirs.push_back(std::string(ws) + "/testdata/corpus/");
    }
    for (const char* f : kFiles) {
      for (const std::string& d : dirs) {
        std::ifstream in(d + f, std::ios::binary);
        if (!in) continue;
        std::stringstream ss;
        ss << in.rdbuf();
        docs->push_back(ss.str());
        break;
      }
    }
    if (docs->empty()) std::cerr << "corpus not found under testdata/corpus/\n";
    return docs;
  }();
  return *kCorpus;
}

void BM_ExtractCorpus(benchmark::State& state) {
  absl::StatusOr<std::unique_ptr<AmountExtractor>> ex = AmountExtractor::Create();
  if (!ex.ok()) {
    state.SkipWithError(std::string(ex.status().message()).c_str());
    return;
  }
  const std::vector<std::string>& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("corpus not found");
    return;
  }
  int64_t bytes = 0;
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& d : docs) {
      std::vector<Amount> got = (*ex)->Extract(d);
      found += got.size();
      benchmark::DoNotOptimize(got.data());
      bytes += static_cast<int64_t>(d.size());
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["amounts_per_pass"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExtractCorpus);

// A text with no digits at all: the cost of the anchor scan alone.
void BM_ExtractNoDigits(benchmark::State& state) {
  absl::StatusOr<std::unique_ptr<AmountExtractor>> ex = AmountExtractor::Create();
  if (!ex.ok()) {
    state.SkipWithError(std::string(ex.status().message()).c_str());
    return;
  }
  std::string text;
  while (text.size() < (1 << 20)) text += "인공지능 반도체 시장에서 엔비디아의 점유율이 높다. ";
  for (auto _ : state) {
    benchmark::DoNotOptimize((*ex)->Extract(text).size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ExtractNoDigits);

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
