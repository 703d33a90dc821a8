// A small SQL interface with two implementations, SQLite (embedded, the
// default) and PostgreSQL (a shared server), so the store's SQL is written
// once. Statements use `?` placeholders; the PostgreSQL driver renumbers
// them to `$1, $2, ...`.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
//                            OpenDatabase("sqlite:/var/lib/gleaner/store.db"));
//   absl::Status s = db->Transaction([&](SqlSession& session) {
//     return session.Execute("INSERT INTO jobs (job_id) VALUES (?)", {"job-1"});
//   });
#ifndef GLEANER_SERVICES_STORE_DATABASE_H_
#define GLEANER_SERVICES_STORE_DATABASE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace gleaner {
namespace store {

// One bound parameter: an integer, a text or a blob. Copyable.
class SqlParam {
 public:
  enum class Kind { kInt, kText, kBlob };
  SqlParam(int64_t value) : kind_(Kind::kInt), int_(value) {}  // NOLINT
  SqlParam(absl::string_view text) : kind_(Kind::kText), text_(text) {}  // NOLINT
  SqlParam(const std::string& text) : kind_(Kind::kText), text_(text) {}  // NOLINT
  SqlParam(const char* text) : kind_(Kind::kText), text_(text) {}  // NOLINT
  static SqlParam Blob(absl::string_view bytes) {
    SqlParam p(bytes);
    p.kind_ = Kind::kBlob;
    return p;
  }
  Kind kind() const { return kind_; }
  int64_t int_value() const { return int_; }
  // The text or blob bytes.
  const std::string& bytes() const { return text_; }

 private:
  Kind kind_;
  int64_t int_ = 0;
  std::string text_;
};

// One result row: every cell as bytes (integers in decimal, NULL as "").
using SqlRow = std::vector<std::string>;

// Parses an integer cell; 0 for an empty (NULL) one.
int64_t CellInt(const std::string& cell);

// A connection inside a transaction. Not thread-safe; valid only inside
// Database::Transaction's body.
class SqlSession {
 public:
  virtual ~SqlSession() = default;
  // Runs one statement.
  absl::Status Execute(absl::string_view sql, absl::Span<const SqlParam> params = {}) {
    return Run(sql, params, nullptr);
  }
  // Runs one statement and returns its rows.
  absl::StatusOr<std::vector<SqlRow>> Query(absl::string_view sql,
                                            absl::Span<const SqlParam> params = {}) {
    std::vector<SqlRow> rows;
    absl::Status status = Run(sql, params, &rows);
    if (!status.ok()) return status;
    return rows;
  }

 protected:
  // What each driver implements: binds `params` to the `?` placeholders of
  // `sql`, runs it, and appends its rows to `rows` unless that is null.
  virtual absl::Status Run(absl::string_view sql, absl::Span<const SqlParam> params,
                           std::vector<SqlRow>* rows) = 0;
};

// The SQL dialect differences the store's statements depend on.
struct SqlDialect {
  // Column type for serialised protos ("BLOB" / "BYTEA").
  std::string blob_type;
  // Appended to a table whose rows are reached only by its primary key
  // ("WITHOUT ROWID" on SQLite: the key is the table's b-tree; "" on
  // PostgreSQL). Queries do not depend on it.
  std::string keyed_table_options;
  // A statement taking a lock, for the transaction, on one job's rows
  // across every process sharing the database ("" when the database
  // serialises writers itself, as SQLite does). One `?`: the job id.
  std::string lock_job_sql;
  // A statement taking a store-wide lock for the transaction, held by a
  // writer from choosing a document's arrival number to its commit, so that
  // arrivals are unique and committed in order across processes (readers
  // then always see a prefix of the arrival order); "" when the database
  // serialises writers itself. No parameter.
  std::string lock_arrival_sql;
};

// Thread-safe: transactions run one at a time per Database object.
class Database {
 public:
  virtual ~Database() = default;
  // "sqlite" or "postgresql".
  virtual absl::string_view backend() const = 0;
  virtual const SqlDialect& dialect() const = 0;
  // Runs `body` in one transaction: commits when it returns OK (and the
  // commit is durable to the backend's guarantee when this returns OK),
  // rolls back otherwise and returns its error.
  virtual absl::Status Transaction(
      const std::function<absl::Status(SqlSession&)>& body) = 0;
};

// Opens "sqlite:PATH" (":memory:" for a private in-memory database) or
// "postgresql:CONNINFO" (a libpq connection string or URI).
// kInvalidArgument for another scheme; kUnavailable when it cannot connect.
absl::StatusOr<std::unique_ptr<Database>> OpenDatabase(absl::string_view url);

}  // namespace store
}  // namespace gleaner

#endif  // GLEANER_SERVICES_STORE_DATABASE_H_
