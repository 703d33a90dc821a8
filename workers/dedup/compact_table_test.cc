#include "workers/dedup/compact_table.h"

#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

TEST(DocSetTest, KeepsFirstDocumentPerKeyAcrossGrowth) {
  // Document d has key d % 1000: the first 1000 insert, the rest find them.
  DocSet set;
  auto key = [](uint32_t doc) { return doc % 1000; };
  for (uint32_t doc = 0; doc < 5000; ++doc) {
    const uint64_t k = key(doc);
    const auto [holder, inserted] = set.Insert(
        Mix(k), doc, [&](uint32_t other) { return key(other) == k; },
        [&](uint32_t other) { return Mix(key(other)); });
    EXPECT_EQ(inserted, doc < 1000) << doc;
    EXPECT_EQ(holder, doc < 1000 ? doc : doc % 1000) << doc;
  }
  EXPECT_EQ(set.size(), 1000u);
  EXPECT_LE(static_cast<double>(set.size()), 0.85 * set.capacity());
  EXPECT_GE(static_cast<double>(set.size()), 0.6 * set.capacity());
  for (uint64_t k = 0; k < 1200; ++k) {
    const uint32_t found = set.Find(Mix(k), [&](uint32_t other) { return key(other) == k; });
    EXPECT_EQ(found, k < 1000 ? k : DocSet::kNotFound) << k;
  }
}

TEST(DocSetTest, ReserveAvoidsGrowth) {
  DocSet set;
  auto rehash = [](uint32_t doc) { return Mix(doc); };
  set.Reserve(10000, rehash);
  const size_t capacity = set.capacity();
  for (uint32_t doc = 0; doc < 10000; ++doc) {
    set.Insert(Mix(doc), doc, [&](uint32_t other) { return other == doc; }, rehash);
  }
  EXPECT_EQ(set.capacity(), capacity);
  EXPECT_LT(set.MemoryUsageBytes(), 10000u * 6 + 64);  // about 5.9 bytes per entry
}

TEST(BlockTableTest, FirstDocumentWins) {
  BlockTable t;
  for (uint32_t i = 0; i < 20000; ++i) EXPECT_TRUE(t.Insert(Mix(i), i));
  for (uint32_t i = 0; i < 20000; ++i) EXPECT_FALSE(t.Insert(Mix(i), i + 1));
  for (uint32_t i = 0; i < 20000; ++i) EXPECT_EQ(t.Find(Mix(i)), i);
  EXPECT_EQ(t.Find(Mix(123456789)), BlockTable::kNotFound);
  EXPECT_EQ(t.size(), 20000u);
  size_t seen = 0;
  t.ForEach([&](uint64_t hash, uint32_t doc) {
    EXPECT_EQ(hash, Mix(doc));
    ++seen;
  });
  EXPECT_EQ(seen, 20000u);
}

TEST(ChunkedArrayTest, AppendsAcrossChunks) {
  ChunkedArray<uint16_t, 4> a(3);  // 16 groups of 3 per chunk
  for (uint16_t i = 0; i < 100; ++i) {
    const uint16_t v[3] = {i, static_cast<uint16_t>(i + 1), static_cast<uint16_t>(i + 2)};
    EXPECT_EQ(a.Append(v), i);
  }
  for (uint16_t i = 0; i < 100; ++i) {
    EXPECT_EQ(a.Get(i)[0], i);
    EXPECT_EQ(a.Get(i)[2], i + 2);
  }
  EXPECT_EQ(a.size(), 100u);
  // 7 chunks of 16 * 3 values.
  EXPECT_GE(a.MemoryUsageBytes(), 7u * 16 * 3 * sizeof(uint16_t));
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
