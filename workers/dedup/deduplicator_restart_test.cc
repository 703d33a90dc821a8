// Restart persistence with a real process: a child indexes documents into a
// directory and is killed with SIGKILL mid-stream; the reopened index must
// know every document the child acknowledged.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/dedup/deduplicator.h"
#include "workers/dedup/synthetic_documents.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

using ::gleaner::testing::IsOk;

std::string HelperPath() {
  if (const char* p = std::getenv("DEDUP_CRASH_HELPER")) return p;
  return "workers/dedup/dedup_crash_helper";  // Bazel runfiles layout
}

TEST(DeduplicatorRestartTest, AcknowledgedDocumentsSurviveSigkill) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string dir = absl::StrCat(tmp ? tmp : "/tmp", "/dedup_restart_", ::getpid());
  ASSERT_EQ(std::system(absl::StrCat("rm -rf '", dir, "'").c_str()), 0);

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string helper = HelperPath();
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::execl(helper.c_str(), helper.c_str(), dir.c_str(), "100000", nullptr);
    std::_Exit(127);
  }
  ::close(fds[1]);
  FILE* out = ::fdopen(fds[0], "r");
  ASSERT_NE(out, nullptr);

  // Read acknowledgements; kill the child while it is still indexing.
  std::map<std::string, std::string> acked;  // id -> duplicate_of
  constexpr int kKillAfter = 150;
  char line[512];
  bool killed = false;
  while (std::fgets(line, sizeof(line), out) != nullptr) {
    std::vector<std::string> parts =
        absl::StrSplit(absl::StripTrailingAsciiWhitespace(line), ' ');
    if (parts.size() >= 2 && parts[0] == "ACK") {
      acked[parts[1]] = parts.size() >= 3 ? parts[2] : "";
    }
    if (!killed && acked.size() >= kKillAfter) {
      ASSERT_EQ(::kill(child, SIGKILL), 0);
      killed = true;  // keep reading: acks already written count too
    }
  }
  std::fclose(out);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(killed) << "helper exited early; status " << status;
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
  ASSERT_GE(acked.size(), static_cast<size_t>(kKillAfter));

  DedupOptions options;
  options.index_dir = dir;
  absl::StatusOr<std::unique_ptr<Deduplicator>> reopened = Deduplicator::Create(options);
  ASSERT_THAT(reopened, IsOk());
  Deduplicator& dedup = **reopened;
  const size_t count = dedup.document_count();
  EXPECT_GE(count, acked.size());  // the child may have logged one more

  // Every acknowledged document is known: a retry returns its recorded
  // verdict and adds nothing.
  for (const auto& [id, duplicate_of] : acked) {
    uint64_t index = 0;
    ASSERT_TRUE(absl::SimpleAtoi(absl::string_view(id).substr(4), &index)) << id;
    absl::StatusOr<DedupVerdict> v = dedup.Process(id, SyntheticStreamDocument(index));
    ASSERT_THAT(v, IsOk());
    EXPECT_EQ(v->duplicate_of, duplicate_of) << id;
    EXPECT_EQ(v->sequence, static_cast<int64_t>(index)) << id;
  }
  EXPECT_EQ(dedup.document_count(), count);

  // A new copy of an acknowledged document is found as a duplicate.
  absl::StatusOr<DedupVerdict> copy = dedup.Process("tomorrow", SyntheticStreamDocument(1));
  ASSERT_THAT(copy, IsOk());
  EXPECT_EQ(copy->kind, DuplicateKind::kExact);
  EXPECT_EQ(copy->duplicate_of, "doc-1");
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
