// Fuzzes the dedup index log reader on damaged files. The input is either a
// raw log file or (first byte odd) a list of payloads that are framed as the
// writer frames them, with one byte of the file then changed. The offline
// check and the server's Open() must agree: a healthy log (intact, or only a
// torn tail) opens and replays exactly the records the check counted, the
// originals in order; damage in the middle is refused with kDataLoss and the
// file is left untouched.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "tests/fuzz/fuzz_checks.h"
#include "workers/dedup/index_log.h"

namespace {

using gleaner::workers::dedup::IndexLog;
using gleaner::workers::dedup::IndexLogOptions;

constexpr uint32_t kMaxRecordBytes = 1 << 20;

struct LogFile {
  std::string bytes;
  // The payloads framed into `bytes` before the damage; empty for raw input.
  std::vector<std::string> payloads;
  bool damaged = false;
};

// Frames the payloads separated by 0xFF in `spec[3..]`, then XORs the byte at
// offset (spec[1], spec[2]) with the last byte of the spec, if nonzero.
LogFile FramedLog(absl::string_view spec) {
  LogFile log;
  if (spec.size() < 4) return log;
  for (absl::string_view payload : absl::StrSplit(spec.substr(3, spec.size() - 4), '\xff')) {
    log.payloads.emplace_back(payload);
    log.bytes += IndexLog::Frame(payload);
  }
  const unsigned char damage = static_cast<unsigned char>(spec.back());
  if (damage != 0 && !log.bytes.empty()) {
    const size_t at = (static_cast<unsigned char>(spec[1]) << 8 | static_cast<unsigned char>(spec[2])) %
                      log.bytes.size();
    log.bytes[at] = static_cast<char>(log.bytes[at] ^ damage);
    log.damaged = true;
  }
  return log;
}

std::string TempPath() {
  static const std::string dir = [] {
    const char* base = std::getenv("TEST_TMPDIR");
    std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/index_log_fuzz.XXXXXX";
    FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr, "mkdtemp failed");
    return pattern;
  }();
  return dir + "/log";
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  FUZZ_CHECK(out.good(), "cannot write the log file");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void CheckOpenAgreesWithCheck(const LogFile& log) {
  const std::string path = TempPath();
  WriteFile(path, log.bytes);
  absl::StatusOr<IndexLog::CheckReport> report = IndexLog::Check(path, kMaxRecordBytes);
  FUZZ_CHECK(report.ok(), "Check failed on a readable file");
  FUZZ_CHECK(report->file_bytes == log.bytes.size(), "Check misread the file size");
  FUZZ_CHECK(report->intact_bytes <= report->file_bytes, "more intact bytes than the file has");

  std::vector<std::string> replayed;
  IndexLogOptions options;
  options.sync = false;
  options.max_record_bytes = kMaxRecordBytes;
  absl::StatusOr<std::unique_ptr<IndexLog>> opened = IndexLog::Open(
      path,
      [&](absl::string_view payload) {
        replayed.emplace_back(payload);
        return absl::OkStatus();
      },
      options);
  if (report->healthy()) {
    FUZZ_CHECK(opened.ok(), "Open refused a log the check found healthy");
    FUZZ_CHECK(replayed.size() == report->records, "Open replayed another record count");
    opened->reset();
    FUZZ_CHECK(ReadFile(path).size() == report->intact_bytes, "torn tail not cut at the check's end");
    if (!log.payloads.empty() && !log.damaged) {
      FUZZ_CHECK(replayed.size() == log.payloads.size(), "an undamaged log lost records");
    }
    if (!log.payloads.empty()) {
      FUZZ_CHECK(replayed.size() <= log.payloads.size(), "more records than were written");
      for (size_t i = 0; i < replayed.size(); ++i) {
        FUZZ_CHECK(replayed[i] == log.payloads[i], "a replayed record differs from the one written");
      }
    }
  } else {
    FUZZ_CHECK(!opened.ok() && opened.status().code() == absl::StatusCode::kDataLoss,
               "Open accepted a log damaged in the middle");
    FUZZ_CHECK(ReadFile(path) == log.bytes, "Open changed a log it refused");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  if (!input.empty() && (static_cast<unsigned char>(input[0]) & 1) != 0) {
    CheckOpenAgreesWithCheck(FramedLog(input));
  } else {
    CheckOpenAgreesWithCheck(LogFile{std::string(input), {}});
  }
  return 0;
}
