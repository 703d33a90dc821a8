#include "services/coordinator/job_id.h"

#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace coordinator {
namespace {

TEST(NewJobId, Has128BitsOfHex) {
  const std::string id = NewJobId();
  EXPECT_THAT(id, ::testing::MatchesRegex("job-[0-9a-f]{32}"));
}

TEST(NewJobId, NeverRepeatsAndIsNotACounter) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.insert(NewJobId());
  EXPECT_EQ(ids.size(), 1000u);
  // Consecutive ids share no long prefix, as startup-time-and-counter ids
  // did: of 1000 random ids, the expected longest common prefix with the
  // next one is about 1 hex digit; 8 has probability ~2^-32 per pair.
  auto it = ids.begin();
  std::string previous = *it;
  for (++it; it != ids.end(); ++it) {
    size_t common = 0;
    while (common < it->size() && (*it)[common] == previous[common]) ++common;
    EXPECT_LT(common, 4u + 8u) << previous << " " << *it;
    previous = *it;
  }
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
