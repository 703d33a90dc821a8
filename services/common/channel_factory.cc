#include "services/common/channel_factory.h"

namespace gleaner {

std::shared_ptr<grpc::Channel> CreateChannel(const std::string& target,
                                             const ChannelOptions& options) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(options.max_message_bytes);
  args.SetMaxSendMessageSize(options.max_message_bytes);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS,
              options.max_reconnect_backoff_ms);
  return grpc::CreateCustomChannel(
      target,
      options.credentials ? options.credentials
                          : grpc::InsecureChannelCredentials(),
      args);
}

}  // namespace gleaner
