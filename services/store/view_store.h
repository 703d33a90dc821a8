// The store of results and corpus views, on SQLite or PostgreSQL (one set
// of SQL for both, see database.h). Each document's digest is added to
// per-(job, source, day) sums in the same transaction that stores its
// result, so a view is a sum over a few sum rows, never a pass over the
// documents, and an acknowledged document is never lost. The schema is
// documented in docs/store.md for analysts who query it directly.
//
//   GLEANER_ASSIGN_OR_RETURN(auto store, ViewStore::Open("sqlite:store.db"));
//   GLEANER_ASSIGN_OR_RETURN(bool fresh, store->Record("job-1", digest, result));
//   GLEANER_ASSIGN_OR_RETURN(v1::CorpusView view, store->View(request));
#ifndef GLEANER_SERVICES_STORE_VIEW_STORE_H_
#define GLEANER_SERVICES_STORE_VIEW_STORE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/aggregator_service.pb.h"
#include "proto/gleaner/v1/document.pb.h"
#include "services/aggregator/document_digest.h"
#include "services/store/database.h"

namespace gleaner {
namespace store {

// The schema version this code writes (gleaner_schema.version).
inline constexpr int kSchemaVersion = 1;

// A stored story fingerprint with the document's store-wide arrival number.
struct StoredFingerprint {
  int64_t arrival = 0;
  std::string job_id;
  std::string document_id;
  std::string fingerprint;
};
using FingerprintVisitor = std::function<void(const StoredFingerprint&)>;

// What Record did.
struct Recorded {
  bool fresh = false;   // false: the job already held the document (a retry)
  int64_t arrival = 0;  // the document's arrival number when fresh
};

// Thread-safe; not copyable.
class ViewStore {
 public:
  // Opens the database at `url` (see OpenDatabase) and creates the tables
  // that are missing. kFailedPrecondition for a store of another schema
  // version.
  static absl::StatusOr<std::unique_ptr<ViewStore>> Open(absl::string_view url);
  static absl::StatusOr<std::unique_ptr<ViewStore>> Open(
      std::unique_ptr<Database> database);

  absl::string_view backend() const { return database_->backend(); }

  // Stores `result` and adds `digest` (of `result`) to the job's sums, in
  // one transaction. Returns false, changing nothing, when the job already
  // holds the document id (a retry). kFailedPrecondition for a released job.
  absl::StatusOr<bool> Record(absl::string_view job_id,
                              const aggregator::DocumentDigest& digest,
                              const v1::DocumentResult& result);

  // Record, in the one arrival order every process sharing the store sees:
  // under a store-wide lock held to the commit, first calls `catch_up` for
  // each fingerprint any process stored with an arrival after
  // `replayed_through`, in arrival order (all of them committed, so a
  // caller may keep them even when this record then fails), then records
  // the document with the next arrival number. A caller that replays every
  // fingerprint so (story clusters) sees the same sequence as any other.
  absl::StatusOr<Recorded> RecordInOrder(absl::string_view job_id,
                                         const aggregator::DocumentDigest& digest,
                                         const v1::DocumentResult& result,
                                         int64_t replayed_through,
                                         const FingerprintVisitor& catch_up);

  // The stored result of `document_id` as first recorded by a job other
  // than `job_id` and counted there (not a duplicate), when its text equals
  // `text`; nullopt otherwise. Sets `origin` to where it was found.
  absl::StatusOr<std::optional<v1::DocumentResult>> FindOriginal(
      absl::string_view job_id, absl::string_view document_id,
      absl::string_view text, v1::StoredOrigin* origin);

  // The views of a job or of every job. kNotFound for a job with no
  // document; kInvalidArgument for a bound that is not YYYY-MM-DD.
  absl::StatusOr<v1::CorpusView> View(const v1::GetViewRequest& request);

  // Documents mentioning one entity, in arrival order.
  absl::StatusOr<v1::EntityDocumentsResponse> EntityDocuments(
      const v1::EntityDocumentsRequest& request);

  // Calls `visit` for every stored story fingerprint with an arrival after
  // `after` (0: all), in arrival order: to rebuild story clusters after a
  // restart, and to catch up with what other processes stored.
  absl::Status ForEachFingerprint(int64_t after, const FingerprintVisitor& visit);

  // (job id, document id) of the fingerprinted documents in the request's
  // scope, in arrival order.
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>>
  FingerprintedDocuments(const v1::GetViewRequest& request);

  // Marks the job finished: later Records for it fail; its views stay.
  absl::Status Release(absl::string_view job_id);

 private:
  explicit ViewStore(std::unique_ptr<Database> database)
      : database_(std::move(database)) {}
  absl::Status CreateSchema();

  std::unique_ptr<Database> database_;
};

}  // namespace store
}  // namespace gleaner

#endif  // GLEANER_SERVICES_STORE_VIEW_STORE_H_
