// Which rows of the store a view covers (internal to the store).
#ifndef GLEANER_SERVICES_STORE_SCOPE_H_
#define GLEANER_SERVICES_STORE_SCOPE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/store/database.h"

namespace gleaner {
namespace store {

// Which rows a view covers: a WHERE clause over job_id, source and day,
// with its parameters.
struct Scope {
  std::string where;
  std::vector<SqlParam> params;
  // A source or day filter is set (not only the job).
  bool filtered = false;

  std::vector<SqlParam> With(std::vector<SqlParam> before) const {
    before.insert(before.end(), params.begin(), params.end());
    return before;
  }
};

// kInvalidArgument for a bound that is not YYYY-MM-DD.
absl::StatusOr<Scope> MakeScope(absl::string_view job_id, bool all_jobs,
                                absl::string_view source,
                                absl::string_view from, absl::string_view to);

}  // namespace store
}  // namespace gleaner

#endif  // GLEANER_SERVICES_STORE_SCOPE_H_
