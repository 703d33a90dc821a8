#include "services/coordinator/stream_drain.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace gleaner {
namespace coordinator {

bool SubmitWriter::Write(const v1::SubmitResponse& response) {
  absl::MutexLock lock(&mu_);
  if (interrupted_) return false;
  return write_(response);
}

void SubmitWriter::Interrupt(uint64_t delivered) {
  absl::MutexLock lock(&mu_);
  if (interrupted_ || input_done_) return;
  interrupted_ = true;
  v1::SubmitResponse response;
  v1::Interrupted* interrupted = response.mutable_interrupted();
  interrupted->set_job_id(job_id_);
  interrupted->set_reason(v1::Interrupted::REASON_DRAINING);
  interrupted->set_delivered(delivered);
  write_(response);  // a client already gone resumes all the same
}

bool SubmitWriter::EndInput() {
  absl::MutexLock lock(&mu_);
  input_done_ = true;
  return !interrupted_;
}

bool SubmitWriter::interrupted() const {
  absl::MutexLock lock(&mu_);
  return interrupted_;
}

absl::Status DrainRegistry::Add(const std::string& job_id, Stream stream) {
  absl::MutexLock lock(&mu_);
  if (draining_) {
    return absl::UnavailableError(
        absl::StrCat("coordinator is draining; resume job '", job_id, "' on another replica"));
  }
  streams_[job_id] = std::move(stream);
  return absl::OkStatus();
}

void DrainRegistry::Remove(const std::string& job_id) {
  absl::MutexLock lock(&mu_);
  // Drain may be using this stream's job and writer: wait until it is done.
  auto unused = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return !drain_in_use_; };
  mu_.Await(absl::Condition(&unused));
  streams_.erase(job_id);
}

bool DrainRegistry::draining() const {
  absl::MutexLock lock(&mu_);
  return draining_;
}

size_t DrainRegistry::Drain(absl::Time deadline) {
  std::vector<Stream> streams;
  {
    absl::MutexLock lock(&mu_);
    draining_ = true;
    drain_in_use_ = true;
    for (const auto& [id, stream] : streams_) streams.push_back(stream);
  }
  // Unlocked, so that new streams are refused at once; Remove waits for
  // drain_in_use_, so no job or writer goes away under our feet. The
  // pipeline threads delivering the admitted results never take mu_.
  for (Stream& stream : streams) stream.job->StopAdmitting();
  for (Stream& stream : streams) stream.job->AwaitIdle(deadline);
  for (Stream& stream : streams) stream.interrupt();
  absl::MutexLock lock(&mu_);
  drain_in_use_ = false;
  auto all_ended = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return streams_.empty(); };
  mu_.AwaitWithDeadline(absl::Condition(&all_ended), deadline);
  return streams_.size();
}

}  // namespace coordinator
}  // namespace gleaner
