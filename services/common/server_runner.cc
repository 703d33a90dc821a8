#include "services/common/server_runner.h"

#include <signal.h>

#include <cstdio>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "grpcpp/health_check_service_interface.h"
#include "services/common/event_log.h"
#include "services/metrics/grpc_server_metrics.h"

namespace gleaner {

absl::StatusOr<std::unique_ptr<StartedServer>> StartedServer::Start(
    const ServerRunnerOptions& options,
    const std::vector<grpc::Service*>& services) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  int bound_port = 0;
  builder.AddListeningPort(absl::StrCat(options.host, ":", options.port),
                           grpc::InsecureServerCredentials(), &bound_port);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  for (grpc::Service* service : services) builder.RegisterService(service);
  metrics::AddGrpcServerMetrics(builder);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || bound_port == 0) {
    return absl::UnavailableError(absl::StrCat(
        options.name, ": cannot listen on ", options.host, ":", options.port));
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  if (health != nullptr) {
    health->SetServingStatus(true);
    health->SetServingStatus(options.name, true);
  }
  std::unique_ptr<StartedServer> started(
      new StartedServer(std::move(server), bound_port));
  if (options.metrics_port >= 0) {
    metrics::HttpExporterOptions exporter;
    exporter.host = options.host;
    exporter.port = options.metrics_port;
    StartedServer* self = started.get();
    exporter.healthy = [self] { return !self->shut_down_.load(); };
    absl::StatusOr<std::unique_ptr<metrics::HttpExporter>> endpoint =
        metrics::HttpExporter::Start(exporter);
    if (!endpoint.ok()) {
      return absl::Status(endpoint.status().code(),
                          absl::StrCat(options.name, ": ",
                                       endpoint.status().message()));
    }
    started->metrics_ = *std::move(endpoint);
  }
  return started;
}

void StartedServer::Shutdown(absl::Duration grace) {
  if (shut_down_.exchange(true)) return;
  if (grpc::HealthCheckServiceInterface* health =
          server_->GetHealthCheckService()) {
    health->SetServingStatus(false);
  }
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  server_->Wait();
}

StartedServer::~StartedServer() { Shutdown(absl::ZeroDuration()); }

namespace {

sigset_t ShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

}  // namespace

void BlockShutdownSignals() {
  sigset_t signals = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

absl::Status RunServerUntilSignalled(
    const ServerRunnerOptions& options,
    const std::vector<grpc::Service*>& services) {
  BlockShutdownSignals();  // in case main did not; see the header
  sigset_t signals = ShutdownSignals();
  SetLogService(options.name);

  absl::StatusOr<std::unique_ptr<StartedServer>> server =
      StartedServer::Start(options, services);
  if (!server.ok()) return server.status();
  std::cout << "LISTENING " << (*server)->port();
  if ((*server)->metrics_port() >= 0) {
    std::cout << " METRICS " << (*server)->metrics_port();
  }
  std::cout << std::endl;
  LogEvent(LogLevel::kInfo, "server_started",
           {{"address", options.host},
            {"port", (*server)->port()},
            {"metrics_port", (*server)->metrics_port()}});

  int received = 0;
  sigwait(&signals, &received);
  LogEvent(LogLevel::kInfo, "server_draining",
           {{"signal", received},
            {"grace_seconds", absl::ToDoubleSeconds(options.shutdown_grace)}});
  (*server)->Shutdown(options.shutdown_grace);
  LogEvent(LogLevel::kInfo, "server_stopped");
  return absl::OkStatus();
}

}  // namespace gleaner
