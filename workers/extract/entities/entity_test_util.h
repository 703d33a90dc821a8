// Helpers shared by the entity extractor's table-driven tests.
//
//   EXPECT_THAT(RenderMentions(text, SharedExtractor().Extract(text)),
//               ElementsAre("엔비디아|ORG|엔비디아"));
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_TEST_UTIL_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_TEST_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "workers/extract/entities/entity_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// Returns "ORG", "PER", "LOC" or "PRD": short enough for table rows.
inline const char* ShortType(EntityType t) {
  switch (t) {
    case EntityType::kOrganization:
      return "ORG";
    case EntityType::kPerson:
      return "PER";
    case EntityType::kLocation:
      return "LOC";
    case EntityType::kProduct:
      return "PRD";
  }
  return "?";
}

// Renders mentions as "surface|TYPE|canonical".
inline std::vector<std::string> RenderMentions(
    absl::string_view text, const std::vector<EntityMention>& mentions) {
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) {
    out.push_back(absl::StrCat(text.substr(m.begin, m.end - m.begin), "|",
                               ShortType(m.type), "|", m.canonical));
  }
  return out;
}

// Returns one extractor over the shipped gazetteer, built once per test
// binary (building it is the slow part); aborts if it cannot be built.
inline const EntityExtractor& SharedExtractor() {
  static const EntityExtractor* extractor = [] {
    auto created = EntityExtractor::Create();
    if (!created.ok()) {
      std::fprintf(stderr, "%s\n", created.status().ToString().c_str());
      std::abort();
    }
    return created->release();
  }();
  return *extractor;
}

// One table row: a text and every mention expected in it, in order. An
// empty list is a negative case: nothing in the text is an entity.
struct MentionCase {
  const char* text;
  std::vector<std::string> want;
};

// A table of MentionCases: instantiate with
//   INSTANTIATE_TEST_SUITE_P(Name, MentionTableTest, ::testing::ValuesIn(cases));
// The one test (in mention_table_test.cc, target :mention_table_test)
// checks that Extract() finds exactly the expected mentions, in order.
class MentionTableTest : public ::testing::TestWithParam<MentionCase> {};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_ENTITY_TEST_UTIL_H_
