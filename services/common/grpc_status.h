// Conversion between absl::Status and grpc::Status: the one place where it
// happens, at the RPC edge.
//
//   return ToGrpcStatus(core->Process(request));          // server side
//   absl::Status s = FromGrpcStatus(stream->Finish());    // client side
#ifndef GLEANER_SERVICES_COMMON_GRPC_STATUS_H_
#define GLEANER_SERVICES_COMMON_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"
#include "services/common/status_message.h"

namespace gleaner {

// Converts an absl::Status to a grpc::Status with the same code and a
// message capped at kMaxStatusMessageBytes.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Converts a grpc::Status to an absl::Status with the same code.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_GRPC_STATUS_H_
