// Runs a gRPC server the way every Gleaner binary does: bound to a port
// (0 picks a free one), with the standard gRPC health service, announcing
// the bound port on stdout, and shutting down gracefully on SIGTERM/SIGINT.
//
//   ServerRunnerOptions options;
//   options.port = absl::GetFlag(FLAGS_port);
//   GLEANER_RETURN_IF_ERROR(RunServer(options, {&dedup_service}));
#ifndef GLEANER_SERVICES_COMMON_SERVER_RUNNER_H_
#define GLEANER_SERVICES_COMMON_SERVER_RUNNER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "services/common/document_limits.h"

namespace gleaner {

struct ServerRunnerOptions {
  // Address to listen on: loopback unless told otherwise (0.0.0.0: all
  // interfaces); servers take it from --listen (server_flags.h).
  std::string host = "127.0.0.1";
  // Port to listen on; 0 picks a free port.
  int port = 0;
  // Name for log lines and the health service ("" marks the whole server).
  std::string name = "gleaner";
  // How long in-flight RPCs may run after SIGTERM before they are cancelled.
  absl::Duration shutdown_grace = absl::Seconds(30);
  // Called on SIGTERM/SIGINT, after the health service turned NOT_SERVING
  // and before the server stops taking RPCs, with the end of the grace
  // period: the coordinator drains its open streams here. May be empty.
  std::function<void(absl::Time deadline)> before_shutdown;
  // Largest message accepted or sent (documents can be large).
  int max_message_bytes = DocumentLimits().max_message_bytes;
  // Largest message accepted; 0: max_message_bytes. (The coordinator takes
  // smaller messages than it sends: DocumentLimits::max_submit_message_bytes.)
  int max_receive_message_bytes = 0;
  // Threads of gRPC's pool (a grpc::ResourceQuota); a call arriving when all
  // are busy fails with RESOURCE_EXHAUSTED.
  int max_threads = DocumentLimits().max_server_threads;
  // Concurrent calls on one client connection.
  int max_concurrent_streams = DocumentLimits().max_concurrent_streams;
  // Transport security (tls_credentials.h, security_flags.h); null serves
  // plaintext, which only tests and --plaintext ask for.
  std::shared_ptr<grpc::ServerCredentials> credentials;
  // A second, plaintext port serving only the health service, for probes
  // that speak no TLS (Kubernetes' grpc probe); -1: none, 0: any free port.
  int health_port = -1;
};

// A started gRPC server. Not copyable.
class StartedServer {
 public:
  // Builds and starts a server for `services` (not owned; they must outlive
  // the server). Returns kUnavailable if the port cannot be bound.
  static absl::StatusOr<std::unique_ptr<StartedServer>> Start(
      const ServerRunnerOptions& options,
      const std::vector<grpc::Service*>& services);

  StartedServer(const StartedServer&) = delete;
  StartedServer& operator=(const StartedServer&) = delete;
  ~StartedServer();

  // The bound port.
  int port() const { return port_; }
  // The bound health-only port, or -1 when there is none.
  int health_port() const { return health_port_; }
  grpc::Server* server() { return server_.get(); }

  // Marks the server NOT_SERVING, stops accepting new RPCs and waits up to
  // `grace` for in-flight RPCs to finish before cancelling them.
  void Shutdown(absl::Duration grace);

  // Marks the server (and every named service) NOT_SERVING, so that load
  // balancers and probes stop sending new work, without stopping it.
  void SetNotServing();

 private:
  StartedServer(std::unique_ptr<grpc::Server> server, int port)
      : server_(std::move(server)), port_(port) {}
  void SetServing(bool serving, const std::string& name);

  std::unique_ptr<grpc::Server> server_;
  int port_;
  // Serves only grpc.health.v1.Health, mirroring server_'s status.
  std::unique_ptr<grpc::Server> health_server_;
  int health_port_ = -1;
  bool shut_down_ = false;
};

// Blocks SIGTERM and SIGINT in the calling thread, so that every thread it
// starts afterwards (gRPC's included) inherits the mask and only
// RunServerUntilSignalled's sigwait sees them. Call first thing in main:
// a signal delivered to a thread that does not block it would kill the
// process before its in-flight work is finished.
void BlockShutdownSignals();

// Starts a server, prints "LISTENING <port>" on stdout (tests and scripts
// wait for this line instead of sleeping), blocks until SIGTERM or SIGINT,
// then shuts down gracefully. REQUIRES: BlockShutdownSignals() was called
// before any thread was started.
absl::Status RunServerUntilSignalled(
    const ServerRunnerOptions& options,
    const std::vector<grpc::Service*>& services);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_SERVER_RUNNER_H_
