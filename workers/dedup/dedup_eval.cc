// Runs the deduplicator over an evaluation stream and prints one verdict per
// document, for tools/dedup_eval/dedup_eval.py to score.
//
//   dedup_eval [--shingle_chars=5] [--num_bands=16] [--rows_per_band=4]
//              [--threshold=0.5] [--min_figures_kept=0.5]
//              [--num_shards=1] < docs.txt > verdicts.tsv
//
// Input: records "#DOC <id> <byte length>\n<text>\n". Output: tab-separated
//   id, kind, duplicate_of, cluster_id, similarity, repeated blocks
// where repeated blocks are "begin:end:first_begin:first_document_id" joined
// by ',' (first_document_id empty for within-document repeats).
// With --num_shards=N every document goes to N shard replicas whose verdicts
// are merged, which must print exactly what one replica prints.
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "workers/dedup/deduplicator.h"

namespace {

using ::gleaner::workers::dedup::DedupOptions;
using ::gleaner::workers::dedup::DedupVerdict;
using ::gleaner::workers::dedup::Deduplicator;
using ::gleaner::workers::dedup::DuplicateKindName;
using ::gleaner::workers::dedup::MergeShardVerdicts;
using ::gleaner::workers::dedup::RepeatedBlock;

bool ParseFlag(absl::string_view arg, absl::string_view name, double* value) {
  const std::string prefix = absl::StrCat("--", name, "=");
  if (!absl::ConsumePrefix(&arg, prefix)) return false;
  if (!absl::SimpleAtod(arg, value)) {
    std::fprintf(stderr, "bad value for --%s\n", std::string(name).c_str());
    std::exit(2);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  DedupOptions options;
  double shards = 1;
  for (int i = 1; i < argc; ++i) {
    double v;
    const absl::string_view arg = argv[i];
    if (ParseFlag(arg, "shingle_chars", &v)) {
      options.shingle_chars = static_cast<int>(v);
    } else if (ParseFlag(arg, "num_bands", &v)) {
      options.num_bands = static_cast<int>(v);
    } else if (ParseFlag(arg, "rows_per_band", &v)) {
      options.rows_per_band = static_cast<int>(v);
    } else if (ParseFlag(arg, "threshold", &v)) {
      options.threshold = v;
    } else if (ParseFlag(arg, "min_figures_kept", &v)) {
      options.min_figures_kept = v;
    } else if (ParseFlag(arg, "min_prose_line_chars", &v)) {
      options.min_prose_line_chars = static_cast<int>(v);
    } else if (ParseFlag(arg, "min_prose_fraction", &v)) {
      options.min_prose_fraction = v;
    } else if (ParseFlag(arg, "figures_margin", &v)) {
      options.figures_margin = v;
    } else if (ParseFlag(arg, "figures_slack", &v)) {
      options.figures_slack = static_cast<int>(v);
    } else if (ParseFlag(arg, "min_block_chars", &v)) {
      options.min_block_chars = static_cast<int>(v);
    } else if (ParseFlag(arg, "num_shards", &shards)) {
    } else {
      std::fprintf(stderr, "unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  std::vector<std::unique_ptr<Deduplicator>> replicas;
  for (int s = 0; s < static_cast<int>(shards); ++s) {
    DedupOptions o = options;
    o.shard_index = s;
    o.num_shards = static_cast<int>(shards);
    auto d = Deduplicator::Create(o);
    if (!d.ok()) {
      std::fprintf(stderr, "%s\n", d.status().ToString().c_str());
      return 1;
    }
    replicas.push_back(std::move(d).value());
  }

  const std::string input(std::istreambuf_iterator<char>(std::cin), {});
  absl::string_view rest = input;
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    if (eol == absl::string_view::npos) break;
    const std::vector<absl::string_view> header = absl::StrSplit(rest.substr(0, eol), ' ');
    size_t length = 0;
    if (header.size() != 3 || header[0] != "#DOC" || !absl::SimpleAtoi(header[2], &length) ||
        eol + 1 + length > rest.size()) {
      std::fprintf(stderr, "malformed input near: %.60s\n", std::string(rest).c_str());
      return 1;
    }
    const std::string id(header[1]);
    const absl::string_view text = rest.substr(eol + 1, length);
    rest.remove_prefix(std::min(rest.size(), eol + 1 + length + 1));

    std::vector<DedupVerdict> parts;
    for (auto& r : replicas) {
      auto v = r->Process(id, text);
      if (!v.ok()) {
        std::fprintf(stderr, "%s: %s\n", id.c_str(), v.status().ToString().c_str());
        return 1;
      }
      parts.push_back(*std::move(v));
    }
    const DedupVerdict verdict = MergeShardVerdicts(parts);
    for (auto& r : replicas) {
      if (replicas.size() > 1) (void)r->RecordMergedVerdict(id, verdict);
    }
    std::vector<std::string> blocks;
    for (const RepeatedBlock& b : verdict.repeated_blocks) {
      blocks.push_back(absl::StrCat(b.begin, ":", b.end, ":", b.first_begin, ":",
                                    b.first_document_id));
    }
    std::cout << id << '\t' << DuplicateKindName(verdict.kind) << '\t' << verdict.duplicate_of
              << '\t' << verdict.cluster_id << '\t' << verdict.similarity << '\t'
              << absl::StrJoin(blocks, ",") << '\n';
  }
  size_t bytes = 0;
  for (auto& r : replicas) bytes += r->MemoryUsageBytes();
  std::fprintf(stderr, "documents=%zu index_bytes=%zu bytes_per_document=%.1f\n",
               replicas[0]->document_count(), bytes,
               static_cast<double>(bytes) / std::max<size_t>(1, replicas[0]->document_count()));
  return 0;
}
