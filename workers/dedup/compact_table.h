// Memory-lean open-addressing hash tables for the dedup index.
//
// Every table of the index holds about one entry per document, so their
// overhead is the index's overhead. absl::flat_hash_set doubles its capacity,
// so at a given size its load factor can be anywhere in 0.44..0.875 (at one
// million entries it sits at 0.48: 10.4 bytes per 4-byte entry). These tables
// grow by 1.25x at a 0.85 load factor (so they stay within 0.68..0.85) and
// can be reserved exactly, with linear probing over a flat array and a
// one-byte tag per slot to skip most mismatches without touching the key.
// Chunked arrays replace std::vector for the per-document columns for the
// same reason (no 2x capacity, no copy on growth).
//
//   DocSet set;   // document numbers whose keys live elsewhere
//   auto [doc, inserted] = set.Insert(hash_of_key, 7, equal_key_fn, rehash_fn);
//   BlockTable blocks;   // 64-bit line hash -> first document
//   blocks.Insert(line_hash, 7);
#ifndef GLEANER_WORKERS_DEDUP_COMPACT_TABLE_H_
#define GLEANER_WORKERS_DEDUP_COMPACT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Maps a 64-bit hash to a slot in [0, capacity) without a modulo (Lemire's
// multiply-shift range reduction), so capacities need not be powers of two.
inline size_t HashToSlot(uint64_t hash, size_t capacity) {
  return static_cast<size_t>((static_cast<unsigned __int128>(hash) * capacity) >> 64);
}

// A set of uint32 document numbers keyed by something stored outside the
// table (a signature band, a content hash, an id): the caller supplies the
// key's 64-bit hash and an equality test against a stored document. Holds at
// most one document per key. Not thread-safe. Movable.
class DocSet {
 public:
  static constexpr uint32_t kNotFound = 0xFFFFFFFFu;
  // Hash of a stored document's key (used when growing).
  using RehashFn = absl::FunctionRef<uint64_t(uint32_t doc)>;
  // Whether a stored document has the key being looked up.
  using EqualFn = absl::FunctionRef<bool(uint32_t doc)>;

  // Returns the document with the key, or kNotFound.
  uint32_t Find(uint64_t hash, EqualFn equal) const;

  // Inserts `doc` unless a document with an equal key is present. Returns
  // the document now holding the key and whether `doc` was inserted.
  std::pair<uint32_t, bool> Insert(uint64_t hash, uint32_t doc, EqualFn equal,
                                   RehashFn rehash);

  // Makes room for `n` entries without growing again.
  void Reserve(size_t n, RehashFn rehash);

  size_t size() const { return size_; }
  size_t capacity() const { return slots_.size(); }
  size_t MemoryUsageBytes() const {
    return slots_.capacity() * sizeof(uint32_t) + tags_.capacity();
  }

 private:
  // The slot comes from the hash's high bits; the tag from its low bits.
  static uint8_t Tag(uint64_t hash) { return static_cast<uint8_t>(hash); }
  void Grow(size_t min_capacity, RehashFn rehash);
  void Place(uint64_t hash, uint32_t doc);

  std::vector<uint32_t> slots_;  // doc + 1; 0 = empty
  std::vector<uint8_t> tags_;    // low byte of the key's hash
  size_t size_ = 0;
};

// A map from a 64-bit hash to a uint32 document number, 12 bytes per slot.
// Not thread-safe. Movable.
class BlockTable {
 public:
  static constexpr uint32_t kNotFound = 0xFFFFFFFFu;

  // Returns the document stored for `hash`, or kNotFound.
  uint32_t Find(uint64_t hash) const;
  // Stores `doc` for `hash` unless present; returns whether it was stored.
  // REQUIRES: doc != kNotFound.
  bool Insert(uint64_t hash, uint32_t doc);
  void Reserve(size_t n);

  // Calls fn(hash, doc) for every entry (in no particular order).
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const Slot& s : slots_) {
      if (s.doc != kNotFound) fn((uint64_t{s.hi} << 32) | s.lo, s.doc);
    }
  }

  size_t size() const { return size_; }
  size_t MemoryUsageBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint32_t lo = 0, hi = 0;  // the hash, split to keep the slot 12 bytes
    uint32_t doc = kNotFound;
  };
  static_assert(sizeof(Slot) == 12, "BlockTable slots are 12 bytes");
  void Grow(size_t min_capacity);

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// An append-only array stored in fixed chunks of 2^kChunkBits groups of
// `width` elements. Unlike std::vector it never holds up to twice its size
// in capacity and never copies itself to grow (which would double peak
// memory at a million documents). Not thread-safe. Movable.
template <typename T, int kChunkBits = 12>
class ChunkedArray {
 public:
  // `width` elements per index (e.g. the values of one signature).
  explicit ChunkedArray(size_t width = 1) : width_(width) {}

  // Appends one group of width() elements; returns its index.
  size_t Append(const T* values) {
    const size_t index = size_;
    if ((index >> kChunkBits) == chunks_.size()) {
      chunks_.push_back(std::make_unique<T[]>(width_ << kChunkBits));
    }
    T* dst = chunks_.back().get() + (index & kMask) * width_;
    for (size_t i = 0; i < width_; ++i) dst[i] = values[i];
    ++size_;
    return index;
  }
  size_t Append(const T& value) { return Append(&value); }

  // Returns the first element of group `index`.
  const T* Get(size_t index) const {
    return chunks_[index >> kChunkBits].get() + (index & kMask) * width_;
  }
  T* GetMutable(size_t index) {
    return chunks_[index >> kChunkBits].get() + (index & kMask) * width_;
  }
  const T& operator[](size_t index) const { return *Get(index); }

  size_t size() const { return size_; }
  size_t width() const { return width_; }
  size_t MemoryUsageBytes() const {
    return chunks_.size() * (width_ << kChunkBits) * sizeof(T) +
           chunks_.capacity() * sizeof(chunks_[0]);
  }

 private:
  static constexpr size_t kMask = (size_t{1} << kChunkBits) - 1;
  size_t width_;
  size_t size_ = 0;
  std::vector<std::unique_ptr<T[]>> chunks_;
};

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_COMPACT_TABLE_H_
