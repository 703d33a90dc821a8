#include "services/coordinator/client_auth.h"

#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
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

bool ConstantTimeEquals(absl::string_view candidate, absl::string_view secret) {
  // Every byte of the candidate is compared (against the secret repeated,
  // when lengths differ) and the differences only accumulated, so the loop
  // runs candidate.size() times whatever the contents.
  unsigned char differ = candidate.size() == secret.size() ? 0 : 1;
  for (size_t i = 0; i < candidate.size(); ++i) {
    differ |= static_cast<unsigned char>(candidate[i]) ^
              static_cast<unsigned char>(secret[i % secret.size()]);
  }
  return differ == 0;
}

absl::StatusOr<std::unique_ptr<ClientAuthenticator>> ClientAuthenticator::Parse(
    absl::string_view contents) {
  // token -> client name, to refuse a token given twice (reading the file
  // is not a secret-dependent path a caller can time).
  absl::flat_hash_map<std::string, std::string> names;
  std::vector<Client> clients;
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
    auto [known, added] =
        names.emplace(std::string(fields[1]), std::string(fields[0]));
    if (!added) {
      return absl::InvalidArgumentError(
          absl::StrCat("token file line ", line_number,
                       ": token already given to '", known->second, "'"));
    }
    clients.push_back({std::string(fields[1]), std::string(fields[0])});
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
  // Every client's token is compared, even after a match: which client
  // matched (and whether any did) must not show in the time taken.
  const Client* match = nullptr;
  for (const Client& client : clients_) {
    const bool equal = ConstantTimeEquals(authorization, client.token);
    match = equal ? &client : match;
  }
  if (match == nullptr) {
    return absl::UnauthenticatedError("unknown bearer token");
  }
  return match->name;
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
