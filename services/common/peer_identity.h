// Who is calling, from the TLS connection: the names in the peer's verified
// client certificate, and an allow list that internal services enforce on
// every call.
//
//   auto creds = grpc::SslServerCredentials(options);
//   creds->SetAuthMetadataProcessor(
//       std::make_shared<PeerAllowList>(std::vector<std::string>{
//           "gleaner-coordinator"}));
//
// The check runs in gRPC's server auth filter, before the call reaches any
// handler (the health service included), so a refused peer costs no
// handler thread and no service sees its request.
#ifndef GLEANER_SERVICES_COMMON_PEER_IDENTITY_H_
#define GLEANER_SERVICES_COMMON_PEER_IDENTITY_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "grpcpp/security/auth_context.h"
#include "grpcpp/security/auth_metadata_processor.h"

namespace gleaner {

// Returns the names a verified peer certificate carries: its common name and
// its subject alternative names (empty for plaintext or no certificate).
std::vector<std::string> PeerNames(const grpc::AuthContext& context);

// Lets a call through only when the peer's certificate names one of the
// allowed identities; otherwise fails it with PERMISSION_DENIED naming the
// peer. Thread-safe; not copyable.
class PeerAllowList final : public grpc::AuthMetadataProcessor {
 public:
  explicit PeerAllowList(const std::vector<std::string>& allowed);
  PeerAllowList(const PeerAllowList&) = delete;
  PeerAllowList& operator=(const PeerAllowList&) = delete;

  // The check only reads the AuthContext: run it inline, on gRPC's thread.
  bool IsBlocking() const override { return false; }

  grpc::Status Process(const InputMetadata& auth_metadata,
                       grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

 private:
  const absl::flat_hash_set<std::string> allowed_;
};

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_PEER_IDENTITY_H_
