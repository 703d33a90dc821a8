// Documents for the end-to-end tests of the embedded pipeline: the bundled
// corpus and hostile inputs (markup, encodings, bad bytes, duplicates,
// control characters), and a helper that runs them.
#ifndef GLEANER_CLI_PIPELINE_TEST_DOCUMENTS_H_
#define GLEANER_CLI_PIPELINE_TEST_DOCUMENTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace cli {

// The pages of testdata/corpus (empty when not in the runfiles).
std::vector<v1::RawDocument> CorpusDocuments();

// Hostile inputs; ids start with "hostile/". Includes exact duplicates of
// the corpus pages when `corpus` is given.
std::vector<v1::RawDocument> HostileDocuments(
    const std::vector<v1::RawDocument>& corpus);

// Runs `documents` through an embedded pipeline (in-memory dedup index) and
// returns the results in input order; an error when the pipeline cannot be
// built or refuses a document (for tools outside a test).
absl::StatusOr<std::vector<v1::DocumentResult>> RunEmbeddedPipeline(
    const std::vector<v1::RawDocument>& documents);

// RunEmbeddedPipeline for tests: a failure is a test failure, and the
// results are empty.
std::vector<v1::DocumentResult> RunEmbedded(
    const std::vector<v1::RawDocument>& documents);

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_PIPELINE_TEST_DOCUMENTS_H_
