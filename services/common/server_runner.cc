#include "services/common/server_runner.h"

#include <signal.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "grpcpp/health_check_service_interface.h"
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
  builder.AddChannelArgument(
      GRPC_ARG_MAX_CONNECTION_AGE_MS,
      static_cast<int>(absl::ToInt64Milliseconds(options.max_connection_age)));
  builder.AddChannelArgument(
      GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
      static_cast<int>(
          absl::ToInt64Milliseconds(options.max_connection_age_grace)));
  for (grpc::Service* service : services) builder.RegisterService(service);
  metrics::AddGrpcServerMetrics(builder);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || bound_port == 0) {
    return absl::UnavailableError(absl::StrCat(
        options.name, ": cannot listen on ", options.host, ":", options.port));
  }
  std::unique_ptr<StartedServer> started(
      new StartedServer(std::move(server), bound_port, options.name));
  if (options.metrics_port >= 0) {
    metrics::HttpExporterOptions exporter;
    exporter.host = options.host;
    exporter.port = options.metrics_port;
    StartedServer* self = started.get();
    // /healthz follows grpc.health.v1: NOT_SERVING while draining too.
    exporter.healthy = [self] { return self->serving_.load(); };
    absl::StatusOr<std::unique_ptr<metrics::HttpExporter>> endpoint =
        metrics::HttpExporter::Start(exporter);
    if (!endpoint.ok()) {
      return absl::Status(endpoint.status().code(),
                          absl::StrCat(options.name, ": ",
                                       endpoint.status().message()));
    }
    started->metrics_ = *std::move(endpoint);
  }
  started->SetServing(true);
  if (options.readiness) started->SetReady(options.readiness());
  return started;
}

void StartedServer::SetServing(bool serving) {
  serving_ = serving;
  if (grpc::HealthCheckServiceInterface* health =
          server_->GetHealthCheckService()) {
    health->SetServingStatus(serving);
    health->SetServingStatus(name_, serving);
  }
}

void StartedServer::SetReady(bool ready) {
  if (shut_down_.load()) return;
  if (grpc::HealthCheckServiceInterface* health =
          server_->GetHealthCheckService()) {
    health->SetServingStatus(name_, ready);
  }
}

void StartedServer::Shutdown(absl::Duration grace) {
  if (shut_down_.exchange(true)) return;
  SetServing(false);
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

  absl::StatusOr<std::unique_ptr<StartedServer>> server =
      StartedServer::Start(options, services);
  if (!server.ok()) return server.status();
  std::cout << "LISTENING " << (*server)->port();
  if ((*server)->metrics_port() >= 0) {
    std::cout << " METRICS " << (*server)->metrics_port();
  }
  std::cout << std::endl;
  std::cerr << options.name << ": listening on " << options.host << ":"
            << (*server)->port() << std::endl;

  // Readiness follows `options.readiness` until the signal.
  absl::Mutex mu;
  bool signalled = false;
  std::thread readiness;
  if (options.readiness) {
    readiness = std::thread([&] {
      absl::MutexLock lock(&mu);
      while (!mu.AwaitWithTimeout(absl::Condition(&signalled),
                                  options.readiness_interval)) {
        (*server)->SetReady(options.readiness());
      }
    });
  }

  int received = 0;
  sigwait(&signals, &received);
  {
    absl::MutexLock lock(&mu);
    signalled = true;
  }
  if (readiness.joinable()) readiness.join();
  std::cerr << options.name << ": signal " << received
            << ", draining for " << absl::FormatDuration(options.drain_delay)
            << ", then finishing in-flight work" << std::endl;
  (*server)->SetServing(false);
  // The drain period is a configured wait, not synchronisation: clients
  // learn of NOT_SERVING by probing, and keep being answered meanwhile.
  absl::SleepFor(options.drain_delay);
  (*server)->Shutdown(options.shutdown_grace);
  std::cerr << options.name << ": stopped" << std::endl;
  return absl::OkStatus();
}

}  // namespace gleaner
