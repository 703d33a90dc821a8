#include "services/coordinator/pipeline.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/stage_processor.h"
#include "services/coordinator/entry_cleaning.h"
#include "services/coordinator/result_wire.h"
#include "services/coordinator/stage_delta.h"

namespace gleaner {
namespace coordinator {
namespace {

bool Completed(const v1::DocumentResult& result, v1::Stage stage) {
  return std::find(result.completed_stages().begin(),
                   result.completed_stages().end(),
                   stage) != result.completed_stages().end();
}

// MergeStageResponse, keeping `serialized` (the result before the merge,
// result_wire.h) equal to the result after it: that holds when the answer is
// status only and the merge only completed the stage; otherwise it is
// cleared.
void MergeKeepingSerialized(v1::Stage stage, v1::StageResponse response,
                            v1::DocumentResult* result,
                            std::string* serialized) {
  const bool status_only =
      !response.has_error() &&
      response.delta_case() == v1::StageResponse::DELTA_NOT_SET;
  const int errors = result->errors_size();
  MergeStageResponse(stage, std::move(response), result);
  const int completed = result->completed_stages_size();
  if (status_only && !serialized->empty() && result->errors_size() == errors &&
      completed > 0 && result->completed_stages(completed - 1) == stage) {
    AppendCompletedStage(stage, serialized);
  } else {
    serialized->clear();
  }
}

}  // namespace

Job::Job(std::string job_id, const PipelineOptions& options,
         const PipelineStages& stages, SerializedResultCallback on_result)
    : job_id_(std::move(job_id)),
      options_(options),
      stages_(stages),
      on_result_(std::move(on_result)),
      start_time_(absl::Now()) {
  progress_.set_job_id(job_id_);
  metrics_.JobStarted();
}

void Job::StartThreads() {
  // Started with the first admitted document, not with the job: a batch
  // that sends nothing (an idle Submit stream) costs no threads (issue 14).
  if (!threads_.empty()) return;
  threads_.emplace_back([this] { DedupLoop(); });
  for (int i = 0; i < std::max(1, options_.parallelism); ++i) {
    threads_.emplace_back([this] { WorkLoop(); });
  }
}

Job::~Job() {
  Cancel();
  {
    absl::MutexLock lock(&mu_);
    input_done_ = true;
  }
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  metrics_.JobFinished();
}

absl::Status Job::Add(v1::RawDocument document) {
  auto item = std::make_unique<Item>();
  item->bytes = document.content().size();
  metrics_.Received(item->bytes);
  v1::DocumentResult& result = item->result;
  absl::Status rejected;
  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return absl::CancelledError("job cancelled");
    if (input_done_) return absl::FailedPreconditionError("job finished");
    if (!admitting_) return absl::UnavailableError("job is draining");
    if (document.id().empty()) {
      document.set_id(absl::StrCat(job_id_, "/doc-", next_auto_id_++));
    }
    progress_.set_received(progress_.received() + 1);
    summary_.set_documents(summary_.documents() + 1);
    summary_.set_input_bytes(summary_.input_bytes() + item->bytes);
    if (!seen_ids_.insert(document.id()).second) {
      rejected = absl::InvalidArgumentError(absl::StrCat(
          "document id '", document.id(), "' was already used in this batch"));
    }
  }
  result.set_id(std::move(*document.mutable_id()));
  result.set_source(std::move(*document.mutable_source()));
  result.mutable_metadata()->swap(*document.mutable_metadata());
  // Cleaned here, once, outside the lock; the raw bytes go no further.
  if (rejected.ok()) rejected = CleanOnEntry(document, options_.limits, &result);
  document.clear_content();
  if (!rejected.ok()) {
    AddStageError(v1::STAGE_COORDINATOR, rejected, &result);
    Deliver(*item);
    return absl::OkStatus();
  }
  StartThreads();
  absl::MutexLock lock(&mu_);
  // Wait for room in the window before taking the document in.
  const uint64_t bytes = item->bytes;
  auto has_room = [this, bytes]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    if (cancelled_ || !admitting_ || in_flight_ == 0) return true;
    return in_flight_ < std::max(1, options_.max_in_flight) &&
           in_flight_bytes_ + bytes <= options_.max_in_flight_bytes;
  };
  mu_.Await(absl::Condition(&has_room));
  if (cancelled_) return absl::CancelledError("job cancelled");
  if (!admitting_) return absl::UnavailableError("job is draining");
  ++in_flight_;
  in_flight_bytes_ += bytes;
  metrics_.Admitted();
  dedup_queue_.push_back(std::move(item));
  return absl::OkStatus();
}

void Job::RunOne(StageClient* client, v1::Stage stage, Item& item,
                 std::string* serialized) {
  if (client == nullptr) return;
  {
    // A cancelled job's result is never read: do not spend a stage on it.
    absl::MutexLock lock(&mu_);
    if (cancelled_) return;
  }
  const absl::Time start = absl::Now();
  absl::StatusOr<v1::StageResponse> response =
      serialized == nullptr
          ? client->Process({job_id_, item.result})
          : client->ProcessKeepingWire({job_id_, item.result}, serialized);
  metrics_.StageDone(stage, absl::Now() - start);
  if (!response.ok()) {
    AddStageError(stage, response.status(), &item.result);
    if (serialized != nullptr) serialized->clear();
  } else if (serialized == nullptr) {
    MergeStageResponse(stage, *std::move(response), &item.result);
  } else {
    MergeKeepingSerialized(stage, *std::move(response), &item.result,
                           serialized);
  }
}

void Job::DedupLoop() {
  while (true) {
    std::unique_ptr<Item> item;
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
        return !dedup_queue_.empty() || input_done_ || cancelled_;
      };
      mu_.Await(absl::Condition(&ready));
      if (cancelled_ || dedup_queue_.empty()) {
        dedup_done_ = true;
        return;
      }
      item = std::move(dedup_queue_.front());
      dedup_queue_.pop_front();
    }
    RunOne(stages_.dedup, v1::STAGE_DEDUP, *item);
    if (item->result.duplicate().kind() == v1::DUPLICATE_KIND_EXACT) {
      item->result.set_skipped_as_duplicate(true);
    }
    absl::MutexLock lock(&mu_);
    work_queue_.push_back(std::move(item));
  }
}

void Job::WorkLoop() {
  while (true) {
    std::unique_ptr<Item> item;
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
        return !work_queue_.empty() || dedup_done_ || cancelled_;
      };
      mu_.Await(absl::Condition(&ready));
      if (cancelled_ || work_queue_.empty()) return;
      item = std::move(work_queue_.front());
      work_queue_.pop_front();
    }
    if (!item->result.skipped_as_duplicate()) {
      RunOne(stages_.sentence, v1::STAGE_SENTENCE, *item);
      // Extraction follows a completed sentence stage only; when that
      // failed (say, unreachable), its error already says why.
      if (stages_.sentence == nullptr ||
          Completed(item->result, v1::STAGE_SENTENCE)) {
        RunOne(stages_.extract, v1::STAGE_EXTRACT, *item);
      }
    }
    // The aggregator answers with status only (see its proto).
    RunOne(stages_.aggregate, v1::STAGE_AGGREGATE, *item, &item->serialized);
    Deliver(*item);
    absl::MutexLock lock(&mu_);
    --in_flight_;
    in_flight_bytes_ -= item->bytes;
    metrics_.Left();
  }
}

void Job::Deliver(Item& item) {
  v1::DocumentResult& result = item.result;
  {
    absl::MutexLock lock(&mu_);
    progress_.set_completed(progress_.completed() + 1);
    if (result.errors_size() > 0) {
      progress_.set_failed(progress_.failed() + 1);
      summary_.set_failed_documents(summary_.failed_documents() + 1);
    }
    switch (result.duplicate().kind()) {
      case v1::DUPLICATE_KIND_EXACT:
        summary_.set_exact_duplicates(summary_.exact_duplicates() + 1);
        break;
      case v1::DUPLICATE_KIND_NEAR:
        summary_.set_near_duplicates(summary_.near_duplicates() + 1);
        break;
      default:
        break;
    }
    summary_.set_sentences(summary_.sentences() + result.sentences_size());
    summary_.set_entities(summary_.entities() + result.entities_size());
    summary_.set_amounts(summary_.amounts() + result.amounts_size());
  }
  metrics_.Delivered(result);
  on_result_(std::move(result), std::move(item.serialized));
}

v1::BatchSummary Job::Finish() {
  {
    absl::MutexLock lock(&mu_);
    input_done_ = true;
  }
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  absl::MutexLock lock(&mu_);
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start_time_);
  summary_.set_elapsed_seconds(seconds);
  summary_.set_megabytes_per_second(
      seconds > 0 ? summary_.input_bytes() / seconds / 1e6 : 0.0);
  return summary_;
}

void Job::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
}

void Job::StopAdmitting() {
  absl::MutexLock lock(&mu_);
  admitting_ = false;
}

bool Job::AwaitIdle(absl::Time deadline) const {
  absl::MutexLock lock(&mu_);
  auto idle = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return in_flight_ == 0; };
  return mu_.AwaitWithDeadline(absl::Condition(&idle), deadline);
}

v1::Progress Job::GetProgress() const {
  absl::MutexLock lock(&mu_);
  return progress_;
}

}  // namespace coordinator
}  // namespace gleaner
