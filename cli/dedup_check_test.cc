#include "cli/dedup_check.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/dedup/deduplicator.h"

namespace gleaner {
namespace cli {
namespace {

using ::gleaner::testing::IsOkAndHolds;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

std::string IndexWith(const std::string& name, int documents) {
  const std::string dir = absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
  workers::dedup::DedupOptions options;
  options.index_dir = dir;
  options.sync = false;
  auto dedup = workers::dedup::Deduplicator::Create(options);
  EXPECT_TRUE(dedup.ok()) << dedup.status();
  for (int i = 0; i < documents; ++i) {
    EXPECT_TRUE((*dedup)
                    ->Process(absl::StrCat("doc-", i),
                              absl::StrCat("기사 ", i, "번. 본문은 서로 다른 문장으로 이어진다 ", i * 7919))
                    .ok());
  }
  return dir;
}

TEST(DedupCheckTest, HealthyIndex) {
  const std::string dir = IndexWith("healthy", 20);
  std::string report;
  EXPECT_THAT(DedupCheck(dir, &report), IsOkAndHolds(true));
  EXPECT_THAT(report, HasSubstr("healthy"));
}

TEST(DedupCheckTest, FlippedBitInTheMiddleIsDamage) {
  const std::string dir = IndexWith("flipped", 200);
  std::fstream log(dir + "/dedup.log", std::ios::in | std::ios::out | std::ios::binary);
  log.seekg(0, std::ios::end);
  const std::streamoff middle = log.tellg() / 2;
  char byte = 0;
  log.seekg(middle);
  log.read(&byte, 1);
  byte ^= 0x04;
  log.seekp(middle);
  log.write(&byte, 1);
  log.close();
  std::string report;
  EXPECT_THAT(DedupCheck(dir, &report), IsOkAndHolds(false));
  EXPECT_THAT(report, HasSubstr("DAMAGED"));
}

TEST(DedupCheckTest, MissingIndex) {
  std::string report;
  EXPECT_THAT(DedupCheck(absl::StrCat(std::getenv("TEST_TMPDIR"), "/none"), &report),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("dedup.log")));
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
