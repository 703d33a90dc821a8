// Indexes many synthetic documents into one in-memory Deduplicator and
// reports throughput, index memory per document and peak RSS.
//
//   bazel run -c opt //workers/dedup:dedup_scale_benchmark -- [documents] [lines]
//
// Defaults: 1,000,000 documents of 12 lines (about 1.4 KB of Korean text
// each); every 10th document is a near copy of an earlier one (one line
// replaced), every 25th an exact copy. The index is in memory (no log):
// the run measures the index, not the disk.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "workers/dedup/deduplicator.h"
#include "workers/dedup/synthetic_documents.h"

int main(int argc, char** argv) {
  using ::gleaner::workers::dedup::DedupOptions;
  using ::gleaner::workers::dedup::Deduplicator;
  using ::gleaner::workers::dedup::DuplicateKind;
  using ::gleaner::workers::dedup::SyntheticDocument;
  const long documents = argc > 1 ? std::atol(argv[1]) : 1000000;
  const int lines = argc > 2 ? std::atoi(argv[2]) : 12;

  DedupOptions options;
  options.sync = false;
  auto created = Deduplicator::Create(options);
  if (!created.ok()) {
    std::fprintf(stderr, "%s\n", created.status().ToString().c_str());
    return 1;
  }
  Deduplicator& dedup = **created;
  long exact = 0, near = 0;
  size_t bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < documents; ++i) {
    std::string text;
    if (i % 25 == 24) {
      text = SyntheticDocument(static_cast<uint64_t>(i / 2), lines);
    } else if (i % 10 == 9) {
      text = SyntheticDocument(static_cast<uint64_t>(i / 3), lines);
      const size_t cut = text.find('\n', text.size() / 2);
      text = absl::StrCat(text.substr(0, cut + 1), SyntheticDocument(i + documents, 1),
                          text.substr(text.find('\n', cut + 1) + 1));
    } else {
      text = SyntheticDocument(static_cast<uint64_t>(i), lines);
    }
    bytes += text.size();
    auto v = dedup.Process(absl::StrCat("doc-", i), text);
    if (!v.ok()) {
      std::fprintf(stderr, "%s\n", v.status().ToString().c_str());
      return 1;
    }
    exact += v->kind == DuplicateKind::kExact;
    near += v->kind == DuplicateKind::kNear;
    if ((i + 1) % 100000 == 0) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "%ld docs %.1fs %.0f docs/s index %.1f B/doc\n", i + 1, s, (i + 1) / s,
                   static_cast<double>(dedup.MemoryUsageBytes()) / (i + 1));
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const ::gleaner::workers::dedup::DedupStats stats = dedup.Stats();
  std::printf(
      "per document: documents+ids %.1f B, LSH %.1f B (%.2f band entries), blocks %.1f B "
      "(%.2f lines, %.1f B per line); near-duplicate index (documents+LSH) %.1f B\n",
      static_cast<double>(stats.document_bytes) / documents,
      static_cast<double>(stats.lsh_bytes) / documents,
      static_cast<double>(stats.band_entries) / documents,
      static_cast<double>(stats.block_bytes) / documents,
      static_cast<double>(stats.block_entries) / documents,
      static_cast<double>(stats.block_bytes) / std::max<size_t>(1, stats.block_entries),
      static_cast<double>(stats.document_bytes + stats.lsh_bytes) / documents);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  // CPU seconds too: on a shared machine wall time includes waiting.
  const double cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                     usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  std::printf(
      "documents=%ld lines_per_document=%d input_MB=%.1f seconds=%.2f cpu_seconds=%.2f "
      "docs_per_s=%.0f docs_per_cpu_s=%.0f MB_per_cpu_s=%.1f exact=%ld near=%ld "
      "index_bytes=%zu bytes_per_document=%.1f peak_rss_MB=%.1f\n",
      documents, lines, bytes / 1e6, seconds, cpu, documents / seconds, documents / cpu,
      bytes / 1e6 / cpu, exact, near, dedup.MemoryUsageBytes(),
      static_cast<double>(dedup.MemoryUsageBytes()) / documents, usage.ru_maxrss / 1024.0);
  return 0;
}
