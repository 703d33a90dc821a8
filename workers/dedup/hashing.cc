#include "workers/dedup/hashing.h"

#include <array>
#include <cstring>

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

constexpr uint64_t kP0 = 0xa0761d6478bd642fULL;
constexpr uint64_t kP1 = 0xe7037ed1a0b428dbULL;
constexpr uint64_t kP2 = 0x8ebc6af09c88c6e3ULL;

// 64x64 -> 128 multiply, folded to 64 bits (the wyhash "mum" step).
inline uint64_t Mum(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

inline uint64_t Read64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;  // Little-endian hosts only (x86-64, aarch64), as everywhere here.
}

// Reads 1..8 trailing bytes, zero-padded.
inline uint64_t ReadTail(const char* p, size_t n) {
  uint64_t v = 0;
  std::memcpy(&v, p, n);
  return v;
}

std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
    table[i] = c;
  }
  return table;
}

}  // namespace

uint64_t StableHash64(absl::string_view bytes, uint64_t seed) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t h = seed ^ kP0 ^ (static_cast<uint64_t>(n) * kP2);
  while (n >= 16) {
    h = Mum(Read64(p) ^ kP1, Read64(p + 8) ^ h);
    p += 16;
    n -= 16;
  }
  uint64_t a = 0, b = 0;
  if (n > 8) {
    a = Read64(p);
    b = ReadTail(p + 8, n - 8);
  } else if (n > 0) {
    a = ReadTail(p, n);
  }
  h = Mum(a ^ kP1, b ^ h);
  return Mix64(h ^ kP2);
}

uint32_t Crc32c(absl::string_view bytes, uint32_t crc) {
  static const std::array<uint32_t, 256> kTable = MakeCrcTable();
  crc = ~crc;
  for (unsigned char c : bytes) crc = kTable[(crc ^ c) & 0xff] ^ (crc >> 8);
  return ~crc;
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
