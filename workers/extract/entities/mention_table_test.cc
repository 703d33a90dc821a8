// The test behind MentionTableTest (entity_test_util.h), shared by the
// table-driven suites that instantiate it.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/entities/entity_test_util.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::testing::ElementsAreArray;

TEST_P(MentionTableTest, FindsExactlyTheExpectedMentions) {
  const MentionCase& c = GetParam();
  EXPECT_THAT(RenderMentions(c.text, SharedExtractor().Extract(c.text)), ElementsAreArray(c.want)) << c.text;
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
