#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: the plain
# build with the Python and shell tests, then the C++ tests under ASan +
# UBSan, then each fuzz target for a bounded time (GLEANER_FUZZ_SECONDS, 10).
# Extra arguments go to the plain `bazel test`. Ends with a plain "N passed,
# N failed" line (test targets of both runs plus fuzz targets).
set -uo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
# Runs one bazel test command, adding its PASSED / FAILED lines to the totals.
bazel_tests() {
  local log status p f
  log=$(mktemp)
  bazel test "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  p=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log")
  f=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|INCOMPLETE|FLAKY)' "$log")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1  # the build itself failed, so no test could run
  fi
  rm -f "$log"
  passed=$((passed + p))
  failed=$((failed + f))
}

# The C++ tests are built and run once, under the sanitizers: a plain -O0
# build of them would only repeat what the sanitized -O0 build checks, and
# compiling and linking them twice was a third of CI's time. The plain run
# builds every other target (binaries, benchmarks, tools) and runs the
# Python and shell tests, which drive the plain server binaries.
cc_tests=$(bazel query 'kind(cc_test, //...)' 2>/dev/null) || {
  echo "0 passed, 1 failed"; exit 1; }
exclusions=()
for t in $cc_tests; do exclusions+=("-$t"); done
bazel_tests --keep_going --test_output=errors "$@" -- //... "${exclusions[@]}"
echo "== the C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer"
bazel_tests //... --config=asan --test_lang_filters=cc --keep_going --test_output=errors

echo "== fuzz targets"
log=$(mktemp)
tools/fuzz.sh --seconds "${GLEANER_FUZZ_SECONDS:-10}" 2>&1 | tee "$log"
fuzz_status=${PIPESTATUS[0]}
p=$(grep -cE '^fuzz: [a-z_]+ passed' "$log")
f=$(grep -cE '^fuzz: [a-z_]+ FAILED' "$log")
if [ "$fuzz_status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
rm -f "$log"
passed=$((passed + p))
failed=$((failed + f))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
