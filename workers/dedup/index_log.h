// Append-only, checksummed record log with fsync'd appends.
//
// File format: a sequence of records, each
//   fixed32 payload_length | fixed32 masked CRC-32C(length bytes + payload) |
//   payload
// (little-endian). Open() replays every intact record in order and truncates
// the file at the first record that is short or fails its checksum: that is
// the torn tail of an append interrupted by a crash, which was never
// acknowledged. Append() returns only after the record is on stable storage
// (fdatasync), so an acknowledged record survives SIGKILL and power loss.
//
//   GLEANER_ASSIGN_OR_RETURN(
//       std::unique_ptr<IndexLog> log,
//       IndexLog::Open(dir + "/log", [&](absl::string_view rec) {
//         return Apply(rec);
//       }));
//   GLEANER_RETURN_IF_ERROR(log->Append(payload));
#ifndef GLEANER_WORKERS_DEDUP_INDEX_LOG_H_
#define GLEANER_WORKERS_DEDUP_INDEX_LOG_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

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
};

// Not thread-safe (callers serialise appends). Not copyable.
class IndexLog {
 public:
  using ReplayFn = std::function<absl::Status(absl::string_view payload)>;

  // Opens or creates the log at `path`, calls `replay` for each intact record
  // in order and drops a torn or corrupt tail (reported by
  // dropped_tail_bytes()). Returns the first error of `replay`, or
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

  // Returns the current file size in bytes.
  uint64_t size_bytes() const { return size_; }
  // Returns how many bytes of torn/corrupt tail Open() removed.
  uint64_t dropped_tail_bytes() const { return dropped_tail_bytes_; }
  // Returns the number of intact records replayed by Open().
  uint64_t replayed_records() const { return replayed_records_; }

  // Encodes one framed record (header + payload), as Append writes it.
  static std::string Frame(absl::string_view payload);

 private:
  IndexLog(int fd, std::string path, IndexLogOptions options)
      : fd_(fd), path_(std::move(path)), options_(options) {}

  int fd_;
  std::string path_;
  IndexLogOptions options_;
  uint64_t size_ = 0;
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
