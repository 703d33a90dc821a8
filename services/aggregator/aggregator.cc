#include "services/aggregator/aggregator.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"

namespace gleaner {
namespace aggregator {

absl::StatusOr<std::unique_ptr<Aggregator>> Aggregator::Create(
    AggregatorOptions options) {
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<store::ViewStore> store,
                           store::ViewStore::Open(options.store));
  std::unique_ptr<Aggregator> aggregator(
      new Aggregator(std::move(options), std::move(store)));
  GLEANER_RETURN_IF_ERROR(aggregator->RebuildStories());
  return aggregator;
}

namespace {
std::string MemberKey(absl::string_view job_id, absl::string_view document_id) {
  return absl::StrCat(job_id, "\n", document_id);
}

// A story is named after its first document, with the document's job:
// jobs number their documents alike (doc-1 ...), and a bare document id
// would merge two jobs' different stories in a view of all jobs. Derived
// from stored data only, so a restart that replays the store gives the
// same names.
std::string StoryId(absl::string_view job_id, absl::string_view document_id) {
  return absl::StrCat(job_id, "/", document_id);
}
}  // namespace

void Aggregator::Replay(const store::StoredFingerprint& stored) {
  replayed_through_ = std::max(replayed_through_, stored.arrival);
  absl::StatusOr<stories::StoryFingerprint> print =
      stories::DecodeFingerprint(stored.fingerprint);
  if (!print.ok()) {
    story_error_.Update(print.status());
    return;
  }
  // Older stores encoded the bare document id.
  print->id = StoryId(stored.job_id, stored.document_id);
  story_of_[MemberKey(stored.job_id, stored.document_id)] =
      clusterer_.Add(*std::move(print));
}

absl::Status Aggregator::RebuildStories() {
  absl::MutexLock lock(&story_mu_);
  GLEANER_RETURN_IF_ERROR(store_->ForEachFingerprint(
      0, [&](const store::StoredFingerprint& stored)
             ABSL_NO_THREAD_SAFETY_ANALYSIS { Replay(stored); }));
  return story_error_;
}

// Story ids are a function of the store's arrival order alone: the store
// hands over what other aggregators recorded since this one last looked,
// under the lock that gives this document the next arrival, so every
// aggregator on the store adds the same fingerprints in the same order.
absl::Status Aggregator::RecordAndCluster(absl::string_view job_id,
                                          DocumentDigest digest,
                                          const v1::DocumentResult& result) {
  stories::StoryFingerprint print;
  if (digest.counted) {
    print = stories::FingerprintOf(result);
    print.id = StoryId(job_id, result.id());
    digest.fingerprint = stories::EncodeFingerprint(print);
  }
  absl::MutexLock lock(&story_mu_);
  GLEANER_ASSIGN_OR_RETURN(
      store::Recorded recorded,
      store_->RecordInOrder(job_id, digest, result, replayed_through_,
                            [&](const store::StoredFingerprint& stored)
                                ABSL_NO_THREAD_SAFETY_ANALYSIS { Replay(stored); }));
  if (recorded.fresh) {
    replayed_through_ = recorded.arrival;
    if (digest.counted) {
      story_of_[MemberKey(job_id, result.id())] = clusterer_.Add(std::move(print));
    }
  }
  return absl::OkStatus();
}

absl::Status Aggregator::AddStoryClusters(const v1::GetViewRequest& request,
                                          v1::CorpusView& view) {
  GLEANER_ASSIGN_OR_RETURN(auto members,
                           store_->FingerprintedDocuments(request));
  std::vector<v1::StoryCluster> clusters;
  absl::flat_hash_map<std::string, size_t> index;
  {
    absl::MutexLock lock(&story_mu_);
    // Documents other aggregators recorded since this one last looked
    // (every member listed above is among them or already replayed).
    GLEANER_RETURN_IF_ERROR(store_->ForEachFingerprint(
        replayed_through_, [&](const store::StoredFingerprint& stored)
                               ABSL_NO_THREAD_SAFETY_ANALYSIS { Replay(stored); }));
    for (const auto& [job_id, document_id] : members) {
      auto story = story_of_.find(MemberKey(job_id, document_id));
      if (story == story_of_.end()) continue;
      auto [it, fresh] = index.try_emplace(story->second, clusters.size());
      if (fresh) clusters.emplace_back().set_story_id(story->second);
      clusters[it->second].add_document_ids(document_id);
      clusters[it->second].add_job_ids(job_id);
    }
  }
  for (v1::StoryCluster& cluster : clusters) {
    if (cluster.document_ids_size() >= 2) {
      *view.add_story_clusters() = std::move(cluster);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> Aggregator::FindStoredResults(
    absl::string_view job_id, const v1::DocumentResult& result,
    v1::StoredResults* stored) {
  const v1::DuplicateVerdict& verdict = result.duplicate();
  if (verdict.kind() != v1::DUPLICATE_KIND_EXACT ||
      verdict.duplicate_of().empty() || result.entities_size() > 0 ||
      result.sentences_size() > 0) {
    return false;
  }
  GLEANER_ASSIGN_OR_RETURN(
      std::optional<v1::DocumentResult> original,
      store_->FindOriginal(job_id, verdict.duplicate_of(), result.text(),
                           stored->mutable_origin()));
  if (!original.has_value()) return false;
  stored->mutable_sentences()->Swap(original->mutable_sentences());
  stored->mutable_entities()->Swap(original->mutable_entities());
  stored->mutable_amounts()->Swap(original->mutable_amounts());
  stored->mutable_dates()->Swap(original->mutable_dates());
  stored->mutable_amount_periods()->Swap(original->mutable_amount_periods());
  stored->mutable_page()->Swap(original->mutable_page());
  stored->mutable_stories()->Swap(original->mutable_stories());
  return true;
}

absl::Status Aggregator::Process(const StageInput& input,
                                 v1::StageResponse* response) {
  if (input.job_id.empty()) {
    return absl::InvalidArgumentError("StageRequest.job_id is empty");
  }
  const v1::DocumentResult& result = input.document;
  // The digest is the per-document work: done before any lock is taken.
  GLEANER_ASSIGN_OR_RETURN(DocumentDigest digest,
                           DigestDocument(result, options_.digest));
  v1::StoredResults stored;
  GLEANER_ASSIGN_OR_RETURN(bool found,
                           FindStoredResults(input.job_id, result, &stored));
  if (!found) return RecordAndCluster(input.job_id, std::move(digest), result);
  // Store the duplicate as it is answered: with its original's results.
  v1::DocumentResult answered = result;
  *answered.mutable_results_from() = stored.origin();
  *answered.mutable_sentences() = stored.sentences();
  *answered.mutable_entities() = stored.entities();
  *answered.mutable_amounts() = stored.amounts();
  GLEANER_RETURN_IF_ERROR(
      RecordAndCluster(input.job_id, std::move(digest), answered));
  *response->mutable_stored() = std::move(stored);
  return absl::OkStatus();
}

absl::StatusOr<v1::CorpusView> Aggregator::GetView(
    const v1::GetViewRequest& request) {
  GLEANER_ASSIGN_OR_RETURN(v1::CorpusView view, store_->View(request));
  GLEANER_RETURN_IF_ERROR(AddStoryClusters(request, view));
  if (request.release() && !request.all_jobs()) {
    GLEANER_RETURN_IF_ERROR(store_->Release(request.job_id()));
  }
  return view;
}

absl::StatusOr<v1::EntityDocumentsResponse> Aggregator::ListEntityDocuments(
    const v1::EntityDocumentsRequest& request) {
  return store_->EntityDocuments(request);
}

}  // namespace aggregator
}  // namespace gleaner
