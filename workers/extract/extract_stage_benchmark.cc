// The whole extract stage (entities, amounts, and with issue 18 dates and
// amount periods) on the corpus, in bytes per second of cleaned text:
//
//   bazel run -c opt --config=bench //workers/extract:extract_stage_benchmark
//
// BM_ExtractStage/0 runs without dates (the stage before issue 18), /1 with
// them, so one run gives the ratio. Documents go through the sentence stage
// first, as in the pipeline. Reads testdata/corpus/*.txt relative to the
// working directory (the runfiles root under `bazel run`).
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "workers/extract/extract_stage.h"
#include "workers/sentence/sentence_stage.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace {

// The corpus after the sentence stage: requests ready for extraction.
const std::vector<v1::StageRequest>& Prepared() {
  static const std::vector<v1::StageRequest>* const kPrepared = [] {
    auto* out = new std::vector<v1::StageRequest>;
    absl::StatusOr<std::unique_ptr<sentence::SentenceStage>> stage =
        sentence::SentenceStage::Create();
    if (!stage.ok()) return out;
    for (const char* name : {"000_558032e73f612481.txt", "001_ed974366ffe0647b.txt",
                             "002_90ade3c7bf9ed024.txt", "003_b33c1ca5114b02ac.txt",
                             "004_8c21c6bb0ee99562.txt"}) {
      std::ifstream in(std::string("testdata/corpus/") + name, std::ios::binary);
      std::stringstream raw;
      raw << in.rdbuf();
      v1::StageRequest request;
      request.mutable_document()->set_content(raw.str());
      v1::DocumentResult result;
      if (!(*stage)->Process(request, &result).ok()) continue;
      *request.mutable_result() = std::move(result);
      out->push_back(std::move(request));
    }
    return out;
  }();
  return *kPrepared;
}

void BM_ExtractStage(benchmark::State& state) {
  ExtractStageOptions options;
  options.dates = state.range(0) != 0;
  absl::StatusOr<std::unique_ptr<ExtractStage>> stage = ExtractStage::Create(options);
  const std::vector<v1::StageRequest>& docs = Prepared();
  if (!stage.ok() || docs.empty()) {
    state.SkipWithError("stage or corpus unavailable");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const v1::StageRequest& request : docs) {
      v1::DocumentResult result = request.result();
      benchmark::DoNotOptimize((*stage)->Process(request, &result));
      bytes += static_cast<int64_t>(result.text().size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractStage)->Arg(0)->Arg(1);

}  // namespace
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
