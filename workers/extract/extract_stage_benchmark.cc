// The whole extract stage (entities, amounts, and with issue 18 dates and
// amount periods) on the corpus, in bytes per second of cleaned text:
//
//   bazel run -c opt --config=bench //workers/extract:extract_stage_benchmark
//
// BM_ExtractStage/0 runs without dates (the stage before issue 18), /1 with
// them, so one run gives the ratio. Documents are cleaned on entry first, as
// in the pipeline. Reads testdata/corpus/*.txt relative to the
// working directory (the runfiles root under `bazel run`).
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "workers/extract/extract_stage.h"
#include "services/common/document_limits.h"
#include "services/coordinator/entry_cleaning.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace {

// The corpus as the coordinator hands it to the extract stage: cleaned on
// entry (text, blocks, page metadata, stories).
const std::vector<v1::DocumentResult>& Prepared() {
  static const std::vector<v1::DocumentResult>* const kPrepared = [] {
    auto* out = new std::vector<v1::DocumentResult>;
    for (const char* name : {"000_558032e73f612481.txt", "001_ed974366ffe0647b.txt",
                             "002_90ade3c7bf9ed024.txt", "003_b33c1ca5114b02ac.txt",
                             "004_8c21c6bb0ee99562.txt"}) {
      std::ifstream in(std::string("testdata/corpus/") + name, std::ios::binary);
      std::stringstream raw;
      raw << in.rdbuf();
      v1::RawDocument document;
      document.set_content(raw.str());
      v1::DocumentResult result;
      if (!coordinator::CleanOnEntry(document, DocumentLimits(), &result).ok()) continue;
      out->push_back(std::move(result));
    }
    return out;
  }();
  return *kPrepared;
}

void BM_ExtractStage(benchmark::State& state) {
  ExtractStageOptions options;
  options.dates = state.range(0) != 0;
  absl::StatusOr<std::unique_ptr<ExtractStage>> stage = ExtractStage::Create(options);
  const std::vector<v1::DocumentResult>& docs = Prepared();
  if (!stage.ok() || docs.empty()) {
    state.SkipWithError("stage or corpus unavailable");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const v1::DocumentResult& document : docs) {
      v1::StageResponse response;
      benchmark::DoNotOptimize((*stage)->Process(StageInput{"bench", document}, &response));
      bytes += static_cast<int64_t>(document.text().size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractStage)->Arg(0)->Arg(1);

}  // namespace
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
