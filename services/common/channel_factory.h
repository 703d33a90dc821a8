// The one place where Gleaner's clients open gRPC channels, so that every
// channel (coordinator to worker, CLI to coordinator, health probes) carries
// the same arguments and credentials.
//
//   ChannelOptions options;
//   std::shared_ptr<grpc::Channel> channel = CreateChannel("10.0.0.5:7002", options);
#ifndef GLEANER_SERVICES_COMMON_CHANNEL_FACTORY_H_
#define GLEANER_SERVICES_COMMON_CHANNEL_FACTORY_H_

#include <memory>
#include <string>

#include "grpcpp/grpcpp.h"
#include "services/common/document_limits.h"

namespace gleaner {

struct ChannelOptions {
  // Largest message sent or received (from DocumentLimits).
  int max_message_bytes = DocumentLimits().max_message_bytes;
  // Longest wait between reconnection attempts to a server that is down
  // (5 s; gRPC's default of 120 s would leave a restarted replica unused
  // for minutes).
  int max_reconnect_backoff_ms = 5000;
  // Transport security (tls_credentials.h: TLS with the caller's client
  // certificate); null: plaintext (tests, --plaintext).
  std::shared_ptr<grpc::ChannelCredentials> credentials;
};

// Opens a channel to `target` (host:port, ipv4:addr:port or any gRPC target
// URI). The channel connects lazily.
std::shared_ptr<grpc::Channel> CreateChannel(const std::string& target,
                                             const ChannelOptions& options);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_CHANNEL_FACTORY_H_
