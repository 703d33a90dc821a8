#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) and
# runs each for a bounded time from its seeds. Prints `fuzz: NAME passed` or
# `fuzz: NAME FAILED` per target and exits non-zero if any crashed or broke
# an invariant; the input that broke it is left in an artifacts directory,
# and the log says how to replay it.
#
#   tools/fuzz.sh                 # every target, 20 s each
#   tools/fuzz.sh --seconds 300 index_log_fuzzer
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=20
if [ "${1:-}" = "--seconds" ]; then seconds="$2"; shift 2; fi
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(text_cleaner_fuzzer decoder_fuzzer sentence_splitter_fuzzer
           amount_extractor_fuzzer entity_extractor_fuzzer index_log_fuzzer)
fi

# Its own output base: the clang toolchain is configured there, and the
# plain (GCC) tree in the default output base stays as it is.
output_base="${GLEANER_FUZZ_OUTPUT_BASE:-$HOME/.cache/gleaner-fuzz-bazel}"
labels=()
for t in "${targets[@]}"; do labels+=("//tests/fuzz:$t"); done
# (gold warns once per ASan symbol it cannot export: harmless, filtered.)
bazel --output_base="$output_base" build --config=fuzz "${labels[@]}" 2>&1 \
  | grep -v "Cannot export local symbol"
[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
bin="$(bazel --output_base="$output_base" info --config=fuzz bazel-bin)/tests/fuzz"

seeds_of() {
  case "$1" in
    text_cleaner_fuzzer|decoder_fuzzer) echo "tests/fuzz/seeds/html testdata/corpus" ;;
    index_log_fuzzer) echo "tests/fuzz/seeds/index_log" ;;
    *) echo "tests/fuzz/seeds/text testdata/corpus" ;;
  esac
}

work="$(mktemp -d)"
export FUZZ_ARTIFACTS="$work/artifacts"
mkdir -p "$FUZZ_ARTIFACTS"
status=0
for t in "${targets[@]}"; do
  corpus="$work/corpus-$t"   # grows during the run; the seeds stay as they are
  mkdir -p "$corpus"
  echo "fuzz: $t for ${seconds}s"
  # shellcheck disable=SC2046
  if ! "$bin/$t" -max_total_time="$seconds" -max_len=65536 -timeout=25 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$FUZZ_ARTIFACTS/$t-" \
       "$corpus" $(seeds_of "$t") > "$work/$t.log" 2>&1; then
    echo "fuzz: $t FAILED; replay with: $bin/$t $FUZZ_ARTIFACTS/$t-*; log:"
    tail -40 "$work/$t.log"
    status=1
    continue
  fi
  echo "fuzz: $t passed ($(grep -oE 'stat::number_of_executed_units: [0-9]+' "$work/$t.log" \
    | grep -oE '[0-9]+$') inputs)"
done
if [ "$status" -eq 0 ]; then
  echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no failure"
  rm -rf "$work"
fi
exit "$status"
