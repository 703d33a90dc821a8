#include "workers/dedup/minhash.h"

#include <algorithm>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "workers/dedup/hashing.h"
#include "workers/dedup/text_features.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

// Folds shingle hashes into every permutation's running minimum. This is the
// hot loop. Permutation i is the multiply-shift hash
//   h_i(x) = ((a_i * x + b_i) mod 2^64) >> 32
// with a 64-bit odd a_i, which needs the wrap-around of the high bits (a
// 32-bit a_i would make h_i nearly monotone in x, so every permutation would
// pick the same minimum). a_i * x is split into two 32-bit products that SSE2
// and AVX2 have: a_lo * x in full (pmuludq) plus a_hi * x mod 2^32 (pmulld).
// The loop is flat and branch-free, so GCC vectorises it; target_clones
// builds an AVX2 copy next to the baseline one and picks at load time.
__attribute__((target_clones("avx2", "default"), optimize("O3"))) void
UpdateMinima(const uint32_t* __restrict a_lo, const uint32_t* __restrict a_hi,
             const uint64_t* __restrict b, const uint32_t* __restrict hashes,
             size_t num_hashes, uint32_t* __restrict minima, int num_permutations) {
  for (size_t s = 0; s < num_hashes; ++s) {
    const uint32_t x = hashes[s];
    for (int i = 0; i < num_permutations; ++i) {
      const uint32_t v = static_cast<uint32_t>((uint64_t{a_lo[i]} * x + b[i]) >> 32) +
                         a_hi[i] * x;
      minima[i] = v < minima[i] ? v : minima[i];
    }
  }
}

}  // namespace

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  a_lo_.resize(options_.num_permutations);
  a_hi_.resize(options_.num_permutations);
  b_.resize(options_.num_permutations);
  uint64_t state = options_.seed;
  for (int i = 0; i < options_.num_permutations; ++i) {
    state = Mix64(state + 0x9e3779b97f4a7c15ULL);
    a_lo_[i] = static_cast<uint32_t>(state) | 1u;  // odd
    a_hi_[i] = static_cast<uint32_t>(state >> 32);
    state = Mix64(state + 0x9e3779b97f4a7c15ULL);
    b_[i] = state;
  }
}

absl::StatusOr<MinHasher> MinHasher::Create(MinHashOptions options) {
  if (options.shingle_chars < 1 || options.shingle_chars > 16) {
    return absl::InvalidArgumentError(
        absl::StrCat("shingle_chars must be in 1..16, got ",
                     options.shingle_chars));
  }
  if (options.num_permutations < 1 || options.num_permutations > 1024) {
    return absl::InvalidArgumentError(
        absl::StrCat("num_permutations must be in 1..1024, got ",
                     options.num_permutations));
  }
  return MinHasher(options);
}

void MinHasher::ShingleHashes(absl::Span<const uint32_t> code_points,
                              std::vector<uint32_t>* hashes) const {
  hashes->clear();
  if (code_points.empty()) return;
  const size_t n = static_cast<size_t>(options_.shingle_chars);
  const size_t windows = code_points.size() >= n ? code_points.size() - n + 1 : 1;
  const size_t width = std::min(n, code_points.size());
  hashes->resize(windows);
  const uint64_t seed = options_.seed ^ 0x5368696e676c65ULL;  // "Shingle"
  for (size_t w = 0; w < windows; ++w) {
    uint64_t h = seed;
    for (size_t j = 0; j < width; ++j) {
      h = (h ^ code_points[w + j]) * 0x100000001b3ULL;  // FNV-style step
      h = (h << 23) | (h >> 41);
    }
    (*hashes)[w] = static_cast<uint32_t>(Mix64(h));
  }
}

std::vector<uint32_t> MinHasher::ComputeFromCodePoints(
    absl::Span<const uint32_t> code_points) const {
  std::vector<uint32_t> minima(options_.num_permutations,
                               std::numeric_limits<uint32_t>::max());
  std::vector<uint32_t> hashes;
  ShingleHashes(code_points, &hashes);
  UpdateMinima(a_lo_.data(), a_hi_.data(), b_.data(), hashes.data(), hashes.size(),
               minima.data(), options_.num_permutations);
  return minima;
}

std::vector<uint32_t> MinHasher::Compute(absl::string_view text) const {
  std::vector<uint32_t> code_points;
  code_points.reserve(text.size() / 2);
  AppendShingleCodePoints(text, &code_points);
  return ComputeFromCodePoints(code_points);
}

double SignatureAgreement(absl::Span<const uint32_t> a,
                          absl::Span<const uint32_t> b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / a.size();
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
