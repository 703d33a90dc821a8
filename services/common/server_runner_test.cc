// The health-only plaintext port (--health_port) mirrors the service port:
// liveness ("") and readiness (the server's name) alike, so that probes on
// either port see the same thing.
#include "services/common/server_runner.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "proto/grpc/health/v1/health.grpc.pb.h"
#include "proto/gleaner/v1/sentence_service.grpc.pb.h"
#include "services/common/channel_factory.h"
#include "services/common/stage_service.h"

namespace gleaner {
namespace {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

constexpr char kName[] = "gleaner.v1.Test";

// The status `port` reports for `service`.
HealthCheckResponse::ServingStatus Status(int port, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(
      CreateChannel(absl::StrCat("127.0.0.1:", port), ChannelOptions()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.status();
}

// Answers every document with nothing: a server needs a service of its own.
class NoOpStage : public StageProcessor {
 public:
  absl::Status Process(const StageInput&, v1::StageResponse*) override {
    return absl::OkStatus();
  }
};

std::unique_ptr<StartedServer> StartWithHealthPort(
    bool ready, StageService<v1::Sentence>* service) {
  ServerRunnerOptions options;
  options.name = kName;
  options.health_port = 0;
  options.readiness = [ready] { return ready; };
  absl::StatusOr<std::unique_ptr<StartedServer>> server =
      StartedServer::Start(options, {service});
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

TEST(ServerRunnerTest, HealthPortReportsReadinessLikeTheServicePort) {
  NoOpStage stage;
  StageService<v1::Sentence> service(&stage, v1::STAGE_SENTENCE);
  std::unique_ptr<StartedServer> server =
      StartWithHealthPort(false, &service);
  ASSERT_NE(server, nullptr);
  ASSERT_GT(server->health_port(), 0);
  ASSERT_NE(server->health_port(), server->port());
  for (int port : {server->port(), server->health_port()}) {
    EXPECT_EQ(Status(port, ""), HealthCheckResponse::SERVING) << port;
    EXPECT_EQ(Status(port, kName), HealthCheckResponse::NOT_SERVING) << port;
  }
  server->SetReady(true);
  for (int port : {server->port(), server->health_port()}) {
    EXPECT_EQ(Status(port, kName), HealthCheckResponse::SERVING) << port;
  }
}

TEST(ServerRunnerTest, DrainingShowsOnTheHealthPort) {
  NoOpStage stage;
  StageService<v1::Sentence> service(&stage, v1::STAGE_SENTENCE);
  std::unique_ptr<StartedServer> server =
      StartWithHealthPort(true, &service);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(Status(server->health_port(), kName), HealthCheckResponse::SERVING);
  server->SetServing(false);
  EXPECT_EQ(Status(server->health_port(), ""), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(Status(server->health_port(), kName),
            HealthCheckResponse::NOT_SERVING);
}

}  // namespace
}  // namespace gleaner
