#include "workers/dedup/deduplicator.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "services/common/status_macros.h"
#include "workers/dedup/compact_table.h"
#include "workers/dedup/hashing.h"
#include "workers/dedup/index_log.h"
#include "workers/dedup/lsh_index.h"
#include "workers/dedup/minhash.h"
#include "workers/dedup/text_features.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;
constexpr uint64_t kExactSalt = 0x6578616374ULL;  // "exact"
constexpr uint64_t kBlockSalt = 0x626c6f636bULL;  // "block"
constexpr uint64_t kOwnerSalt = 0x6f776e6572ULL;  // "owner"
constexpr absl::string_view kLogFile = "dedup.log";
constexpr absl::string_view kFormat = "gleaner-dedup-v1";

// Log record types (first payload byte).
enum RecordType : uint8_t {
  kHeaderRecord = 0,   // options fingerprint; first record of every log
  kDocumentRecord = 1, // one processed document
  kClusterRecord = 2,  // RecordMergedVerdict feedback
  // Snapshot file records.
  kSnapshotHeader = 10,    // fingerprint, documents, log position covered
  kSnapshotDocument = 11,  // a document record plus its LSH chain links
  kSnapshotEnd = 12,       // document count again: the file is complete
};
constexpr absl::string_view kSnapshotFile = "dedup.snapshot";

// A verdict as computed (and logged).
struct DocRecord {
  uint32_t duplicate_of = kNone;
  uint32_t cluster = kNone;
  uint16_t similarity_q = 0;  // similarity * 65535, rounded
  uint8_t kind = 0;           // DuplicateKind
};

// A verdict as held in memory: 8 bytes. The kind rides in the top two bits
// of duplicate_of, and the similarity is recomputed from the two signatures
// when a retry asks for it (deterministically the same value).
class PackedRecord {
 public:
  static constexpr uint32_t kDocMask = 0x3FFFFFFFu;
  PackedRecord() = default;
  explicit PackedRecord(const DocRecord& r)
      : duplicate_of_((r.duplicate_of & kDocMask) | (uint32_t{r.kind} << 30)),
        cluster_(r.cluster) {}
  uint8_t kind() const { return static_cast<uint8_t>(duplicate_of_ >> 30); }
  uint32_t duplicate_of() const {
    const uint32_t d = duplicate_of_ & kDocMask;
    return d == kDocMask ? kNone : d;
  }
  uint32_t cluster() const { return cluster_; }
  void set_cluster(uint32_t c) { cluster_ = c; }

 private:
  uint32_t duplicate_of_ = kDocMask;
  uint32_t cluster_ = kNone;
};
static_assert(sizeof(PackedRecord) == 8, "PackedRecord is 8 bytes by design");

uint16_t QuantizeSimilarity(double s) {
  return static_cast<uint16_t>(std::lround(std::clamp(s, 0.0, 1.0) * 65535.0));
}
double DequantizeSimilarity(uint16_t q) { return q / 65535.0; }

// Returns true if replica `shard` of `num_shards` owns `hash`.
bool Owns(uint64_t hash, uint64_t salt, int shard, int num_shards) {
  if (num_shards <= 1) return true;
  return static_cast<int>((Mix64(hash ^ salt ^ kOwnerSalt) >> 32) %
                          static_cast<uint64_t>(num_shards)) == shard;
}

// --- Little-endian record encoding -----------------------------------------

class Writer {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Fixed(v, 2); }
  void U32(uint32_t v) { Fixed(v, 4); }
  void U64(uint64_t v) { Fixed(v, 8); }
  void Bytes(absl::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  std::string& str() { return out_; }

 private:
  void Fixed(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(absl::string_view in) : in_(in) {}
  bool U8(uint8_t* v) { return Fixed(v, 1); }
  bool U16(uint16_t* v) { return Fixed(v, 2); }
  bool U32(uint32_t* v) { return Fixed(v, 4); }
  bool U64(uint64_t* v) { return Fixed(v, 8); }
  bool Bytes(absl::string_view* s) {
    uint32_t n;
    if (!U32(&n) || in_.size() < n) return false;
    *s = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  bool Raw(size_t n, absl::string_view* s) {
    if (in_.size() < n) return false;
    *s = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  template <typename T>
  bool Fixed(T* v, int n) {
    if (in_.size() < static_cast<size_t>(n)) return false;
    uint64_t x = 0;
    for (int i = 0; i < n; ++i) x |= uint64_t{static_cast<unsigned char>(in_[i])} << (8 * i);
    *v = static_cast<T>(x);
    in_.remove_prefix(n);
    return true;
  }
  absl::string_view in_;
};

std::string OptionsFingerprint(const DedupOptions& o) {
  return absl::StrCat(kFormat, " shingle_chars=", o.shingle_chars,
                      " num_bands=", o.num_bands, " rows_per_band=", o.rows_per_band,
                      " shard=", o.shard_index, "/", o.num_shards, " seed=", o.seed,
                      " min_block_chars=", o.min_block_chars,
                      " prose=", o.min_prose_line_chars, "/", o.min_prose_fraction);
}

absl::Status ValidateOptions(const DedupOptions& o) {
  if (o.shingle_chars < 1 || o.shingle_chars > 16) {
    return absl::InvalidArgumentError(
        absl::StrCat("shingle_chars must be in 1..16, got ", o.shingle_chars));
  }
  if (o.num_bands < 1 || o.num_bands > 256) {
    return absl::InvalidArgumentError(
        absl::StrCat("num_bands must be in 1..256, got ", o.num_bands));
  }
  if (o.rows_per_band < 1 || o.rows_per_band > 4) {
    return absl::InvalidArgumentError(
        absl::StrCat("rows_per_band must be in 1..4, got ", o.rows_per_band));
  }
  if (o.num_bands * o.rows_per_band > 1024) {
    return absl::InvalidArgumentError("num_bands * rows_per_band exceeds 1024");
  }
  if (!(o.threshold > 0.0 && o.threshold <= 1.0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("threshold must be in (0, 1], got ", o.threshold));
  }
  if (o.num_shards < 1 || o.shard_index < 0 || o.shard_index >= o.num_shards) {
    return absl::InvalidArgumentError(absl::StrCat(
        "need 0 <= shard_index < num_shards, got ", o.shard_index, "/", o.num_shards));
  }
  if (o.min_figures_kept < 0.0 || o.min_figures_kept > 1.0 || o.figures_margin < 0.0) {
    return absl::InvalidArgumentError("min_figures_kept must be in [0, 1]");
  }
  if (o.min_block_chars < 1) {
    return absl::InvalidArgumentError("min_block_chars must be >= 1");
  }
  return absl::OkStatus();
}

absl::Status MakeDirectories(const std::string& dir) {
  std::string path;
  for (size_t i = 0; i <= dir.size(); ++i) {
    if (i == dir.size() || (dir[i] == '/' && i > 0)) {
      path = dir.substr(0, i);
      if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
        return absl::InternalError(
            absl::StrCat("mkdir ", path, ": ", std::strerror(errno)));
      }
    }
  }
  return absl::OkStatus();
}

// Document ids, length-prefixed in 64 KiB chunks (an id never straddles
// two), addressed by a 32-bit location: chunk << 16 | offset.
class IdArena {
 public:
  static constexpr size_t kChunkBytes = size_t{1} << 16;
  static constexpr size_t kMaxIdBytes = 4096;

  // REQUIRES: id.size() <= kMaxIdBytes.
  absl::StatusOr<uint32_t> Append(absl::string_view id) {
    const size_t need = 2 + id.size();
    if (chunks_.empty() || used_ + need > kChunkBytes) {
      if (chunks_.size() == (size_t{1} << 16)) {
        return absl::ResourceExhaustedError("document id arena exceeds 4 GiB");
      }
      chunks_.push_back(std::make_unique<char[]>(kChunkBytes));
      used_ = 0;
    }
    char* p = chunks_.back().get() + used_;
    p[0] = static_cast<char>(id.size() & 0xff);
    p[1] = static_cast<char>(id.size() >> 8);
    std::memcpy(p + 2, id.data(), id.size());
    const uint32_t location = static_cast<uint32_t>(((chunks_.size() - 1) << 16) | used_);
    used_ += need;
    return location;
  }

  absl::string_view Get(uint32_t location) const {
    const char* p = chunks_[location >> 16].get() + (location & 0xffff);
    const size_t n = static_cast<unsigned char>(p[0]) |
                     (static_cast<size_t>(static_cast<unsigned char>(p[1])) << 8);
    return absl::string_view(p + 2, n);
  }

  size_t MemoryUsageBytes() const {
    return chunks_.size() * kChunkBytes + chunks_.capacity() * sizeof(chunks_[0]);
  }

 private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t used_ = 0;
};

}  // namespace

// Everything computed from a document's text, before taking the lock.
struct DocumentFeatures {
  uint64_t exact_hash = 0;
  NumberSketch number_sketch;
  std::vector<uint16_t> signature;  // compact (16 bits per MinHash value)
  std::vector<Block> blocks;       // lines of at least min_block_chars
};

// The in-memory index. Not thread-safe: DedupIndex serialises access.
class IndexState {
 public:
  explicit IndexState(const DedupOptions& options, MinHasher hasher)
      : options_(options),
        hasher_(std::move(hasher)),
        lsh_(options.num_bands, options.rows_per_band, options.shard_index,
             options.num_shards) {
    if (options.expected_documents > 0) Reserve(options.expected_documents);
  }

  // True when `doc` was indexed with this signature (a retry of the same
  // document, as opposed to new content under a reused id).
  bool HasSignature(uint32_t doc, absl::Span<const uint16_t> signature) const {
    return lsh_.Signature(doc) == signature;
  }

  // Sizes every table for `n` documents (avoids growth spikes).
  void Reserve(size_t n) {
    lsh_.Reserve(n);
    ids_.Reserve(n, [&](uint32_t doc) { return IdHash(Id(doc)); });
    exact_.Reserve(n / options_.num_shards + 1,
                   [&](uint32_t doc) { return exact_hashes_[doc]; });
  }

  DocumentFeatures ComputeFeatures(absl::string_view text) const {
    DocumentFeatures f;
    const std::string normalized = NormalizeContent(text);
    f.exact_hash = StableHash64(normalized, options_.seed ^ kExactSalt);
    const std::vector<Block> lines = SplitBlocks(text, options_.seed ^ kBlockSalt);

    // Near-duplicate features come from the prose lines when there is enough
    // prose: page chrome (menus, bylines, dates, share bars, related
    // headlines) is short lines, and two portals wrap one story in different
    // chrome. A re-wrapped or line-less text falls back to everything.
    size_t total = 0, prose = 0;
    for (const Block& b : lines) {
      total += b.code_points;
      if (IsProse(text, b)) prose += b.code_points;
    }
    std::vector<uint32_t> code_points;
    code_points.reserve(normalized.size() / 2);
    // Too little prose would make unrelated short texts look alike.
    constexpr size_t kMinProse = 100;
    if (options_.min_prose_line_chars > 0 && prose >= kMinProse &&
        static_cast<double>(prose) >= options_.min_prose_fraction * total) {
      std::string prose_text;
      for (const Block& b : lines) {
        if (!IsProse(text, b)) continue;
        prose_text.append(text.data() + b.begin, b.end - b.begin);
        prose_text.push_back('\n');
      }
      const std::string normalized_prose = NormalizeContent(prose_text);
      AppendShingleCodePoints(normalized_prose, &code_points);
      f.number_sketch = ComputeNumberSketch(normalized_prose);
    } else {
      AppendShingleCodePoints(normalized, &code_points);
      f.number_sketch = ComputeNumberSketch(normalized);
    }
    f.signature = LshIndex::CompactSignature(hasher_.ComputeFromCodePoints(code_points));

    for (const Block& b : lines) {
      // A block needs a letter: bare dates and counters ("2026-01-27",
      // "1,619") repeat on every page without being content.
      if (b.code_points >= static_cast<size_t>(options_.min_block_chars) &&
          b.letters > 0) {
        f.blocks.push_back(b);
      }
    }
    return f;
  }

  // Returns whether line `b` of `text` is prose: long, or ending like a
  // sentence. Short sentences count so that articles written in one-line
  // paragraphs do not flip between prose and whole-text shingling when an
  // edit moves a line across the length limit; chrome lines (menus, bylines,
  // headlines, "많이 본 뉴스") rarely end with a full stop.
  bool IsProse(absl::string_view text, const Block& b) const {
    if (b.code_points >= static_cast<size_t>(options_.min_prose_line_chars)) return true;
    size_t end = b.end;
    while (end > b.begin) {
      // Step back over closing quotes and brackets (ASCII or 3-byte UTF-8).
      const unsigned char c = static_cast<unsigned char>(text[end - 1]);
      if (c == '"' || c == '\'' || c == ')' || c == ']') {
        --end;
      } else if (end - b.begin >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" ||  // ”
                                        text.substr(end - 3, 3) == "\xE2\x80\x99")) {  // ’
        end -= 3;
      } else {
        break;
      }
    }
    if (end == b.begin) return false;
    const char last = text[end - 1];
    return last == '.' || last == '?' || last == '!';
  }

  uint32_t size() const { return lsh_.size(); }

  absl::string_view Id(uint32_t doc) const { return id_arena_.Get(id_locations_[doc]); }

  // Returns the number of the document with `id`, or kNone.
  uint32_t FindId(absl::string_view id) const {
    return ids_.Find(IdHash(id), [&](uint32_t doc) { return Id(doc) == id; });
  }

  // Computes the exact/near part of a new document's verdict.
  DocRecord Judge(const DocumentFeatures& f, uint32_t doc) const {
    DocRecord rec;
    rec.cluster = doc;
    if (Owns(f.exact_hash, kExactSalt, options_.shard_index, options_.num_shards)) {
      const uint32_t first = exact_.Find(
          f.exact_hash, [&](uint32_t other) { return exact_hashes_[other] == f.exact_hash; });
      if (first != DocSet::kNotFound && first < doc) {
        rec.kind = static_cast<uint8_t>(DuplicateKind::kExact);
        rec.duplicate_of = first;
        rec.cluster = records_[first].cluster();
        rec.similarity_q = 65535;
        return rec;
      }
    }
    std::vector<uint32_t> candidates;
    lsh_.Candidates(f.signature, doc, &candidates);
    uint16_t best_q = 0;
    uint32_t best = kNone;
    for (const uint32_t c : candidates) {
      uint16_t q;
      if (!Covers(c, f.signature, f.number_sketch, &q)) continue;
      if (best == kNone || q > best_q) {  // candidates ascend: ties keep earliest
        best = c;
        best_q = q;
      }
    }
    if (best != kNone) {
      rec.kind = static_cast<uint8_t>(DuplicateKind::kNear);
      rec.duplicate_of = best;
      rec.cluster = records_[best].cluster();
      rec.similarity_q = best_q;
    }
    return rec;
  }

  // Returns whether indexed document `member` is a near duplicate of a
  // document with `signature` and `numbers`: estimated Jaccard similarity at
  // least the threshold and agreeing figures. Stores the quantised
  // similarity in *q. Also decides LSH chain membership (see LshIndex::Add),
  // so log replay, which has no text, can recompute it.
  bool Covers(uint32_t member, absl::Span<const uint16_t> signature,
              const NumberSketch& numbers, uint16_t* q) const {
    *q = QuantizeSimilarity(LshIndex::EstimateJaccard(signature, lsh_.Signature(member)));
    const double similarity = DequantizeSimilarity(*q);
    return similarity >= options_.threshold &&
           FiguresAgree(numbers, number_sketches_[member], similarity);
  }

  // Returns whether the figures of two documents agree well enough for a
  // near-duplicate verdict (see DedupOptions::min_figures_kept).
  bool FiguresAgree(const NumberSketch& a, const NumberSketch& b, double similarity) const {
    if (options_.min_figures_kept <= 0.0) return true;
    // Figures must survive about as well as the words: a copy that lost a
    // line lost that line's figures too, but a report whose figures changed
    // far more than its words is another report. 2s / (1 + s) is the share
    // of one side's shingles found in the other when both are equally long.
    const double containment = 2.0 * similarity / (1.0 + similarity);
    const double needed =
        std::min(options_.min_figures_kept, containment - options_.figures_margin);
    // One direction keeping its figures is enough: added chrome only adds.
    return FiguresKept(a, b, needed) || FiguresKept(b, a, needed);
  }

  // Returns whether sketch `from` keeps at least `needed` of its figures in
  // sketch `to`.
  bool FiguresKept(const NumberSketch& from, const NumberSketch& to, double needed) const {
    const int total = from.Count();
    const int missing = from.MissingFrom(to);
    // The slack forgives an edit that touched a figure or two of many; it
    // does not apply when those were most of the figures.
    if (missing == 0 || (missing <= options_.figures_slack && 2 * missing < total)) {
      return true;
    }
    // A bit of `from` also set in `to` may be a different number that hashed
    // to the same bit: with a fraction `fill` of `to`'s bits set, a share k of
    // kept figures shows as k + (1 - k) * fill. Invert that.
    const double fill = to.Count() / static_cast<double>(NumberSketch::kBits);
    const double observed = static_cast<double>(total - missing) / total;
    const double kept = fill >= 1.0 ? 1.0 : (observed - fill) / (1.0 - fill);
    return kept >= needed;
  }

  // Returns the owned block hashes of `f` not yet in the block table
  // (distinct, in order of first occurrence).
  std::vector<uint64_t> NewBlocks(const DocumentFeatures& f) const {
    std::vector<uint64_t> out;
    absl::flat_hash_set<uint64_t> seen;
    for (const Block& b : f.blocks) {
      if (!OwnsBlock(b.hash) || blocks_.Find(b.hash) != BlockTable::kNotFound) continue;
      if (seen.insert(b.hash).second) out.push_back(b.hash);
    }
    return out;
  }

  bool OwnsBlock(uint64_t hash) const {
    return Owns(hash, kBlockSalt, options_.shard_index, options_.num_shards);
  }

  // Returns the repeated blocks of document `doc` with blocks `blocks`,
  // looking only at block-table entries of earlier documents (so a retry
  // reproduces the first answer).
  std::vector<RepeatedBlock> RepeatedBlocks(absl::Span<const Block> blocks,
                                            uint32_t doc) const {
    std::vector<RepeatedBlock> out;
    absl::flat_hash_map<uint64_t, size_t> first_in_doc;
    for (const Block& b : blocks) {
      uint32_t first_doc = kNone;
      if (OwnsBlock(b.hash)) {
        const uint32_t first = blocks_.Find(b.hash);
        if (first != BlockTable::kNotFound && first < doc) first_doc = first;
      }
      const auto [it, inserted] = first_in_doc.emplace(b.hash, b.begin);
      if (first_doc != kNone) {
        RepeatedBlock r;
        r.begin = b.begin;
        r.end = b.end;
        r.first_begin = it->second;
        r.cross_document = true;
        r.first_document_id = std::string(Id(first_doc));
        out.push_back(std::move(r));
      } else if (!inserted) {
        RepeatedBlock r;
        r.begin = b.begin;
        r.end = b.end;
        r.first_begin = it->second;
        out.push_back(std::move(r));
      }
    }
    return out;
  }

  DedupVerdict MakeVerdict(uint32_t doc, const DocRecord& rec,
                           absl::Span<const Block> blocks) const {
    DedupVerdict v;
    v.kind = static_cast<DuplicateKind>(rec.kind);
    v.sequence = doc;
    if (rec.duplicate_of != kNone) {
      v.duplicate_of = std::string(Id(rec.duplicate_of));
      v.duplicate_of_sequence = rec.duplicate_of;
      v.similarity = DequantizeSimilarity(rec.similarity_q);
    }
    v.cluster_id = std::string(rec.cluster == doc ? Id(doc) : Id(rec.cluster));
    v.repeated_blocks = RepeatedBlocks(blocks, doc);
    return v;
  }

  // Returns the recorded verdict of `doc`.
  DocRecord record(uint32_t doc) const {
    const PackedRecord& p = records_[doc];
    DocRecord r;
    r.kind = p.kind();
    r.duplicate_of = p.duplicate_of();
    r.cluster = p.cluster();
    if (r.kind == static_cast<uint8_t>(DuplicateKind::kExact)) {
      r.similarity_q = 65535;
    } else if (r.kind == static_cast<uint8_t>(DuplicateKind::kNear)) {
      r.similarity_q = QuantizeSimilarity(
          LshIndex::EstimateJaccard(lsh_.Signature(doc), lsh_.Signature(r.duplicate_of)));
    }
    return r;
  }

  // Encodes a document record for the log.
  static std::string EncodeDocument(absl::string_view id, const DocRecord& rec,
                                    const DocumentFeatures& f,
                                    absl::Span<const uint64_t> new_blocks) {
    Writer w;
    w.U8(kDocumentRecord);
    w.Bytes(id);
    w.U8(rec.kind);
    w.U32(rec.duplicate_of);
    w.U32(rec.cluster);
    w.U16(rec.similarity_q);
    w.U64(f.exact_hash);
    w.U64(f.number_sketch.bits[0]);
    w.U64(f.number_sketch.bits[1]);
    w.U32(static_cast<uint32_t>(f.signature.size()));
    for (const uint16_t v : f.signature) w.U16(v);
    w.U32(static_cast<uint32_t>(new_blocks.size()));
    for (const uint64_t h : new_blocks) w.U64(h);
    return std::move(w.str());
  }

  // Adds a document to every in-memory table.
  absl::Status Apply(absl::string_view id, const DocRecord& rec,
                     uint64_t exact_hash, const NumberSketch& number_sketch,
                     absl::Span<const uint16_t> signature,
                     absl::Span<const uint64_t> new_blocks,
                     const std::vector<std::pair<uint16_t, uint32_t>>* links = nullptr) {
    if (signature.size() != static_cast<size_t>(lsh_.signature_size())) {
      return absl::DataLossError("signature length does not match the index");
    }
    const uint32_t doc = lsh_.size();
    if (doc == kNone - 1) return absl::ResourceExhaustedError("index is full");
    if (doc > PackedRecord::kDocMask - 1) {
      return absl::ResourceExhaustedError("index holds 2^30 documents");
    }
    if (id.size() > IdArena::kMaxIdBytes) {
      return absl::DataLossError("document id too long in log");
    }
    GLEANER_ASSIGN_OR_RETURN(const uint32_t location, id_arena_.Append(id));
    id_locations_.Append(location);
    records_.Append(PackedRecord(rec));
    exact_hashes_.Append(exact_hash);
    number_sketches_.Append(number_sketch);
    if (links != nullptr) {
      lsh_.AddRestored(signature, *links);
    } else {
      lsh_.Add(signature, [&](uint32_t member) {
        uint16_t q;
        return Covers(member, signature, number_sketch, &q);
      });
    }
    ids_.Insert(
        IdHash(id), doc, [&](uint32_t other) { return Id(other) == id; },
        [&](uint32_t other) { return IdHash(Id(other)); });
    if (Owns(exact_hash, kExactSalt, options_.shard_index, options_.num_shards)) {
      // Keeps the earliest document for a hash.
      exact_.Insert(
          exact_hash, doc, [&](uint32_t other) { return exact_hashes_[other] == exact_hash; },
          [&](uint32_t other) { return exact_hashes_[other]; });
    }
    for (const uint64_t h : new_blocks) blocks_.Insert(h, doc);
    return absl::OkStatus();
  }

  // Replays one log record.
  absl::Status Replay(absl::string_view payload, const std::string& fingerprint,
                      bool* saw_header) {
    Reader r(payload);
    uint8_t type;
    if (!r.U8(&type)) return absl::DataLossError("empty log record");
    if (type == kHeaderRecord) {
      absl::string_view fp;
      if (!r.Bytes(&fp)) return absl::DataLossError("bad header record");
      if (fp != fingerprint) {
        return absl::FailedPreconditionError(absl::StrCat(
            "index was built with \"", fp, "\", not \"", fingerprint, "\""));
      }
      *saw_header = true;
      return absl::OkStatus();
    }
    if (!*saw_header) return absl::DataLossError("log does not start with a header");
    if (type == kClusterRecord) {
      uint32_t doc, cluster;
      if (!r.U32(&doc) || !r.U32(&cluster) || doc >= size() || cluster >= size()) {
        return absl::DataLossError("bad cluster record");
      }
      records_.GetMutable(doc)->set_cluster(cluster);
      return absl::OkStatus();
    }
    if (type != kDocumentRecord) {
      return absl::DataLossError(absl::StrCat("unknown log record type ", type));
    }
    return ReplayDocument(&r, nullptr);
  }

  // Parses the body of a document record (after its type byte) and applies
  // it. With `links` (snapshots) the record's chain links follow it.
  absl::Status ReplayDocument(Reader* reader, std::vector<std::pair<uint16_t, uint32_t>>* links) {
    Reader& r = *reader;
    absl::string_view id;
    std::vector<uint16_t> sig;
    uint32_t sig_size;
    DocRecord rec;
    uint64_t exact_hash;
    NumberSketch number_sketch;
    uint32_t num_blocks;
    if (!r.Bytes(&id) || !r.U8(&rec.kind) || !r.U32(&rec.duplicate_of) ||
        !r.U32(&rec.cluster) || !r.U16(&rec.similarity_q) || !r.U64(&exact_hash) ||
        !r.U64(&number_sketch.bits[0]) || !r.U64(&number_sketch.bits[1]) ||
        !r.U32(&sig_size) || sig_size > 1024) {
      return absl::DataLossError("truncated document record");
    }
    sig.resize(sig_size);
    for (uint16_t& v : sig) {
      if (!r.U16(&v)) return absl::DataLossError("truncated document record");
    }
    if (!r.U32(&num_blocks)) return absl::DataLossError("truncated document record");
    std::vector<uint64_t> new_blocks(num_blocks);
    for (uint64_t& h : new_blocks) {
      if (!r.U64(&h)) return absl::DataLossError("truncated document record");
    }
    if (links != nullptr) {
      uint16_t n;
      if (!r.U16(&n)) return absl::DataLossError("truncated snapshot record");
      links->resize(n);
      for (auto& [band, member] : *links) {
        if (!r.U16(&band) || !r.U32(&member)) {
          return absl::DataLossError("truncated snapshot record");
        }
      }
    }
    return Apply(id, rec, exact_hash, number_sketch, sig, new_blocks, links);
  }

  // What a snapshot covers.
  struct SnapshotInfo {
    uint32_t documents = 0;
    uint64_t log_offset = 0;       // log bytes the snapshot covers
    uint64_t last_record_offset = 0;  // last record before log_offset ...
    uint32_t last_record_crc = 0;     // ... and its checksum
  };

  // Writes every document (as a log document record plus its LSH chain
  // links) to `path`, fsync'd. The caller renames it into place.
  absl::Status WriteSnapshot(const std::string& path, const std::string& fingerprint,
                             const SnapshotInfo& info) const {
    const uint32_t n = size();
    // The block hashes each document introduced, and its chain links.
    std::vector<std::pair<uint32_t, uint64_t>> blocks;
    blocks.reserve(blocks_.size());
    blocks_.ForEach([&](uint64_t hash, uint32_t doc) { blocks.emplace_back(doc, hash); });
    std::sort(blocks.begin(), blocks.end());
    struct Link {
      uint32_t doc;
      uint16_t band;
      uint32_t member;
      bool operator<(const Link& o) const {
        return doc != o.doc ? doc < o.doc : band < o.band;
      }
    };
    std::vector<Link> links;
    lsh_.ForEachLink([&](uint32_t member, uint16_t band, uint32_t doc) {
      links.push_back(Link{doc, band, member});
    });
    std::sort(links.begin(), links.end());

    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
      return absl::InternalError(absl::StrCat("open ", path, ": ", std::strerror(errno)));
    }
    std::string out;
    absl::Status status;
    auto flush = [&]() {
      size_t done = 0;
      while (status.ok() && done < out.size()) {
        const ssize_t w = ::write(fd, out.data() + done, out.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) {
          status = absl::InternalError(absl::StrCat("write ", path, ": ", std::strerror(errno)));
        } else {
          done += static_cast<size_t>(w);
        }
      }
      out.clear();
    };
    auto emit = [&](const std::string& payload) {
      out += IndexLog::Frame(payload);
      if (out.size() >= (1u << 20)) flush();
    };
    {
      Writer w;
      w.U8(kSnapshotHeader);
      w.Bytes(fingerprint);
      w.U32(n);
      w.U64(info.log_offset);
      w.U64(info.last_record_offset);
      w.U32(info.last_record_crc);
      w.U64(blocks.size());
      emit(w.str());
    }
    size_t bi = 0, li = 0;
    for (uint32_t doc = 0; doc < n && status.ok(); ++doc) {
      const DocRecord rec = record(doc);
      Writer w;
      w.U8(kSnapshotDocument);
      w.Bytes(Id(doc));
      w.U8(rec.kind);
      w.U32(rec.duplicate_of);
      w.U32(rec.cluster);
      w.U16(rec.similarity_q);
      w.U64(exact_hashes_[doc]);
      w.U64(number_sketches_[doc].bits[0]);
      w.U64(number_sketches_[doc].bits[1]);
      const absl::Span<const uint16_t> sig = lsh_.Signature(doc);
      w.U32(static_cast<uint32_t>(sig.size()));
      for (const uint16_t v : sig) w.U16(v);
      size_t bend = bi;
      while (bend < blocks.size() && blocks[bend].first == doc) ++bend;
      w.U32(static_cast<uint32_t>(bend - bi));
      for (; bi < bend; ++bi) w.U64(blocks[bi].second);
      size_t lend = li;
      while (lend < links.size() && links[lend].doc == doc) ++lend;
      w.U16(static_cast<uint16_t>(lend - li));
      for (; li < lend; ++li) {
        w.U16(links[li].band);
        w.U32(links[li].member);
      }
      emit(w.str());
    }
    {
      Writer w;
      w.U8(kSnapshotEnd);
      w.U32(n);
      emit(w.str());
    }
    flush();
    if (status.ok() && ::fsync(fd) != 0) {
      status = absl::InternalError(absl::StrCat("fsync ", path, ": ", std::strerror(errno)));
    }
    ::close(fd);
    return status;
  }

  // Loads a snapshot into this (empty) state. On error the state is
  // partially filled and must be discarded.
  absl::Status LoadSnapshot(const std::string& path, const std::string& fingerprint,
                            SnapshotInfo* info) {
    bool header = false, complete = false;
    std::vector<std::pair<uint16_t, uint32_t>> links;
    GLEANER_RETURN_IF_ERROR(IndexLog::ReadAll(path, [&](absl::string_view payload) {
      Reader r(payload);
      uint8_t type;
      if (!r.U8(&type) || complete) return absl::DataLossError("bad snapshot record");
      if (type == kSnapshotHeader) {
        absl::string_view fp;
        uint64_t block_entries;
        if (header || !r.Bytes(&fp) || !r.U32(&info->documents) || !r.U64(&info->log_offset) ||
            !r.U64(&info->last_record_offset) || !r.U32(&info->last_record_crc) ||
            !r.U64(&block_entries)) {
          return absl::DataLossError("bad snapshot header");
        }
        if (fp != fingerprint) {
          return absl::FailedPreconditionError("snapshot was built with other options");
        }
        // Sized once: no table grows (and rehashes) during the load.
        Reserve(info->documents + info->documents / 8 + 1024);
        blocks_.Reserve(block_entries + block_entries / 8 + 1024);
        header = true;
        return absl::OkStatus();
      }
      if (!header) return absl::DataLossError("snapshot does not start with a header");
      if (type == kSnapshotDocument) return ReplayDocument(&r, &links);
      uint32_t count;
      if (type != kSnapshotEnd || !r.U32(&count) || count != size() ||
          count != info->documents) {
        return absl::DataLossError("bad snapshot end");
      }
      complete = true;
      return absl::OkStatus();
    }));
    if (!complete) return absl::DataLossError("snapshot is incomplete");
    return absl::OkStatus();
  }

  void SetCluster(uint32_t doc, uint32_t cluster) {
    records_.GetMutable(doc)->set_cluster(cluster);
  }

  size_t MemoryUsageBytes() const {
    size_t bytes = lsh_.MemoryUsageBytes();
    bytes += id_arena_.MemoryUsageBytes() + id_locations_.MemoryUsageBytes();
    bytes += records_.MemoryUsageBytes() + exact_hashes_.MemoryUsageBytes();
    bytes += number_sketches_.MemoryUsageBytes();
    bytes += ids_.MemoryUsageBytes() + exact_.MemoryUsageBytes();
    bytes += blocks_.MemoryUsageBytes();
    return bytes;
  }

  DedupStats Stats() const {
    DedupStats s;
    s.documents = size();
    s.lsh_bytes = lsh_.MemoryUsageBytes();
    s.block_bytes = blocks_.MemoryUsageBytes();
    s.document_bytes = MemoryUsageBytes() - s.lsh_bytes - s.block_bytes;
    s.band_entries = lsh_.band_entries();
    s.block_entries = blocks_.size();
    return s;
  }

 private:
  static uint64_t IdHash(absl::string_view id) { return StableHash64(id, 0x6964); }

  const DedupOptions& options_;
  const MinHasher hasher_;
  LshIndex lsh_;
  IdArena id_arena_;
  ChunkedArray<uint32_t> id_locations_;
  ChunkedArray<PackedRecord> records_;
  ChunkedArray<uint64_t> exact_hashes_;
  ChunkedArray<NumberSketch> number_sketches_;
  DocSet ids_;          // by id
  DocSet exact_;        // by content hash (owned share); earliest document
  BlockTable blocks_;   // line hash (owned share) -> first document
};

// The synchronised index: state, log and lock.
class DedupIndex {
 public:
  DedupIndex(const DedupOptions& options, MinHasher hasher)
      : options_(options),
        hasher_(hasher),
        state_(std::make_unique<IndexState>(options, std::move(hasher))) {}

  absl::Status Open() {
    if (options_.index_dir.empty()) return absl::OkStatus();
    GLEANER_RETURN_IF_ERROR(MakeDirectories(options_.index_dir));
    const std::string fingerprint = OptionsFingerprint(options_);
    bool saw_header = false;
    IndexLogOptions log_options;
    log_options.sync = options_.sync;
    const std::string log_path = absl::StrCat(options_.index_dir, "/", kLogFile);
    const std::string snapshot_path = absl::StrCat(options_.index_dir, "/", kSnapshotFile);
    absl::MutexLock lock(&mu_);
    // A snapshot only saves replaying the log prefix it covers: the log is
    // never truncated, so a snapshot that is missing, corrupt or not this
    // log's is ignored and the whole log is replayed instead.
    if (::access(snapshot_path.c_str(), F_OK) == 0) {
      IndexState::SnapshotInfo info;
      absl::Status s = state_->LoadSnapshot(snapshot_path, fingerprint, &info);
      if (s.ok()) {
        // Check before replaying from the offset: a wrong offset would make
        // the log look torn there.
        const absl::StatusOr<uint32_t> crc =
            IndexLog::RecordCrcAt(log_path, info.last_record_offset, info.log_offset);
        if (!crc.ok() || *crc != info.last_record_crc) {
          s = absl::DataLossError("snapshot does not belong to this log");
        }
      }
      if (s.ok()) {
        saw_header = true;
        log_options.start_offset = info.log_offset;
        snapshot_documents_ = state_->size();
      } else {
        state_ = std::make_unique<IndexState>(options_, hasher_);
      }
    }
    GLEANER_ASSIGN_OR_RETURN(
        log_, IndexLog::Open(
                  log_path,
                  [&](absl::string_view payload) {
                    return state_->Replay(payload, fingerprint, &saw_header);
                  },
                  log_options));
    if (!saw_header) {
      Writer w;
      w.U8(kHeaderRecord);
      w.Bytes(fingerprint);
      GLEANER_RETURN_IF_ERROR(log_->Append(w.str()));
      GLEANER_RETURN_IF_ERROR(SyncDirectory(options_.index_dir));
    }
    return absl::OkStatus();
  }

  absl::StatusOr<DedupVerdict> Process(absl::string_view id, absl::string_view text) {
    if (id.empty()) return absl::InvalidArgumentError("empty document id");
    if (id.size() > IdArena::kMaxIdBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "document id of ", id.size(), " bytes exceeds ", IdArena::kMaxIdBytes));
    }
    if (text.size() > options_.max_document_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat("document of ", text.size(), " bytes exceeds limit ",
                       options_.max_document_bytes));
    }
    // The expensive part (normalising, shingling, MinHash) runs unlocked.
    const DocumentFeatures f = state_->ComputeFeatures(text);
    DedupVerdict verdict;
    uint64_t log_end = 0;
    {
      absl::MutexLock lock(&mu_);
      if (const uint32_t known = state_->FindId(id); known != kNone) {
        if (!state_->HasSignature(known, f.signature)) {
          return absl::AlreadyExistsError(absl::StrCat(
              "document id '", id,
              "' is already indexed with different content; give new "
              "content a new id"));
        }
        verdict = state_->MakeVerdict(known, state_->record(known), f.blocks);
        // The first call may still be waiting for its flush: wait for it too.
        if (log_ != nullptr) log_end = log_->size_bytes();
      } else {
        const uint32_t doc = state_->size();
        const DocRecord rec = state_->Judge(f, doc);
        const std::vector<uint64_t> new_blocks = state_->NewBlocks(f);
        if (log_ != nullptr) {
          // Written before it is visible: a failed write leaves the index
          // unchanged. A later document that matches this one is logged
          // after it, so its flush covers this record too.
          GLEANER_ASSIGN_OR_RETURN(
              log_end, log_->Write(IndexState::EncodeDocument(id, rec, f, new_blocks)));
        }
        GLEANER_RETURN_IF_ERROR(state_->Apply(id, rec, f.exact_hash, f.number_sketch,
                                             f.signature, new_blocks));
        verdict = state_->MakeVerdict(doc, rec, f.blocks);
        if (log_ != nullptr && options_.snapshot_every_documents > 0 &&
            state_->size() - snapshot_documents_ >= options_.snapshot_every_documents) {
          // Best effort: a failed snapshot costs restart time, not data.
          (void)SnapshotLocked();
        }
      }
    }
    // Group commit: the flush runs outside the index lock, and one fdatasync
    // covers every record written meanwhile by concurrent callers.
    if (log_ != nullptr) GLEANER_RETURN_IF_ERROR(log_->SyncTo(log_end));
    return verdict;
  }

  absl::Status RecordMergedVerdict(absl::string_view id, const DedupVerdict& merged) {
    absl::MutexLock lock(&mu_);
    const uint32_t doc = state_->FindId(id);
    if (doc == kNone) {
      return absl::NotFoundError(absl::StrCat("document ", id, " was never processed"));
    }
    if (options_.num_shards <= 1) return absl::OkStatus();
    const uint32_t cluster =
        merged.cluster_id.empty() ? doc : state_->FindId(merged.cluster_id);
    if (cluster == kNone || cluster > doc) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cluster ", merged.cluster_id, " is not an earlier document"));
    }
    if (state_->record(doc).cluster == cluster) return absl::OkStatus();
    if (log_ != nullptr) {
      Writer w;
      w.U8(kClusterRecord);
      w.U32(doc);
      w.U32(cluster);
      GLEANER_RETURN_IF_ERROR(log_->Append(w.str()));
    }
    state_->SetCluster(doc, cluster);
    return absl::OkStatus();
  }

  absl::Status Snapshot() {
    absl::MutexLock lock(&mu_);
    if (log_ == nullptr) return absl::OkStatus();
    return SnapshotLocked();
  }

  size_t document_count() const {
    absl::MutexLock lock(&mu_);
    return state_->size();
  }

  size_t MemoryUsageBytes() const {
    absl::MutexLock lock(&mu_);
    return state_->MemoryUsageBytes();
  }

  DedupStats Stats() const {
    absl::MutexLock lock(&mu_);
    return state_->Stats();
  }

 private:
  // Writes a snapshot of everything logged so far. REQUIRES: mu_ held.
  absl::Status SnapshotLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    snapshot_documents_ = state_->size();  // also after a failure: no retry storm
    IndexState::SnapshotInfo info;
    info.log_offset = log_->size_bytes();
    info.last_record_offset = log_->last_record_offset();
    info.last_record_crc = log_->last_record_crc();
    // The snapshot may only cover records that are on disk.
    GLEANER_RETURN_IF_ERROR(log_->SyncTo(info.log_offset));
    const std::string path = absl::StrCat(options_.index_dir, "/", kSnapshotFile);
    const std::string tmp = path + ".tmp";
    GLEANER_RETURN_IF_ERROR(
        state_->WriteSnapshot(tmp, OptionsFingerprint(options_), info));
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
      return absl::InternalError(absl::StrCat("rename ", tmp, ": ", std::strerror(errno)));
    }
    return SyncDirectory(options_.index_dir);
  }

  const DedupOptions& options_;
  const MinHasher hasher_;  // to start over when a snapshot is unusable
  mutable absl::Mutex mu_;
  std::unique_ptr<IndexState> state_ ABSL_GUARDED_BY(mu_);
  size_t snapshot_documents_ ABSL_GUARDED_BY(mu_) = 0;  // documents in the last snapshot
  // Set by Open(), then constant. Write() runs under mu_ (log order is
  // index order); SyncTo() synchronises itself and runs outside mu_.
  std::unique_ptr<IndexLog> log_;
};

// --- Deduplicator ----------------------------------------------------------

absl::string_view DuplicateKindName(DuplicateKind kind) {
  switch (kind) {
    case DuplicateKind::kUnique:
      return "unique";
    case DuplicateKind::kExact:
      return "exact";
    case DuplicateKind::kNear:
      return "near";
  }
  return "unknown";
}

Deduplicator::Deduplicator(DedupOptions options) : options_(std::move(options)) {}
Deduplicator::~Deduplicator() = default;

absl::StatusOr<IndexLog::CheckReport> CheckIndexLog(const std::string& index_dir) {
  const std::string log_path = absl::StrCat(index_dir, "/", kLogFile);
  if (::access(log_path.c_str(), F_OK) != 0) {
    return absl::NotFoundError(absl::StrCat("no dedup index log at ", log_path));
  }
  return IndexLog::Check(log_path);
}

absl::StatusOr<std::unique_ptr<Deduplicator>> Deduplicator::Create(DedupOptions options) {
  GLEANER_RETURN_IF_ERROR(ValidateOptions(options));
  MinHashOptions mh;
  mh.shingle_chars = options.shingle_chars;
  mh.num_permutations = options.num_bands * options.rows_per_band;
  mh.seed = options.seed;
  GLEANER_ASSIGN_OR_RETURN(MinHasher hasher, MinHasher::Create(mh));
  std::unique_ptr<Deduplicator> d(new Deduplicator(std::move(options)));
  d->index_ = std::make_unique<DedupIndex>(d->options_, std::move(hasher));
  GLEANER_RETURN_IF_ERROR(d->index_->Open());
  return d;
}

absl::StatusOr<DedupVerdict> Deduplicator::Process(absl::string_view document_id,
                                                   absl::string_view text) {
  return index_->Process(document_id, text);
}

absl::Status Deduplicator::RecordMergedVerdict(absl::string_view document_id,
                                               const DedupVerdict& merged) {
  return index_->RecordMergedVerdict(document_id, merged);
}

absl::Status Deduplicator::Snapshot() { return index_->Snapshot(); }

size_t Deduplicator::document_count() const { return index_->document_count(); }

size_t Deduplicator::MemoryUsageBytes() const { return index_->MemoryUsageBytes(); }

DedupStats Deduplicator::Stats() const { return index_->Stats(); }

DedupVerdict MergeShardVerdicts(absl::Span<const DedupVerdict> shard_verdicts) {
  DedupVerdict merged;
  if (shard_verdicts.empty()) return merged;
  const DedupVerdict* best = &shard_verdicts[0];
  auto rank = [](const DedupVerdict& v) {
    return v.kind == DuplicateKind::kExact ? 2 : v.kind == DuplicateKind::kNear ? 1 : 0;
  };
  for (const DedupVerdict& v : shard_verdicts) {
    const int r = rank(v), rb = rank(*best);
    if (r != rb) {
      if (r > rb) best = &v;
      continue;
    }
    if (r == 0) continue;
    if (v.similarity > best->similarity ||
        (v.similarity == best->similarity &&
         v.duplicate_of_sequence < best->duplicate_of_sequence)) {
      best = &v;
    }
  }
  merged.kind = best->kind;
  merged.duplicate_of = best->duplicate_of;
  merged.duplicate_of_sequence = best->duplicate_of_sequence;
  merged.cluster_id = best->cluster_id;
  merged.similarity = best->similarity;
  merged.sequence = best->sequence;
  if (merged.kind == DuplicateKind::kUnique) {
    // Unique on every shard: its own cluster. A retried document may carry a
    // cluster id recorded by RecordMergedVerdict; every shard agrees on it.
    merged.cluster_id = shard_verdicts[0].cluster_id;
  }
  // Union of repeated blocks; for one span a cross-document report (only
  // the block's owner shard can make it) wins over a within-document one.
  std::vector<RepeatedBlock> blocks;
  for (const DedupVerdict& v : shard_verdicts) {
    blocks.insert(blocks.end(), v.repeated_blocks.begin(), v.repeated_blocks.end());
  }
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const RepeatedBlock& a, const RepeatedBlock& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.cross_document > b.cross_document;
                   });
  for (RepeatedBlock& b : blocks) {
    if (!merged.repeated_blocks.empty() &&
        merged.repeated_blocks.back().begin == b.begin) {
      continue;
    }
    merged.repeated_blocks.push_back(std::move(b));
  }
  return merged;
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
