// Test helper for deduplicator_restart_test: indexes synthetic documents into
// an index directory and prints "ACK <id>" after each Process() returns OK,
// then waits to be killed.
//
//   dedup_crash_helper <index_dir> <num_documents>
//
// Every third document repeats an earlier one, so the index holds exact
// duplicates too.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "workers/dedup/deduplicator.h"
#include "workers/dedup/synthetic_documents.h"

namespace {

using ::gleaner::workers::dedup::DedupOptions;
using ::gleaner::workers::dedup::Deduplicator;

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <index_dir> <num_documents>\n", argv[0]);
    return 2;
  }
  DedupOptions options;
  options.index_dir = argv[1];
  const int n = std::atoi(argv[2]);
  auto dedup = Deduplicator::Create(options);
  if (!dedup.ok()) {
    std::fprintf(stderr, "%s\n", dedup.status().ToString().c_str());
    return 1;
  }
  for (int i = 0; i < n; ++i) {
    const std::string id = ::gleaner::workers::dedup::SyntheticDocumentId(i);
    const auto verdict = (*dedup)->Process(id, ::gleaner::workers::dedup::SyntheticStreamDocument(i));
    if (!verdict.ok()) {
      std::fprintf(stderr, "%s\n", verdict.status().ToString().c_str());
      return 1;
    }
    std::printf("ACK %s %s\n", id.c_str(), verdict->duplicate_of.c_str());
    std::fflush(stdout);
  }
  std::printf("DONE\n");
  std::fflush(stdout);
  for (;;) ::pause();  // the test kills us
}
