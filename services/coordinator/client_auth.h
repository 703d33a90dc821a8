// Who a Coordinator client is: a bearer token per client, from a token file.
//
//   # clients.tokens: one client per line, NAME TOKEN
//   newsroom   9f2c0d5b7a1e4c3f8d6b2a0e9c7f5d3b
//
//   GLEANER_ASSIGN_OR_RETURN(auto auth,
//                            ClientAuthenticator::FromFile("clients.tokens"));
//   absl::StatusOr<std::string> client = auth->Authenticate(*context);
//
// Clients send `authorization: Bearer TOKEN` metadata on every call (the
// `gleaner` command's --token_file, the Python client's `token=`). The
// client name is what job ownership is recorded under (a job's status and
// view are visible only to the client that submitted it).
#ifndef GLEANER_SERVICES_COORDINATOR_CLIENT_AUTH_H_
#define GLEANER_SERVICES_COORDINATOR_CLIENT_AUTH_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/server_context.h"

namespace gleaner {
namespace coordinator {

// Tokens shorter than this are refused when the file is read (16 bytes).
inline constexpr size_t kMinTokenBytes = 16;

// Returns whether `candidate` equals `secret`, in a time that depends only on
// candidate.size() (which the caller already knows), never on where the two
// first differ or on the secret's length: no early exit, unlike `==`.
// REQUIRES: !secret.empty().
bool ConstantTimeEquals(absl::string_view candidate, absl::string_view secret);

// Immutable after construction, so thread-safe. Not copyable.
class ClientAuthenticator {
 public:
  // Parses a token file: lines "NAME TOKEN", blank lines and lines starting
  // with '#' skipped. Returns kInvalidArgument (with the line number) for a
  // malformed line, a short or repeated token, or a file with no client.
  static absl::StatusOr<std::unique_ptr<ClientAuthenticator>> Parse(
      absl::string_view contents);
  // Same, from a file.
  static absl::StatusOr<std::unique_ptr<ClientAuthenticator>> FromFile(
      const std::string& path);

  ClientAuthenticator(const ClientAuthenticator&) = delete;
  ClientAuthenticator& operator=(const ClientAuthenticator&) = delete;

  // Returns the name of the client whose bearer token the call carries;
  // kUnauthenticated when the call has none or an unknown one. The token is
  // compared with every client's in constant time (ConstantTimeEquals), so
  // the time taken tells a caller nothing about how close a guess was.
  absl::StatusOr<std::string> Authenticate(
      const grpc::ServerContext& context) const;

  // Same, for the value of one `authorization` header.
  absl::StatusOr<std::string> AuthenticateHeader(
      absl::string_view authorization) const;

 private:
  struct Client {
    std::string token;
    std::string name;
  };

  explicit ClientAuthenticator(std::vector<Client> clients)
      : clients_(std::move(clients)) {}

  // Every client, in file order. A list scanned in full, not a hash map:
  // a map lookup hashes and compares the guess with early exits.
  const std::vector<Client> clients_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_CLIENT_AUTH_H_
