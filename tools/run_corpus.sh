#!/usr/bin/env bash
# Installs what is missing, builds `gleaner` and runs the whole pipeline on
# the bundled corpus in one process. Results: gleaner_results.jsonl (one
# JSON object per document) and gleaner_corpus_view.json.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh
bazel build -c opt //cli:gleaner
bazel-bin/cli/gleaner run testdata/corpus \
  --output="${GLEANER_OUTPUT:-gleaner_results.jsonl}" \
  --corpus_view="${GLEANER_VIEW:-gleaner_corpus_view.json}" "$@"
echo "results: ${GLEANER_OUTPUT:-gleaner_results.jsonl}, corpus view: ${GLEANER_VIEW:-gleaner_corpus_view.json}"
