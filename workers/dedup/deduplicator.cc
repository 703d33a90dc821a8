#include "workers/dedup/deduplicator.h"

#include <sys/stat.h>

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
};

// Per-document verdict as stored (12 bytes).
struct DocRecord {
  uint32_t duplicate_of = kNone;
  uint32_t cluster = kNone;
  uint16_t similarity_q = 0;  // similarity * 65535, rounded
  uint8_t kind = 0;           // DuplicateKind
  uint8_t unused = 0;
};
static_assert(sizeof(DocRecord) == 12, "DocRecord is packed by design");

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
                      " min_block_chars=", o.min_block_chars);
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
  if (o.min_figures_kept < 0.0 || o.min_figures_kept > 1.0) {
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
             options.num_shards),
        ids_(0, IdHash{this}, IdEq{this}),
        exact_(0, ExactHash{this}, ExactEq{this}) {
    id_offsets_.push_back(0);
  }

  DocumentFeatures ComputeFeatures(absl::string_view text) const {
    DocumentFeatures f;
    const std::string normalized = NormalizeContent(text);
    f.exact_hash = StableHash64(normalized, options_.seed ^ kExactSalt);
    std::vector<uint32_t> code_points;
    code_points.reserve(normalized.size() / 2);
    AppendShingleCodePoints(normalized, &code_points);
    f.signature = LshIndex::CompactSignature(hasher_.ComputeFromCodePoints(code_points));
    f.number_sketch = ComputeNumberSketch(normalized);
    for (const Block& b : SplitBlocks(text, options_.seed ^ kBlockSalt)) {
      // A block needs a letter: bare dates and counters ("2026-01-27",
      // "1,619") repeat on every page without being content.
      if (b.code_points >= static_cast<size_t>(options_.min_block_chars) &&
          b.letters > 0) {
        f.blocks.push_back(b);
      }
    }
    return f;
  }

  uint32_t size() const { return lsh_.size(); }

  absl::string_view Id(uint32_t doc) const {
    return absl::string_view(id_arena_).substr(
        id_offsets_[doc], id_offsets_[doc + 1] - id_offsets_[doc]);
  }

  // Returns the number of the document with `id`, or kNone.
  uint32_t FindId(absl::string_view id) const {
    const auto it = ids_.find(id);
    return it == ids_.end() ? kNone : *it;
  }

  // Computes the exact/near part of a new document's verdict.
  DocRecord Judge(const DocumentFeatures& f, uint32_t doc) const {
    DocRecord rec;
    rec.cluster = doc;
    if (Owns(f.exact_hash, kExactSalt, options_.shard_index, options_.num_shards)) {
      const auto it = exact_.find(ExactProbe{f.exact_hash});
      if (it != exact_.end() && *it < doc) {
        rec.kind = static_cast<uint8_t>(DuplicateKind::kExact);
        rec.duplicate_of = *it;
        rec.cluster = records_[*it].cluster;
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
      rec.cluster = records_[best].cluster;
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
    return DequantizeSimilarity(*q) >= options_.threshold &&
           FiguresAgree(numbers, number_sketches_[member]);
  }

  // Returns whether the figures of two documents agree well enough for a
  // near-duplicate verdict (see DedupOptions::min_figures_kept).
  bool FiguresAgree(const NumberSketch& a, const NumberSketch& b) const {
    if (options_.min_figures_kept <= 0.0) return true;
    // One direction keeping its figures is enough: added chrome only adds.
    return FiguresKept(a, b) || FiguresKept(b, a);
  }

  // Returns whether sketch `from` keeps its figures in sketch `to`.
  bool FiguresKept(const NumberSketch& from, const NumberSketch& to) const {
    const int total = from.Count();
    const int missing = from.MissingFrom(to);
    return missing <= options_.figures_slack ||
           total - missing >= options_.min_figures_kept * total;
  }

  // Returns the owned block hashes of `f` not yet in the block table
  // (distinct, in order of first occurrence).
  std::vector<uint64_t> NewBlocks(const DocumentFeatures& f) const {
    std::vector<uint64_t> out;
    absl::flat_hash_set<uint64_t> seen;
    for (const Block& b : f.blocks) {
      if (!OwnsBlock(b.hash) || blocks_.contains(b.hash)) continue;
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
        const auto it = blocks_.find(b.hash);
        if (it != blocks_.end() && it->second < doc) first_doc = it->second;
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

  const DocRecord& record(uint32_t doc) const { return records_[doc]; }

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
                     absl::Span<const uint64_t> new_blocks) {
    if (signature.size() != static_cast<size_t>(lsh_.signature_size())) {
      return absl::DataLossError("signature length does not match the index");
    }
    const uint32_t doc = lsh_.size();
    if (doc == kNone - 1) return absl::ResourceExhaustedError("index is full");
    if (id_arena_.size() + id.size() > 0xFFFFFFFFu) {
      return absl::ResourceExhaustedError("document id arena exceeds 4 GiB");
    }
    id_arena_.append(id.data(), id.size());
    id_offsets_.push_back(static_cast<uint32_t>(id_arena_.size()));
    records_.push_back(rec);
    exact_hashes_.push_back(exact_hash);
    number_sketches_.push_back(number_sketch);
    lsh_.Add(signature, [&](uint32_t member) {
      uint16_t q;
      return Covers(member, signature, number_sketch, &q);
    });
    ids_.insert(doc);
    if (Owns(exact_hash, kExactSalt, options_.shard_index, options_.num_shards)) {
      exact_.insert(doc);  // keeps the earliest document for a hash
    }
    for (const uint64_t h : new_blocks) blocks_.emplace(h, doc);
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
      records_[doc].cluster = cluster;
      return absl::OkStatus();
    }
    if (type != kDocumentRecord) {
      return absl::DataLossError(absl::StrCat("unknown log record type ", type));
    }
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
    return Apply(id, rec, exact_hash, number_sketch, sig, new_blocks);
  }

  void SetCluster(uint32_t doc, uint32_t cluster) { records_[doc].cluster = cluster; }

  size_t MemoryUsageBytes() const {
    size_t bytes = lsh_.MemoryUsageBytes();
    bytes += id_arena_.capacity() + id_offsets_.capacity() * sizeof(uint32_t);
    bytes += records_.capacity() * sizeof(DocRecord);
    bytes += exact_hashes_.capacity() * sizeof(uint64_t);
    bytes += number_sketches_.capacity() * sizeof(NumberSketch);
    bytes += ids_.capacity() * (sizeof(uint32_t) + 1);
    bytes += exact_.capacity() * (sizeof(uint32_t) + 1);
    bytes += blocks_.capacity() * (sizeof(std::pair<uint64_t, uint32_t>) + 1);
    return bytes;
  }

  DedupStats Stats() const {
    DedupStats s;
    s.documents = size();
    s.lsh_bytes = lsh_.MemoryUsageBytes();
    s.block_bytes = blocks_.capacity() * (sizeof(std::pair<uint64_t, uint32_t>) + 1);
    s.document_bytes = MemoryUsageBytes() - s.lsh_bytes - s.block_bytes;
    s.band_entries = lsh_.band_entries();
    s.block_entries = blocks_.size();
    return s;
  }

 private:
  struct ExactProbe {
    uint64_t hash;
  };
  struct IdHash {
    using is_transparent = void;
    const IndexState* index;
    size_t operator()(uint32_t doc) const { return (*this)(index->Id(doc)); }
    size_t operator()(absl::string_view id) const {
      return absl::Hash<absl::string_view>()(id);
    }
  };
  struct IdEq {
    using is_transparent = void;
    const IndexState* index;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, absl::string_view id) const { return index->Id(a) == id; }
    bool operator()(absl::string_view id, uint32_t a) const { return index->Id(a) == id; }
  };
  struct ExactHash {
    using is_transparent = void;
    const IndexState* index;
    size_t operator()(uint32_t doc) const { return index->exact_hashes_[doc]; }
    size_t operator()(ExactProbe p) const { return p.hash; }
  };
  struct ExactEq {
    using is_transparent = void;
    const IndexState* index;
    bool operator()(uint32_t a, uint32_t b) const {
      return index->exact_hashes_[a] == index->exact_hashes_[b];
    }
    bool operator()(uint32_t a, ExactProbe p) const {
      return index->exact_hashes_[a] == p.hash;
    }
    bool operator()(ExactProbe p, uint32_t a) const { return (*this)(a, p); }
  };

  const DedupOptions& options_;
  const MinHasher hasher_;
  LshIndex lsh_;
  std::string id_arena_;
  std::vector<uint32_t> id_offsets_;
  std::vector<DocRecord> records_;
  std::vector<uint64_t> exact_hashes_;
  std::vector<NumberSketch> number_sketches_;
  absl::flat_hash_set<uint32_t, IdHash, IdEq> ids_;
  absl::flat_hash_set<uint32_t, ExactHash, ExactEq> exact_;
  absl::flat_hash_map<uint64_t, uint32_t> blocks_;  // block hash -> first doc
};

// The synchronised index: state, log and lock.
class DedupIndex {
 public:
  DedupIndex(const DedupOptions& options, MinHasher hasher)
      : options_(options), state_(options, std::move(hasher)) {}

  absl::Status Open() {
    if (options_.index_dir.empty()) return absl::OkStatus();
    GLEANER_RETURN_IF_ERROR(MakeDirectories(options_.index_dir));
    const std::string fingerprint = OptionsFingerprint(options_);
    bool saw_header = false;
    IndexLogOptions log_options;
    log_options.sync = options_.sync;
    absl::MutexLock lock(&mu_);
    GLEANER_ASSIGN_OR_RETURN(
        log_, IndexLog::Open(
                  absl::StrCat(options_.index_dir, "/", kLogFile),
                  [&](absl::string_view payload) {
                    return state_.Replay(payload, fingerprint, &saw_header);
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
    if (id.size() > 4096) {
      return absl::InvalidArgumentError(
          absl::StrCat("document id of ", id.size(), " bytes exceeds 4096"));
    }
    if (text.size() > options_.max_document_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat("document of ", text.size(), " bytes exceeds limit ",
                       options_.max_document_bytes));
    }
    // The expensive part (normalising, shingling, MinHash) runs unlocked.
    const DocumentFeatures f = state_.ComputeFeatures(text);
    absl::MutexLock lock(&mu_);
    if (const uint32_t doc = state_.FindId(id); doc != kNone) {
      return state_.MakeVerdict(doc, state_.record(doc), f.blocks);
    }
    const uint32_t doc = state_.size();
    const DocRecord rec = state_.Judge(f, doc);
    const std::vector<uint64_t> new_blocks = state_.NewBlocks(f);
    if (log_ != nullptr) {
      // Durable before visible: a failed append leaves the index unchanged.
      GLEANER_RETURN_IF_ERROR(
          log_->Append(IndexState::EncodeDocument(id, rec, f, new_blocks)));
    }
    GLEANER_RETURN_IF_ERROR(state_.Apply(id, rec, f.exact_hash, f.number_sketch,
                                         f.signature, new_blocks));
    return state_.MakeVerdict(doc, rec, f.blocks);
  }

  absl::Status RecordMergedVerdict(absl::string_view id, const DedupVerdict& merged) {
    absl::MutexLock lock(&mu_);
    const uint32_t doc = state_.FindId(id);
    if (doc == kNone) {
      return absl::NotFoundError(absl::StrCat("document ", id, " was never processed"));
    }
    if (options_.num_shards <= 1) return absl::OkStatus();
    const uint32_t cluster =
        merged.cluster_id.empty() ? doc : state_.FindId(merged.cluster_id);
    if (cluster == kNone || cluster > doc) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cluster ", merged.cluster_id, " is not an earlier document"));
    }
    if (state_.record(doc).cluster == cluster) return absl::OkStatus();
    if (log_ != nullptr) {
      Writer w;
      w.U8(kClusterRecord);
      w.U32(doc);
      w.U32(cluster);
      GLEANER_RETURN_IF_ERROR(log_->Append(w.str()));
    }
    state_.SetCluster(doc, cluster);
    return absl::OkStatus();
  }

  size_t document_count() const {
    absl::MutexLock lock(&mu_);
    return state_.size();
  }

  size_t MemoryUsageBytes() const {
    absl::MutexLock lock(&mu_);
    return state_.MemoryUsageBytes();
  }

  DedupStats Stats() const {
    absl::MutexLock lock(&mu_);
    return state_.Stats();
  }

 private:
  const DedupOptions& options_;
  mutable absl::Mutex mu_;
  IndexState state_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<IndexLog> log_ ABSL_GUARDED_BY(mu_);
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
