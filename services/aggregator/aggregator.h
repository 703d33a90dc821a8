// The aggregator's core: records each document result of a job in the
// store (services/store) and serves corpus views over one job or every job
// in it, filtered by source and publication day: entity counts, money per
// entity with exact totals, co-occurrence, duplicate clusters, per-source
// counts, the documents that mention an entity.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<Aggregator> aggregator,
//                            Aggregator::Create({.store = "sqlite:store.db"}));
//   RunStage(*aggregator, v1::STAGE_AGGREGATE, {job_id, result});  // per doc
//   absl::StatusOr<v1::CorpusView> view = aggregator->GetView(view_request);
//
// Each document's digest (document_digest.h) is computed without any lock
// and added to the store in one transaction, which commits before Process
// returns: whatever was acknowledged survives a crash, and a restarted
// aggregator on the same store serves the same views. What counts is
// described in document_digest.h.
#ifndef GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_H_
#define GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "proto/gleaner/v1/aggregator_service.pb.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "services/aggregator/document_digest.h"
#include "services/aggregator/stories/story_clusters.h"
#include "services/common/stage_processor.h"
#include "services/store/view_store.h"

namespace gleaner {
namespace aggregator {

struct AggregatorOptions {
  // Where results and views are kept: "sqlite:PATH" (the default backend;
  // "sqlite::memory:" keeps them in memory only) or "postgresql:CONNINFO".
  std::string store = "sqlite::memory:";
  // Bounds on what one document adds (pairs, listed amounts).
  DigestOptions digest;
};

// Thread-safe; not copyable.
class Aggregator : public StageProcessor {
 public:
  // Opens the store; its errors (cannot open, wrong schema) are returned.
  static absl::StatusOr<std::unique_ptr<Aggregator>> Create(
      AggregatorOptions options = {});
  Aggregator(const Aggregator&) = delete;
  Aggregator& operator=(const Aggregator&) = delete;

  // Records `input.document` under `input.job_id`; answers once stored. A
  // document id already recorded for the job is not counted again (retries
  // are safe). An exact duplicate whose original another job stored is
  // answered with the original's results (StageResponse.stored); otherwise
  // the answer is status only. kInvalidArgument when the job id is empty or
  // a span lies outside the text; kFailedPrecondition for a released job.
  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override;

  // Returns the views of a job (or of all jobs); kNotFound for a job with
  // no document. `release` marks the job finished: its views stay.
  absl::StatusOr<v1::CorpusView> GetView(const v1::GetViewRequest& request);

  // The documents that mention one entity.
  absl::StatusOr<v1::EntityDocumentsResponse> ListEntityDocuments(
      const v1::EntityDocumentsRequest& request);

 private:
  Aggregator(AggregatorOptions options, std::unique_ptr<store::ViewStore> store)
      : options_(std::move(options)), store_(std::move(store)) {}

  // Replays the stored fingerprints in arrival order: the same story ids
  // as before the restart.
  absl::Status RebuildStories();
  // Adds a stored fingerprint (of this or another aggregator on the store)
  // to the story clusters; a fingerprint that does not decode is kept in
  // story_error_.
  void Replay(const store::StoredFingerprint& stored)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(story_mu_);
  // Records the document and, when it is new and counted, adds it to the
  // story clusters, in the store's arrival order.
  absl::Status RecordAndCluster(absl::string_view job_id, DocumentDigest digest,
                                const v1::DocumentResult& result);
  absl::Status AddStoryClusters(const v1::GetViewRequest& request,
                                v1::CorpusView& view);

  // For an exact duplicate of a document stored by another job: fills
  // `stored` with the original's results.
  absl::StatusOr<bool> FindStoredResults(absl::string_view job_id,
                                         const v1::DocumentResult& result,
                                         v1::StoredResults* stored);

  const AggregatorOptions options_;
  const std::unique_ptr<store::ViewStore> store_;
  // Held across one document's store transaction (never across two), so
  // that story ids follow arrival order.
  absl::Mutex story_mu_;
  stories::StoryClusterer clusterer_ ABSL_GUARDED_BY(story_mu_);
  // "<job id>\n<document id>" -> story id.
  absl::flat_hash_map<std::string, std::string> story_of_
      ABSL_GUARDED_BY(story_mu_);
  // The arrival of the last document replayed into clusterer_: every
  // fingerprint up to it, whichever aggregator stored it, is in, in arrival
  // order, so aggregators sharing a store give the same story ids.
  int64_t replayed_through_ ABSL_GUARDED_BY(story_mu_) = 0;
  absl::Status story_error_ ABSL_GUARDED_BY(story_mu_);
};

}  // namespace aggregator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_H_
