#include "cli/dedup_check.h"

#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "workers/dedup/deduplicator.h"

namespace gleaner {
namespace cli {

absl::StatusOr<bool> DedupCheck(const std::string& index_dir, std::string* report) {
  GLEANER_ASSIGN_OR_RETURN(const workers::dedup::IndexLog::CheckReport check,
                           workers::dedup::CheckIndexLog(index_dir));
  *report = absl::StrCat(index_dir, ": ", check.records, " intact records, ",
                         check.intact_bytes, " of ", check.file_bytes, " bytes\n");
  if (check.healthy()) {
    if (check.bad_bytes() > 0) {
      absl::StrAppend(report, "torn tail of ", check.bad_bytes(),
                      " bytes (an append cut short by a crash, never acknowledged); the "
                      "server drops it on start\n");
    }
    absl::StrAppend(report, "healthy\n");
    return true;
  }
  absl::StrAppend(report, "DAMAGED: the record at byte ", check.intact_bytes,
                  " is corrupt and intact records follow from byte ",
                  *check.intact_record_after,
                  "; dedup_server refuses this index. Restore it from a backup or a "
                  "replica, or rebuild it by resubmitting the corpus to an empty index\n");
  return false;
}

}  // namespace cli
}  // namespace gleaner
