#include "services/coordinator/coordinator_service.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/event_log.h"
#include "services/common/grpc_status.h"
#include "services/common/stage_metrics.h"

namespace gleaner {
namespace coordinator {
namespace {

// One line per error of a failed document (its stages' errors).
void LogDocumentErrors(const std::string& job_id,
                       const v1::DocumentResult& result) {
  for (const v1::StageError& error : result.errors()) {
    LogEvent(LogLevel::kError, "document_failed",
             {{"job_id", job_id},
              {"document_id", result.id()},
              {"stage", StageLabel(error.stage())},
              {"code", error.code()},
              {"message", error.message()}});
  }
}

void LogJobFinished(const v1::JobStatus& status, const grpc::Status& failure) {
  const v1::BatchSummary& summary = status.summary();
  const bool ok = failure.ok();
  LogEvent(ok ? LogLevel::kInfo : LogLevel::kError, "job_finished",
           {{"job_id", status.job_id()},
            {"state", v1::JobStatus::State_Name(status.state())},
            {"code", absl::StatusCodeToString(
                         static_cast<absl::StatusCode>(failure.error_code()))},
            {"message", failure.error_message()},
            {"documents", summary.documents()},
            {"failed", summary.failed_documents()},
            {"seconds", summary.elapsed_seconds()}});
}

}  // namespace

CoordinatorService::CoordinatorService(Pipeline* pipeline,
                                       ViewFetcher fetch_view,
                                       CoordinatorServiceOptions options)
    : pipeline_(pipeline),
      fetch_view_(std::move(fetch_view)),
      options_(options),
      // Job ids stay unique across coordinator restarts, because the
      // aggregator may outlive a coordinator.
      job_prefix_(absl::StrCat("job-", absl::ToUnixMillis(absl::Now()), "-")) {
}

void CoordinatorService::SetStatus(const v1::JobStatus& status) {
  absl::MutexLock lock(&mu_);
  const bool is_new = !jobs_.contains(status.job_id());
  jobs_[status.job_id()] = status;
  if (status.state() != v1::JobStatus::STATE_RUNNING && !is_new) {
    finished_order_.push_back(status.job_id());
    while (finished_order_.size() > options_.finished_jobs_kept) {
      jobs_.erase(finished_order_.front());
      finished_order_.pop_front();
    }
  }
}

grpc::Status CoordinatorService::Submit(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::SubmitResponse, v1::SubmitRequest>* stream) {
  const std::string job_id = absl::StrCat(job_prefix_, next_job_++);
  v1::JobStatus status;
  status.set_job_id(job_id);
  status.set_state(v1::JobStatus::STATE_RUNNING);
  SetStatus(status);
  LogEvent(LogLevel::kInfo, "job_started",
           {{"job_id", job_id}, {"peer", context->peer()}});

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
    LogDocumentErrors(job_id, result);
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
  LogJobFinished(status, failure);
  if (!failure.ok()) return failure;
  v1::SubmitResponse last_progress;
  *last_progress.mutable_progress() = status.progress();
  stream->Write(last_progress);
  stream->Write(end);
  return grpc::Status::OK;
}

grpc::Status CoordinatorService::GetJobStatus(
    grpc::ServerContext* /*context*/, const v1::GetJobStatusRequest* request,
    v1::JobStatus* response) {
  absl::MutexLock lock(&mu_);
  auto it = jobs_.find(request->job_id());
  if (it == jobs_.end()) {
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
