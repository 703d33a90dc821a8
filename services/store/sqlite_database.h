// The embedded backend: one SQLite file in WAL mode.
#ifndef GLEANER_SERVICES_STORE_SQLITE_DATABASE_H_
#define GLEANER_SERVICES_STORE_SQLITE_DATABASE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "services/store/database.h"

namespace gleaner {
namespace store {

struct SqliteOptions {
  // The database file (created when missing), or ":memory:".
  std::string path;
  // PRAGMA synchronous: false is NORMAL (a committed transaction survives
  // the process being killed, and the database stays consistent on power
  // loss, but the last commits may be lost then); true is FULL (commits also
  // survive power loss, at one fsync per commit).
  bool sync_full = false;
};

// Opens (creating when missing) the database at `options.path`.
absl::StatusOr<std::unique_ptr<Database>> OpenSqlite(
    const SqliteOptions& options);

}  // namespace store
}  // namespace gleaner

#endif  // GLEANER_SERVICES_STORE_SQLITE_DATABASE_H_
