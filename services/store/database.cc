#include "services/store/database.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "services/store/postgres_database.h"
#include "services/store/sqlite_database.h"

namespace gleaner {
namespace store {

int64_t CellInt(const std::string& cell) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(cell, &value)) return 0;
  return value;
}

absl::StatusOr<std::unique_ptr<Database>> OpenDatabase(absl::string_view url) {
  if (absl::ConsumePrefix(&url, "sqlite:")) {
    SqliteOptions options;
    // "sqlite:PATH?synchronous=full": commits survive power loss too.
    const size_t query = url.rfind("?synchronous=");
    if (query != absl::string_view::npos) {
      const std::string mode =
          absl::AsciiStrToLower(url.substr(query + 13));
      if (mode != "full" && mode != "normal") {
        return absl::InvalidArgumentError(absl::StrCat(
            "store: synchronous must be 'full' or 'normal', not '", mode, "'"));
      }
      options.sync_full = mode == "full";
      url = url.substr(0, query);
    }
    if (url.empty()) {
      return absl::InvalidArgumentError("store: 'sqlite:' needs a path");
    }
    options.path = std::string(url);
    return OpenSqlite(options);
  }
  if (absl::ConsumePrefix(&url, "postgresql:")) return OpenPostgres(url);
  return absl::InvalidArgumentError(absl::StrCat(
      "store: '", url,
      "' is neither sqlite:PATH nor postgresql:CONNINFO"));
}

}  // namespace store
}  // namespace gleaner
