// MinHash signatures over character n-gram shingles.
//
// A document's shingles are the windows of `shingle_chars` consecutive code
// points of its folded text (white space dropped; see text_features.h), so
// Korean, where a 5-syllable window spans about one and a half words, is
// shingled by how it is written rather than by English-style words. Each
// shingle is hashed once to 32 bits; each of the `num_permutations` hash
// functions is a multiply-shift h_i(x) = ((a_i * x + b_i) mod 2^64) >> 32 over
// flat arrays of coefficients, a loop GCC vectorises (AVX2 where available).
//
//   GLEANER_ASSIGN_OR_RETURN(MinHasher hasher, MinHasher::Create({}));
//   std::vector<uint32_t> sig = hasher.Compute(NormalizeContent(text));
#ifndef GLEANER_WORKERS_DEDUP_MINHASH_H_
#define GLEANER_WORKERS_DEDUP_MINHASH_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace gleaner {
namespace workers {
namespace dedup {

struct MinHashOptions {
  // Shingle size in code points (5). See docs in deduplicator.h for how it
  // was chosen.
  int shingle_chars = 5;
  // Number of hash functions, i.e. signature length (128); 1..1024.
  int num_permutations = 128;
  // Seed of the hash coefficients; indexes built with different seeds are not
  // comparable.
  uint64_t seed = 0x676c65616e6572ULL;  // "gleaner"
};

// Computes MinHash signatures. Thread-safe (const after creation). Movable
// and copyable.
class MinHasher {
 public:
  // Returns kInvalidArgument for shingle_chars outside 1..16 or
  // num_permutations outside 1..1024.
  static absl::StatusOr<MinHasher> Create(MinHashOptions options);

  const MinHashOptions& options() const { return options_; }

  // Returns the signature of the folded code points (see
  // AppendShingleCodePoints). A text shorter than one shingle is hashed as a
  // single shingle; an empty text gives all-0xFFFFFFFF.
  std::vector<uint32_t> ComputeFromCodePoints(
      absl::Span<const uint32_t> code_points) const;

  // Returns the signature of `text` (folds it first; does not strip markup).
  std::vector<uint32_t> Compute(absl::string_view text) const;

  // Returns the 32-bit shingle hashes of `code_points` (one per window).
  // Exposed for tests and benchmarks.
  void ShingleHashes(absl::Span<const uint32_t> code_points,
                     std::vector<uint32_t>* hashes) const;

 private:
  explicit MinHasher(MinHashOptions options);

  MinHashOptions options_;
  // Multiplier a_i = a_hi_[i] << 32 | a_lo_[i] (odd), one per permutation.
  std::vector<uint32_t> a_lo_;
  std::vector<uint32_t> a_hi_;
  std::vector<uint64_t> b_;  // offsets, one per permutation
};

// Returns the fraction of positions where two equally long signatures agree:
// an unbiased estimate of the Jaccard similarity of the shingle sets.
double SignatureAgreement(absl::Span<const uint32_t> a,
                          absl::Span<const uint32_t> b);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_MINHASH_H_
