// GoogleTest matchers for absl::Status and absl::StatusOr<T>.
//
// Debian's Abseil has no status_matchers.h; these cover what Gleaner's tests
// need:
//
//   EXPECT_THAT(Parse(""), StatusIs(absl::StatusCode::kInvalidArgument,
//                                   HasSubstr("empty")));
//   EXPECT_THAT(Parse("1"), IsOk());
//   EXPECT_THAT(Parse("1"), IsOkAndHolds(1));
#ifndef GLEANER_SERVICES_COMMON_STATUS_MATCHERS_H_
#define GLEANER_SERVICES_COMMON_STATUS_MATCHERS_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"

namespace gleaner {
namespace testing {
namespace internal {

inline const absl::Status& GetStatus(const absl::Status& status) {
  return status;
}
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

}  // namespace internal

// Matches an OK absl::Status or absl::StatusOr<T>.
MATCHER(IsOk, "is OK") {
  const absl::Status& status = internal::GetStatus(arg);
  if (!status.ok()) *result_listener << "status is " << status.ToString();
  return status.ok();
}

// Matches a status (or StatusOr) with the given code and a message matching
// `message_matcher` (a string or a matcher such as HasSubstr).
MATCHER_P2(StatusIs, code, message_matcher,
           "has code " + ::testing::PrintToString(code)) {
  const absl::Status& status = internal::GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code &&
         ::testing::ExplainMatchResult(
             ::testing::MatcherCast<const std::string&>(message_matcher),
             std::string(status.message()), result_listener);
}

// Matches an OK StatusOr<T> whose value matches `value_matcher`.
MATCHER_P(IsOkAndHolds, value_matcher, "is OK and holds a matching value") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status().ToString();
    return false;
  }
  return ::testing::ExplainMatchResult(value_matcher, *arg, result_listener);
}

}  // namespace testing
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_STATUS_MATCHERS_H_
