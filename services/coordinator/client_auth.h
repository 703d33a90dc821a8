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

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/server_context.h"

namespace gleaner {
namespace coordinator {

// Tokens shorter than this are refused when the file is read (16 bytes).
inline constexpr size_t kMinTokenBytes = 16;

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
  // kUnauthenticated when the call has none or an unknown one.
  absl::StatusOr<std::string> Authenticate(
      const grpc::ServerContext& context) const;

  // Same, for the value of one `authorization` header.
  absl::StatusOr<std::string> AuthenticateHeader(
      absl::string_view authorization) const;

 private:
  explicit ClientAuthenticator(
      absl::flat_hash_map<std::string, std::string> clients)
      : clients_(std::move(clients)) {}

  // token -> client name.
  const absl::flat_hash_map<std::string, std::string> clients_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_CLIENT_AUTH_H_
