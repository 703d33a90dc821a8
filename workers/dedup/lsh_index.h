// Compact MinHash-LSH index: 16-bit signatures plus banded candidate tables.
//
// Memory is the constraint (target <= 256 bytes per document for the whole
// dedup index), so the index keeps, per document, only the low 16 bits of
// each MinHash value ("b-bit MinHash", Li & König 2010) and, per band, a hash
// set of 4-byte document numbers whose keys are recomputed from those values
// instead of being stored. A band key maps to a chain of documents in
// submission order: the first document with the key, then each later one
// that no earlier member covers (the caller decides coverage: in the
// deduplicator, "is a verified near duplicate of"). Copies therefore add no
// entries, while a copy whose first look-alike was refused (say, a report
// with other figures) stays findable. Chain links live in a side table that
// only such documents use; a chain holds at most kMaxChain documents, which
// bounds the work for keys that many unrelated texts share (common
// boilerplate shingles).
//
// Sharding: band keys are split across `num_shards` replicas by a hash of
// (band, key). Every replica keeps all signatures, so each can verify any
// candidate it finds, and the union of the replicas' candidates is exactly the
// candidate set of one unsharded index.
//
//   LshIndex index(/*num_bands=*/16, /*rows_per_band=*/2, 0, 1);
//   std::vector<uint16_t> sig = LshIndex::CompactSignature(minhash_sig);
//   index.Candidates(sig, index.size(), &candidates);
//   uint32_t doc = index.Add(sig, [&](uint32_t member) { return IsDup(member); });
#ifndef GLEANER_WORKERS_DEDUP_LSH_INDEX_H_
#define GLEANER_WORKERS_DEDUP_LSH_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/types/span.h"
#include "workers/dedup/compact_table.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Not thread-safe (the Deduplicator serialises access). Not copyable.
class LshIndex {
 public:
  // REQUIRES: num_bands >= 1, 1 <= rows_per_band <= 4,
  //           0 <= shard_index < num_shards.
  LshIndex(int num_bands, int rows_per_band, int shard_index, int num_shards);
  LshIndex(const LshIndex&) = delete;
  LshIndex& operator=(const LshIndex&) = delete;

  // Longest chain kept per band key; later documents are not chained, which
  // bounds the work of a key that thousands of unrelated documents share.
  static constexpr int kMaxChain = 32;

  // Returns the 16-bit-per-value form of a full MinHash signature.
  static std::vector<uint16_t> CompactSignature(absl::Span<const uint32_t> sig);

  // Returns the estimated Jaccard similarity of two compact signatures,
  // corrected for the 1/65536 chance that two different minima agree.
  static double EstimateJaccard(absl::Span<const uint16_t> a,
                                absl::Span<const uint16_t> b);

  // Values per signature (num_bands * rows_per_band).
  int signature_size() const { return signature_size_; }
  // Number of documents added.
  uint32_t size() const { return count_; }

  // Adds a document's compact signature. For each band key this shard owns,
  // the document starts the key's chain if the key is new, else joins the
  // end of the chain unless `covered(member)` is true for a member (or the
  // chain is full). Returns the document's number (0, 1, 2, ... in order of
  // addition). REQUIRES: sig.size() == signature_size().
  uint32_t Add(absl::Span<const uint16_t> sig,
               absl::FunctionRef<bool(uint32_t member)> covered);
  uint32_t Add(absl::Span<const uint16_t> sig) {
    return Add(sig, [](uint32_t) { return true; });
  }

  // Adds a document as Add() did before, from a snapshot: `links` lists the
  // (band, member) pairs where Add() appended it after chain member
  // `member`, so no coverage has to be recomputed.
  uint32_t AddRestored(absl::Span<const uint16_t> sig,
                       absl::Span<const std::pair<uint16_t, uint32_t>> links);

  // Calls fn(member, band, doc) for every chain link (document `doc` follows
  // `member` in the chain of `band`), in no particular order.
  template <typename Fn>
  void ForEachLink(Fn fn) const {
    for (const auto& [key, doc] : next_) {
      fn(static_cast<uint32_t>(key >> 10), static_cast<uint16_t>(key & 1023), doc);
    }
  }

  // Appends to *out the distinct documents (numbers < `before`) that share an
  // owned band key with `sig`, in increasing order.
  void Candidates(absl::Span<const uint16_t> sig, uint32_t before,
                  std::vector<uint32_t>* out) const;

  // Returns the compact signature of document `doc`.
  absl::Span<const uint16_t> Signature(uint32_t doc) const {
    return absl::MakeConstSpan(signatures_.Get(doc), signature_size_);
  }

  // Returns true if this shard owns the key of `band` in `sig`.
  bool OwnsBand(absl::Span<const uint16_t> sig, int band) const;

  // Returns the number of band-table entries, chained ones included.
  size_t band_entries() const;
  // Returns the approximate bytes held (signatures and band tables).
  size_t MemoryUsageBytes() const;
  // Reserves room for `docs` documents (avoids rehash spikes in bulk loads).
  void Reserve(size_t docs);

 private:
  uint64_t KeyOf(absl::Span<const uint16_t> sig, int band) const;
  static size_t HashKey(uint64_t key, int band);
  static uint64_t LinkKey(uint32_t doc, int band) {
    return (uint64_t{doc} << 10) | static_cast<uint64_t>(band);
  }

  const int num_bands_;
  const int rows_per_band_;
  const int signature_size_;
  const int shard_index_;
  const int num_shards_;
  uint32_t count_ = 0;
  ChunkedArray<uint16_t> signatures_;
  std::vector<DocSet> bands_;  // key -> first document of its chain
  // (document, band) -> next document with the same band key.
  absl::flat_hash_map<uint64_t, uint32_t> next_;
};

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_LSH_INDEX_H_
