// The shared backend: a PostgreSQL server reached with libpq.
#ifndef GLEANER_SERVICES_STORE_POSTGRES_DATABASE_H_
#define GLEANER_SERVICES_STORE_POSTGRES_DATABASE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/store/database.h"

namespace gleaner {
namespace store {

// Connects with a libpq connection string ("host=db port=5432
// dbname=gleaner user=gleaner") or URI ("postgresql://gleaner@db/gleaner").
// kUnavailable when the server cannot be reached.
absl::StatusOr<std::unique_ptr<Database>> OpenPostgres(
    absl::string_view conninfo);

// "INSERT ... VALUES (?, ?)" -> "INSERT ... VALUES ($1, $2)". A `?` inside
// a quoted literal is left alone.
std::string NumberPlaceholders(absl::string_view sql);

}  // namespace store
}  // namespace gleaner

#endif  // GLEANER_SERVICES_STORE_POSTGRES_DATABASE_H_
