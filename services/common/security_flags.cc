#include "services/common/security_flags.h"

#include "absl/flags/flag.h"
#include "services/common/status_macros.h"

ABSL_FLAG(std::string, tls_cert, "",
          "This process's TLS certificate chain (PEM file).");
ABSL_FLAG(std::string, tls_key, "", "The private key of --tls_cert (PEM file).");
ABSL_FLAG(std::string, tls_ca, "",
          "The CA certificate that signs every Gleaner certificate (PEM "
          "file); peers are verified against it.");
ABSL_FLAG(bool, plaintext, false,
          "Serve and call without TLS: no encryption, no peer identity. Only "
          "for a trusted network; TLS is the default.");
// Internal services are called by the coordinator only.
ABSL_FLAG(std::vector<std::string>, allowed_peers, {"gleaner-coordinator"},
          "Certificate names (CN or SAN) an internal service accepts calls "
          "from, comma-separated.");
ABSL_FLAG(int, health_port, -1,
          "Also serve grpc.health.v1.Health, and nothing else, in plaintext "
          "on this port (for probes that speak no TLS); -1: off.");

namespace gleaner {

TlsFiles TlsFilesFromFlags() {
  TlsFiles files;
  files.plaintext = absl::GetFlag(FLAGS_plaintext);
  files.cert_file = absl::GetFlag(FLAGS_tls_cert);
  files.key_file = absl::GetFlag(FLAGS_tls_key);
  files.ca_file = absl::GetFlag(FLAGS_tls_ca);
  return files;
}

absl::Status ApplySecurityFlags(ClientCertificates client_certificates,
                                ServerRunnerOptions* options) {
  const TlsFiles files = TlsFilesFromFlags();
  GLEANER_ASSIGN_OR_RETURN(
      options->credentials,
      MakeServerCredentials(files, client_certificates,
                            absl::GetFlag(FLAGS_allowed_peers)));
  // Null is how ServerRunnerOptions says plaintext (and logs it).
  if (files.plaintext) options->credentials = nullptr;
  options->health_port = absl::GetFlag(FLAGS_health_port);
  return absl::OkStatus();
}

}  // namespace gleaner
