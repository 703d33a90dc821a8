#include "workers/dedup/index_log.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::IsOkAndHolds;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string TempPath(absl::string_view name) {
  const char* base = std::getenv("TEST_TMPDIR");
  const std::string path =
      absl::StrCat(base != nullptr ? base : "/tmp", "/index_log_", name, "_", ::getpid());
  ::unlink(path.c_str());
  return path;
}

// Opens `path` and returns the replayed records.
std::vector<std::string> Replay(const std::string& path, std::unique_ptr<IndexLog>* log) {
  std::vector<std::string> records;
  auto opened = IndexLog::Open(path, [&](absl::string_view r) {
    records.emplace_back(r);
    return absl::OkStatus();
  });
  EXPECT_THAT(opened, IsOk());
  if (opened.ok() && log != nullptr) *log = std::move(opened).value();
  return records;
}

void AppendRaw(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << bytes;
}

TEST(IndexLogTest, AppendsAndReplaysInOrder) {
  const std::string path = TempPath("order");
  {
    std::unique_ptr<IndexLog> log;
    EXPECT_THAT(Replay(path, &log), IsEmpty());
    ASSERT_THAT(log->Append("one"), IsOk());
    ASSERT_THAT(log->Append(""), IsOk());
    ASSERT_THAT(log->Append(std::string(100000, 'x')), IsOk());
  }
  std::unique_ptr<IndexLog> log;
  const std::vector<std::string> records = Replay(path, &log);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0], "one");
  EXPECT_EQ(records[1], "");
  EXPECT_EQ(records[2], std::string(100000, 'x'));
  EXPECT_EQ(log->dropped_tail_bytes(), 0u);
}

TEST(IndexLogTest, TornTailIsDroppedAndOverwritten) {
  struct Case {
    const char* name;
    std::string tail;
  };
  const std::string frame = IndexLog::Frame("lost");
  const std::vector<Case> cases = {
      {"short_header", frame.substr(0, 3)},
      {"short_payload", frame.substr(0, frame.size() - 1)},
      {"bad_crc", frame.substr(0, 4) + "\xde\xad\xbe\xef" + frame.substr(8)},
      {"huge_length", std::string("\xff\xff\xff\x7f\0\0\0\0", 8)},
  };
  for (const Case& c : cases) {
    const std::string path = TempPath(c.name);
    {
      std::unique_ptr<IndexLog> log;
      Replay(path, &log);
      ASSERT_THAT(log->Append("kept"), IsOk());
    }
    AppendRaw(path, c.tail);
    {
      std::unique_ptr<IndexLog> log;
      EXPECT_THAT(Replay(path, &log), ElementsAre("kept")) << c.name;
      EXPECT_EQ(log->dropped_tail_bytes(), c.tail.size()) << c.name;
      ASSERT_THAT(log->Append("after"), IsOk());
    }
    EXPECT_THAT(Replay(path, nullptr), ElementsAre("kept", "after")) << c.name;
  }
}

// Flips one bit at `offset` of the file at `path`.
void FlipBit(const std::string& path, uint64_t offset) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.read(&c, 1);
  c ^= 0x10;
  f.seekp(static_cast<std::streamoff>(offset));
  f.write(&c, 1);
}

uint64_t FileSize(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  return static_cast<uint64_t>(in.tellg());
}

TEST(IndexLogTest, DamageInTheMiddleIsRefusedAndLeftUntouched) {
  // One flipped bit anywhere in a middle record: its payload, its checksum
  // or its length field. Today's torn-tail rule would have truncated there
  // and silently dropped the records after it.
  const std::string frame = IndexLog::Frame("record 0000");
  const uint64_t middle = 1500 * frame.size();
  struct Case {
    const char* name;
    uint64_t offset;
  };
  const std::vector<Case> cases = {
      {"payload", middle + 8 + 3},
      {"checksum", middle + 5},
      {"length", middle + 1},
  };
  for (const Case& c : cases) {
    const std::string path = TempPath(std::string("middle_") + c.name);
    {
      IndexLogOptions no_sync;  // thousands of fdatasyncs would only slow the test
      no_sync.sync = false;
      absl::StatusOr<std::unique_ptr<IndexLog>> log =
          IndexLog::Open(path, [](absl::string_view) { return absl::OkStatus(); }, no_sync);
      ASSERT_THAT(log, IsOk());
      for (int i = 0; i < 3001; ++i) {
        ASSERT_THAT((*log)->Append(absl::StrFormat("record %04d", i)), IsOk());
      }
    }
    const uint64_t size = FileSize(path);
    FlipBit(path, c.offset);
    EXPECT_THAT(IndexLog::Open(path, [](absl::string_view) { return absl::OkStatus(); }),
                StatusIs(absl::StatusCode::kDataLoss,
                         ::testing::HasSubstr("intact records follow")))
        << c.name;
    EXPECT_EQ(FileSize(path), size) << c.name;  // nothing truncated

    absl::StatusOr<IndexLog::CheckReport> report = IndexLog::Check(path);
    ASSERT_THAT(report, IsOk()) << c.name;
    EXPECT_FALSE(report->healthy()) << c.name;
    EXPECT_EQ(report->records, 1500u) << c.name;
    EXPECT_EQ(report->intact_bytes, middle) << c.name;
    EXPECT_EQ(report->file_bytes, size) << c.name;
    EXPECT_THAT(report->intact_record_after, ::testing::Optional(middle + frame.size()))
        << c.name;
  }
}

TEST(IndexLogTest, CheckCallsATornTailHealthy) {
  const std::string path = TempPath("check_torn");
  {
    std::unique_ptr<IndexLog> log;
    Replay(path, &log);
    ASSERT_THAT(log->Append("kept"), IsOk());
  }
  const std::string torn = IndexLog::Frame("lost").substr(0, 9);
  AppendRaw(path, torn);
  absl::StatusOr<IndexLog::CheckReport> report = IndexLog::Check(path);
  ASSERT_THAT(report, IsOk());
  EXPECT_TRUE(report->healthy());
  EXPECT_EQ(report->records, 1u);
  EXPECT_EQ(report->bad_bytes(), torn.size());
  EXPECT_EQ(FileSize(path), IndexLog::Frame("kept").size() + torn.size());  // read only
}

TEST(IndexLogTest, StartOffsetSkipsThePrefixAndRecordCrcChecksIt) {
  const std::string path = TempPath("start_offset");
  uint64_t offset = 0, last = 0;
  uint32_t crc = 0;
  {
    std::unique_ptr<IndexLog> log;
    Replay(path, &log);
    ASSERT_THAT(log->Append("one"), IsOk());
    ASSERT_THAT(log->Append("two"), IsOk());
    offset = log->size_bytes();
    last = log->last_record_offset();
    crc = log->last_record_crc();
    ASSERT_THAT(log->Append("three"), IsOk());
  }
  EXPECT_THAT(IndexLog::RecordCrcAt(path, last, offset), IsOkAndHolds(crc));
  EXPECT_THAT(IndexLog::RecordCrcAt(path, 0, offset),
              StatusIs(absl::StatusCode::kDataLoss, ::testing::HasSubstr("ends at")));
  std::vector<std::string> records;
  IndexLogOptions options;
  options.start_offset = offset;
  ASSERT_THAT(IndexLog::Open(path,
                             [&](absl::string_view r) {
                               records.emplace_back(r);
                               return absl::OkStatus();
                             },
                             options),
              IsOk());
  EXPECT_THAT(records, ElementsAre("three"));
}

TEST(IndexLogTest, ReadAllIsStrict) {
  const std::string path = TempPath("read_all");
  AppendRaw(path, IndexLog::Frame("a") + IndexLog::Frame("b"));
  std::vector<std::string> records;
  auto collect = [&](absl::string_view r) {
    records.emplace_back(r);
    return absl::OkStatus();
  };
  EXPECT_THAT(IndexLog::ReadAll(path, collect), IsOk());
  EXPECT_THAT(records, ElementsAre("a", "b"));
  AppendRaw(path, IndexLog::Frame("c").substr(0, 5));  // torn
  EXPECT_THAT(IndexLog::ReadAll(path, collect),
              StatusIs(absl::StatusCode::kDataLoss, ::testing::HasSubstr("truncated")));
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  EXPECT_EQ(static_cast<size_t>(in.tellg()), 2 * IndexLog::Frame("a").size() + 5);  // untouched
}

// Found by tests/fuzz/index_log_fuzzer: a snapshot whose length field says
// 4 GiB made ReadAll (and Check) allocate that much before noticing the file
// is 12 bytes long.
TEST(IndexLogTest, ReadAllRefusesALengthOverTheLimitWithoutReadingIt) {
  const std::string path = TempPath("read_all_length");
  std::string record = IndexLog::Frame("abcd");
  record[0] = record[1] = record[2] = '\xff';
  record[3] = '\x7f';  // 2 GiB
  AppendRaw(path, record);
  auto ignore = [](absl::string_view) { return absl::OkStatus(); };
  EXPECT_THAT(IndexLog::ReadAll(path, ignore, nullptr, 1 << 20),
              StatusIs(absl::StatusCode::kDataLoss, ::testing::HasSubstr("over the limit")));
  auto report = IndexLog::Check(path, 1 << 20);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->records, 0u);
  EXPECT_EQ(report->intact_bytes, 0u);
  EXPECT_TRUE(report->healthy());  // nothing intact after it: a torn tail
}

TEST(IndexLogTest, ReplayErrorIsReturned) {
  const std::string path = TempPath("replay_error");
  {
    std::unique_ptr<IndexLog> log;
    Replay(path, &log);
    ASSERT_THAT(log->Append("bad"), IsOk());
  }
  EXPECT_THAT(IndexLog::Open(path, [](absl::string_view) {
                return absl::DataLossError("cannot apply");
              }),
              StatusIs(absl::StatusCode::kDataLoss, "cannot apply"));
}

TEST(IndexLogTest, OpenInMissingDirectoryFails) {
  EXPECT_THAT(IndexLog::Open("/nonexistent-dir/x/log",
                             [](absl::string_view) { return absl::OkStatus(); }),
              StatusIs(absl::StatusCode::kNotFound, ::testing::HasSubstr("open")));
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
