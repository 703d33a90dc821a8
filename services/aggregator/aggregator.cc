#include "services/aggregator/aggregator.h"

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
  return std::unique_ptr<Aggregator>(
      new Aggregator(std::move(options), std::move(store)));
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
  if (!found) return store_->Record(input.job_id, digest, result).status();
  // Store the duplicate as it is answered: with its original's results.
  v1::DocumentResult answered = result;
  *answered.mutable_results_from() = stored.origin();
  *answered.mutable_sentences() = stored.sentences();
  *answered.mutable_entities() = stored.entities();
  *answered.mutable_amounts() = stored.amounts();
  GLEANER_RETURN_IF_ERROR(
      store_->Record(input.job_id, digest, answered).status());
  *response->mutable_stored() = std::move(stored);
  return absl::OkStatus();
}

absl::StatusOr<v1::CorpusView> Aggregator::GetView(
    const v1::GetViewRequest& request) {
  GLEANER_ASSIGN_OR_RETURN(v1::CorpusView view, store_->View(request));
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
