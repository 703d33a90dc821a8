#include "services/common/rpc_error_log.h"

#include <string>

#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"
#include "services/common/event_log.h"

namespace gleaner {
namespace {

using grpc::experimental::InterceptionHookPoints;

LogLevel LevelOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::DATA_LOSS:
    case grpc::StatusCode::UNIMPLEMENTED:
      return LogLevel::kError;
    default:
      return LogLevel::kWarning;
  }
}

// Lives as long as one RPC, as does `info`.
class RpcErrorLogInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit RpcErrorLogInterceptor(grpc::experimental::ServerRpcInfo* info)
      : info_(info) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
        Log(status);
      }
    }
    methods->Proceed();
  }

 private:
  void Log(const grpc::Status& status) {
    const grpc::ServerContextBase* context = info_->server_context();
    LogEvent(LevelOf(status.error_code()), "rpc_failed",
             {{"method", info_->method() == nullptr ? "" : info_->method()},
              // gRPC's and Abseil's canonical codes share numbers and names.
              {"code", absl::StatusCodeToString(
                           static_cast<absl::StatusCode>(status.error_code()))},
              {"message", status.error_message()},
              {"peer", context == nullptr ? "" : context->peer()}});
  }

  grpc::experimental::ServerRpcInfo* const info_;
};

class RpcErrorLogFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcErrorLogInterceptor(info);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRpcErrorLog() {
  return std::make_unique<RpcErrorLogFactory>();
}

}  // namespace gleaner
