// Throughput of entity extraction on the corpus, in MB/s, with the shipped
// gazetteer (~2,150 entries) and with 100,000 entries (the shipped ones plus
// generated names), and of the two multi-pattern matchers considered for the
// gazetteer: the Aho-Corasick automaton (kept) and an RE2 alternation.
//
//   bazel run -c opt --config=bench //workers/extract/entities:entity_extractor_benchmark
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "re2/re2.h"
#include "workers/extract/entities/aho_corasick.h"
#include "workers/extract/entities/default_gazetteer_data.h"
#include "workers/extract/entities/entity_extractor.h"
#include "workers/extract/entities/gazetteer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

const std::vector<std::string>& Corpus() {
  static const auto* docs = [] {
    auto* out = new std::vector<std::string>;
    const char* dir = std::getenv("GLEANER_CORPUS_DIR");
    const std::string base = dir != nullptr ? dir : "testdata/corpus";
    for (const char* name :
         {"000_558032e73f612481.txt", "001_ed974366ffe0647b.txt", "002_90ade3c7bf9ed024.txt",
          "003_b33c1ca5114b02ac.txt", "004_8c21c6bb0ee99562.txt"}) {
      std::ifstream in(base + "/" + name, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (!ss.str().empty()) out->push_back(ss.str());
    }
    if (out->empty()) std::fprintf(stderr, "no corpus under %s (set GLEANER_CORPUS_DIR)\n", base.c_str());
    return out;
  }();
  return *docs;
}

// Generated names: random Hangul words and Latin words, so the automaton
// has realistic branching on UTF-8 lead bytes.
std::string GeneratedTsv(size_t n) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> syllable(0xAC00, 0xD7A3);
  std::uniform_int_distribution<int> length(2, 6);
  std::uniform_int_distribution<int> letter('a', 'z');
  static constexpr const char* kTypes[] = {"ORG", "PER", "LOC", "PRODUCT"};
  std::string tsv;
  for (size_t i = 0; i < n; ++i) {
    std::string name;
    const int len = length(rng);
    for (int k = 0; k < len; ++k) {
      const int c = syllable(rng);
      name += static_cast<char>(0xE0 | (c >> 12));
      name += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      name += static_cast<char>(0x80 | (c & 0x3F));
    }
    std::string latin(1, static_cast<char>(letter(rng) - 32));
    for (int k = 0; k < len + 2; ++k) latin += static_cast<char>(letter(rng));
    absl::StrAppend(&tsv, name, i, "\t", kTypes[i % 4], "\t", latin, i, "\n");
  }
  return tsv;
}

std::vector<Gazetteer::Source> Sources(size_t total_entries) {
  std::vector<Gazetteer::Source> sources;
  for (const EmbeddedFile& f : DefaultGazetteerFiles())
    sources.push_back({std::string(f.name), std::string(f.contents)});
  if (total_entries > 0) {
    auto shipped = Gazetteer::FromSources(sources);
    const size_t have = shipped.ok() ? (*shipped)->size() : 0;
    if (total_entries > have) sources.push_back({"generated.tsv", GeneratedTsv(total_entries - have)});
  }
  return sources;
}

const EntityExtractor& Extractor(size_t entries) {
  static auto* cache = new std::map<size_t, std::unique_ptr<EntityExtractor>>;
  auto& slot = (*cache)[entries];
  if (slot == nullptr) {
    auto g = Gazetteer::FromSources(Sources(entries));
    if (!g.ok()) std::abort();
    auto ex = EntityExtractor::CreateWithGazetteer(*std::move(g));
    if (!ex.ok()) std::abort();
    slot = *std::move(ex);
  }
  return *slot;
}

void RunExtract(benchmark::State& state, size_t entries) {
  const EntityExtractor& extractor = Extractor(entries);
  state.counters["gazetteer_entries"] = static_cast<double>(extractor.gazetteer().size());
  size_t bytes = 0, mentions = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      auto m = extractor.Extract(doc);
      mentions += m.size();
      bytes += doc.size();
      benchmark::DoNotOptimize(m);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["mentions_per_pass"] =
      benchmark::Counter(static_cast<double>(mentions) / static_cast<double>(state.iterations()));
}

void BM_ExtractShippedGazetteer(benchmark::State& state) { RunExtract(state, 0); }
BENCHMARK(BM_ExtractShippedGazetteer)->Unit(benchmark::kMillisecond);

// The shipped data with the learned name tagger switched on
// (EntityExtractorOptions::use_name_tagger), to show what it costs.
void BM_ExtractShippedWithNameTagger(benchmark::State& state) {
  static const EntityExtractor* extractor = [] {
    EntityExtractorOptions options;
    options.use_name_tagger = true;
    auto ex = EntityExtractor::Create(options);
    if (!ex.ok()) std::abort();
    return ex->release();
  }();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      auto m = extractor->Extract(doc);
      bytes += doc.size();
      benchmark::DoNotOptimize(m);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ExtractShippedWithNameTagger)->Unit(benchmark::kMillisecond);

void BM_Extract100kGazetteer(benchmark::State& state) { RunExtract(state, 100000); }
BENCHMARK(BM_Extract100kGazetteer)->Unit(benchmark::kMillisecond);

// The surface forms of a gazetteer of about `entries` entries.
std::vector<std::string> Surfaces(size_t entries) {
  std::vector<std::string> out;
  for (const Gazetteer::Source& s : Sources(entries)) {
    for (absl::string_view line : absl::StrSplit(s.tsv, '\n')) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
      out.emplace_back(cols[0]);
      if (cols.size() > 2 && !cols[2].empty()) {
        for (absl::string_view a : absl::StrSplit(cols[2], '|')) out.emplace_back(a);
      }
    }
  }
  return out;
}

// Raw multi-pattern matching only: every occurrence of every name.
void BM_MatchAhoCorasick(benchmark::State& state) {
  AhoCorasick::Builder builder;
  for (const std::string& s : Surfaces(state.range(0))) builder.Add(s);
  const AhoCorasick ac = std::move(builder).Build();
  size_t bytes = 0, hits = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      ac.ForEachMatch(doc, [&](size_t, size_t, uint32_t) { ++hits; });
      bytes += doc.size();
    }
  }
  benchmark::DoNotOptimize(hits);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["states"] = static_cast<double>(ac.num_states());
  state.counters["dense_states"] = static_cast<double>(ac.num_dense_states());
}
BENCHMARK(BM_MatchAhoCorasick)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond);

// Leftmost-longest non-overlapping matches with one RE2 alternation of all
// names (it cannot report overlapping matches, so it does less work).
void BM_MatchRe2Alternation(benchmark::State& state) {
  std::vector<std::string> quoted;
  for (const std::string& s : Surfaces(state.range(0))) quoted.push_back(RE2::QuoteMeta(s));
  RE2::Options options;
  options.set_longest_match(true);
  options.set_case_sensitive(false);
  options.set_max_mem(int64_t{1} << 31);
  options.set_log_errors(false);
  RE2 re(absl::StrCat("(", absl::StrJoin(quoted, "|"), ")"), options);
  if (!re.ok()) {
    state.SkipWithError(re.error().c_str());
    return;
  }
  size_t bytes = 0, hits = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      re2::StringPiece input(doc);
      while (RE2::FindAndConsume(&input, re)) ++hits;
      bytes += doc.size();
    }
  }
  benchmark::DoNotOptimize(hits);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_MatchRe2Alternation)->Arg(0)->Unit(benchmark::kMillisecond);
// One pass is enough to show the gap: RE2's DFA thrashes on 100,000 names.
BENCHMARK(BM_MatchRe2Alternation)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
