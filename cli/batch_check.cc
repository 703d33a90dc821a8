#include "cli/batch_check.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace gleaner {
namespace cli {
namespace {

bool Has(const v1::DocumentResult& result, v1::Stage stage) {
  return std::find(result.completed_stages().begin(), result.completed_stages().end(), stage) !=
         result.completed_stages().end();
}

}  // namespace

bool LostAStage(const v1::DocumentResult& result) {
  if (result.errors_size() > 0) return false;
  if (!Has(result, v1::STAGE_DEDUP) || !Has(result, v1::STAGE_AGGREGATE)) return true;
  if (result.skipped_as_duplicate()) return false;
  return !Has(result, v1::STAGE_SENTENCE) || !Has(result, v1::STAGE_EXTRACT);
}

void BatchCheck::AddResult(const v1::DocumentResult& result, bool already_received) {
  if (already_received) ++duplicates_;
  if (LostAStage(result)) {
    if (lost_stage_ == 0) first_lost_stage_id_ = result.id();
    ++lost_stage_;
  }
}

void BatchCheck::CheckView(uint64_t view_documents, uint64_t aggregated_documents) {
  view_documents_ = view_documents;
  aggregated_documents_ = aggregated_documents;
}

bool BatchCheck::complete() const {
  return received_ >= expected_ && duplicates_ == 0 && lost_stage_ == 0 &&
         view_documents_ >= aggregated_documents_;
}

std::string BatchCheck::Describe() const {
  std::string out;
  if (received_ < expected_) {
    absl::StrAppend(&out, "gleaner: ", expected_ - received_, " of ", expected_,
                    " documents got no result\n");
  }
  if (duplicates_ > 0) {
    absl::StrAppend(&out, "gleaner: ", duplicates_,
                    " results came twice for the same document id\n");
  }
  if (lost_stage_ > 0) {
    absl::StrAppend(&out, "gleaner: ", lost_stage_,
                    " documents are missing a stage without an error (first: ",
                    first_lost_stage_id_, "); a worker lost them: submit them again\n");
  }
  if (view_documents_ < aggregated_documents_) {
    absl::StrAppend(&out, "gleaner: the corpus view is partial: it covers ", view_documents_,
                    " of the job's ", aggregated_documents_, " aggregated documents\n");
  }
  return out;
}

}  // namespace cli
}  // namespace gleaner
