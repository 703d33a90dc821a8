// Counts every RPC a gRPC server handles, whatever the service: a server
// interceptor that records, per method,
//   gleaner_grpc_server_handled_total{grpc_service,grpc_method,grpc_code}
//   gleaner_grpc_server_handling_seconds{grpc_service,grpc_method}
//   gleaner_grpc_server_in_flight{grpc_service,grpc_method}
// in the default registry (see docs/operations.md).
//
//   std::vector<std::unique_ptr<
//       grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
//   interceptors.push_back(metrics::NewGrpcServerMetrics());
//   builder.experimental().SetInterceptorCreators(std::move(interceptors));
//
// Per RPC the cost is a clock read, a shared lock on the method table and a
// few atomic adds; a method's metrics are created on its first call.
#ifndef GLEANER_SERVICES_METRICS_GRPC_SERVER_METRICS_H_
#define GLEANER_SERVICES_METRICS_GRPC_SERVER_METRICS_H_

#include <memory>

#include "grpcpp/grpcpp.h"
#include "grpcpp/support/server_interceptor.h"
#include "services/metrics/metrics.h"

namespace gleaner {
namespace metrics {

// The interceptor's factory, recording into `registry`; a builder takes all
// its interceptors in one SetInterceptorCreators call (the server runner's
// also logs failed RPCs).
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewGrpcServerMetrics(Registry& registry = DefaultRegistry());

}  // namespace metrics
}  // namespace gleaner

#endif  // GLEANER_SERVICES_METRICS_GRPC_SERVER_METRICS_H_
