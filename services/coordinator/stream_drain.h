// Draining the coordinator's open Submit streams on SIGTERM: stop admitting
// documents, let the admitted ones reach their results, then tell each
// client to resume (an Interrupted message, then UNAVAILABLE), all within
// the grace period.
//
//   DrainRegistry registry;
//   SubmitWriter writer(job_id, [&](const auto& m) { return stream->Write(m); });
//   GLEANER_RETURN_IF_ERROR(registry.Add(job_id, {job.get(), [&] {
//     writer.Interrupt(delivered);
//   }}));
//   ...
//   registry.Remove(job_id);       // before `job` and `writer` go away
//
//   registry.Drain(absl::Now() + grace);  // from the signal handler thread
#ifndef GLEANER_SERVICES_COORDINATOR_STREAM_DRAIN_H_
#define GLEANER_SERVICES_COORDINATOR_STREAM_DRAIN_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/gleaner/v1/coordinator_service.pb.h"
#include "services/coordinator/pipeline.h"

namespace gleaner {
namespace coordinator {

// The writing side of one Submit stream: serialises writes from the
// pipeline threads and the reading thread (gRPC allows one writer at a
// time) and ends the stream's messages with at most one Interrupted.
// Thread-safe; not copyable.
class SubmitWriter {
 public:
  // Returns false when the client is gone.
  using WriteFn = std::function<bool(const v1::SubmitResponse&)>;

  SubmitWriter(std::string job_id, WriteFn write)
      : job_id_(std::move(job_id)), write_(std::move(write)) {}
  SubmitWriter(const SubmitWriter&) = delete;
  SubmitWriter& operator=(const SubmitWriter&) = delete;

  // Writes `response`; returns false when the client is gone or the stream
  // was interrupted (nothing follows Interrupted).
  bool Write(const v1::SubmitResponse& response);

  // Sends Interrupted{REASON_DRAINING, delivered} unless the client already
  // half-closed (then the batch simply finishes) or it was sent before.
  void Interrupt(uint64_t delivered);

  // Records the client's half-close. Returns false when the stream was
  // interrupted first: the client resumes, so no BatchEnd may follow.
  bool EndInput();

  // Returns true once Interrupted was sent.
  bool interrupted() const;

 private:
  const std::string job_id_;
  const WriteFn write_;
  mutable absl::Mutex mu_;
  bool interrupted_ ABSL_GUARDED_BY(mu_) = false;
  bool input_done_ ABSL_GUARDED_BY(mu_) = false;
};

// The open streams of one coordinator. Thread-safe; not copyable.
class DrainRegistry {
 public:
  struct Stream {
    // The stream's job (not owned; valid until Remove).
    Job* job = nullptr;
    // Tells the client to resume (SubmitWriter::Interrupt).
    std::function<void()> interrupt;
  };

  DrainRegistry() = default;
  DrainRegistry(const DrainRegistry&) = delete;
  DrainRegistry& operator=(const DrainRegistry&) = delete;

  // Registers an open stream. kUnavailable once draining started: the
  // client should retry (another replica, or this one restarted).
  absl::Status Add(const std::string& job_id, Stream stream);
  // Unregisters a stream; blocks while Drain is using it.
  void Remove(const std::string& job_id);
  // Returns true once Drain was called.
  bool draining() const;

  // Stops every job admitting documents, waits until each has answered
  // what it admitted, interrupts the streams whose clients had not
  // half-closed, and waits for every stream to end, all before `deadline`.
  // Returns the streams still open at the deadline (the server's shutdown
  // then cancels them; their clients resume from the journal).
  size_t Drain(absl::Time deadline);

 private:
  mutable absl::Mutex mu_;
  bool draining_ ABSL_GUARDED_BY(mu_) = false;
  // Drain holds copies of the streams while it works without mu_.
  bool drain_in_use_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_map<std::string, Stream> streams_ ABSL_GUARDED_BY(mu_);
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_STREAM_DRAIN_H_
