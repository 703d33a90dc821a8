// Append-only, checksummed record log with fsync'd appends.
//
// File format: a sequence of records, each
//   fixed32 payload_length | fixed32 masked CRC-32C(length bytes + payload) |
//   payload
// (little-endian). Open() replays every intact record in order and truncates
// the file at the first record that is short or fails its checksum when
// nothing intact follows it: that is the torn tail of an append interrupted
// by a crash, which was never acknowledged. A bad record with intact records
// after it is damage in the middle of the log: Open() fails with kDataLoss
// and leaves the file untouched rather than drop acknowledged records. Append() returns only after the record is on stable storage
// (fdatasync), so an acknowledged record survives SIGKILL and power loss.
// Write() + SyncTo() split the two steps for group commit: writers append
// under their own lock, then wait for one fdatasync that covers every record
// written so far, so concurrent callers share the disk flush.
//
//   GLEANER_ASSIGN_OR_RETURN(
//       std::unique_ptr<IndexLog> log,
//       IndexLog::Open(dir + "/log", [&](absl::string_view rec) {
//         return Apply(rec);
//       }));
//   GLEANER_RETURN_IF_ERROR(log->Append(payload));
#ifndef GLEANER_WORKERS_DEDUP_INDEX_LOG_H_
#define GLEANER_WORKERS_DEDUP_INDEX_LOG_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace gleaner {
namespace workers {
namespace dedup {

struct IndexLogOptions {
  // fdatasync after every append (true). Only benchmarks that measure the
  // in-memory cost turn this off; with false a crash may lose the tail.
  bool sync = true;
  // Largest accepted payload (64 MiB); a longer length field is treated as
  // corruption.
  uint32_t max_record_bytes = 64u << 20;
  // Replay from this byte offset (a record boundary: the log's end when a
  // snapshot was taken); the records before it are not read.
  uint64_t start_offset = 0;
};

// Write() and Append() must be serialised by the caller; SyncTo() is
// thread-safe and may run concurrently with Write(). Not copyable.
class IndexLog {
 public:
  using ReplayFn = std::function<absl::Status(absl::string_view payload)>;

  // Opens or creates the log at `path`, calls `replay` for each intact record
  // in order and drops a torn tail (reported by dropped_tail_bytes()).
  // Returns kDataLoss, touching nothing, when a corrupt record has intact
  // records after it; the first error of `replay`; or
  // kInternal/kPermissionDenied-style errors from the file system.
  static absl::StatusOr<std::unique_ptr<IndexLog>> Open(
      const std::string& path, const ReplayFn& replay,
      IndexLogOptions options = {});

  ~IndexLog();
  IndexLog(const IndexLog&) = delete;
  IndexLog& operator=(const IndexLog&) = delete;

  // Appends one record and makes it durable. On error the file is truncated
  // back to its previous end, so a failed append leaves no partial record.
  absl::Status Append(absl::string_view payload);

  // Appends one record without waiting for the disk; returns the file offset
  // just past it (pass it to SyncTo). A failed write leaves no partial record.
  absl::StatusOr<uint64_t> Write(absl::string_view payload);

  // Returns once every byte before `end` is on stable storage. One caller
  // runs fdatasync for all records written so far while others wait. A
  // failed fdatasync poisons the log: every later call returns that error
  // (the kernel may have dropped the dirty pages, so retrying would lie).
  absl::Status SyncTo(uint64_t end);

  // Returns the current file size in bytes.
  uint64_t size_bytes() const { return size_.load(); }
  // Returns the offset of the last intact record (0 when empty) and that
  // record's stored checksum: a snapshot keeps both to check that it belongs
  // to this log.
  uint64_t last_record_offset() const { return last_record_offset_.load(); }
  uint32_t last_record_crc() const { return last_record_crc_.load(); }
  // Reads the stored checksum of the record at `offset` of the log file at
  // `path`, if that record ends exactly at `end`. Returns kDataLoss
  // otherwise. Reads only; checks a snapshot against its log before Open().
  static absl::StatusOr<uint32_t> RecordCrcAt(const std::string& path, uint64_t offset,
                                              uint64_t end);

  // Reads every record of a file written with Frame(), in order, calling
  // `fn` for each. Unlike Open() it never modifies the file and fails with
  // kDataLoss on the first short or corrupt record (for snapshots, which are
  // complete or useless).
  // With `intact_end`, stores the offset just past the last record read. A
  // length field over `max_record_bytes` is corruption, as in Open().
  static absl::Status ReadAll(const std::string& path, const ReplayFn& fn,
                              uint64_t* intact_end = nullptr,
                              uint32_t max_record_bytes = 64u << 20);

  // What an offline check of a log file found.
  struct CheckReport {
    uint64_t records = 0;       // intact records from the start
    uint64_t intact_bytes = 0;  // bytes they cover
    uint64_t file_bytes = 0;    // the file's size
    // Where an intact record starts after the first bad one: set only when
    // the log is damaged in the middle (Open() would refuse it).
    std::optional<uint64_t> intact_record_after;

    // A log Open() accepts: every byte intact, or only a torn tail.
    bool healthy() const { return !intact_record_after.has_value(); }
    uint64_t bad_bytes() const { return file_bytes - intact_bytes; }
  };
  // Checks the log at `path` without changing it: counts the intact
  // records and tells a torn tail (healthy) from damage in the middle.
  static absl::StatusOr<CheckReport> Check(const std::string& path,
                                           uint32_t max_record_bytes = 64u << 20);

  // Returns how many bytes of torn/corrupt tail Open() removed.
  uint64_t dropped_tail_bytes() const { return dropped_tail_bytes_; }
  // Returns the number of intact records replayed by Open().
  uint64_t replayed_records() const { return replayed_records_; }

  // Returns the offset of the first intact record (whole, with a matching
  // checksum) that starts after byte `from` of the open file `fd`, or
  // nullopt. Reads only.
  static absl::StatusOr<std::optional<uint64_t>> FindIntactRecordAfter(
      int fd, const std::string& path, uint64_t from, uint64_t file_size,
      uint32_t max_record_bytes);

  // Encodes one framed record (header + payload), as Append writes it.
  static std::string Frame(absl::string_view payload);

 private:
  IndexLog(int fd, std::string path, IndexLogOptions options)
      : fd_(fd), path_(std::move(path)), options_(options) {}

  int fd_;
  std::string path_;
  IndexLogOptions options_;
  std::atomic<uint64_t> size_{0};  // bytes written
  std::atomic<uint64_t> last_record_offset_{0};
  std::atomic<uint32_t> last_record_crc_{0};
  absl::Mutex sync_mu_;
  uint64_t synced_ ABSL_GUARDED_BY(sync_mu_) = 0;  // bytes known durable
  absl::Status sync_error_ ABSL_GUARDED_BY(sync_mu_);
  uint64_t dropped_tail_bytes_ = 0;
  uint64_t replayed_records_ = 0;
};

// Syncs the directory `dir` so that a newly created or renamed file in it is
// durable.
absl::Status SyncDirectory(const std::string& dir);

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_INDEX_LOG_H_
