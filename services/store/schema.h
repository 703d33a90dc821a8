// The store's tables, one statement per entry, for both backends
// (`{blob}` stands for the dialect's blob type, `{keyed}` for its
// keyed-table options). docs/store.md describes
// every column; keep the two in step.
#ifndef GLEANER_SERVICES_STORE_SCHEMA_H_
#define GLEANER_SERVICES_STORE_SCHEMA_H_

#include <string>
#include <vector>

#include "services/store/database.h"

namespace gleaner {
namespace store {

// CREATE TABLE / CREATE INDEX IF NOT EXISTS statements.
std::vector<std::string> SchemaStatements(const SqlDialect& dialect);

}  // namespace store
}  // namespace gleaner

#endif  // GLEANER_SERVICES_STORE_SCHEMA_H_
