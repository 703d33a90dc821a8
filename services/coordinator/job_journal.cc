#include "services/coordinator/job_journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"

namespace gleaner {
namespace coordinator {
namespace {

using workers::dedup::IndexLog;

std::string JournalPath(const JobJournalOptions& options, const std::string& job_id) {
  return absl::StrCat(options.dir, "/", job_id, ".journal");
}

// Abseil's errno mapping (NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED,
// RESOURCE_EXHAUSTED, ...) is the one the dedup index log and the CLI use too.
absl::Status FileError(absl::string_view what, const std::string& path, int err) {
  return absl::ErrnoToStatus(err, absl::StrCat(what, " ", path));
}

bool Completed(const v1::DocumentResult& result, v1::Stage stage) {
  return std::find(result.completed_stages().begin(), result.completed_stages().end(), stage) !=
         result.completed_stages().end();
}

// Replays the journal file at `path` into a ledger: every intact record in
// order, through IndexLog (which also drops a torn tail when `log_out` is
// set, i.e. when the caller holds the job).
absl::StatusOr<JobLedger> Replay(const std::string& path, const JobJournalOptions& options,
                                 std::unique_ptr<IndexLog>* log_out) {
  JobLedger ledger;
  auto apply = [&ledger, &path](absl::string_view payload) -> absl::Status {
    v1::JournalRecord record;
    if (!record.ParseFromArray(payload.data(), static_cast<int>(payload.size()))) {
      return absl::DataLossError(absl::StrCat("journal ", path, " has an unreadable record"));
    }
    return ledger.Apply(record);
  };
  if (log_out != nullptr) {
    workers::dedup::IndexLogOptions log_options;
    log_options.sync = options.sync;
    GLEANER_ASSIGN_OR_RETURN(*log_out, IndexLog::Open(path, apply, log_options));
  } else {
    // Read-only: a torn last record may be an append in progress elsewhere.
    const absl::Status read = IndexLog::ReadAll(path, apply);
    if (!read.ok() && read.code() != absl::StatusCode::kDataLoss) return read;
  }
  if (ledger.started().job_id().empty()) {
    return absl::DataLossError(absl::StrCat("journal ", path, " has no job record"));
  }
  return ledger;
}

}  // namespace

absl::Status CheckJobId(absl::string_view job_id) {
  const bool valid_chars = std::all_of(job_id.begin(), job_id.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
  if (job_id.empty() || job_id.size() > 128 || job_id[0] == '.' || !valid_chars) {
    return absl::InvalidArgumentError(absl::StrCat(
        "'", job_id.substr(0, 128), "' is not a job id (1 to 128 of A-Z a-z 0-9 . _ -)"));
  }
  return absl::OkStatus();
}

absl::Status JobLedger::Apply(const v1::JournalRecord& record) {
  if (record.has_started()) {
    if (has_started_) return absl::DataLossError("journal starts twice");
    has_started_ = true;
    started_ = record.started();
    return absl::OkStatus();
  }
  if (!has_started_) return absl::DataLossError("journal does not start with its job");
  switch (record.record_case()) {
    case v1::JournalRecord::kAdmitted:
      admitted_[record.admitted().document_id()] = record.admitted().input_bytes();
      break;
    case v1::JournalRecord::kDelivered:
      delivered_[record.delivered().document_id()] = record.delivered();
      break;
    case v1::JournalRecord::kFinished:
      finished_ = true;
      break;
    default:
      break;  // a record kind from a newer coordinator: nothing to count
  }
  return absl::OkStatus();
}

v1::BatchSummary JobLedger::Summary(absl::Time now) const {
  v1::BatchSummary summary;
  uint64_t documents = delivered_.size();
  for (const auto& [id, bytes] : admitted_) {
    summary.set_input_bytes(summary.input_bytes() + bytes);
    if (!delivered_.contains(id)) ++documents;
  }
  summary.set_documents(documents);
  for (const auto& [id, delivered] : delivered_) {
    if (delivered.failed()) summary.set_failed_documents(summary.failed_documents() + 1);
    if (delivered.duplicate() == v1::DUPLICATE_KIND_EXACT) {
      summary.set_exact_duplicates(summary.exact_duplicates() + 1);
    } else if (delivered.duplicate() == v1::DUPLICATE_KIND_NEAR) {
      summary.set_near_duplicates(summary.near_duplicates() + 1);
    }
    summary.set_sentences(summary.sentences() + delivered.sentences());
    summary.set_entities(summary.entities() + delivered.entities());
    summary.set_amounts(summary.amounts() + delivered.amounts());
  }
  const double seconds = std::max(
      0.0, absl::ToDoubleSeconds(now - absl::FromUnixMillis(started_.started_unix_ms())));
  summary.set_elapsed_seconds(seconds);
  summary.set_megabytes_per_second(seconds > 0 ? summary.input_bytes() / seconds / 1e6 : 0.0);
  return summary;
}

v1::Progress JobLedger::Progress() const {
  v1::Progress progress;
  progress.set_job_id(started_.job_id());
  const v1::BatchSummary summary = Summary(absl::FromUnixMillis(started_.started_unix_ms()));
  progress.set_received(summary.documents());
  progress.set_completed(delivered_.size());
  progress.set_failed(summary.failed_documents());
  return progress;
}

uint64_t JobLedger::aggregated_documents() const {
  return std::count_if(delivered_.begin(), delivered_.end(),
                       [](const auto& entry) { return entry.second.aggregated(); });
}

v1::JournalDelivered DeliveredRecord(const v1::DocumentResult& result) {
  v1::JournalDelivered delivered;
  delivered.set_document_id(result.id());
  delivered.set_failed(result.errors_size() > 0);
  delivered.set_duplicate(result.duplicate().kind());
  delivered.set_aggregated(Completed(result, v1::STAGE_AGGREGATE));
  delivered.set_sentences(result.sentences_size());
  delivered.set_entities(result.entities_size());
  delivered.set_amounts(result.amounts_size());
  return delivered;
}

absl::StatusOr<std::unique_ptr<JobJournal>> JobJournal::Create(
    const JobJournalOptions& options, const v1::JournalJobStarted& started) {
  GLEANER_RETURN_IF_ERROR(CheckJobId(started.job_id()));
  const std::string path = JournalPath(options, started.job_id());
  // O_EXCL: replicas sharing the directory never take the same id.
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return FileError("create journal", path, errno);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    return FileError("lock journal", path, err);
  }
  workers::dedup::IndexLogOptions log_options;
  log_options.sync = options.sync;
  // A new file: nothing to replay.
  absl::StatusOr<std::unique_ptr<IndexLog>> log = IndexLog::Open(
      path, [](absl::string_view) { return absl::OkStatus(); }, log_options);
  if (!log.ok()) {
    ::close(fd);
    return log.status();
  }
  std::unique_ptr<JobJournal> journal(
      new JobJournal(started.job_id(), fd, *std::move(log), JobLedger()));
  v1::JournalRecord record;
  *record.mutable_started() = started;
  GLEANER_ASSIGN_OR_RETURN(const uint64_t end, journal->Append(record));
  GLEANER_RETURN_IF_ERROR(journal->log_->SyncTo(end));
  if (options.sync) GLEANER_RETURN_IF_ERROR(workers::dedup::SyncDirectory(options.dir));
  return journal;
}

absl::StatusOr<std::unique_ptr<JobJournal>> JobJournal::Resume(const JobJournalOptions& options,
                                                               const std::string& job_id) {
  GLEANER_RETURN_IF_ERROR(CheckJobId(job_id));
  const std::string path = JournalPath(options, job_id);
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return absl::NotFoundError(absl::StrCat("unknown job '", job_id, "'"));
    return FileError("open journal", path, errno);
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return absl::UnavailableError(absl::StrCat(
          "job '", job_id, "' is still running on another stream; retry shortly"));
    }
    return FileError("lock journal", path, err);
  }
  std::unique_ptr<IndexLog> log;
  absl::StatusOr<JobLedger> ledger = Replay(path, options, &log);
  if (!ledger.ok()) {
    ::close(fd);
    return ledger.status();
  }
  return std::unique_ptr<JobJournal>(
      new JobJournal(job_id, fd, std::move(log), *std::move(ledger)));
}

absl::StatusOr<v1::JobStatus> JobJournal::ReadStatus(const JobJournalOptions& options,
                                                     const std::string& job_id,
                                                     std::string* owner) {
  GLEANER_RETURN_IF_ERROR(CheckJobId(job_id));
  const std::string path = JournalPath(options, job_id);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return absl::NotFoundError(absl::StrCat("unknown job '", job_id, "'"));
    return FileError("open journal", path, errno);
  }
  // A stream holding the job holds LOCK_EX, so a shared lock fails.
  const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  GLEANER_ASSIGN_OR_RETURN(const JobLedger ledger, Replay(path, options, nullptr));
  v1::JobStatus status;
  status.set_job_id(job_id);
  status.set_state(held                ? v1::JobStatus::STATE_RUNNING
                   : ledger.finished() ? v1::JobStatus::STATE_DONE
                                       : v1::JobStatus::STATE_INTERRUPTED);
  *status.mutable_progress() = ledger.Progress();
  if (ledger.finished()) *status.mutable_summary() = ledger.Summary(absl::Now());
  if (owner != nullptr) *owner = ledger.started().owner();
  return status;
}

JobJournal::~JobJournal() {
  ::close(lock_fd_);  // releases the flock
}

absl::StatusOr<uint64_t> JobJournal::Append(const v1::JournalRecord& record) {
  const std::string payload = record.SerializeAsString();
  absl::MutexLock lock(&mu_);
  GLEANER_ASSIGN_OR_RETURN(const uint64_t end, log_->Write(payload));
  GLEANER_RETURN_IF_ERROR(ledger_.Apply(record));
  return end;
}

absl::Status JobJournal::RecordAdmitted(const std::string& document_id, uint64_t input_bytes) {
  v1::JournalRecord record;
  record.mutable_admitted()->set_document_id(document_id);
  record.mutable_admitted()->set_input_bytes(input_bytes);
  return Append(record).status();
}

absl::Status JobJournal::RecordDelivered(const v1::DocumentResult& result) {
  v1::JournalRecord record;
  *record.mutable_delivered() = DeliveredRecord(result);
  GLEANER_ASSIGN_OR_RETURN(const uint64_t end, Append(record));
  // Outside mu_: concurrent deliveries share one fdatasync (group commit).
  return log_->SyncTo(end);
}

absl::Status JobJournal::RecordFinished(absl::Time now) {
  v1::JournalRecord record;
  record.mutable_finished()->set_finished_unix_ms(absl::ToUnixMillis(now));
  GLEANER_ASSIGN_OR_RETURN(const uint64_t end, Append(record));
  return log_->SyncTo(end);
}

JobLedger JobJournal::ledger() const {
  absl::MutexLock lock(&mu_);
  return ledger_;
}

v1::Progress JobJournal::progress() const {
  absl::MutexLock lock(&mu_);
  return ledger_.Progress();
}

uint64_t JobJournal::delivered_count() const {
  absl::MutexLock lock(&mu_);
  return ledger_.delivered().size();
}

}  // namespace coordinator
}  // namespace gleaner
