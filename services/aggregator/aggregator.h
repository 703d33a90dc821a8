// The aggregator's core: gathers per-document results of a job into
// corpus-level views (entity counts, money per entity, duplicate clusters).
//
//   Aggregator aggregator;
//   RunStage(aggregator, v1::STAGE_AGGREGATE, {job_id, result});  // per document
//   absl::StatusOr<v1::CorpusView> view = aggregator.GetView(view_request);
//
// What counts: mentions in boilerplate or repeated blocks (Entity.flagged)
// and every mention in exact or near-duplicate documents are left out, so
// each fact is counted once. Money is attributed to the organisations and
// people named in the same sentence.
#ifndef GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_H_
#define GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "proto/gleaner/v1/aggregator_service.pb.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/common/stage_processor.h"

namespace gleaner {
namespace aggregator {

struct AggregatorOptions {
  // Money amounts kept per entity and job (1000): bounds memory on huge
  // batches; the count of mentions stays exact.
  size_t max_amounts_per_entity = 1000;
};

// Thread-safe; not copyable.
class Aggregator : public StageProcessor {
 public:
  explicit Aggregator(AggregatorOptions options = {}) : options_(options) {}
  Aggregator(const Aggregator&) = delete;
  Aggregator& operator=(const Aggregator&) = delete;

  // Records `input.document` under `input.job_id`; the answer is status
  // only (the caller holds the result). A document id already recorded for
  // the job is not counted again (retries are safe). kInvalidArgument when
  // the job id is empty or a span lies outside the text;
  // kFailedPrecondition for a released job.
  absl::Status Process(const StageInput& input,
                       v1::StageResponse* response) override;

  // Returns the views of a job; kNotFound for an unknown job.
  absl::StatusOr<v1::CorpusView> GetView(const v1::GetViewRequest& request);

 private:
  struct EntityKey {
    std::string canonical;
    v1::EntityType type;
    template <typename H>
    friend H AbslHashValue(H h, const EntityKey& key) {
      return H::combine(std::move(h), key.canonical, key.type);
    }
    bool operator==(const EntityKey& other) const {
      return canonical == other.canonical && type == other.type;
    }
  };
  struct EntityStats {
    uint64_t mentions = 0;
    uint64_t documents = 0;
    std::vector<v1::EntityAmount> amounts;
  };
  struct JobView {
    uint64_t documents = 0;
    // Ids already recorded: a retried request is not counted twice.
    absl::flat_hash_set<std::string> recorded;
    absl::flat_hash_map<EntityKey, EntityStats> entities;
    // cluster id -> member ids in arrival order.
    std::vector<std::pair<std::string, std::vector<std::string>>> clusters;
    absl::flat_hash_map<std::string, size_t> cluster_index;
    // For views filtered by publication date: each document's day
    // ("YYYY-MM-DD", "" when unknown) and the entities of the mentions it
    // counted.
    absl::flat_hash_map<std::string, std::string> days;
    std::vector<std::pair<std::string, std::vector<EntityKey>>> mentions;
  };
  // A publication-date range; empty bounds are open.
  struct DayRange {
    std::string from, to;
    bool active() const { return !from.empty() || !to.empty(); }
    bool Contains(const std::string& day) const {
      return !day.empty() && (from.empty() || day >= from) && (to.empty() || day <= to);
    }
  };
  // Entity stats of the documents published within `range`.
  static absl::flat_hash_map<EntityKey, EntityStats> FilteredEntities(
      const JobView& view, const DayRange& range);

  void RecordLocked(const v1::DocumentResult& result, JobView& view)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const AggregatorOptions options_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<JobView>> jobs_
      ABSL_GUARDED_BY(mu_);
  // Recently released jobs: a late retry for one must not bring it back.
  absl::flat_hash_set<std::string> released_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> released_order_ ABSL_GUARDED_BY(mu_);
};

}  // namespace aggregator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_H_
