#include "services/common/grpc_status.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_macros.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::IsOkAndHolds;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

TEST(GrpcStatus, RoundTripsCodeAndMessage) {
  absl::Status original = absl::ResourceExhaustedError("document too large");
  grpc::Status converted = ToGrpcStatus(original);
  EXPECT_EQ(converted.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(FromGrpcStatus(converted),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       "document too large"));
}

TEST(GrpcStatus, OkStaysOk) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  EXPECT_THAT(FromGrpcStatus(grpc::Status::OK), IsOk());
}

TEST(GrpcStatus, CapsLongMessagesOnACharacterBoundary) {
  std::string message;
  for (int i = 0; i < 1000; ++i) message += "가";  // 3 bytes each
  grpc::Status converted = ToGrpcStatus(absl::InternalError(message));
  EXPECT_LE(converted.error_message().size(), kMaxStatusMessageBytes);
  EXPECT_EQ(converted.error_message().size() % 3, 0u);
}

absl::StatusOr<int> Half(int x) {
  if (x % 2 != 0) return absl::InvalidArgumentError("odd");
  return x / 2;
}

absl::StatusOr<int> Quarter(int x) {
  GLEANER_ASSIGN_OR_RETURN(int half, Half(x));
  GLEANER_ASSIGN_OR_RETURN(half, Half(half));
  return half;
}

absl::Status CheckEven(int x) {
  GLEANER_RETURN_IF_ERROR(Half(x).status());
  return absl::OkStatus();
}

TEST(StatusMacros, PropagateErrorsAndValues) {
  EXPECT_THAT(Quarter(8), IsOkAndHolds(2));
  EXPECT_THAT(Quarter(6), StatusIs(absl::StatusCode::kInvalidArgument,
                                   HasSubstr("odd")));
  EXPECT_THAT(CheckEven(3), StatusIs(absl::StatusCode::kInvalidArgument, "odd"));
  EXPECT_THAT(CheckEven(4), IsOk());
}

}  // namespace
}  // namespace gleaner
