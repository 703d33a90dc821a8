#include "services/common/server_runner.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/resource_quota.h"

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
  // Bounded threads: without a quota the synchronous server starts a thread
  // per waiting call (issue 14: 300 idle streams, 3,012 threads).
  grpc::ResourceQuota quota(absl::StrCat(options.name, "-threads"));
  quota.SetMaxThreads(options.max_threads);
  builder.SetResourceQuota(quota);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS,
                             options.max_concurrent_streams);
  for (grpc::Service* service : services) builder.RegisterService(service);
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
  auto started = std::unique_ptr<StartedServer>(
      new StartedServer(std::move(server), bound_port));
  if (options.health_port >= 0) {
    // Its own server, so that the plaintext port offers nothing but health.
    grpc::ServerBuilder health_builder;
    started->health_server_ = BuildServer(
        options.host, options.health_port, grpc::InsecureServerCredentials(),
        health_builder, &started->health_port_);
    if (started->health_server_ == nullptr) {
      return absl::UnavailableError(
          absl::StrCat(options.name, ": cannot listen on ", options.host, ":",
                       options.health_port, " (--health_port)"));
    }
  }
  started->SetServing(true, options.name);
  return started;
}

void StartedServer::SetServing(bool serving, const std::string& name) {
  for (grpc::Server* server : {server_.get(), health_server_.get()}) {
    if (server == nullptr) continue;
    grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
    if (health == nullptr) continue;
    health->SetServingStatus(serving);
    if (serving) health->SetServingStatus(name, true);
  }
}

void StartedServer::SetNotServing() { SetServing(false, ""); }

void StartedServer::Shutdown(absl::Duration grace) {
  if (shut_down_) return;
  shut_down_ = true;
  SetNotServing();
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  server_->Wait();
  if (health_server_ != nullptr) {
    health_server_->Shutdown(absl::ToChronoTime(absl::Now()));
    health_server_->Wait();
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
  sigset_t signals = ShutdownSignals();

  absl::StatusOr<std::unique_ptr<StartedServer>> server =
      StartedServer::Start(options, services);
  if (!server.ok()) return server.status();
  std::cout << "LISTENING " << (*server)->port() << std::endl;
  std::cerr << options.name << ": listening on " << options.host << ":"
            << (*server)->port()
            << (options.credentials == nullptr
                    ? " in PLAINTEXT (no TLS, no peer identity)"
                    : " with TLS")
            << std::endl;
  if ((*server)->health_port() >= 0) {
    std::cerr << options.name << ": health only, plaintext, on "
              << options.host << ":" << (*server)->health_port() << std::endl;
  }

  int received = 0;
  sigwait(&signals, &received);
  std::cerr << options.name << ": signal " << received
            << ", finishing in-flight work" << std::endl;
  const absl::Time deadline = absl::Now() + options.shutdown_grace;
  if (options.before_shutdown) {
    (*server)->SetNotServing();
    options.before_shutdown(deadline);
  }
  (*server)->Shutdown(std::max(absl::ZeroDuration(), deadline - absl::Now()));
  std::cerr << options.name << ": stopped" << std::endl;
  return absl::OkStatus();
}

}  // namespace gleaner
