// The security flags every Gleaner server (and the `gleaner` command) shares:
//
//   --tls_cert, --tls_key   this process's certificate and key (PEM)
//   --tls_ca                the CA that signs every Gleaner certificate
//   --plaintext             no TLS at all (only when asked for)
//   --allowed_peers         certificate names an internal service accepts
//   --health_port           a plaintext port serving only grpc.health.v1
//
// TLS is the default: a server started with neither the TLS files nor
// --plaintext refuses to start. Flags are read only in main:
//
//   ServerRunnerOptions options;
//   GLEANER_RETURN_IF_ERROR(
//       ApplySecurityFlags(ClientCertificates::kRequire, &options));
#ifndef GLEANER_SERVICES_COMMON_SECURITY_FLAGS_H_
#define GLEANER_SERVICES_COMMON_SECURITY_FLAGS_H_

#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/status/status.h"
#include "services/common/server_runner.h"
#include "services/common/tls_credentials.h"

ABSL_DECLARE_FLAG(std::string, tls_cert);
ABSL_DECLARE_FLAG(std::string, tls_key);
ABSL_DECLARE_FLAG(std::string, tls_ca);
ABSL_DECLARE_FLAG(bool, plaintext);
ABSL_DECLARE_FLAG(std::vector<std::string>, allowed_peers);
ABSL_DECLARE_FLAG(int, health_port);

namespace gleaner {

// The TLS files named by the flags.
TlsFiles TlsFilesFromFlags();

// Sets `options->credentials` (and the health port) from the flags: with
// kRequire, callers must present a certificate naming one of
// --allowed_peers. Returns kInvalidArgument for inconsistent flags and the
// error of an unreadable file.
absl::Status ApplySecurityFlags(ClientCertificates client_certificates,
                                ServerRunnerOptions* options);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_SECURITY_FLAGS_H_
