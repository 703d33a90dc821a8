// `gleaner dedup-check DIR`: verifies a dedup index offline, reading only,
// and says whether the server would accept it.
//
//   std::string report;
//   bool healthy = DedupCheck("/var/lib/gleaner/dedup", &report).value();
#ifndef GLEANER_CLI_DEDUP_CHECK_H_
#define GLEANER_CLI_DEDUP_CHECK_H_

#include <string>

#include "absl/status/statusor.h"

namespace gleaner {
namespace cli {

// Checks the index log in `index_dir` and writes a human-readable report to
// `*report`. Returns true when the index is healthy (every record intact, or
// only a torn tail that the server drops on start), false when a record in
// the middle is damaged (dedup_server refuses to start on it). kNotFound when
// the directory holds no index.
absl::StatusOr<bool> DedupCheck(const std::string& index_dir, std::string* report);

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_DEDUP_CHECK_H_
