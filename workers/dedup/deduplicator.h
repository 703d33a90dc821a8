// Gleaner's dedup stage: exact, near-duplicate and repeated-block detection
// with a persistent, shardable index.
//
// For each document (in submission order) the Deduplicator
//   1. hashes its normalised content (markup and white space collapsed): an
//      equal hash of an earlier document makes it an exact duplicate;
//   2. computes a MinHash signature over character shingles (white space
//      dropped, so Korean is compared as written) and looks up LSH band
//      candidates; a candidate whose estimated Jaccard similarity reaches
//      `threshold` and whose figures agree (see min_figures_kept) makes
//      it a near duplicate;
//   3. marks lines repeated inside the document (a listing page printing each
//      title twice) or first seen in an earlier document (newsletter footers);
//   4. appends one checksummed record to an fsync'd log before returning, so
//      the verdict and the document's index entries survive a restart
//      (concurrent callers share each fdatasync: group commit).
//
//   DedupOptions options;
//   options.index_dir = "/var/lib/gleaner/dedup";
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<Deduplicator> dedup,
//                            Deduplicator::Create(options));
//   GLEANER_ASSIGN_OR_RETURN(DedupVerdict v, dedup->Process("doc-1", text));
//   if (v.kind != DuplicateKind::kUnique) skip(v.duplicate_of);
//
// Defaults were chosen on the evaluation set built by tools/dedup_eval (see
// its README for the measurements): 5-code-point shingles, 16 bands x 2 rows
// (32 MinHash values kept as 16 bits each), threshold 0.35, shingles from
// prose lines of 50+ code points when a document has enough of them.
//
// Sharding: with num_shards = N, replica i owns the exact-hash entries, LSH
// band keys and block hashes whose stable hash falls in its share, and keeps
// the small per-document tables (ids, verdicts, 64-byte signatures, number
// sketches) in full, so that it can verify any candidate it finds: about
// 125 bytes per document replicated plus (107 bytes + 16 per line) / N.
// Because a band key's whole chain lives on one replica and verification
// uses replicated data only, the replicas' candidate sets partition the
// single index's candidate set exactly. Sending
// every document to all N replicas in the same order and combining their
// verdicts with MergeShardVerdicts gives the verdict one replica would give
// (kind, duplicate_of, similarity, repeated blocks; ties between replicas are
// broken by duplicate_of_sequence, so carry that field across the wire).
// Cluster ids chain through earlier verdicts, which no single replica fully
// knows: after merging, pass the merged verdict back to every replica with
// RecordMergedVerdict, or a cluster id may name a later link of the chain
// instead of its first document.
#ifndef GLEANER_WORKERS_DEDUP_DEDUPLICATOR_H_
#define GLEANER_WORKERS_DEDUP_DEDUPLICATOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "workers/dedup/index_log.h"

namespace gleaner {
namespace workers {
namespace dedup {

struct DedupOptions {
  // Directory of the persistent index ("" = in memory only). Created if
  // missing. An index must be reopened with the same shingle_chars,
  // num_bands, rows_per_band, shard_index, num_shards, seed, min_block_chars
  // and prose settings, which decide what is stored (checked:
  // kFailedPrecondition). threshold and the figures gate may change.
  std::string index_dir;
  // Shingle size in code points (5). With 4, recall on the evaluation set was
  // within a point, but unrelated same-story articles came closer (max
  // Jaccard 0.14 vs 0.11); 3 brings them to 0.19.
  int shingle_chars = 5;
  // LSH shape (16 bands x 2 rows = 32 MinHash values of 16 bits). Candidate
  // probability 1 - (1 - s^2)^16 is 0.87 at s = 0.35, 0.96 at s = 0.45 and
  // 0.999 at s = 0.65 (a copy with 10% of its words edited); rows_per_band is
  // at most 4. Longer bands (x3, x4) lost 2-4 points of recall on the
  // evaluation set; more bands cost 8 bytes per document each.
  int num_bands = 16, rows_per_band = 2;
  // Estimated Jaccard similarity needed for a near duplicate (0.35).
  // Measured: unrelated articles on one story reach 0.11 at most; a copy with
  // 10% of its words edited is at 0.55-0.7; 0.3 and 0.4 were within a point
  // of recall (tools/dedup_eval/README.md).
  double threshold = 0.35;
  // This replica's share of the index: 0 <= shard_index < num_shards (0, 1).
  int shard_index = 0, num_shards = 1;
  // Seed of every hash the index stores.
  uint64_t seed = 0x676c65616e6572ULL;
  // Figures gate. Let kept(a, b) be the fraction of a's distinct numbers
  // (two or more digits) that also occur in b, estimated from 128-bit
  // sketches and corrected for chance bit collisions, and s the estimated
  // similarity. A near-duplicate candidate is refused when, in BOTH
  // directions, more than figures_slack (1) numbers are missing and
  // kept < min(min_figures_kept (0.75), 2s/(1+s) - figures_margin (0.25)),
  // 2s/(1+s) being the share of shingles the two texts keep: the figures
  // must survive about as well as the words. Two market reports that differ in their figures lose numbers both
  // ways while sharing their wording, and do not merge; a copy whose page
  // chrome adds dates and view counts keeps all of the original's numbers;
  // an edited copy that lost a sentence lost that sentence's figures only.
  // min_figures_kept = 0 disables the gate.
  double min_figures_kept = 0.75;
  double figures_margin = 0.25;
  int figures_slack = 1;
  // Prose filter for near-duplicate features. Prose lines are lines of at
  // least min_prose_line_chars (50) non-space code points or ending with
  // '.', '?' or '!'. When they hold at least min_prose_fraction (0.25) of a
  // document's text (and 100+ code points), only they are shingled: menus,
  // bylines, dates, share bars and related headlines are short lines
  // without a full stop, and the same story on two portals comes in
  // different chrome. Otherwise (a listing, a text re-wrapped into short lines) the
  // whole text is. The exact-duplicate hash always covers the whole text.
  // 0 disables.
  int min_prose_line_chars = 50;
  double min_prose_fraction = 0.25;
  // Lines shorter than this many code points (white space excluded) are not
  // reported or indexed as repeated blocks (8), nor lines without a letter:
  // "검색", "- IT/바이오" (markers are not counted) and "2026-01-27" are not.
  int min_block_chars = 8;
  // fdatasync every log append (true). false only for benchmarks.
  bool sync = true;
  // Write a snapshot of the index every this many documents (1000000; 0 =
  // only on Snapshot()). Reopening loads the snapshot (tables sized once, no
  // LSH chain decisions recomputed) and replays only the log records after
  // it. The log itself is never truncated: it stays the source of truth, and
  // a missing, corrupt or foreign snapshot is ignored. Writing one pauses
  // Process() for about a second per million documents.
  size_t snapshot_every_documents = 1000000;
  // Documents to size the tables for up front (0 = grow as needed). Tables
  // grow by 1.25x; reserving avoids the copy at each growth step.
  size_t expected_documents = 0;
  // Largest accepted document (16 MiB): kResourceExhausted above.
  size_t max_document_bytes = 16u << 20;
};

enum class DuplicateKind { kUnique, kExact, kNear };

// Returns "unique", "exact" or "near".
absl::string_view DuplicateKindName(DuplicateKind kind);

// Checks the index log in `index_dir` offline, reading only: how many
// records are intact and whether the log is damaged in the middle (which
// Deduplicator::Create refuses). Backs `gleaner dedup-check DIR`.
absl::StatusOr<IndexLog::CheckReport> CheckIndexLog(const std::string& index_dir);

struct RepeatedBlock {
  size_t begin = 0, end = 0;     // byte offsets of the repeated copy in this document's text
  size_t first_begin = 0;        // offset of the first copy in this document, if within-document
  bool cross_document = false;   // true: first seen in another document
  std::string first_document_id; // when cross_document

  bool operator==(const RepeatedBlock& o) const {
    return begin == o.begin && end == o.end && first_begin == o.first_begin &&
           cross_document == o.cross_document &&
           first_document_id == o.first_document_id;
  }
};

struct DedupVerdict {
  DuplicateKind kind = DuplicateKind::kUnique;
  std::string duplicate_of;      // id of the earlier document (exact or near), else empty
  std::string cluster_id;        // id of the first document of this document's cluster
                                 // (its own id when unique)
  double similarity = 0.0;       // estimated Jaccard with duplicate_of (1.0 for exact)
  std::vector<RepeatedBlock> repeated_blocks;  // sorted by begin
  // Submission number (0-based) of duplicate_of, -1 when unique; breaks ties
  // in MergeShardVerdicts.
  int64_t duplicate_of_sequence = -1;
  // Submission number of this document.
  int64_t sequence = -1;

  bool operator==(const DedupVerdict& o) const {
    return kind == o.kind && duplicate_of == o.duplicate_of &&
           cluster_id == o.cluster_id && similarity == o.similarity &&
           repeated_blocks == o.repeated_blocks &&
           duplicate_of_sequence == o.duplicate_of_sequence &&
           sequence == o.sequence;
  }
};

// Sizes of the index, for monitoring and the scale benchmark.
struct DedupStats {
  size_t documents = 0;
  // Bytes of the document tables (ids, verdicts, content hashes, number
  // sketches), the LSH index (signatures, band tables, chains) and the block
  // table (line hash -> first document).
  size_t document_bytes = 0, lsh_bytes = 0, block_bytes = 0;
  size_t band_entries = 0;   // LSH band-table entries, chained ones included
  size_t block_entries = 0;  // distinct lines indexed
};

class DedupIndex;

// Thread-safe (internally synchronised; signature computation runs outside
// the lock). Not copyable or movable.
class Deduplicator {
 public:
  // Opens or creates the index. Returns kInvalidArgument for bad options,
  // kFailedPrecondition when index_dir holds an index built with other
  // options, and file-system errors from reading the log.
  static absl::StatusOr<std::unique_ptr<Deduplicator>> Create(DedupOptions options);

  ~Deduplicator();
  Deduplicator(const Deduplicator&) = delete;
  Deduplicator& operator=(const Deduplicator&) = delete;

  // Checks `text` against everything indexed so far, then indexes it. Durable
  // when it returns OK. Re-processing an id already indexed returns the
  // verdict recorded for it (idempotent retries; the text is only used to
  // recompute repeated-block offsets). Returns kInvalidArgument for an empty
  // id, kResourceExhausted for a document over max_document_bytes, and I/O
  // errors from the log: after a failed write nothing was indexed; after a
  // failed fdatasync every later call fails too (the kernel may have dropped
  // the pages, so durability can no longer be promised; restart to recover
  // from the log).
  absl::StatusOr<DedupVerdict> Process(absl::string_view document_id,
                                       absl::string_view text);

  // Records the verdict that MergeShardVerdicts produced for `document_id`
  // so that later documents matching it report the global cluster id. Only
  // needed with num_shards > 1; with one shard it checks nothing and returns
  // OK. REQUIRES: called before the next Process() on this replica. Returns
  // kNotFound for an id never processed.
  absl::Status RecordMergedVerdict(absl::string_view document_id,
                                   const DedupVerdict& merged);

  // Writes a snapshot of everything indexed so far (see
  // snapshot_every_documents); waits for the log to be on disk first. OK and
  // nothing written for an in-memory index.
  absl::Status Snapshot();

  size_t document_count() const;
  // Returns approximate bytes held by the index.
  size_t MemoryUsageBytes() const;
  // Returns a breakdown of the index's size.
  DedupStats Stats() const;
  const DedupOptions& options() const { return options_; }

 private:
  explicit Deduplicator(DedupOptions options);

  const DedupOptions options_;
  std::unique_ptr<DedupIndex> index_;
};

// Merges the verdicts of all shards for one document into the verdict one
// unsharded index would give: an exact verdict wins; otherwise the near
// verdict with the highest similarity (ties: earliest duplicate_of); repeated
// blocks are united, a cross-document report winning over a within-document
// one for the same span.
DedupVerdict MergeShardVerdicts(absl::Span<const DedupVerdict> shard_verdicts);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_DEDUPLICATOR_H_
