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
using ::testing::AllOf;
using ::testing::HasSubstr;

// Answers with one sentence whose end is the replica's number, so the
// caller can tell who answered; fails documents whose text is "bad".
class NamedStage : public StageProcessor {
 public:
  explicit NamedStage(int name) : name_(name) {}
  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override {
    if (input.document.text() == "bad") {
      return absl::InvalidArgumentError("bad document");
    }
    if (input.job_id != "job") return absl::InternalError("job id lost");
    response->mutable_sentence()->add_sentences()->set_end(name_);
    return absl::OkStatus();
  }

 private:
  int name_;
};

// One real gRPC server on a free loopback port.
struct Replica {
  explicit Replica(int name)
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

v1::DocumentResult Document(const std::string& id, const std::string& text) {
  v1::DocumentResult document;
  document.set_id(id);
  document.set_text(text);
  return document;
}

// The replica that answered `response`.
int AnsweredBy(const v1::StageResponse& response) {
  return response.sentence().sentences(0).end();
}

TEST(RemoteStageClient, SpreadsDocumentsOverReplicas) {
  Replica a(1), b(2);
  RemoteStageOptions options;
  options.addresses = {a.address, b.address};
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  std::map<int, int> served;
  for (int i = 0; i < 10; ++i) {
    const v1::DocumentResult document = Document(absl::StrCat("d", i), "x");
    auto response = (*client)->Process({"job", document});
    ASSERT_THAT(response, IsOk());
    EXPECT_FALSE(response->has_error());
    ++served[AnsweredBy(*response)];
  }
  EXPECT_EQ(served[1], 5);
  EXPECT_EQ(served[2], 5);
}

TEST(RemoteStageClient, DocumentErrorsComeBackInsideTheResult) {
  Replica a(1);
  RemoteStageOptions options;
  options.addresses = {a.address};
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  const v1::DocumentResult document = Document("d", "bad");
  auto response = (*client)->Process({"job", document});
  ASSERT_THAT(response, IsOk());
  ASSERT_TRUE(response->has_error());
  EXPECT_EQ(response->error().code(), "INVALID_ARGUMENT");
  EXPECT_EQ(response->error().stage(), v1::STAGE_SENTENCE);
  EXPECT_FALSE(response->has_sentence());
}

TEST(RemoteStageClient, FailsOverToALiveReplica) {
  Replica a(1), b(2);
  RemoteStageOptions options;
  options.addresses = {a.address, b.address};
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  a.server->Shutdown(absl::ZeroDuration());
  for (int i = 0; i < 4; ++i) {
    const v1::DocumentResult document = Document(absl::StrCat("d", i), "x");
    auto response = (*client)->Process({"job", document});
    ASSERT_THAT(response, IsOk());
    EXPECT_EQ(AnsweredBy(*response), 2);
  }
}

TEST(RemoteStageClient, ReportsUnavailableWhenNoReplicaAnswers) {
  Replica a(1);
  RemoteStageOptions options;
  options.addresses = {a.address};
  options.max_attempts = 2;
  // The second attempt waits for the replica to come back: bound it.
  options.deadline = absl::Seconds(1);
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  a.server->Shutdown(absl::ZeroDuration());
  const v1::DocumentResult document = Document("d", "x");
  EXPECT_THAT((*client)->Process({"job", document}),
              StatusIs(absl::StatusCode::kUnavailable,
                       AllOf(HasSubstr(a.address), HasSubstr("not reachable"))));
}

TEST(RemoteStageClient, TheLentResultIsUnchangedAfterTheCall) {
  Replica a(1);
  RemoteStageOptions options;
  options.addresses = {a.address};
  auto client = RemoteStageClient<v1::Sentence>::Create(options);
  ASSERT_THAT(client, IsOk());
  const v1::DocumentResult document = Document("d", "some text");
  ASSERT_THAT((*client)->Process({"job", document}), IsOk());
  EXPECT_EQ(document.id(), "d");
  EXPECT_EQ(document.text(), "some text");
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
