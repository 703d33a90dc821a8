#include "services/common/peer_identity.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace gleaner {

namespace {

// Property names gRPC's SSL transport puts in the AuthContext
// (GRPC_X509_CN_PROPERTY_NAME, GRPC_X509_SAN_PROPERTY_NAME).
constexpr char kCommonName[] = "x509_common_name";
constexpr char kSubjectAltName[] = "x509_subject_alternative_name";

}  // namespace

std::vector<std::string> PeerNames(const grpc::AuthContext& context) {
  std::vector<std::string> names;
  // Only a certificate the TLS handshake verified against the CA counts.
  if (!context.IsPeerAuthenticated()) return names;
  for (const char* property : {kCommonName, kSubjectAltName}) {
    for (const grpc::string_ref& value : context.FindPropertyValues(property)) {
      names.emplace_back(value.data(), value.size());
    }
  }
  return names;
}

PeerAllowList::PeerAllowList(const std::vector<std::string>& allowed)
    : allowed_(allowed.begin(), allowed.end()) {}

grpc::Status PeerAllowList::Process(const InputMetadata& /*auth_metadata*/,
                                    grpc::AuthContext* context,
                                    OutputMetadata* /*consumed_auth_metadata*/,
                                    OutputMetadata* /*response_metadata*/) {
  const std::vector<std::string> names = PeerNames(*context);
  for (const std::string& name : names) {
    if (allowed_.contains(name)) return grpc::Status::OK;
  }
  return grpc::Status(
      grpc::StatusCode::PERMISSION_DENIED,
      absl::StrCat("peer '", names.empty() ? "(no certificate)" : names.front(),
                   "' is not allowed here; allowed: ",
                   absl::StrJoin(allowed_, ", ")));
}

}  // namespace gleaner
