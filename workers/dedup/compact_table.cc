#include "workers/dedup/compact_table.h"

#include <algorithm>

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

// Grow when an insert would pass this load factor. Linear probing stays
// short up to here: about 3.8 probes for a miss (1 + 1/(1-a)^2) / 2 at 0.85,
// and the tag byte rejects almost all of them without touching the key.
constexpr double kMaxLoad = 0.85;
constexpr size_t kMinCapacity = 16;

size_t CapacityFor(size_t n) {
  return std::max(kMinCapacity, static_cast<size_t>(static_cast<double>(n) / kMaxLoad) + 1);
}

bool NeedsGrowth(size_t size_after, size_t capacity) {
  return capacity == 0 || static_cast<double>(size_after) > kMaxLoad * capacity;
}

}  // namespace

uint32_t DocSet::Find(uint64_t hash, EqualFn equal) const {
  if (slots_.empty()) return kNotFound;
  const size_t cap = slots_.size();
  const uint8_t tag = Tag(hash);
  for (size_t i = HashToSlot(hash, cap);; i = i + 1 == cap ? 0 : i + 1) {
    const uint32_t s = slots_[i];
    if (s == 0) return kNotFound;
    if (tags_[i] == tag && equal(s - 1)) return s - 1;
  }
}

void DocSet::Place(uint64_t hash, uint32_t doc) {
  const size_t cap = slots_.size();
  size_t i = HashToSlot(hash, cap);
  while (slots_[i] != 0) i = i + 1 == cap ? 0 : i + 1;
  slots_[i] = doc + 1;
  tags_[i] = Tag(hash);
}

void DocSet::Grow(size_t min_capacity, RehashFn rehash) {
  std::vector<uint32_t> old;
  old.swap(slots_);
  slots_.assign(min_capacity, 0);
  tags_.assign(min_capacity, 0);
  slots_.shrink_to_fit();
  tags_.shrink_to_fit();
  for (const uint32_t s : old) {
    if (s != 0) Place(rehash(s - 1), s - 1);
  }
}

std::pair<uint32_t, bool> DocSet::Insert(uint64_t hash, uint32_t doc, EqualFn equal,
                                         RehashFn rehash) {
  const uint32_t found = Find(hash, equal);
  if (found != kNotFound) return {found, false};
  if (NeedsGrowth(size_ + 1, slots_.size())) {
    Grow(std::max(CapacityFor(size_ + 1), slots_.size() + slots_.size() / 4), rehash);
  }
  Place(hash, doc);
  ++size_;
  return {doc, true};
}

void DocSet::Reserve(size_t n, RehashFn rehash) {
  if (CapacityFor(n) > slots_.size()) Grow(CapacityFor(n), rehash);
}

uint32_t BlockTable::Find(uint64_t hash) const {
  if (slots_.empty()) return kNotFound;
  const size_t cap = slots_.size();
  const uint32_t lo = static_cast<uint32_t>(hash), hi = static_cast<uint32_t>(hash >> 32);
  for (size_t i = HashToSlot(hash, cap);; i = i + 1 == cap ? 0 : i + 1) {
    const Slot& s = slots_[i];
    if (s.doc == kNotFound) return kNotFound;
    if (s.lo == lo && s.hi == hi) return s.doc;
  }
}

bool BlockTable::Insert(uint64_t hash, uint32_t doc) {
  if (Find(hash) != kNotFound) return false;
  if (NeedsGrowth(size_ + 1, slots_.size())) {
    Grow(std::max(CapacityFor(size_ + 1), slots_.size() + slots_.size() / 4));
  }
  const size_t cap = slots_.size();
  size_t i = HashToSlot(hash, cap);
  while (slots_[i].doc != kNotFound) i = i + 1 == cap ? 0 : i + 1;
  slots_[i] = Slot{static_cast<uint32_t>(hash), static_cast<uint32_t>(hash >> 32), doc};
  ++size_;
  return true;
}

void BlockTable::Grow(size_t min_capacity) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(min_capacity, Slot{});
  slots_.shrink_to_fit();
  const size_t cap = slots_.size();
  for (const Slot& s : old) {
    if (s.doc == kNotFound) continue;
    const uint64_t hash = (uint64_t{s.hi} << 32) | s.lo;
    size_t i = HashToSlot(hash, cap);
    while (slots_[i].doc != kNotFound) i = i + 1 == cap ? 0 : i + 1;
    slots_[i] = s;
  }
}

void BlockTable::Reserve(size_t n) {
  if (CapacityFor(n) > slots_.size()) Grow(CapacityFor(n));
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
