#!/usr/bin/env bash
# Installs the Debian packages Gleaner builds, tests and runs with.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

PACKAGES=(
  bazel-bootstrap bazel-rules-java bazel-rules-proto default-jdk-headless
  g++ pkg-config
  protobuf-compiler libprotobuf-dev protobuf-compiler-grpc libgrpc++-dev
  libabsl-dev libre2-dev libgtest-dev libgmock-dev libbenchmark-dev
  # The servers' /metrics endpoint (GNU libmicrohttpd).
  libmicrohttpd-dev
  python3 python3-grpcio python3-protobuf python3-yaml
  # The Python package (pip install ./clients/python, without build
  # isolation), its tables and progress bar, and the report's browser test
  # (headless Chromium; Korean fonts for the screenshot).
  python3-pip python3-setuptools python3-venv python3-pandas python3-tqdm
  chromium fonts-nanum openssl
  # The multi-host test's hosts: network namespaces, veth pairs, a bridge.
  iproute2
  # Fuzz targets (tools/fuzz.sh): clang with libFuzzer and the sanitizer
  # runtimes. GCC's ASan/UBSan runtimes come with g++.
  clang libclang-rt-14-dev
  # The store (docs/store.md): SQLite embedded, PostgreSQL through libpq; the
  # postgresql server only for the tests, which start their own on loopback.
  libsqlite3-dev libpq-dev postgresql
  # The servers' and gleaner's allocator (third_party:jemalloc).
  libjemalloc-dev
)
# The manifest test renders with `kubectl kustomize`; Debian's package is the
# fallback where the machine has no kubectl of its own.
command -v kubectl >/dev/null 2>&1 || PACKAGES+=(kubernetes-client)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install_deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install_deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
