#include "services/common/server_runner.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "grpcpp/health_check_service_interface.h"

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
  return std::unique_ptr<StartedServer>(
      new StartedServer(std::move(server), bound_port));
}

void StartedServer::SetNotServing() {
  if (grpc::HealthCheckServiceInterface* health =
          server_->GetHealthCheckService()) {
    health->SetServingStatus(false);
  }
}

void StartedServer::Shutdown(absl::Duration grace) {
  if (shut_down_) return;
  shut_down_ = true;
  SetNotServing();
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
  std::cout << "LISTENING " << (*server)->port() << std::endl;
  std::cerr << options.name << ": listening on " << options.host << ":"
            << (*server)->port() << std::endl;

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
