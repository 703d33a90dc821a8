// Counts every RPC a gRPC server handles, whatever the service: a server
// interceptor that records, per method,
//   gleaner_grpc_server_handled_total{grpc_service,grpc_method,grpc_code}
//   gleaner_grpc_server_handling_seconds{grpc_service,grpc_method}
//   gleaner_grpc_server_in_flight{grpc_service,grpc_method}
// in the default registry (see docs/operations.md).
//
//   grpc::ServerBuilder builder;
//   metrics::AddGrpcServerMetrics(builder);
//
// Per RPC the cost is a clock read, a shared lock on the method table and a
// few atomic adds; a method's metrics are created on its first call.
#ifndef GLEANER_SERVICES_METRICS_GRPC_SERVER_METRICS_H_
#define GLEANER_SERVICES_METRICS_GRPC_SERVER_METRICS_H_

#include "grpcpp/grpcpp.h"
#include "services/metrics/metrics.h"

namespace gleaner {
namespace metrics {

// Installs the interceptor on `builder`, recording into `registry`. Call
// once per builder, before BuildAndStart.
void AddGrpcServerMetrics(grpc::ServerBuilder& builder,
                          Registry& registry = DefaultRegistry());

}  // namespace metrics
}  // namespace gleaner

#endif  // GLEANER_SERVICES_METRICS_GRPC_SERVER_METRICS_H_
