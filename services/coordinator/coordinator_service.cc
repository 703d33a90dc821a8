#include "services/coordinator/coordinator_service.h"

#include <unistd.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/event_log.h"
#include "services/common/grpc_status.h"
#include "services/common/stage_metrics.h"
#include "services/common/status_macros.h"
#include "services/coordinator/job_id.h"
#include "services/coordinator/result_wire.h"

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

absl::Status UnknownJob(const std::string& job_id) {
  return absl::NotFoundError(absl::StrCat("unknown job '", job_id, "'"));
}

// A job's status from the journal directory, for `client` only: another
// client's job answers as an unknown one, and so does a journal whose first
// record (the one naming the owner) is unreadable, since nobody can be shown
// to own it. That damage is logged for the operator instead.
absl::StatusOr<v1::JobStatus> JournaledStatusFor(const JobJournalOptions& journal,
                                                 const std::string& client,
                                                 const std::string& job_id) {
  std::string owner;
  absl::StatusOr<v1::JobStatus> status = JobJournal::ReadStatus(journal, job_id, &owner);
  if (status.status().code() == absl::StatusCode::kDataLoss) {
    LogEvent(LogLevel::kError, "journal_unreadable",
             {{"job_id", job_id}, {"message", status.status().message()}});
    return UnknownJob(job_id);
  }
  if (!status.ok()) return status.status();
  if (owner != client) return UnknownJob(job_id);
  return status;
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

std::string HostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof(name) - 1) != 0) return "";
  return name;
}

}  // namespace

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

absl::StatusOr<CoordinatorService::OpenedJob> CoordinatorService::OpenJob(
    const std::string& owner, const v1::BatchOptions& options) {
  OpenedJob opened;
  opened.options = options;
  if (!options.resume_job_id().empty()) {
    if (options_.journal.dir.empty()) {
      return absl::FailedPreconditionError(
          "this coordinator keeps no job journal (--journal_dir), so jobs cannot be resumed");
    }
    // Another client's job answers as an unknown one: its existence is not
    // shown either. The owner is read before the job is taken: Resume's
    // kUnavailable ("still running on another stream") would tell another
    // client that the job exists, and its lock would hold the job from its
    // owner.
    GLEANER_RETURN_IF_ERROR(
        JournaledStatusFor(options_.journal, owner, options.resume_job_id()).status());
    GLEANER_ASSIGN_OR_RETURN(
        opened.journal,
        JobJournal::Resume(options_.journal, options.resume_job_id()));
    const JobLedger ledger = opened.journal->ledger();
    opened.job_id = options.resume_job_id();
    opened.options = ledger.started().options();
    return opened;
  }
  opened.job_id = NewJobId();
  if (options_.journal.dir.empty()) return opened;
  for (int attempt = 0;; ++attempt) {
    v1::JournalJobStarted started;
    started.set_job_id(opened.job_id);
    started.set_owner(owner);
    *started.mutable_options() = options;
    started.set_started_unix_ms(absl::ToUnixMillis(absl::Now()));
    started.set_started_by(HostName());
    absl::StatusOr<std::unique_ptr<JobJournal>> journal =
        JobJournal::Create(options_.journal, started);
    // Another replica sharing the directory took this id: take the next.
    if (journal.status().code() == absl::StatusCode::kAlreadyExists && attempt < 8) {
      opened.job_id = NewJobId();
      continue;
    }
    GLEANER_RETURN_IF_ERROR(journal.status());
    opened.journal = *std::move(journal);
    return opened;
  }
}

v1::SubmitResponse CoordinatorService::BatchEndOf(const OpenedJob& opened,
                                                  const v1::BatchSummary& job_summary,
                                                  uint64_t aggregated) {
  v1::SubmitResponse end;
  v1::BatchEnd* batch_end = end.mutable_end();
  batch_end->set_job_id(opened.job_id);
  *batch_end->mutable_summary() = job_summary;
  batch_end->set_aggregated_documents(aggregated);
  if (opened.journal != nullptr) {
    // A resumed job's totals cover every stream of the job.
    const JobLedger ledger = opened.journal->ledger();
    *batch_end->mutable_summary() = ledger.Summary(absl::Now());
    batch_end->set_aggregated_documents(ledger.aggregated_documents());
  }
  if (fetch_view_) {
    v1::GetViewRequest view_request;
    view_request.set_job_id(opened.job_id);
    view_request.set_top_entities(opened.options.top_entities());
    view_request.set_release(true);
    absl::StatusOr<v1::CorpusView> view = fetch_view_(view_request);
    if (!view.ok()) {
      batch_end->set_corpus_view_error(CapMessage(view.status().ToString()));
    } else if (opened.options.include_corpus_view()) {
      *batch_end->mutable_corpus_view() = *std::move(view);
    }
  }
  return end;
}

// What the threads serving one Submit stream share: the reading thread and
// the job's pipeline threads delivering results.
struct CoordinatorService::StreamState {
  StreamState(const std::string& job_id, SubmitWriter::WriteFn write)
      : job_id(job_id), writer(job_id, std::move(write)) {}

  // Results delivered on this stream, or over the whole job when journaled.
  uint64_t Delivered() const {
    return journal != nullptr ? journal->delivered_count() : written.load();
  }
  v1::Progress Progress() const {
    return journal != nullptr ? journal->progress() : job->GetProgress();
  }

  const std::string job_id;
  SubmitWriter writer;
  JobJournal* journal = nullptr;  // null without a journal
  std::unique_ptr<Job> job;
  std::atomic<uint64_t> written{0};
  std::atomic<uint64_t> aggregated{0};
  std::atomic<bool> write_failed{false};
  absl::Mutex journal_mu;
  absl::Status journal_error ABSL_GUARDED_BY(journal_mu);
};

void CoordinatorService::DeliverResult(StreamState& state, v1::DocumentResult result,
                                       std::string serialized) {
  LogDocumentErrors(state.job_id, result);
  if (state.journal != nullptr) {
    // Journaled before the client sees it, so a resume never re-sends it.
    absl::Status recorded = state.journal->RecordDelivered(result);
    if (!recorded.ok()) {
      absl::MutexLock lock(&state.journal_mu);
      if (state.journal_error.ok()) state.journal_error = recorded;
      state.job->Cancel();
      return;
    }
  }
  if (DeliveredRecord(result).aggregated()) ++state.aggregated;
  v1::SubmitResponse response;
  if (serialized.empty()) {
    *response.mutable_result() = std::move(result);
  } else {
    // The aggregator's serialisation of the result (result_wire.h): gRPC
    // copies it, without serialising the result a second time.
    SetSubmitResult(std::move(serialized), result.text(), &response);
  }
  if (!state.writer.Write(response)) {
    // The client is gone: stop spending stages on its documents.
    state.write_failed = true;
    state.job->Cancel();
  }
  const uint64_t n = ++state.written;
  if (options_.progress_every > 0 && n % options_.progress_every == 0) {
    v1::SubmitResponse progress;
    *progress.mutable_progress() = state.Progress();
    state.writer.Write(progress);
  }
}

CoordinatorService::ReadOutcome CoordinatorService::ReadDocuments(
    grpc::ServerContext* context, SubmitStream* stream, v1::SubmitRequest* pending,
    OpenedJob& opened, StreamState& state) {
  ReadOutcome outcome;
  bool any_document = false;
  v1::SubmitRequest request;
  while (true) {
    if (pending != nullptr) {
      request = std::move(*pending);
      pending = nullptr;
    } else if (!stream->Read(&request)) {
      outcome.input_ended = true;
      return outcome;
    }
    if (request.has_options()) {
      if (any_document) {
        outcome.failure = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                       "BatchOptions must come before any document");
        return outcome;
      }
      if (!request.options().resume_job_id().empty()) {
        outcome.failure = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                       "resume_job_id belongs in the first message only");
        return outcome;
      }
      opened.options = request.options();
      continue;
    }
    if (!request.has_document()) continue;  // empty oneof: nothing to do
    if (state.job->GetProgress().received() >= options_.limits.max_documents_per_batch) {
      outcome.failure = grpc::Status(
          grpc::StatusCode::RESOURCE_EXHAUSTED,
          absl::StrCat("the batch exceeds max_documents_per_batch (",
                       options_.limits.max_documents_per_batch,
                       "); submit the rest as another batch"));
      return outcome;
    }
    any_document = true;
    const std::string id = request.document().id();
    const uint64_t bytes = request.document().content().size();
    const absl::Status added = state.job->Add(std::move(*request.mutable_document()));
    if (added.code() == absl::StatusCode::kUnavailable) {
      outcome.draining = true;  // not taken in: the client sends it again on resume
      return outcome;
    }
    if (!added.ok()) return outcome;
    if (state.journal != nullptr && !id.empty()) {
      // Unflushed: losing it only means the client sends the document again.
      state.journal->RecordAdmitted(id, bytes).IgnoreError();
    }
    if (context->IsCancelled() || state.write_failed) return outcome;
  }
}

grpc::Status CoordinatorService::Submit(grpc::ServerContext* context, SubmitStream* stream) {
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
  if (drain_.draining()) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "coordinator is draining; submit to another replica");
  }
  // The first message says whether the stream starts a job or resumes one.
  v1::SubmitRequest first;
  const bool got_first = stream->Read(&first);
  absl::StatusOr<OpenedJob> opened = OpenJob(
      *client, got_first && first.has_options() ? first.options() : v1::BatchOptions());
  if (!opened.ok()) return ToGrpcStatus(opened.status());
  const std::string job_id = opened->job_id;
  {
    absl::MutexLock lock(&mu_);
    owners_[job_id] = *client;
  }
  v1::JobStatus status;
  status.set_job_id(job_id);
  status.set_state(v1::JobStatus::STATE_RUNNING);
  SetStatus(status);
  LogEvent(LogLevel::kInfo, "job_started",
           {{"job_id", job_id},
            {"client", *client},
            {"peer", context->peer()},
            {"mode", got_first && first.has_options() &&
                             !first.options().resume_job_id().empty()
                         ? "resume"
                         : "new"}});

  StreamState state(job_id, [stream](const v1::SubmitResponse& m) { return stream->Write(m); });
  state.journal = opened->journal.get();
  v1::SubmitResponse hello;
  *hello.mutable_progress() = state.journal ? state.journal->progress() : v1::Progress();
  hello.mutable_progress()->set_job_id(job_id);
  state.writer.Write(hello);
  state.job = pipeline_->StartSerializingJob(
      job_id, [this, &state](v1::DocumentResult result, std::string serialized) {
        DeliverResult(state, std::move(result), std::move(serialized));
      });
  if (absl::Status added = drain_.Add(
          job_id, {state.job.get(), [&state] { state.writer.Interrupt(state.Delivered()); }});
      !added.ok()) {
    state.job->Cancel();
    state.job->Finish();
    return ToGrpcStatus(added);
  }
  {
    absl::MutexLock lock(&mu_);
    running_[job_id] = state.job.get();
  }

  ReadOutcome read;
  if (got_first) {
    read = ReadDocuments(context, stream, first.has_options() ? nullptr : &first, *opened, state);
  } else {
    read.input_ended = true;
  }
  grpc::Status failure = read.failure;
  // Interrupted while the client half-closed: it resumes, so no BatchEnd.
  bool draining = read.draining || (read.input_ended && !state.writer.EndInput()) ||
                  drain_.draining();
  if (draining) state.job->StopAdmitting();
  if (!draining && failure.ok() && (context->IsCancelled() || state.write_failed)) {
    failure = grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  if (!failure.ok()) state.job->Cancel();
  const v1::BatchSummary summary = state.job->Finish();
  {
    absl::MutexLock lock(&state.journal_mu);
    if (!state.journal_error.ok() && failure.ok()) failure = ToGrpcStatus(state.journal_error);
  }
  // A write may have failed while the job finished.
  if (!draining && failure.ok() && (context->IsCancelled() || state.write_failed)) {
    failure = grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  if (draining) state.writer.Interrupt(state.Delivered());
  drain_.Remove(job_id);
  {
    absl::MutexLock lock(&mu_);
    running_.erase(job_id);
  }
  *status.mutable_progress() = state.Progress();
  if (draining || (!failure.ok() && state.journal != nullptr)) {
    // The journal keeps the job: the client resumes it.
    status.set_state(v1::JobStatus::STATE_INTERRUPTED);
    SetStatus(status);
    LogJobFinished(status, draining ? grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                                   "coordinator is draining")
                                    : failure);
    if (!draining) return failure;
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        absl::StrCat("coordinator is draining; resume job ", job_id));
  }
  const v1::SubmitResponse end = BatchEndOf(*opened, summary, state.aggregated.load());
  status.set_state(failure.ok() ? v1::JobStatus::STATE_DONE : v1::JobStatus::STATE_FAILED);
  *status.mutable_summary() = end.end().summary();
  SetStatus(status);
  LogJobFinished(status, failure);
  if (!failure.ok()) return failure;
  v1::SubmitResponse last_progress;
  *last_progress.mutable_progress() = status.progress();
  state.writer.Write(last_progress);
  state.writer.Write(end);
  if (state.journal != nullptr) state.journal->RecordFinished(absl::Now()).IgnoreError();
  return grpc::Status::OK;
}

grpc::Status CoordinatorService::GetJobStatus(
    grpc::ServerContext* context, const v1::GetJobStatusRequest* request,
    v1::JobStatus* response) {
  absl::StatusOr<std::string> client = Authenticate(*context);
  if (!client.ok()) return ToGrpcStatus(client.status());
  {
    absl::MutexLock lock(&mu_);
    auto it = jobs_.find(request->job_id());
    auto owner = owners_.find(request->job_id());
    const bool owned = it != jobs_.end() && owner != owners_.end() && owner->second == *client;
    if (owned && it->second.state() != v1::JobStatus::STATE_INTERRUPTED) {
      *response = it->second;
      auto running = running_.find(request->job_id());
      if (running != running_.end()) {
        *response->mutable_progress() = running->second->GetProgress();
      }
      return grpc::Status::OK;
    }
  }
  // Not run here (or no longer): another replica may run it, or it waits to
  // be resumed; the shared journal knows. Another client's job answers as an
  // unknown one.
  if (!options_.journal.dir.empty()) {
    absl::StatusOr<v1::JobStatus> journaled =
        JournaledStatusFor(options_.journal, *client, request->job_id());
    if (journaled.ok()) {
      *response = *std::move(journaled);
      return grpc::Status::OK;
    }
    if (journaled.status().code() != absl::StatusCode::kNotFound) {
      return ToGrpcStatus(journaled.status());
    }
  }
  absl::MutexLock lock(&mu_);
  auto it = jobs_.find(request->job_id());
  auto owner = owners_.find(request->job_id());
  // Another client's job looks exactly like an unknown one.
  if (it == jobs_.end() || owner == owners_.end() || owner->second != *client) {
    return ToGrpcStatus(UnknownJob(request->job_id()));
  }
  *response = it->second;
  return grpc::Status::OK;
}

}  // namespace coordinator
}  // namespace gleaner
