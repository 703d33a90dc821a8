#include "services/coordinator/remote_stage_client.h"

#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/gleaner/v1/sentence_service.grpc.pb.h"
#include "services/common/server_runner.h"
#include "services/common/stage_service.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

// Stamps the replica's name on each document; fails "bad" documents.
class NamedStage : public StageProcessor {
 public:
  explicit NamedStage(std::string name) : name_(std::move(name)) {}
  absl::Status Process(const v1::StageRequest& request,
                       v1::DocumentResult* result) override {
    if (request.document().content() == "bad") {
      return absl::InvalidArgumentError("bad document");
    }
    result->set_text(name_);
    return absl::OkStatus();
  }

 private:
  std::string name_;
};

// One real gRPC server on a free loopback port.
struct Replica {
  explicit Replica(const std::string& name)
      : stage(name), service(&stage, v1::STAGE_SENTENCE) {
    ServerRunnerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    auto started = StartedServer::Start(options, {&service});
    EXPECT_THAT(started, IsOk());
    server = *std::move(started);
    address = absl::StrCat("127.0.0.1:", server->port());
  }
  NamedStage stage;
  StageService<v1::Sentence> service;
  std::unique_ptr<StartedServer> server;
  std::string address;
};

v1::StageRequest Request(const std::string& id, const std::string& content) {
  v1::StageRequest request;
  request.mutable_result()->set_id(id);
  request.mutable_document()->set_content(content);
  return request;
}

TEST(RemoteStageClient, SpreadsDocumentsOverReplicas) {
  Replica a("a"), b("b");
  RemoteStageOptions options;
  options.addresses = {a.address, b.address};
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  std::map<std::string, int> served;
  for (int i = 0; i < 10; ++i) {
    auto result = (*client)->Process(Request(absl::StrCat("d", i), "x"));
    ASSERT_THAT(result, IsOk());
    EXPECT_EQ(result->id(), absl::StrCat("d", i));
    EXPECT_THAT(result->completed_stages(),
                ::testing::ElementsAre(v1::STAGE_SENTENCE));
    ++served[result->text()];
  }
  EXPECT_EQ(served["a"], 5);
  EXPECT_EQ(served["b"], 5);
}

TEST(RemoteStageClient, DocumentErrorsComeBackInsideTheResult) {
  Replica a("a");
  RemoteStageOptions options;
  options.addresses = {a.address};
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  auto result = (*client)->Process(Request("d", "bad"));
  ASSERT_THAT(result, IsOk());
  ASSERT_EQ(result->errors_size(), 1);
  EXPECT_EQ(result->errors(0).code(), "INVALID_ARGUMENT");
  EXPECT_EQ(result->errors(0).stage(), v1::STAGE_SENTENCE);
}

TEST(RemoteStageClient, FailsOverToALiveReplica) {
  Replica a("a"), b("b");
  RemoteStageOptions options;
  options.addresses = {a.address, b.address};
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  a.server->Shutdown(absl::ZeroDuration());
  for (int i = 0; i < 4; ++i) {
    auto result = (*client)->Process(Request(absl::StrCat("d", i), "x"));
    ASSERT_THAT(result, IsOk());
    EXPECT_EQ(result->text(), "b");
  }
}

TEST(RemoteStageClient, ReportsUnavailableWhenNoReplicaAnswers) {
  Replica a("a");
  RemoteStageOptions options;
  options.addresses = {a.address};
  options.max_attempts = 2;
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  a.server->Shutdown(absl::ZeroDuration());
  EXPECT_THAT((*client)->Process(Request("d", "x")),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr(a.address)));
}

TEST(RemoteStageClient, RejectsBadOptions) {
  EXPECT_THAT(RemoteStageClient<v1::Sentence>::Create({}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("no replica")));
  RemoteStageOptions empty_address;
  empty_address.addresses = {""};
  EXPECT_THAT(RemoteStageClient<v1::Sentence>::Create(empty_address),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("empty")));
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
