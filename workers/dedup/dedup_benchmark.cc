// Microbenchmarks: signature computation (MB/s of UTF-8 input) and index
// lookup + insert (documents/s).
//
//   bazel run -c opt --config=bench //workers/dedup:dedup_benchmark
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "workers/dedup/deduplicator.h"
#include "workers/dedup/lsh_index.h"
#include "workers/dedup/minhash.h"
#include "workers/dedup/synthetic_documents.h"
#include "workers/dedup/text_features.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

// MinHash over pre-folded code points: the permutation loop alone.
void BM_MinHashCodePoints(benchmark::State& state) {
  MinHashOptions o;
  o.num_permutations = static_cast<int>(state.range(0));
  const MinHasher hasher = MinHasher::Create(o).value();
  const std::string text = SyntheticDocument(1, 40);
  std::vector<uint32_t> cps;
  AppendShingleCodePoints(text, &cps);
  for (auto _ : state) {
    benchmark::DoNotOptimize(hasher.ComputeFromCodePoints(cps));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_MinHashCodePoints)->Arg(32)->Arg(64)->Arg(128)->Arg(256);

// Full signature path from raw text: normalise, fold, shingle, MinHash.
void BM_SignatureFromText(benchmark::State& state) {
  MinHashOptions o;
  o.num_permutations = static_cast<int>(state.range(0));
  const MinHasher hasher = MinHasher::Create(o).value();
  const std::string text = SyntheticDocument(2, 40);
  for (auto _ : state) {
    const std::string normalized = NormalizeContent(text);
    benchmark::DoNotOptimize(hasher.Compute(normalized));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_SignatureFromText)->Arg(32)->Arg(64)->Arg(128);

// Band lookups of a signature against an index of state.range(0) documents.
void BM_LshLookup(benchmark::State& state) {
  DedupOptions defaults;
  LshIndex index(defaults.num_bands, defaults.rows_per_band, 0, 1);
  MinHashOptions o;
  o.num_permutations = defaults.num_bands * defaults.rows_per_band;
  const MinHasher hasher = MinHasher::Create(o).value();
  std::vector<std::vector<uint16_t>> sigs;
  for (int i = 0; i < 1000; ++i) {
    sigs.push_back(LshIndex::CompactSignature(hasher.Compute(SyntheticDocument(i, 3))));
  }
  for (int64_t i = 0; i < state.range(0); ++i) index.Add(sigs[i % sigs.size()]);
  std::vector<uint32_t> out;
  size_t i = 0;
  for (auto _ : state) {
    out.clear();
    index.Candidates(sigs[i++ % sigs.size()], index.size(), &out);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LshLookup)->Arg(1000)->Arg(100000);

// The whole Process() call (in memory): features, lookups, verdict, insert.
void BM_Process(benchmark::State& state) {
  auto dedup = Deduplicator::Create(DedupOptions{}).value();
  std::vector<std::string> docs;
  for (int i = 0; i < 256; ++i) docs.push_back(SyntheticDocument(1000 + i, 12));
  size_t bytes = 0;
  int64_t n = 0;
  for (auto _ : state) {
    const std::string& text = docs[n % docs.size()];
    benchmark::DoNotOptimize(dedup->Process(SyntheticDocumentId(n), text));
    bytes += text.size();
    ++n;
  }
  state.SetItemsProcessed(n);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Process);

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
