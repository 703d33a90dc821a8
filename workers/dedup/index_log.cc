#include "workers/dedup/index_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "workers/dedup/hashing.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

constexpr size_t kHeaderBytes = 8;

// Masking keeps a CRC stored next to the data it covers from being a valid
// CRC of itself (the LevelDB trick).
uint32_t MaskCrc(uint32_t crc) {
  return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

void PutFixed32(uint32_t v, char* out) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

uint32_t GetFixed32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return v;
}

// Reads errno now, before anything else can change it. The mapping is
// Abseil's (ENOSPC and EDQUOT are RESOURCE_EXHAUSTED, ...).
absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::ErrnoToStatus(errno, absl::StrCat(what, " ", path));
}

absl::Status WriteAll(int fd, const char* data, size_t n, const std::string& path) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("write", path);
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return absl::OkStatus();
}

// Returns how many bytes to read next: at least `needed` (a whole record)
// and a `chunk` at a time, but never past the end of the file, so a short
// or corrupt log costs no more memory than its size.
size_t ReadSize(size_t chunk, size_t needed, uint64_t file_size, uint64_t file_offset) {
  const uint64_t left = file_size > file_offset ? file_size - file_offset : 0;
  return static_cast<size_t>(std::min<uint64_t>(std::max(chunk, needed), left));
}

// Returns true when a whole record with a matching checksum starts at
// `offset`. `header` holds the 8 header bytes there; the payload is read
// from the file only when the length is plausible.
absl::StatusOr<bool> IntactRecordAt(int fd, const std::string& path, uint64_t offset,
                                    const char* header, uint64_t file_size,
                                    uint32_t max_record_bytes) {
  const uint32_t len = GetFixed32(header);
  if (len > max_record_bytes || offset + kHeaderBytes + len > file_size) return false;
  std::string payload(len, '\0');
  size_t done = 0;
  while (done < len) {
    const ssize_t r = ::pread(fd, &payload[done], len - done,
                              static_cast<off_t>(offset + kHeaderBytes + done));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return ErrnoError("read", path);
    if (r == 0) return false;
    done += static_cast<size_t>(r);
  }
  uint32_t crc = Crc32c(absl::string_view(header, 4));
  crc = Crc32c(payload, crc);
  return MaskCrc(crc) == GetFixed32(header + 4);
}

}  // namespace

absl::StatusOr<std::optional<uint64_t>> IndexLog::FindIntactRecordAfter(
    int fd, const std::string& path, uint64_t from, uint64_t file_size,
    uint32_t max_record_bytes) {
  // Every byte offset after `from` is a candidate: a flipped bit may sit in
  // a length field, so the next record's position cannot be trusted. Headers
  // are read a window at a time; a payload only when its length fits.
  constexpr size_t kWindow = 1 << 20;
  std::string window;
  for (uint64_t base = from + 1; base + kHeaderBytes <= file_size; base += kWindow) {
    const size_t want = static_cast<size_t>(
        std::min<uint64_t>(kWindow + kHeaderBytes - 1, file_size - base));
    window.resize(want);
    size_t got = 0;
    while (got < want) {
      const ssize_t r = ::pread(fd, &window[got], want - got, static_cast<off_t>(base + got));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) return ErrnoError("read", path);
      if (r == 0) break;
      got += static_cast<size_t>(r);
    }
    for (size_t i = 0; i + kHeaderBytes <= got && i < kWindow; ++i) {
      GLEANER_ASSIGN_OR_RETURN(const bool intact,
                               IntactRecordAt(fd, path, base + i, window.data() + i,
                                              file_size, max_record_bytes));
      if (intact) return std::optional<uint64_t>(base + i);
    }
  }
  return std::optional<uint64_t>();
}

std::string IndexLog::Frame(absl::string_view payload) {
  std::string out(kHeaderBytes + payload.size(), '\0');
  PutFixed32(static_cast<uint32_t>(payload.size()), &out[0]);
  uint32_t crc = Crc32c(absl::string_view(out.data(), 4));
  crc = Crc32c(payload, crc);
  PutFixed32(MaskCrc(crc), &out[4]);
  std::memcpy(&out[kHeaderBytes], payload.data(), payload.size());
  return out;
}

absl::StatusOr<std::unique_ptr<IndexLog>> IndexLog::Open(
    const std::string& path, const ReplayFn& replay, IndexLogOptions options) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("open", path);
  std::unique_ptr<IndexLog> log(new IndexLog(fd, path, options));

  struct stat st;
  if (::fstat(fd, &st) != 0) return ErrnoError("fstat", path);
  const uint64_t file_size = static_cast<uint64_t>(st.st_size);

  // Replay in chunks so a large log need not fit in memory twice.
  if (options.start_offset > file_size) {
    return absl::DataLossError(absl::StrCat("log ", path, " is shorter (", file_size,
                                            " bytes) than its snapshot says (",
                                            options.start_offset, ")"));
  }
  std::string buffer;
  uint64_t valid_end = options.start_offset;  // end of the last intact record
  uint64_t read_pos = options.start_offset;   // file offset of buffer[0]
  size_t consumed = 0;      // bytes of buffer already replayed
  bool eof = false;
  constexpr size_t kChunk = 1 << 20;
  while (true) {
    // Make sure the buffer holds a full header and payload, reading more if
    // needed.
    const size_t available = buffer.size() - consumed;
    size_t need = kHeaderBytes;
    if (available >= kHeaderBytes) {
      const uint32_t len = GetFixed32(buffer.data() + consumed);
      if (len > options.max_record_bytes) break;  // corrupt length
      need = kHeaderBytes + len;
    }
    if (available < need) {
      if (eof) break;  // torn tail (or clean end when available == 0)
      buffer.erase(0, consumed);
      read_pos += consumed;
      consumed = 0;
      const size_t old = buffer.size();
      buffer.resize(old + ReadSize(kChunk, need - available, file_size, read_pos + old));
      ssize_t r;
      do {
        r = ::pread(fd, &buffer[old], buffer.size() - old,
                    static_cast<off_t>(read_pos + old));
      } while (r < 0 && errno == EINTR);
      if (r < 0) return ErrnoError("read", path);
      buffer.resize(old + static_cast<size_t>(r));
      if (r == 0) eof = true;
      continue;
    }
    const char* rec = buffer.data() + consumed;
    const uint32_t len = GetFixed32(rec);
    uint32_t crc = Crc32c(absl::string_view(rec, 4));
    crc = Crc32c(absl::string_view(rec + kHeaderBytes, len), crc);
    if (MaskCrc(crc) != GetFixed32(rec + 4)) break;  // corrupt record
    const absl::Status s = replay(absl::string_view(rec + kHeaderBytes, len));
    if (!s.ok()) return s;
    log->last_record_offset_.store(read_pos + consumed);
    log->last_record_crc_.store(GetFixed32(rec + 4));
    consumed += kHeaderBytes + len;
    valid_end = read_pos + consumed;
    ++log->replayed_records_;
  }

  if (valid_end < file_size) {
    // A crash tears at most the record being appended, so nothing intact can
    // follow a torn tail. An intact record after the bad one means the log
    // was damaged in the middle: truncating would silently drop every
    // acknowledged record after it, so refuse and leave the file as it is.
    GLEANER_ASSIGN_OR_RETURN(
        const std::optional<uint64_t> intact,
        FindIntactRecordAfter(fd, path, valid_end, file_size, options.max_record_bytes));
    if (intact.has_value()) {
      return absl::DataLossError(absl::StrCat(
          "log ", path, " is corrupt at byte ", valid_end, " but intact records follow from byte ",
          *intact, " (", file_size - *intact, " bytes); refusing to drop them. The file is left "
          "untouched: check it with `gleaner dedup-check <index dir>` and restore it from a "
          "backup or rebuild the index"));
    }
    // Drop the torn tail so that new records follow the last intact one.
    if (::ftruncate(fd, static_cast<off_t>(valid_end)) != 0) {
      return ErrnoError("ftruncate", path);
    }
    if (options.sync && ::fsync(fd) != 0) return ErrnoError("fsync", path);
    log->dropped_tail_bytes_ = file_size - valid_end;
  }
  if (::lseek(fd, static_cast<off_t>(valid_end), SEEK_SET) < 0) {
    return ErrnoError("lseek", path);
  }
  log->size_.store(valid_end);
  {
    absl::MutexLock lock(&log->sync_mu_);
    log->synced_ = valid_end;
  }
  return log;
}

IndexLog::~IndexLog() {
  if (fd_ >= 0) ::close(fd_);
}

absl::Status IndexLog::Append(absl::string_view payload) {
  GLEANER_ASSIGN_OR_RETURN(const uint64_t end, Write(payload));
  return SyncTo(end);
}

absl::StatusOr<uint64_t> IndexLog::Write(absl::string_view payload) {
  {
    absl::MutexLock lock(&sync_mu_);
    if (!sync_error_.ok()) return sync_error_;
  }
  if (payload.size() > options_.max_record_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("log record of ", payload.size(), " bytes exceeds limit ",
                     options_.max_record_bytes));
  }
  const std::string framed = Frame(payload);
  const uint64_t start = size_.load();
  last_record_offset_.store(start);
  last_record_crc_.store(GetFixed32(framed.data() + 4));
  const absl::Status s = WriteAll(fd_, framed.data(), framed.size(), path_);
  if (!s.ok()) {
    // Roll back a partial write so later appends stay readable.
    if (::ftruncate(fd_, static_cast<off_t>(start)) == 0) {
      ::lseek(fd_, static_cast<off_t>(start), SEEK_SET);
    }
    return s;
  }
  size_.store(start + framed.size());
  return start + framed.size();
}

absl::Status IndexLog::SyncTo(uint64_t end) {
  if (!options_.sync) return absl::OkStatus();
  absl::MutexLock lock(&sync_mu_);
  if (!sync_error_.ok()) return sync_error_;
  if (synced_ >= end) return absl::OkStatus();  // a group commit covered us
  const uint64_t target = size_.load();
  if (::fdatasync(fd_) != 0) {
    sync_error_ = ErrnoError("fdatasync", path_);
    return sync_error_;
  }
  synced_ = target;
  return absl::OkStatus();
}

absl::StatusOr<uint32_t> IndexLog::RecordCrcAt(const std::string& path, uint64_t offset,
                                                uint64_t end) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open", path);
  char header[kHeaderBytes];
  ssize_t r;
  do {
    r = ::pread(fd, header, kHeaderBytes, static_cast<off_t>(offset));
  } while (r < 0 && errno == EINTR);
  ::close(fd);
  if (r != static_cast<ssize_t>(kHeaderBytes) ||
      offset + kHeaderBytes + GetFixed32(header) != end) {
    return absl::DataLossError(absl::StrCat("no record of ", path, " ends at ", end));
  }
  return GetFixed32(header + 4);
}

absl::Status IndexLog::ReadAll(const std::string& path, const ReplayFn& fn,
                               uint64_t* intact_end, uint32_t max_record_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open", path);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return ErrnoError("fstat", path);
  }
  const uint64_t file_size = static_cast<uint64_t>(st.st_size);
  std::string buffer;
  uint64_t read_pos = 0;  // file offset of buffer[0]
  size_t consumed = 0;
  bool eof = false;
  absl::Status status;
  while (status.ok()) {
    const size_t available = buffer.size() - consumed;
    size_t need = kHeaderBytes;
    if (available >= kHeaderBytes) {
      const uint32_t len = GetFixed32(buffer.data() + consumed);
      // The same bound Open() applies: a longer length field is corruption,
      // and must not make the reader allocate up to 4 GiB.
      if (len > max_record_bytes) {
        status = absl::DataLossError(absl::StrCat(path, " has a record length of ", len,
                                                  " bytes, over the limit of ",
                                                  max_record_bytes));
        break;
      }
      need += len;
    }
    if (available < need) {
      if (eof) {
        if (available > 0) status = absl::DataLossError(absl::StrCat(path, " is truncated"));
        break;
      }
      buffer.erase(0, consumed);
      read_pos += consumed;
      consumed = 0;
      const size_t old = buffer.size();
      buffer.resize(old + ReadSize(size_t{1} << 20, need - available, file_size, read_pos + old));
      ssize_t r;
      do {
        r = ::read(fd, &buffer[old], buffer.size() - old);
      } while (r < 0 && errno == EINTR);
      if (r < 0) {
        status = ErrnoError("read", path);
        break;
      }
      buffer.resize(old + static_cast<size_t>(r));
      eof = r == 0;
      continue;
    }
    const char* rec = buffer.data() + consumed;
    const uint32_t len = GetFixed32(rec);
    uint32_t crc = Crc32c(absl::string_view(rec, 4));
    crc = Crc32c(absl::string_view(rec + kHeaderBytes, len), crc);
    if (MaskCrc(crc) != GetFixed32(rec + 4)) {
      status = absl::DataLossError(absl::StrCat(path, " has a corrupt record"));
      break;
    }
    status = fn(absl::string_view(rec + kHeaderBytes, len));
    consumed += kHeaderBytes + len;
  }
  if (intact_end != nullptr) *intact_end = read_pos + consumed;
  ::close(fd);
  return status;
}

absl::StatusOr<IndexLog::CheckReport> IndexLog::Check(const std::string& path,
                                                      uint32_t max_record_bytes) {
  CheckReport report;
  uint64_t intact_end = 0;
  const absl::Status read = ReadAll(
      path,
      [&](absl::string_view) {
        ++report.records;
        return absl::OkStatus();
      },
      &intact_end, max_record_bytes);
  if (!read.ok() && read.code() != absl::StatusCode::kDataLoss) return read;
  report.intact_bytes = intact_end;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open", path);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return ErrnoError("fstat", path);
  }
  report.file_bytes = static_cast<uint64_t>(st.st_size);
  absl::StatusOr<std::optional<uint64_t>> intact = std::optional<uint64_t>();
  if (intact_end < report.file_bytes) {
    intact = FindIntactRecordAfter(fd, path, intact_end, report.file_bytes, max_record_bytes);
  }
  ::close(fd);
  if (!intact.ok()) return intact.status();
  report.intact_record_after = *intact;
  return report;
}

absl::Status SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open directory", dir);
  const int r = ::fsync(fd);
  ::close(fd);
  if (r != 0) return ErrnoError("fsync directory", dir);
  return absl::OkStatus();
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
