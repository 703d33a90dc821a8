#include "services/aggregator/aggregator.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"

namespace gleaner {
namespace aggregator {
namespace {

// Released job ids remembered (so that late retries cannot resurrect them).
constexpr size_t kReleasedJobsKept = 10000;

// The day of a publication date-time ("2025-11-25T09:06:00-07:00" ->
// "2025-11-25"); "" when it does not start with one.
std::string DayOf(absl::string_view published) {
  if (published.size() < 10 || published[4] != '-' || published[7] != '-') return "";
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (published[i] < '0' || published[i] > '9') return "";
  }
  return std::string(published.substr(0, 10));
}

bool Counts(v1::EntityType type) {
  return type == v1::ENTITY_TYPE_ORGANIZATION ||
         type == v1::ENTITY_TYPE_PERSON;
}

}  // namespace

// Spans must lie inside the text they point into.
absl::Status ValidateSpans(const v1::DocumentResult& result) {
  const size_t size = result.text().size();
  auto check = [&](uint32_t begin, uint32_t end, absl::string_view what) {
    if (begin > end || end > size) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, " [", begin, ", ", end, ") is outside the text of ", size,
          " bytes"));
    }
    return absl::OkStatus();
  };
  for (const auto& s : result.sentences()) {
    GLEANER_RETURN_IF_ERROR(check(s.begin(), s.end(), "sentence"));
  }
  for (const auto& e : result.entities()) {
    GLEANER_RETURN_IF_ERROR(check(e.begin(), e.end(), "entity"));
  }
  for (const auto& a : result.amounts()) {
    GLEANER_RETURN_IF_ERROR(check(a.begin(), a.end(), "amount"));
  }
  return absl::OkStatus();
}

absl::Status Aggregator::Process(const StageInput& input,
                                 v1::StageResponse* /*response*/) {
  // The caller holds the result: the answer is status only.
  if (input.job_id.empty()) {
    return absl::InvalidArgumentError("StageRequest.job_id is empty");
  }
  const v1::DocumentResult& result = input.document;
  GLEANER_RETURN_IF_ERROR(ValidateSpans(result));
  const std::string job_id(input.job_id);
  absl::MutexLock lock(&mu_);
  if (released_.contains(job_id)) {
    return absl::FailedPreconditionError(
        absl::StrCat("job '", job_id, "' was already released"));
  }
  std::unique_ptr<JobView>& view = jobs_[job_id];
  if (view == nullptr) view = std::make_unique<JobView>();
  if (!view->recorded.insert(result.id()).second) {
    return absl::OkStatus();  // a retry of a document already counted
  }
  RecordLocked(result, *view);
  return absl::OkStatus();
}

void Aggregator::RecordLocked(const v1::DocumentResult& result,
                              JobView& view) {
  ++view.documents;
  const v1::DuplicateVerdict& verdict = result.duplicate();
  const bool duplicate = verdict.kind() == v1::DUPLICATE_KIND_EXACT ||
                         verdict.kind() == v1::DUPLICATE_KIND_NEAR;
  if (duplicate && !verdict.cluster_id().empty()) {
    auto [it, inserted] =
        view.cluster_index.try_emplace(verdict.cluster_id(),
                                       view.clusters.size());
    if (inserted) {
      view.clusters.push_back({verdict.cluster_id(), {verdict.cluster_id()}});
    }
    view.clusters[it->second].second.push_back(result.id());
  }
  view.days[result.id()] = DayOf(result.page().published().value());
  if (duplicate) return;  // each fact counts once: in the first copy

  absl::flat_hash_set<EntityKey> seen_in_document;
  std::vector<EntityKey>& counted = view.mentions.emplace_back(result.id(),
                                                              std::vector<EntityKey>{}).second;
  for (const v1::Entity& entity : result.entities()) {
    if (entity.flagged()) continue;
    EntityKey key{entity.canonical(), entity.type()};
    EntityStats& stats = view.entities[key];
    ++stats.mentions;
    if (seen_in_document.insert(key).second) ++stats.documents;
    counted.push_back(std::move(key));
  }

  // Money per entity: amounts and entities in the same sentence.
  for (const v1::Amount& amount : result.amounts()) {
    if (amount.kind() != v1::AMOUNT_KIND_MONEY) continue;
    for (const v1::SentenceSpan& sentence : result.sentences()) {
      if (amount.begin() < sentence.begin() || amount.end() > sentence.end()) {
        continue;
      }
      absl::flat_hash_set<EntityKey> credited;
      for (const v1::Entity& entity : result.entities()) {
        if (entity.flagged() || !Counts(entity.type()) ||
            entity.begin() < sentence.begin() ||
            entity.end() > sentence.end()) {
          continue;
        }
        EntityKey key{entity.canonical(), entity.type()};
        if (!credited.insert(key).second) continue;
        EntityStats& stats = view.entities[key];
        if (stats.amounts.size() >= options_.max_amounts_per_entity) continue;
        v1::EntityAmount& entry = stats.amounts.emplace_back();
        entry.set_document_id(result.id());
        *entry.mutable_amount() = amount;
        entry.set_sentence(result.text().substr(
            sentence.begin(), sentence.end() - sentence.begin()));
      }
      break;
    }
  }
}

absl::StatusOr<v1::CorpusView> Aggregator::GetView(
    const v1::GetViewRequest& request) {
  absl::MutexLock lock(&mu_);
  auto it = jobs_.find(request.job_id());
  if (it == jobs_.end()) {
    return absl::NotFoundError(
        absl::StrCat("no results recorded for job '", request.job_id(), "'"));
  }
  const JobView& view = *it->second;
  v1::CorpusView out;
  out.set_job_id(request.job_id());
  out.set_documents(view.documents);
  const DayRange range{request.published_from(), request.published_to()};
  for (const std::string& bound : {range.from, range.to}) {
    if (!bound.empty() && DayOf(bound) != bound) {
      return absl::InvalidArgumentError(
          absl::StrCat("publication-date bound '", bound, "' is not YYYY-MM-DD"));
    }
  }
  absl::flat_hash_map<EntityKey, EntityStats> filtered;
  if (range.active()) {
    filtered = FilteredEntities(view, range);
    out.set_documents(std::count_if(view.days.begin(), view.days.end(),
                                    [&](const auto& d) { return range.Contains(d.second); }));
  }
  const auto& entities = range.active() ? filtered : view.entities;

  std::vector<std::pair<const EntityKey*, const EntityStats*>> ranked;
  for (const auto& [key, stats] : entities) {
    if (stats.mentions > 0) ranked.push_back({&key, &stats});
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second->mentions != b.second->mentions) {
      return a.second->mentions > b.second->mentions;
    }
    if (a.first->canonical != b.first->canonical) {
      return a.first->canonical < b.first->canonical;
    }
    return a.first->type < b.first->type;
  });
  if (request.top_entities() > 0 && ranked.size() > request.top_entities()) {
    ranked.resize(request.top_entities());
  }
  for (const auto& [key, stats] : ranked) {
    v1::EntityCount* count = out.add_entity_counts();
    count->set_canonical(key->canonical);
    count->set_type(key->type);
    count->set_mentions(stats->mentions);
    count->set_documents(stats->documents);
    if (stats->amounts.empty()) continue;
    v1::EntityAmounts* amounts = out.add_amounts_by_entity();
    amounts->set_canonical(key->canonical);
    amounts->set_type(key->type);
    size_t limit = request.max_amounts_per_entity() > 0
                       ? request.max_amounts_per_entity()
                       : stats->amounts.size();
    for (size_t i = 0; i < stats->amounts.size() && i < limit; ++i) {
      *amounts->add_amounts() = stats->amounts[i];
    }
  }
  for (const auto& [cluster_id, members] : view.clusters) {
    std::vector<const std::string*> kept;
    for (const std::string& id : members) {
      auto day = view.days.find(id);
      if (!range.active() || (day != view.days.end() && range.Contains(day->second))) {
        kept.push_back(&id);
      }
    }
    if (kept.size() < 2) continue;
    v1::DuplicateCluster* cluster = out.add_duplicate_clusters();
    cluster->set_cluster_id(cluster_id);
    for (const std::string* id : kept) cluster->add_document_ids(*id);
  }
  if (request.release()) {
    jobs_.erase(it);
    released_.insert(request.job_id());
    released_order_.push_back(request.job_id());
    while (released_order_.size() > kReleasedJobsKept) {
      released_.erase(released_order_.front());
      released_order_.pop_front();
    }
  }
  return out;
}

absl::flat_hash_map<Aggregator::EntityKey, Aggregator::EntityStats>
Aggregator::FilteredEntities(const JobView& view, const DayRange& range) {
  absl::flat_hash_map<EntityKey, EntityStats> out;
  for (const auto& [id, keys] : view.mentions) {
    auto day = view.days.find(id);
    if (day == view.days.end() || !range.Contains(day->second)) continue;
    absl::flat_hash_set<EntityKey> seen_in_document;
    for (const EntityKey& key : keys) {
      EntityStats& stats = out[key];
      ++stats.mentions;
      if (seen_in_document.insert(key).second) ++stats.documents;
    }
  }
  for (const auto& [key, stats] : view.entities) {
    for (const v1::EntityAmount& entry : stats.amounts) {
      auto day = view.days.find(entry.document_id());
      if (day != view.days.end() && range.Contains(day->second)) {
        out[key].amounts.push_back(entry);
      }
    }
  }
  return out;
}

}  // namespace aggregator
}  // namespace gleaner
