// Stable hashing for the dedup index.
//
// Everything the dedup worker writes to disk (content hashes, block hashes,
// band keys) must hash the same way in every build and process, so absl::Hash
// (which is salted per process and may change between Abseil releases) cannot
// be used for it. This file provides a small wyhash-style 64-bit hash, a
// 64-bit finaliser and CRC-32C for log record checksums.
//
//   uint64_t h = StableHash64("본문", /*seed=*/0);
//   uint32_t crc = Crc32c(record);
#ifndef GLEANER_WORKERS_DEDUP_HASHING_H_
#define GLEANER_WORKERS_DEDUP_HASHING_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Returns a well-mixed bijection of `x` (the MurmurHash3 fmix64 finaliser).
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Returns a 64-bit hash of `bytes` that is identical on every run, build and
// machine (little-endian). Not cryptographic.
uint64_t StableHash64(absl::string_view bytes, uint64_t seed);

// Returns the CRC-32C (Castagnoli) checksum of `bytes`, continuing from
// `crc` (pass 0 to start).
uint32_t Crc32c(absl::string_view bytes, uint32_t crc = 0);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_HASHING_H_
