#include "workers/dedup/lsh_index.h"

#include <algorithm>
#include <cstring>

#include "workers/dedup/hashing.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

constexpr uint64_t kBandSalt = 0x62616e646b6579ULL;   // "bandkey"
constexpr uint64_t kShardSalt = 0x7368617264ULL;      // "shard"

// Bytes of a swiss-table slot plus its control byte.
template <typename Map>
size_t TableBytes(const Map& map) {
  return map.capacity() * (sizeof(typename Map::value_type) + 1);
}

}  // namespace

LshIndex::LshIndex(int num_bands, int rows_per_band, int shard_index,
                   int num_shards)
    : num_bands_(num_bands),
      rows_per_band_(rows_per_band),
      signature_size_(num_bands * rows_per_band),
      shard_index_(shard_index),
      num_shards_(num_shards),
      signatures_(static_cast<size_t>(num_bands * rows_per_band)) {
  bands_.resize(num_bands_);
}

std::vector<uint16_t> LshIndex::CompactSignature(absl::Span<const uint32_t> sig) {
  std::vector<uint16_t> out(sig.size());
  // The low bits of a minimum are as random as the whole value; the high bits
  // of a minimum are mostly zero, so they must not be used.
  for (size_t i = 0; i < sig.size(); ++i) out[i] = static_cast<uint16_t>(sig[i]);
  return out;
}

double LshIndex::EstimateJaccard(absl::Span<const uint16_t> a,
                                 absl::Span<const uint16_t> b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  const double agreement = static_cast<double>(same) / a.size();
  // P(equal) = J + (1 - J) / 2^16  =>  J = (P - 2^-16) / (1 - 2^-16).
  constexpr double kChance = 1.0 / 65536.0;
  return std::max(0.0, (agreement - kChance) / (1.0 - kChance));
}

uint64_t LshIndex::KeyOf(absl::Span<const uint16_t> sig, int band) const {
  uint64_t key = 0;
  std::memcpy(&key, sig.data() + static_cast<size_t>(band) * rows_per_band_,
              rows_per_band_ * sizeof(uint16_t));
  return key;
}

size_t LshIndex::HashKey(uint64_t key, int band) {
  return static_cast<size_t>(Mix64(key ^ (kBandSalt * (band + 1))));
}

bool LshIndex::OwnsBand(absl::Span<const uint16_t> sig, int band) const {
  if (num_shards_ <= 1) return true;
  const uint64_t h = Mix64(KeyOf(sig, band) + kShardSalt * (band + 1));
  return static_cast<int>((h >> 32) % static_cast<uint64_t>(num_shards_)) ==
         shard_index_;
}

uint32_t LshIndex::Add(absl::Span<const uint16_t> sig,
                       absl::FunctionRef<bool(uint32_t member)> covered) {
  const uint32_t doc = count_;
  signatures_.Append(sig.data());
  ++count_;
  for (int b = 0; b < num_bands_; ++b) {
    if (!OwnsBand(sig, b)) continue;
    const uint64_t key = KeyOf(sig, b);
    const auto [head, inserted] = bands_[b].Insert(
        HashKey(key, b), doc,
        [&](uint32_t other) { return KeyOf(Signature(other), b) == key; },
        [&](uint32_t other) { return HashKey(KeyOf(Signature(other), b), b); });
    if (inserted) continue;  // a new key: doc starts its chain
    uint32_t member = head;
    int length = 1;
    bool is_covered = covered(member);
    while (!is_covered) {
      const auto next = next_.find(LinkKey(member, b));
      if (next == next_.end()) break;
      member = next->second;
      ++length;
      is_covered = covered(member);
    }
    if (!is_covered && length < kMaxChain) next_.emplace(LinkKey(member, b), doc);
  }
  return doc;
}

uint32_t LshIndex::AddRestored(absl::Span<const uint16_t> sig,
                               absl::Span<const std::pair<uint16_t, uint32_t>> links) {
  const uint32_t doc = count_;
  signatures_.Append(sig.data());
  ++count_;
  for (int b = 0; b < num_bands_; ++b) {
    if (!OwnsBand(sig, b)) continue;
    const uint64_t key = KeyOf(sig, b);
    bands_[b].Insert(
        HashKey(key, b), doc,
        [&](uint32_t other) { return KeyOf(Signature(other), b) == key; },
        [&](uint32_t other) { return HashKey(KeyOf(Signature(other), b), b); });
  }
  for (const auto& [band, member] : links) next_.emplace(LinkKey(member, band), doc);
  return doc;
}

void LshIndex::Candidates(absl::Span<const uint16_t> sig, uint32_t before,
                          std::vector<uint32_t>* out) const {
  const size_t first = out->size();
  for (int b = 0; b < num_bands_; ++b) {
    if (!OwnsBand(sig, b)) continue;
    const uint64_t key = KeyOf(sig, b);
    const uint32_t head = bands_[b].Find(
        HashKey(key, b), [&](uint32_t other) { return KeyOf(Signature(other), b) == key; });
    if (head == DocSet::kNotFound) continue;
    // Chains ascend, so stop at the first member that is not earlier.
    for (uint32_t member = head; member < before;) {
      out->push_back(member);
      const auto next = next_.find(LinkKey(member, b));
      if (next == next_.end()) break;
      member = next->second;
    }
  }
  std::sort(out->begin() + first, out->end());
  out->erase(std::unique(out->begin() + first, out->end()), out->end());
}

size_t LshIndex::band_entries() const {
  size_t n = next_.size();
  for (const DocSet& t : bands_) n += t.size();
  return n;
}

size_t LshIndex::MemoryUsageBytes() const {
  size_t bytes = signatures_.MemoryUsageBytes() + TableBytes(next_);
  for (const DocSet& t : bands_) bytes += t.MemoryUsageBytes();
  return bytes;
}

void LshIndex::Reserve(size_t docs) {
  for (int b = 0; b < num_bands_; ++b) {
    bands_[b].Reserve(docs / std::max(1, num_shards_), [&](uint32_t other) {
      return HashKey(KeyOf(Signature(other), b), b);
    });
  }
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
