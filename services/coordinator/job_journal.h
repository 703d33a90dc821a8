// The coordinator's job journal: one append-only, checksummed file per job
// (`<dir>/<job id>.journal`, framed by the dedup worker's IndexLog) saying
// which documents the job admitted and which results it delivered, so that
// after a coordinator crash or drain any replica sharing `dir` resumes the
// job and answers every document exactly once by id.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<JobJournal> journal,
//                            JobJournal::Create(options, started));
//   journal->RecordAdmitted(document.id(), document.content().size());
//   GLEANER_RETURN_IF_ERROR(journal->RecordDelivered(result));  // durable
//   ... crash ...
//   GLEANER_ASSIGN_OR_RETURN(journal, JobJournal::Resume(options, job_id));
//   journal->ledger().delivered()  // the results the client was sent
//
// A job is taken by one stream at a time: the stream holding a JobJournal
// holds an exclusive flock(2) on its file, released when the JobJournal is
// destroyed or its process dies (SIGKILL included), so a second replica's
// Resume fails with kUnavailable until the first lets go.
#ifndef GLEANER_SERVICES_COORDINATOR_JOB_JOURNAL_H_
#define GLEANER_SERVICES_COORDINATOR_JOB_JOURNAL_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/gleaner/v1/coordinator_service.pb.h"
#include "proto/gleaner/v1/job_journal.pb.h"
#include "workers/dedup/index_log.h"

namespace gleaner {
namespace coordinator {

struct JobJournalOptions {
  // The journal directory (required), shared by every coordinator replica
  // that may resume another's jobs (a volume they all mount).
  std::string dir;
  // fdatasync a delivered-result record before the result is handed to the
  // stream (true), so that a power loss cannot make the journal forget a
  // result the client holds. Concurrent results share one flush.
  bool sync = true;
};

// Returns OK when `job_id` can name a journal file: 1 to 128 characters of
// [A-Za-z0-9._-], not starting with '.'. kInvalidArgument otherwise (a
// client-supplied id must never reach the file system as a path).
absl::Status CheckJobId(absl::string_view job_id);

// What a journal says about its job, rebuilt by replaying its records.
// Not thread-safe; copyable.
class JobLedger {
 public:
  // Applies one record. kDataLoss for a journal that does not start with
  // JournalJobStarted or starts twice.
  absl::Status Apply(const v1::JournalRecord& record);

  const v1::JournalJobStarted& started() const { return started_; }
  bool finished() const { return finished_; }
  // Document ids admitted, with their raw bytes.
  const absl::flat_hash_map<std::string, uint64_t>& admitted() const { return admitted_; }
  // Document ids whose results were delivered, each once (a re-processed
  // document replaces its earlier entry).
  const absl::flat_hash_map<std::string, v1::JournalDelivered>& delivered() const {
    return delivered_;
  }

  // Returns the job's totals over every stream, each document id once;
  // elapsed time runs from the job's start to `now`.
  v1::BatchSummary Summary(absl::Time now) const;
  // Returns the job's counters (received: ids admitted or delivered).
  v1::Progress Progress() const;
  // Returns the delivered documents that completed STAGE_AGGREGATE.
  uint64_t aggregated_documents() const;

 private:
  bool has_started_ = false;
  bool finished_ = false;
  v1::JournalJobStarted started_;
  absl::flat_hash_map<std::string, uint64_t> admitted_;
  absl::flat_hash_map<std::string, v1::JournalDelivered> delivered_;
};

// Returns the journal record for a delivered `result`.
v1::JournalDelivered DeliveredRecord(const v1::DocumentResult& result);

// The journal of one job, held by the stream running it. Thread-safe; not
// copyable.
class JobJournal {
 public:
  // Creates the journal of a new job and makes its first record durable.
  // kAlreadyExists when a journal of that id exists (pick another id);
  // kInvalidArgument for a bad id; file-system errors otherwise.
  static absl::StatusOr<std::unique_ptr<JobJournal>> Create(
      const JobJournalOptions& options, const v1::JournalJobStarted& started);

  // Takes an existing job to resume it and replays its journal (dropping a
  // torn last record, which was never acknowledged). kNotFound for an
  // unknown job, kUnavailable while another stream holds it, kDataLoss for a
  // journal damaged in the middle, kInvalidArgument for a bad id.
  static absl::StatusOr<std::unique_ptr<JobJournal>> Resume(const JobJournalOptions& options,
                                                            const std::string& job_id);

  // What GetJobStatus says about a job this replica does not run: read
  // without taking the job. STATE_RUNNING while a stream holds it,
  // STATE_DONE once finished, STATE_INTERRUPTED otherwise. `owner` receives
  // the submitting client's identity. Same errors as Resume, never
  // kUnavailable.
  static absl::StatusOr<v1::JobStatus> ReadStatus(const JobJournalOptions& options,
                                                  const std::string& job_id,
                                                  std::string* owner);

  ~JobJournal();
  JobJournal(const JobJournal&) = delete;
  JobJournal& operator=(const JobJournal&) = delete;

  const std::string& job_id() const { return job_id_; }

  // Records that a document entered the pipeline. Not flushed: a lost
  // admission only means the client sends the document again.
  absl::Status RecordAdmitted(const std::string& document_id, uint64_t input_bytes);
  // Records a delivered result and, with options.sync, waits until the
  // record is on stable storage. Call before handing the result to the
  // client.
  absl::Status RecordDelivered(const v1::DocumentResult& result);
  // Records that BatchEnd was sent.
  absl::Status RecordFinished(absl::Time now);

  // Returns a copy of the ledger (replayed plus recorded since).
  JobLedger ledger() const;
  // Returns the ledger's counters and delivered count without copying it.
  v1::Progress progress() const;
  uint64_t delivered_count() const;

 private:
  JobJournal(std::string job_id, int lock_fd, std::unique_ptr<workers::dedup::IndexLog> log,
             JobLedger ledger)
      : job_id_(std::move(job_id)), lock_fd_(lock_fd), log_(std::move(log)),
        ledger_(std::move(ledger)) {}

  // Appends `record` to the log and the ledger; returns the log offset past
  // it (for SyncTo).
  absl::StatusOr<uint64_t> Append(const v1::JournalRecord& record);

  const std::string job_id_;
  const int lock_fd_;  // holds the flock; closed (released) last
  const std::unique_ptr<workers::dedup::IndexLog> log_;
  mutable absl::Mutex mu_;  // serialises IndexLog::Write, as it requires
  JobLedger ledger_ ABSL_GUARDED_BY(mu_);
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_JOB_JOURNAL_H_
