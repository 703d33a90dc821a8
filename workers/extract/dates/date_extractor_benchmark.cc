// Date extraction and resolution on the corpus, in bytes per second:
//
//   bazel run -c opt --config=bench //workers/extract/dates:date_extractor_benchmark
//
// Reads testdata/corpus/*.txt relative to the working directory (the
// runfiles root under `bazel run`).
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "workers/extract/dates/date_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {
namespace {

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string>* const kCorpus = [] {
    auto* docs = new std::vector<std::string>;
    for (const char* name : {"000_558032e73f612481.txt", "001_ed974366ffe0647b.txt",
                             "002_90ade3c7bf9ed024.txt", "003_b33c1ca5114b02ac.txt",
                             "004_8c21c6bb0ee99562.txt"}) {
      std::ifstream in(std::string("testdata/corpus/") + name, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (!ss.str().empty()) docs->push_back(ss.str());
    }
    return docs;
  }();
  return *kCorpus;
}

void BM_ExtractAndResolve(benchmark::State& state) {
  absl::StatusOr<std::unique_ptr<DateExtractor>> x = DateExtractor::Create();
  if (!x.ok() || Corpus().empty()) {
    state.SkipWithError("extractor or corpus unavailable");
    return;
  }
  const absl::CivilDay reference(2025, 11, 26);
  int64_t bytes = 0;
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      for (const DateExpression& e : (*x)->Extract(doc)) {
        benchmark::DoNotOptimize(Resolve(e, reference));
        ++found;
      }
      bytes += static_cast<int64_t>(doc.size());
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["dates_per_pass"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExtractAndResolve);

}  // namespace
}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
