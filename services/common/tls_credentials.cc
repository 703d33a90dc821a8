#include "services/common/tls_credentials.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "services/common/peer_identity.h"
#include "services/common/status_macros.h"

namespace gleaner {

absl::StatusOr<std::string> ReadSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    const std::string message =
        absl::StrCat("cannot read ", path, ": ", std::strerror(error));
    return error == ENOENT ? absl::NotFoundError(message)
                           : absl::PermissionDeniedError(message);
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

absl::Status ValidateTlsFiles(const TlsFiles& files, bool for_server) {
  if (files.plaintext) return absl::OkStatus();
  if (files.ca_file.empty()) {
    return absl::InvalidArgumentError(
        "TLS needs --tls_ca (the CA that signs Gleaner's certificates); "
        "--plaintext turns TLS off");
  }
  if (for_server && (files.cert_file.empty() || files.key_file.empty())) {
    return absl::InvalidArgumentError(
        "a TLS server needs --tls_cert and --tls_key; --plaintext turns TLS "
        "off");
  }
  if (files.cert_file.empty() != files.key_file.empty()) {
    return absl::InvalidArgumentError(
        "--tls_cert and --tls_key go together");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsFiles& files, ClientCertificates client_certificates,
    const std::vector<std::string>& allowed_peers) {
  GLEANER_RETURN_IF_ERROR(ValidateTlsFiles(files, /*for_server=*/true));
  if (files.plaintext) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions options(
      client_certificates == ClientCertificates::kRequire
          ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
          : GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  GLEANER_ASSIGN_OR_RETURN(options.pem_root_certs, ReadSmallFile(files.ca_file));
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  GLEANER_ASSIGN_OR_RETURN(pair.private_key, ReadSmallFile(files.key_file));
  GLEANER_ASSIGN_OR_RETURN(pair.cert_chain, ReadSmallFile(files.cert_file));
  options.pem_key_cert_pairs.push_back(std::move(pair));
  std::shared_ptr<grpc::ServerCredentials> credentials =
      grpc::SslServerCredentials(options);
  if (client_certificates == ClientCertificates::kRequire) {
    if (allowed_peers.empty()) {
      return absl::InvalidArgumentError(
          "an internal service needs at least one allowed peer "
          "(--allowed_peers)");
    }
    credentials->SetAuthMetadataProcessor(
        std::make_shared<PeerAllowList>(allowed_peers));
  }
  return credentials;
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const TlsFiles& files) {
  GLEANER_RETURN_IF_ERROR(ValidateTlsFiles(files, /*for_server=*/false));
  if (files.plaintext) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions options;
  GLEANER_ASSIGN_OR_RETURN(options.pem_root_certs, ReadSmallFile(files.ca_file));
  if (!files.cert_file.empty()) {
    GLEANER_ASSIGN_OR_RETURN(options.pem_private_key,
                             ReadSmallFile(files.key_file));
    GLEANER_ASSIGN_OR_RETURN(options.pem_cert_chain,
                             ReadSmallFile(files.cert_file));
  }
  return grpc::SslCredentials(options);
}

}  // namespace gleaner
