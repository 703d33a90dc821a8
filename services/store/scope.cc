#include "services/store/scope.h"

#include "absl/strings/str_cat.h"
#include "services/aggregator/document_digest.h"

namespace gleaner {
namespace store {

absl::StatusOr<Scope> MakeScope(absl::string_view job_id, bool all_jobs,
                                absl::string_view source,
                                absl::string_view from, absl::string_view to) {
  for (absl::string_view bound : {from, to}) {
    if (!bound.empty() && aggregator::DayOf(bound) != bound) {
      return absl::InvalidArgumentError(absl::StrCat(
          "publication-date bound '", bound, "' is not YYYY-MM-DD"));
    }
  }
  Scope scope;
  scope.where = "1 = 1";
  if (!all_jobs) {
    scope.where += " AND job_id = ?";
    scope.params.emplace_back(job_id);
  }
  if (!source.empty()) {
    scope.where += " AND source = ?";
    scope.params.emplace_back(source);
  }
  if (!from.empty() || !to.empty()) scope.where += " AND day <> ''";
  if (!from.empty()) {
    scope.where += " AND day >= ?";
    scope.params.emplace_back(from);
  }
  if (!to.empty()) {
    scope.where += " AND day <= ?";
    scope.params.emplace_back(to);
  }
  scope.filtered = !source.empty() || !from.empty() || !to.empty();
  return scope;
}

}  // namespace store
}  // namespace gleaner
