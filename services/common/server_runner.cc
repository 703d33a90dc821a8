#include "services/common/server_runner.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/resource_quota.h"
#include "services/common/event_log.h"
#include "services/common/mutex_mode.h"
#include "services/common/rpc_error_log.h"
#include "services/metrics/grpc_server_metrics.h"

namespace gleaner {

namespace {

// Builds a server listening on host:port with `credentials`; returns null
// when the port cannot be bound.
std::unique_ptr<grpc::Server> BuildServer(
    const std::string& host, int port,
    const std::shared_ptr<grpc::ServerCredentials>& credentials,
    grpc::ServerBuilder& builder, int* bound_port) {
  builder.AddListeningPort(absl::StrCat(host, ":", port), credentials,
                           bound_port);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (*bound_port == 0) return nullptr;
  return server;
}

}  // namespace

absl::StatusOr<std::unique_ptr<StartedServer>> StartedServer::Start(
    const ServerRunnerOptions& options,
    const std::vector<grpc::Service*>& services) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  builder.SetMaxReceiveMessageSize(options.max_receive_message_bytes > 0
                                       ? options.max_receive_message_bytes
                                       : options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  builder.AddChannelArgument(
      GRPC_ARG_MAX_CONNECTION_AGE_MS,
      static_cast<int>(absl::ToInt64Milliseconds(options.max_connection_age)));
  builder.AddChannelArgument(
      GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
      static_cast<int>(
          absl::ToInt64Milliseconds(options.max_connection_age_grace)));
  // Bounded threads: without a quota the synchronous server starts a thread
  // per waiting call (issue 14: 300 idle streams, 3,012 threads).
  grpc::ResourceQuota quota(absl::StrCat(options.name, "-threads"));
  quota.SetMaxThreads(options.max_threads);
  builder.SetResourceQuota(quota);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS,
                             options.max_concurrent_streams);
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS,
                              options.max_pollers);
  for (grpc::Service* service : services) builder.RegisterService(service);
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(metrics::NewGrpcServerMetrics());
  interceptors.push_back(NewRpcErrorLog());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  int bound_port = 0;
  std::unique_ptr<grpc::Server> server = BuildServer(
      options.host, options.port,
      options.credentials ? options.credentials
                          : grpc::InsecureServerCredentials(),
      builder, &bound_port);
  if (server == nullptr) {
    return absl::UnavailableError(absl::StrCat(
        options.name, ": cannot listen on ", options.host, ":", options.port));
  }
  std::unique_ptr<StartedServer> started(
      new StartedServer(std::move(server), bound_port, options.name));
  if (options.health_port >= 0) {
    // Its own server, so that the plaintext port offers nothing but health.
    grpc::ServerBuilder health_builder;
    // gRPC refuses to build a server without a method or a polled queue,
    // and the default health service is only added later. The queue stays
    // empty: that service is callback-based.
    started->health_cq_ = health_builder.AddCompletionQueue();
    started->health_server_ = BuildServer(
        options.host, options.health_port, grpc::InsecureServerCredentials(),
        health_builder, &started->health_port_);
    if (started->health_server_ == nullptr) {
      return absl::UnavailableError(
          absl::StrCat(options.name, ": cannot listen on ", options.host, ":",
                       options.health_port, " (--health_port)"));
    }
  }
  if (options.metrics_port >= 0) {
    absl::Status metrics = started->StartMetrics(options);
    if (!metrics.ok()) return metrics;
  }
  started->SetServing(true);
  if (options.readiness) started->SetReady(options.readiness());
  return started;
}

absl::Status StartedServer::StartMetrics(const ServerRunnerOptions& options) {
  metrics::HttpExporterOptions exporter;
  exporter.host = options.host;
  exporter.port = options.metrics_port;
  // /healthz follows grpc.health.v1: NOT_SERVING while draining too.
  exporter.healthy = [this] { return serving_.load(); };
  absl::StatusOr<std::unique_ptr<metrics::HttpExporter>> endpoint =
      metrics::HttpExporter::Start(exporter);
  if (!endpoint.ok()) {
    return absl::Status(
        endpoint.status().code(),
        absl::StrCat(options.name, ": ", endpoint.status().message()));
  }
  metrics_ = *std::move(endpoint);
  return absl::OkStatus();
}

std::vector<grpc::HealthCheckServiceInterface*> StartedServer::HealthServices() {
  std::vector<grpc::HealthCheckServiceInterface*> services;
  for (grpc::Server* server : {server_.get(), health_server_.get()}) {
    if (server == nullptr) continue;
    grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
    if (health != nullptr) services.push_back(health);
  }
  return services;
}

void StartedServer::SetServing(bool serving) {
  serving_ = serving;
  for (grpc::HealthCheckServiceInterface* health : HealthServices()) {
    health->SetServingStatus(serving);
    health->SetServingStatus(name_, serving);
  }
}

void StartedServer::SetReady(bool ready) {
  if (shut_down_.load()) return;
  for (grpc::HealthCheckServiceInterface* health : HealthServices()) {
    health->SetServingStatus(name_, ready);
  }
}

void StartedServer::Shutdown(absl::Duration grace) {
  if (shut_down_.exchange(true)) return;
  SetServing(false);
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  server_->Wait();
  if (health_server_ != nullptr) {
    health_server_->Shutdown(absl::ToChronoTime(absl::Now()));
    health_server_->Wait();
    health_cq_->Shutdown();
    void* tag;
    bool ok;
    while (health_cq_->Next(&tag, &ok)) {
    }
  }
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
  SkipMutexDeadlockDetection();
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
            {"transport", options.credentials == nullptr
                              ? "plaintext (no TLS, no peer identity)"
                              : "tls"},
            {"health_port", (*server)->health_port()},
            {"metrics_port", (*server)->metrics_port()}});

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
  LogEvent(LogLevel::kInfo, "server_draining",
           {{"signal", received},
            {"drain_seconds", absl::ToDoubleSeconds(options.drain_delay)},
            {"grace_seconds", absl::ToDoubleSeconds(options.shutdown_grace)}});
  (*server)->SetServing(false);
  // The drain period is a configured wait, not synchronisation: clients
  // learn of NOT_SERVING by probing, and keep being answered meanwhile.
  absl::SleepFor(options.drain_delay);
  // The grace covers the server's own drain (the coordinator finishes what
  // its open streams admitted) and the final shutdown.
  const absl::Time deadline = absl::Now() + options.shutdown_grace;
  if (options.before_shutdown) options.before_shutdown(deadline);
  (*server)->Shutdown(std::max(absl::ZeroDuration(), deadline - absl::Now()));
  LogEvent(LogLevel::kInfo, "server_stopped");
  return absl::OkStatus();
}

}  // namespace gleaner
