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
template <typename Set>
size_t TableBytes(const Set& set) {
  return set.capacity() * (sizeof(typename Set::value_type) + 1);
}

}  // namespace

LshIndex::LshIndex(int num_bands, int rows_per_band, int shard_index,
                   int num_shards)
    : num_bands_(num_bands),
      rows_per_band_(rows_per_band),
      signature_size_(num_bands * rows_per_band),
      shard_index_(shard_index),
      num_shards_(num_shards) {
  bands_.reserve(num_bands_);
  for (int b = 0; b < num_bands_; ++b) {
    bands_.emplace_back(0, BandHash{this, b}, BandEq{this, b});
  }
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

size_t LshIndex::BandHash::operator()(uint32_t doc) const {
  return HashKey(index->KeyOf(index->Signature(doc), band), band);
}
size_t LshIndex::BandHash::operator()(Probe p) const {
  return HashKey(p.key, band);
}
bool LshIndex::BandEq::operator()(uint32_t a, uint32_t b) const {
  return a == b || index->KeyOf(index->Signature(a), band) ==
                       index->KeyOf(index->Signature(b), band);
}
bool LshIndex::BandEq::operator()(uint32_t a, Probe p) const {
  return index->KeyOf(index->Signature(a), band) == p.key;
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
  signatures_.insert(signatures_.end(), sig.begin(), sig.end());
  ++count_;
  for (int b = 0; b < num_bands_; ++b) {
    if (!OwnsBand(sig, b)) continue;
    const auto [it, inserted] = bands_[b].insert(doc);
    if (inserted) continue;  // a new key: doc starts its chain
    uint32_t member = *it;
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

void LshIndex::Candidates(absl::Span<const uint16_t> sig, uint32_t before,
                          std::vector<uint32_t>* out) const {
  const size_t first = out->size();
  for (int b = 0; b < num_bands_; ++b) {
    if (!OwnsBand(sig, b)) continue;
    const auto it = bands_[b].find(Probe{KeyOf(sig, b)});
    if (it == bands_[b].end()) continue;
    // Chains ascend, so stop at the first member that is not earlier.
    for (uint32_t member = *it; member < before;) {
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
  for (const BandTable& t : bands_) n += t.size();
  return n;
}

size_t LshIndex::MemoryUsageBytes() const {
  size_t bytes = signatures_.capacity() * sizeof(uint16_t) + TableBytes(next_);
  for (const BandTable& t : bands_) bytes += TableBytes(t);
  return bytes;
}

void LshIndex::Reserve(size_t docs) {
  signatures_.reserve(docs * signature_size_);
  for (BandTable& t : bands_) t.reserve(docs / std::max(1, num_shards_));
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
