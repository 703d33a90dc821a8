// Runs a gRPC server the way every Gleaner binary does: bound to a port
// (0 picks a free one), with the standard gRPC health service, every RPC
// counted in the metrics registry and, when asked, a Prometheus /metrics
// endpoint beside it, announcing the bound ports on stdout, and shutting
// down gracefully on SIGTERM/SIGINT.
//
//   ServerRunnerOptions options;
//   options.port = absl::GetFlag(FLAGS_port);
//   GLEANER_RETURN_IF_ERROR(RunServer(options, {&dedup_service}));
#ifndef GLEANER_SERVICES_COMMON_SERVER_RUNNER_H_
#define GLEANER_SERVICES_COMMON_SERVER_RUNNER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "services/common/document_limits.h"
#include "services/metrics/http_exporter.h"

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
  // Connections older than this are closed (GOAWAY) so that clients
  // reconnect and spread over replicas that started after them (5 min);
  // gRPC adds +/-10% jitter so replicas do not all reconnect at once.
  // In-flight calls get `max_connection_age_grace` (30 s) to finish.
  absl::Duration max_connection_age = absl::Minutes(5);
  absl::Duration max_connection_age_grace = absl::Seconds(30);
  // After SIGTERM the server reports NOT_SERVING on grpc.health.v1 but keeps
  // answering for this long (0 s), so that clients probing it (the
  // coordinator's replica pool, Kubernetes) stop sending it work before it
  // stops accepting calls.
  absl::Duration drain_delay = absl::ZeroDuration();
  // When set, called every `readiness_interval` (1 s) while serving; the
  // health status of the service `name` (readiness) is SERVING only while
  // it returns true (the coordinator: every stage has a usable replica).
  // The server's own status ("", liveness) stays SERVING until draining:
  // a coordinator whose workers are gone must not be restarted for it.
  std::function<bool()> readiness;
  absl::Duration readiness_interval = absl::Seconds(1);
  // Port of the HTTP metrics endpoint (/metrics, /healthz) on `host`; 0
  // picks a free one, -1 serves none. Servers take it from --metrics_port.
  int metrics_port = -1;
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
  // Threads of the sync server kept waiting for calls (16). gRPC's default
  // (2) makes the pool start a thread whenever more calls than that run at
  // once and end it when the call is done: with the coordinator's 8
  // pipeline threads calling, a worker kept starting and ending threads
  // (perf saw 141 distinct threads in the extract server during a 6 s
  // run), paying creation, a cold stack and cold caches each time. Keep
  // this at least the coordinator's --parallelism and below max_threads,
  // which they count against; an idle thread only waits on a condition
  // variable.
  int max_pollers = 16;
};

// A started gRPC server. Not copyable.
class StartedServer {
 public:
  // Builds and starts a server for `services` (not owned; they must outlive
  // the server), and its metrics endpoint if options.metrics_port >= 0.
  // Returns kUnavailable if a port cannot be bound.
  static absl::StatusOr<std::unique_ptr<StartedServer>> Start(
      const ServerRunnerOptions& options,
      const std::vector<grpc::Service*>& services);

  StartedServer(const StartedServer&) = delete;
  StartedServer& operator=(const StartedServer&) = delete;
  ~StartedServer();

  // The bound port.
  int port() const { return port_; }
  // The metrics endpoint's bound port, or -1 when it serves none.
  int metrics_port() const {
    return metrics_ == nullptr ? -1 : metrics_->port();
  }
  // The bound health-only port, or -1 when there is none.
  int health_port() const { return health_port_; }
  grpc::Server* server() { return server_.get(); }

  // Sets what grpc.health.v1 reports for the server ("") and its service.
  void SetServing(bool serving);
  // Sets what grpc.health.v1 reports for the service only (readiness).
  void SetReady(bool ready);

  // Marks the server NOT_SERVING (gRPC health and /healthz), stops
  // accepting new RPCs and waits up to `grace` for in-flight RPCs to finish
  // before cancelling them. The metrics endpoint serves until destruction.
  void Shutdown(absl::Duration grace);

 private:
  StartedServer(std::unique_ptr<grpc::Server> server, int port,
                std::string name)
      : server_(std::move(server)), port_(port), name_(std::move(name)) {}
  absl::Status StartMetrics(const ServerRunnerOptions& options);
  // The health services of server_ and health_server_, which mirror each
  // other.
  std::vector<grpc::HealthCheckServiceInterface*> HealthServices();

  std::unique_ptr<grpc::Server> server_;
  int port_;
  const std::string name_;
  // Declared before health_server_, which must go first.
  std::unique_ptr<grpc::ServerCompletionQueue> health_cq_;
  // Serves only grpc.health.v1.Health, mirroring server_'s status.
  std::unique_ptr<grpc::Server> health_server_;
  int health_port_ = -1;
  std::atomic<bool> shut_down_{false};
  // What grpc.health.v1 reports for the server ("").
  std::atomic<bool> serving_{false};
  // Declared last: destroyed first, so /healthz never reads a dead server.
  std::unique_ptr<metrics::HttpExporter> metrics_;
};

// Blocks SIGTERM and SIGINT in the calling thread, so that every thread it
// starts afterwards (gRPC's included) inherits the mask and only
// RunServerUntilSignalled's sigwait sees them. Call first thing in main:
// a signal delivered to a thread that does not block it would kill the
// process before its in-flight work is finished.
void BlockShutdownSignals();

// Starts a server, prints "LISTENING <port>" on stdout, or "LISTENING
// <port> METRICS <metrics port>" with a metrics endpoint (tests and scripts
// wait for this line instead of sleeping), blocks until SIGTERM or SIGINT,
// then drains (NOT_SERVING for drain_delay) and shuts down gracefully. REQUIRES: BlockShutdownSignals() was called
// before any thread was started.
absl::Status RunServerUntilSignalled(
    const ServerRunnerOptions& options,
    const std::vector<grpc::Service*>& services);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_SERVER_RUNNER_H_
