#include "services/coordinator/client_auth.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::IsOkAndHolds;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kTokens[] =
    "# clients\n"
    "newsroom  0123456789abcdef0123\n"
    "\n"
    "archive\tfedcba9876543210fedc\n";

TEST(ClientAuthenticator, MapsEachTokenToItsClient) {
  auto auth = ClientAuthenticator::Parse(kTokens);
  ASSERT_THAT(auth.status(), IsOk());
  EXPECT_THAT((*auth)->AuthenticateHeader("Bearer 0123456789abcdef0123"),
              IsOkAndHolds("newsroom"));
  EXPECT_THAT((*auth)->AuthenticateHeader("Bearer fedcba9876543210fedc"),
              IsOkAndHolds("archive"));
}

TEST(ClientAuthenticator, RefusesMissingOrUnknownTokens) {
  auto auth = ClientAuthenticator::Parse(kTokens);
  ASSERT_THAT(auth.status(), IsOk());
  EXPECT_THAT((*auth)->AuthenticateHeader(""),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       HasSubstr("no bearer token")));
  EXPECT_THAT((*auth)->AuthenticateHeader("0123456789abcdef0123"),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       HasSubstr("no bearer token")));
  EXPECT_THAT((*auth)->AuthenticateHeader("Bearer 0123456789abcdef012"),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       HasSubstr("unknown bearer token")));
  // A client name is not a token.
  EXPECT_THAT((*auth)->AuthenticateHeader("Bearer newsroom"),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("unknown")));
}

TEST(ConstantTimeEquals, EqualOnlyForTheSameBytes) {
  const std::string secret = "0123456789abcdef";
  struct Case {
    std::string candidate;
    bool equal;
  };
  const Case cases[] = {
      {"0123456789abcdef", true},
      {"x123456789abcdef", false},   // differs in the first byte
      {"0123456789abcdeF", false},   // ... in the last byte
      {"0123456789abcde", false},    // a prefix
      {"0123456789abcdef0", false},  // one byte more
      // The secret twice: compared against the secret repeated, it would
      // match byte for byte; the lengths still differ.
      {"0123456789abcdef0123456789abcdef", false},
      {"", false},
      {std::string("0123456789abcdef\0", 17), false},  // a trailing NUL
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ConstantTimeEquals(c.candidate, secret), c.equal) << c.candidate;
  }
}

TEST(ClientAuthenticator, ComparesTheWholeTokenOfEveryClient) {
  auto auth = ClientAuthenticator::Parse(
      "first  aaaaaaaaaaaaaaaaaaaa\n"
      "second aaaaaaaaaaaaaaaaaaab\n"
      "third  aaaaaaaaaaaaaaaaaaaabbbb\n");
  ASSERT_THAT(auth.status(), IsOk());
  // Tokens sharing a prefix each find their own client, the last line's too.
  EXPECT_THAT((*auth)->AuthenticateHeader("Bearer aaaaaaaaaaaaaaaaaaaa"),
              IsOkAndHolds("first"));
  EXPECT_THAT((*auth)->AuthenticateHeader("Bearer aaaaaaaaaaaaaaaaaaab"),
              IsOkAndHolds("second"));
  EXPECT_THAT((*auth)->AuthenticateHeader("Bearer aaaaaaaaaaaaaaaaaaaabbbb"),
              IsOkAndHolds("third"));
  // A token with something appended, cut short, or one byte off is nobody's.
  for (const char* guess :
       {"Bearer aaaaaaaaaaaaaaaaaaaab", "Bearer aaaaaaaaaaaaaaaaaaa",
        "Bearer aaaaaaaaaaaaaaaaaaac", "Bearer aaaaaaaaaaaaaaaaaaaabbb",
        "Bearer aaaaaaaaaaaaaaaaaaaa ", "Bearer "}) {
    EXPECT_THAT((*auth)->AuthenticateHeader(guess),
                StatusIs(absl::StatusCode::kUnauthenticated,
                         HasSubstr("unknown bearer token")))
        << guess;
  }
}

TEST(ClientAuthenticator, RefusesBadFiles) {
  EXPECT_THAT(ClientAuthenticator::Parse("newsroom\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("line 1: expected NAME TOKEN")));
  EXPECT_THAT(ClientAuthenticator::Parse("a 0123456789abcdef0\nb short\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("line 2: the token of 'b' is shorter")));
  EXPECT_THAT(ClientAuthenticator::Parse(
                  "a 0123456789abcdef0\nb 0123456789abcdef0\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("token already given to 'a'")));
  EXPECT_THAT(ClientAuthenticator::Parse("# nobody\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("names no client")));
  EXPECT_THAT(ClientAuthenticator::FromFile("/nonexistent/tokens").status(),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("/nonexistent")));
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
