// The coordinator's edge limits, through a real gRPC server on a loopback
// port: batches at once, documents per batch, tokens and job ownership.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "proto/gleaner/v1/coordinator_service.grpc.pb.h"
#include "services/common/server_runner.h"
#include "services/coordinator/client_auth.h"
#include "services/coordinator/coordinator_service.h"
#include "services/coordinator/pipeline.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::testing::HasSubstr;

constexpr char kAliceToken[] = "alice-token-0123456789";
constexpr char kBobToken[] = "bob-token-0123456789ab";

class CoordinatorLimitsTest : public ::testing::Test {
 protected:
  void Start(DocumentLimits limits, const std::string& journal_dir = "") {
    auth_ = *ClientAuthenticator::Parse(
        absl::StrCat("alice ", kAliceToken, "\nbob ", kBobToken, "\n"));
    // No stages: documents go straight through, which is all a limit needs.
    pipeline_ = std::make_unique<Pipeline>(PipelineOptions{}, PipelineStages{});
    CoordinatorServiceOptions options;
    options.authenticator = auth_.get();
    options.limits = limits;
    options.journal.dir = journal_dir;
    service_ = std::make_unique<CoordinatorService>(pipeline_.get(), nullptr,
                                                    options);
    server_ = *StartedServer::Start(ServerRunnerOptions{}, {service_.get()});
    stub_ = v1::Coordinator::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", server_->port()),
        grpc::InsecureChannelCredentials()));
  }

  static void Authorize(grpc::ClientContext* context, const char* token) {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  }

  static v1::SubmitRequest Document(int i) {
    v1::SubmitRequest request;
    request.mutable_document()->set_id(absl::StrCat("doc-", i));
    request.mutable_document()->set_content("본문입니다.");
    return request;
  }

  // Runs a batch of `n` documents as `token`; returns its status and job id.
  grpc::Status Batch(int n, const char* token, std::string* job_id) {
    grpc::ClientContext context;
    Authorize(&context, token);
    auto stream = stub_->Submit(&context);
    for (int i = 0; i < n; ++i) {
      if (!stream->Write(Document(i))) break;
    }
    stream->WritesDone();
    v1::SubmitResponse response;
    while (stream->Read(&response)) {
      if (response.has_progress() && job_id->empty()) {
        *job_id = response.progress().job_id();
      }
    }
    return stream->Finish();
  }

  grpc::Status Status(const std::string& job_id, const char* token) {
    grpc::ClientContext context;
    Authorize(&context, token);
    v1::GetJobStatusRequest request;
    request.set_job_id(job_id);
    v1::JobStatus status;
    return stub_->GetJobStatus(&context, request, &status);
  }

  // Opens a stream resuming `job_id` as `token`; returns how it ended.
  grpc::Status Resume(const std::string& job_id, const char* token) {
    grpc::ClientContext context;
    Authorize(&context, token);
    auto stream = stub_->Submit(&context);
    v1::SubmitRequest open;
    open.mutable_options()->set_resume_job_id(job_id);
    stream->Write(open);
    stream->WritesDone();
    v1::SubmitResponse response;
    while (stream->Read(&response)) {
    }
    return stream->Finish();
  }

  std::unique_ptr<ClientAuthenticator> auth_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<CoordinatorService> service_;
  std::unique_ptr<StartedServer> server_;
  std::unique_ptr<v1::Coordinator::Stub> stub_;
};

TEST_F(CoordinatorLimitsTest, DocumentsPerBatchOverTheLimitEndTheStream) {
  DocumentLimits limits;
  limits.max_documents_per_batch = 3;
  Start(limits);
  std::string job_id;
  EXPECT_TRUE(Batch(3, kAliceToken, &job_id).ok());
  job_id.clear();
  grpc::Status over = Batch(4, kAliceToken, &job_id);
  EXPECT_EQ(over.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(over.error_message(), HasSubstr("max_documents_per_batch (3)"));
}

TEST_F(CoordinatorLimitsTest, BatchesBeyondTheLimitAreRefusedWhileOneIsOpen) {
  DocumentLimits limits;
  limits.max_concurrent_batches = 1;
  Start(limits);
  grpc::ClientContext first_context;
  Authorize(&first_context, kAliceToken);
  auto first = stub_->Submit(&first_context);
  // The first message opens the job (a new one, or a resumed one).
  v1::SubmitRequest options;
  options.mutable_options();
  ASSERT_TRUE(first->Write(options));
  v1::SubmitResponse hello;
  ASSERT_TRUE(first->Read(&hello));  // the first batch holds the one slot
  std::string job_id;
  grpc::Status second = Batch(1, kBobToken, &job_id);
  EXPECT_EQ(second.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(second.error_message(), HasSubstr("max_concurrent_batches (1)"));
  first->WritesDone();
  while (first->Read(&hello)) {
  }
  EXPECT_TRUE(first->Finish().ok());
  // The slot is free again.
  EXPECT_TRUE(Batch(1, kBobToken, &job_id).ok());
}

TEST_F(CoordinatorLimitsTest, CallsNeedATokenAndJobsStayWithTheirClient) {
  Start(DocumentLimits());
  std::string job_id;
  grpc::Status anonymous = [&] {
    grpc::ClientContext context;
    auto stream = stub_->Submit(&context);
    stream->WritesDone();
    v1::SubmitResponse response;
    while (stream->Read(&response)) {
    }
    return stream->Finish();
  }();
  EXPECT_EQ(anonymous.error_code(), grpc::StatusCode::UNAUTHENTICATED);

  ASSERT_TRUE(Batch(2, kAliceToken, &job_id).ok());
  EXPECT_THAT(job_id, ::testing::MatchesRegex("job-[0-9a-f]{32}"));
  v1::GetJobStatusRequest request;
  request.set_job_id(job_id);
  v1::JobStatus status;
  {
    grpc::ClientContext context;
    Authorize(&context, kAliceToken);
    ASSERT_TRUE(stub_->GetJobStatus(&context, request, &status).ok());
    EXPECT_EQ(status.state(), v1::JobStatus::STATE_DONE);
    EXPECT_EQ(status.summary().documents(), 2u);
  }
  {
    grpc::ClientContext context;
    Authorize(&context, kBobToken);
    grpc::Status other = stub_->GetJobStatus(&context, request, &status);
    EXPECT_EQ(other.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_THAT(other.error_message(), HasSubstr("unknown job"));
  }
}

// A damaged journal tells nobody but its owner that the job exists: with
// the record naming the owner unreadable, every client gets the answer of
// an unknown id; damaged further on, the owner is told DATA_LOSS and any
// other client NOT_FOUND, in the same words as for a random id.
TEST_F(CoordinatorLimitsTest, DamagedJournalsAreShownOnlyToTheirOwner) {
  const std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/journals";
  std::filesystem::create_directories(dir);
  Start(DocumentLimits(), dir);
  const std::string unknown = "job-00000000000000000000000000000000";
  const grpc::Status random_id = Status(unknown, kBobToken);
  ASSERT_EQ(random_id.error_code(), grpc::StatusCode::NOT_FOUND);
  auto as_unknown = [&](const grpc::Status& status, const std::string& job_id) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << status.error_message();
    std::string expected = random_id.error_message();
    expected.replace(expected.find(unknown), unknown.size(), job_id);
    EXPECT_EQ(status.error_message(), expected);
  };

  const std::string headless = "job-11111111111111111111111111111111";
  std::ofstream(dir + "/" + headless + ".journal") << "not a journal record at all";
  for (const char* token : {kAliceToken, kBobToken}) {
    as_unknown(Status(headless, token), headless);
    as_unknown(Resume(headless, token), headless);
  }

  std::string job_id;
  ASSERT_TRUE(Batch(6, kAliceToken, &job_id).ok());
  const std::string path = dir + "/" + job_id + ".journal";
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(0, std::ios::end);
    const std::streamoff middle = file.tellg() / 2;
    file.seekg(middle);
    const char byte = static_cast<char>(file.get());
    file.seekp(middle);
    file.put(static_cast<char>(byte ^ 0x40));
  }
  as_unknown(Status(job_id, kBobToken), job_id);
  as_unknown(Resume(job_id, kBobToken), job_id);
  EXPECT_EQ(Resume(job_id, kAliceToken).error_code(), grpc::StatusCode::DATA_LOSS);
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
