// Logs every RPC a server answers with an error, whatever the service: a
// server interceptor that writes one event_log line ("rpc_failed") with the
// method, the status code and message, and the peer. Events that know a job
// or a document (document_failed, job_finished) are logged where those ids
// are known; this line is the one every other failed call gets (a refused
// Submit, an unknown job's status, a request with no document id).
//
//   interceptors.push_back(NewRpcErrorLog());
//   builder.experimental().SetInterceptorCreators(std::move(interceptors));
#ifndef GLEANER_SERVICES_COMMON_RPC_ERROR_LOG_H_
#define GLEANER_SERVICES_COMMON_RPC_ERROR_LOG_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace gleaner {

// Level `error` for codes that say the server failed (INTERNAL, UNKNOWN,
// DATA_LOSS, UNIMPLEMENTED), `warning` for the rest (a caller's bad request,
// a deadline, a drain). An RPC the client cancelled is not logged.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRpcErrorLog();

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_RPC_ERROR_LOG_H_
