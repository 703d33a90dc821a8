// Transport security for every Gleaner server and client: TLS from PEM
// files, mutual TLS between the services, plaintext only when asked for.
//
//   TlsFiles files{.cert_file = "dedup.crt", .key_file = "dedup.key",
//                  .ca_file = "ca.crt"};
//   GLEANER_ASSIGN_OR_RETURN(auto server_creds,
//       MakeServerCredentials(files, ClientCertificates::kRequire,
//                             {"gleaner-coordinator"}));
//   GLEANER_ASSIGN_OR_RETURN(auto channel_creds, MakeChannelCredentials(files));
//
// The services form one trust domain: every certificate is signed by one CA
// (`ca_file`), each service presents its own certificate both as a server and,
// when it calls another service, as a client. Internal services
// (dedup, sentence, extract, aggregator) require a client certificate and
// accept only the peers named in their allow list (the coordinator), checked
// on every call from the connection's grpc::AuthContext (peer_identity.h).
// The coordinator's public port asks clients for no certificate: clients
// present a bearer token instead (services/coordinator/client_auth.h).
#ifndef GLEANER_SERVICES_COMMON_TLS_CREDENTIALS_H_
#define GLEANER_SERVICES_COMMON_TLS_CREDENTIALS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/security/server_credentials.h"

namespace gleaner {

// Where a process finds its certificates. Copyable.
struct TlsFiles {
  // Serve and call in plaintext (no TLS, no peer identity); only when asked
  // for (--plaintext).
  bool plaintext = false;
  // This process's certificate chain (PEM); required for servers, optional
  // for clients (then no client certificate is presented).
  std::string cert_file;
  // The private key of `cert_file` (PEM).
  std::string key_file;
  // The CA certificate(s) that sign the peers' certificates (PEM); required.
  std::string ca_file;
};

// Whether a server asks its clients for a certificate.
enum class ClientCertificates {
  // The coordinator's public port: clients authenticate with tokens.
  kNone,
  // Internal services: a certificate signed by the CA is required.
  kRequire,
};

// Checks that `files` either asks for plaintext or names a CA (and, for a
// server, a certificate and key). Returns kInvalidArgument naming the
// missing flag.
absl::Status ValidateTlsFiles(const TlsFiles& files, bool for_server);

// Credentials for a server. With kRequire, only calls from a peer whose
// certificate names one of `allowed_peers` (common name or subject
// alternative name) are let through; others fail with PERMISSION_DENIED.
// Plaintext gives insecure credentials and checks no identity.
// Returns kInvalidArgument for missing flags, kNotFound/kPermissionDenied
// for unreadable files.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsFiles& files, ClientCertificates client_certificates,
    const std::vector<std::string>& allowed_peers);

// Credentials for a channel to a Gleaner server: verifies the server against
// `ca_file` and presents `cert_file` when one is given.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const TlsFiles& files);

// Reads a whole (small) file: certificates, keys, token files.
absl::StatusOr<std::string> ReadSmallFile(const std::string& path);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_TLS_CREDENTIALS_H_
