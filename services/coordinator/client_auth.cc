#include "services/coordinator/client_auth.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/common/status_macros.h"
#include "services/common/tls_credentials.h"

namespace gleaner {
namespace coordinator {

namespace {

constexpr char kAuthorization[] = "authorization";
constexpr char kBearer[] = "Bearer ";

}  // namespace

absl::StatusOr<std::unique_ptr<ClientAuthenticator>> ClientAuthenticator::Parse(
    absl::string_view contents) {
  absl::flat_hash_map<std::string, std::string> clients;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          "token file line ", line_number, ": expected NAME TOKEN"));
    }
    if (fields[1].size() < kMinTokenBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat("token file line ", line_number, ": the token of '",
                       fields[0], "' is shorter than ", kMinTokenBytes,
                       " bytes"));
    }
    if (!clients.emplace(std::string(fields[1]), std::string(fields[0]))
             .second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "token file line ", line_number, ": token already given to '",
          clients[std::string(fields[1])], "'"));
    }
  }
  if (clients.empty()) {
    return absl::InvalidArgumentError("token file names no client");
  }
  return std::unique_ptr<ClientAuthenticator>(
      new ClientAuthenticator(std::move(clients)));
}

absl::StatusOr<std::unique_ptr<ClientAuthenticator>>
ClientAuthenticator::FromFile(const std::string& path) {
  GLEANER_ASSIGN_OR_RETURN(std::string contents, ReadSmallFile(path));
  absl::StatusOr<std::unique_ptr<ClientAuthenticator>> parsed =
      Parse(contents);
  if (!parsed.ok()) {
    return absl::Status(parsed.status().code(),
                        absl::StrCat(path, ": ", parsed.status().message()));
  }
  return parsed;
}

absl::StatusOr<std::string> ClientAuthenticator::AuthenticateHeader(
    absl::string_view authorization) const {
  if (!absl::StartsWith(authorization, kBearer)) {
    return absl::UnauthenticatedError(
        "the call carries no bearer token (authorization: Bearer TOKEN)");
  }
  authorization.remove_prefix(sizeof(kBearer) - 1);
  auto it = clients_.find(authorization);
  if (it == clients_.end()) {
    return absl::UnauthenticatedError("unknown bearer token");
  }
  return it->second;
}

absl::StatusOr<std::string> ClientAuthenticator::Authenticate(
    const grpc::ServerContext& context) const {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(kAuthorization);
  if (it == metadata.end()) return AuthenticateHeader("");
  return AuthenticateHeader(absl::string_view(it->second.data(), it->second.size()));
}

}  // namespace coordinator
}  // namespace gleaner
