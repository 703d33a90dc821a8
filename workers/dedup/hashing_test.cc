#include "workers/dedup/hashing.h"

#include <string>

#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

TEST(StableHash64Test, IsStableAcrossBuilds) {
  // Values pinned so that a change of the function (which would silently
  // invalidate every persisted index) fails here.
  EXPECT_EQ(StableHash64("", 0), 0x6a8715ae0306e089u);
  EXPECT_EQ(StableHash64("엔비디아 2026년 1월", 42), 0xe1d678d7603b3379u);
  EXPECT_NE(StableHash64("a", 0), StableHash64("b", 0));
  EXPECT_NE(StableHash64("a", 0), StableHash64("a", 1));
}

TEST(StableHash64Test, EveryLengthAndByteMatters) {
  std::string s;
  for (int n = 0; n < 40; ++n) {
    const uint64_t h = StableHash64(s, 0);
    std::string t = s + 'x';
    EXPECT_NE(h, StableHash64(t, 0)) << n;
    if (!s.empty()) {
      std::string u = s;
      u[n / 2] ^= 1;
      EXPECT_NE(h, StableHash64(u, 0)) << n;
    }
    s.push_back(static_cast<char>('a' + n % 26));
  }
}

TEST(Crc32cTest, KnownVectors) {
  // RFC 3720 B.4 test vectors for CRC-32C.
  EXPECT_EQ(Crc32c(std::string(32, '\0')), 0x8a9136aau);
  EXPECT_EQ(Crc32c(std::string(32, '\xff')), 0x62a8ab43u);
  EXPECT_EQ(Crc32c("123456789"), 0xe3069283u);
  // Incremental computation equals one pass.
  EXPECT_EQ(Crc32c("6789", Crc32c("12345")), Crc32c("123456789"));
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
