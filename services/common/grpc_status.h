// Conversion between absl::Status and grpc::Status: the one place where it
// happens, at the RPC edge.
//
//   return ToGrpcStatus(core->Process(request));          // server side
//   absl::Status s = FromGrpcStatus(stream->Finish());    // client side
#ifndef GLEANER_SERVICES_COMMON_GRPC_STATUS_H_
#define GLEANER_SERVICES_COMMON_GRPC_STATUS_H_

#include <cstddef>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace gleaner {

// Messages longer than this are cut, so a huge error cannot blow up a
// response or a log line.
inline constexpr size_t kMaxStatusMessageBytes = 1024;

// Converts an absl::Status to a grpc::Status with the same code and a
// message capped at kMaxStatusMessageBytes.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Converts a grpc::Status to an absl::Status with the same code.
absl::Status FromGrpcStatus(const grpc::Status& status);

// Returns `message` cut to at most `max_bytes` bytes without splitting a
// UTF-8 sequence.
std::string CapMessage(absl::string_view message,
                       size_t max_bytes = kMaxStatusMessageBytes);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_GRPC_STATUS_H_
