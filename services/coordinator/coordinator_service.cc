#include "services/coordinator/coordinator_service.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/grpc_status.h"
#include "services/coordinator/job_id.h"

namespace gleaner {
namespace coordinator {

CoordinatorService::CoordinatorService(Pipeline* pipeline,
                                       ViewFetcher fetch_view,
                                       CoordinatorServiceOptions options)
    : pipeline_(pipeline),
      fetch_view_(std::move(fetch_view)),
      options_(options) {}

namespace {

// The client name of calls when the coordinator checks no tokens.
constexpr char kAnonymousClient[] = "anonymous";

// Holds one of the coordinator's batch slots for the life of a Submit.
class BatchSlot {
 public:
  explicit BatchSlot(std::atomic<int>* open) : open_(open) { ++*open_; }
  BatchSlot(const BatchSlot&) = delete;
  BatchSlot& operator=(const BatchSlot&) = delete;
  ~BatchSlot() { --*open_; }
  int open() const { return open_->load(); }

 private:
  std::atomic<int>* const open_;
};

}  // namespace

absl::StatusOr<std::string> CoordinatorService::Authenticate(
    const grpc::ServerContext& context) const {
  if (options_.authenticator == nullptr) return std::string(kAnonymousClient);
  return options_.authenticator->Authenticate(context);
}

void CoordinatorService::SetStatus(const v1::JobStatus& status) {
  absl::MutexLock lock(&mu_);
  const bool is_new = !jobs_.contains(status.job_id());
  jobs_[status.job_id()] = status;
  if (status.state() != v1::JobStatus::STATE_RUNNING && !is_new) {
    finished_order_.push_back(status.job_id());
    while (finished_order_.size() > options_.finished_jobs_kept) {
      jobs_.erase(finished_order_.front());
      owners_.erase(finished_order_.front());
      finished_order_.pop_front();
    }
  }
}

grpc::Status CoordinatorService::Submit(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::SubmitResponse, v1::SubmitRequest>* stream) {
  absl::StatusOr<std::string> client = Authenticate(*context);
  if (!client.ok()) return ToGrpcStatus(client.status());
  BatchSlot slot(&open_batches_);
  if (slot.open() > options_.limits.max_concurrent_batches) {
    return grpc::Status(
        grpc::StatusCode::RESOURCE_EXHAUSTED,
        absl::StrCat("the coordinator already runs max_concurrent_batches (",
                     options_.limits.max_concurrent_batches,
                     ") batches; retry later"));
  }
  const std::string job_id = NewJobId();
  {
    absl::MutexLock lock(&mu_);
    owners_[job_id] = *client;
  }
  v1::JobStatus status;
  status.set_job_id(job_id);
  status.set_state(v1::JobStatus::STATE_RUNNING);
  SetStatus(status);

  v1::SubmitResponse hello;
  hello.mutable_progress()->set_job_id(job_id);
  stream->Write(hello);

  // Results are written from pipeline threads while this thread reads;
  // gRPC allows one reader and one writer at a time, so writes take
  // `write_mu`.
  absl::Mutex write_mu;
  std::atomic<uint64_t> written{0};
  std::atomic<bool> write_failed{false};
  std::unique_ptr<Job> job;
  job = pipeline_->StartJob(job_id, [&](v1::DocumentResult result) {
    v1::SubmitResponse response;
    *response.mutable_result() = std::move(result);
    absl::MutexLock lock(&write_mu);
    if (!stream->Write(response)) {
      // The client is gone: stop spending stages on its documents.
      write_failed = true;
      job->Cancel();
    }
    const uint64_t n = ++written;
    if (options_.progress_every > 0 && n % options_.progress_every == 0) {
      v1::SubmitResponse progress;
      *progress.mutable_progress() = job->GetProgress();
      stream->Write(progress);
    }
  });
  {
    absl::MutexLock lock(&mu_);
    running_[job_id] = job.get();
  }

  v1::BatchOptions batch_options;
  grpc::Status failure = grpc::Status::OK;
  bool any_document = false;
  v1::SubmitRequest request;
  while (stream->Read(&request)) {
    if (request.has_options()) {
      if (any_document) {
        failure = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                               "BatchOptions must come before any document");
        break;
      }
      batch_options = request.options();
      continue;
    }
    if (!request.has_document()) continue;  // empty oneof: nothing to do
    if (job->GetProgress().received() >= options_.limits.max_documents_per_batch) {
      failure = grpc::Status(
          grpc::StatusCode::RESOURCE_EXHAUSTED,
          absl::StrCat("the batch exceeds max_documents_per_batch (",
                       options_.limits.max_documents_per_batch,
                       "); submit the rest as another batch"));
      break;
    }
    any_document = true;
    if (!job->Add(std::move(*request.mutable_document())).ok()) break;
    if (context->IsCancelled() || write_failed) break;
  }
  if (context->IsCancelled() || write_failed) {
    failure = grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  if (!failure.ok()) job->Cancel();
  v1::BatchSummary summary = job->Finish();
  if (failure.ok() && (context->IsCancelled() || write_failed)) {
    failure = grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  {
    absl::MutexLock lock(&mu_);
    running_.erase(job_id);
  }

  v1::SubmitResponse end;
  end.mutable_end()->set_job_id(job_id);
  *end.mutable_end()->mutable_summary() = summary;
  if (fetch_view_) {
    v1::GetViewRequest view_request;
    view_request.set_job_id(job_id);
    view_request.set_top_entities(batch_options.top_entities());
    view_request.set_release(true);
    absl::StatusOr<v1::CorpusView> view = fetch_view_(view_request);
    if (!view.ok()) {
      end.mutable_end()->set_corpus_view_error(CapMessage(view.status().ToString()));
    } else if (batch_options.include_corpus_view()) {
      *end.mutable_end()->mutable_corpus_view() = *std::move(view);
    }
  }
  status.set_state(failure.ok() ? v1::JobStatus::STATE_DONE
                                : v1::JobStatus::STATE_FAILED);
  *status.mutable_progress() = job->GetProgress();
  *status.mutable_summary() = summary;
  SetStatus(status);
  if (!failure.ok()) return failure;
  v1::SubmitResponse last_progress;
  *last_progress.mutable_progress() = status.progress();
  stream->Write(last_progress);
  stream->Write(end);
  return grpc::Status::OK;
}

grpc::Status CoordinatorService::GetJobStatus(
    grpc::ServerContext* context, const v1::GetJobStatusRequest* request,
    v1::JobStatus* response) {
  absl::StatusOr<std::string> client = Authenticate(*context);
  if (!client.ok()) return ToGrpcStatus(client.status());
  absl::MutexLock lock(&mu_);
  auto it = jobs_.find(request->job_id());
  auto owner = owners_.find(request->job_id());
  // Another client's job looks exactly like an unknown one.
  if (it == jobs_.end() || owner == owners_.end() || owner->second != *client) {
    return grpc::Status(grpc::StatusCode::NOT_FOUND,
                        absl::StrCat("unknown job '", request->job_id(), "'"));
  }
  *response = it->second;
  auto running = running_.find(request->job_id());
  if (running != running_.end()) {
    *response->mutable_progress() = running->second->GetProgress();
  }
  return grpc::Status::OK;
}

}  // namespace coordinator
}  // namespace gleaner
