#include "services/store/sqlite_database.h"

#include <sqlite3.h>

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "services/common/status_macros.h"

namespace gleaner {
namespace store {
namespace {

absl::Status SqliteError(sqlite3* db, absl::string_view what) {
  return absl::InternalError(
      absl::StrCat("sqlite: ", what, ": ", sqlite3_errmsg(db)));
}

// Prepared statements are cached per SQL text: the store runs a few
// statements many times per document.
class SqliteSession : public SqlSession {
 public:
  explicit SqliteSession(sqlite3* db) : db_(db) {}
  ~SqliteSession() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  }

 private:
  absl::StatusOr<sqlite3_stmt*> Prepare(absl::string_view sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()),
                           &stmt, nullptr) != SQLITE_OK) {
      return SqliteError(db_, absl::StrCat("prepare '", sql, "'"));
    }
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

  // Binds without copying (SQLITE_STATIC): `params` outlive the statement's
  // run, which ends in sqlite3_reset before Run returns. Every placeholder is
  // bound on every run, so no binding of an earlier run is ever read.
  absl::Status Bind(sqlite3_stmt* stmt, absl::Span<const SqlParam> params) {
    if (sqlite3_bind_parameter_count(stmt) != static_cast<int>(params.size())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "sqlite: statement '", sqlite3_sql(stmt), "' has ",
          sqlite3_bind_parameter_count(stmt), " placeholders, given ",
          params.size(), " parameters"));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlParam& p = params[i];
      const int index = static_cast<int>(i) + 1;
      int rc;
      switch (p.kind()) {
        case SqlParam::Kind::kInt:
          rc = sqlite3_bind_int64(stmt, index, p.int_value());
          break;
        case SqlParam::Kind::kText:
          rc = sqlite3_bind_text64(stmt, index, p.bytes().data(),
                                   p.bytes().size(), SQLITE_STATIC,
                                   SQLITE_UTF8);
          break;
        default:
          rc = sqlite3_bind_blob64(stmt, index, p.bytes().data(),
                                   p.bytes().size(), SQLITE_STATIC);
          break;
      }
      if (rc != SQLITE_OK) return SqliteError(db_, "bind");
    }
    return absl::OkStatus();
  }

  absl::Status Run(absl::string_view sql, absl::Span<const SqlParam> params,
                   std::vector<SqlRow>* rows) override {
    GLEANER_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    GLEANER_RETURN_IF_ERROR(Bind(stmt, params));
    while (true) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        absl::Status error = SqliteError(db_, absl::StrCat("step '", sql, "'"));
        sqlite3_reset(stmt);
        return error;
      }
      if (rows == nullptr) continue;
      SqlRow& row = rows->emplace_back();
      const int columns = sqlite3_column_count(stmt);
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        const void* data = sqlite3_column_blob(stmt, c);
        const int size = sqlite3_column_bytes(stmt, c);
        row.emplace_back(static_cast<const char*>(data),
                         data == nullptr ? 0 : size);
      }
    }
    sqlite3_reset(stmt);
    return absl::OkStatus();
  }

  sqlite3* const db_;
  absl::flat_hash_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDatabase : public Database {
 public:
  explicit SqliteDatabase(sqlite3* db)
      : db_(db),
        session_(std::make_unique<SqliteSession>(db)),
        dialect_{"BLOB", "WITHOUT ROWID", "", ""} {}
  ~SqliteDatabase() override {
    {
      absl::MutexLock lock(&mu_);
      session_.reset();  // finalises the cached statements first
    }
    sqlite3_close_v2(db_);
  }

  absl::string_view backend() const override { return "sqlite"; }
  const SqlDialect& dialect() const override { return dialect_; }

  absl::Status Transaction(
      const std::function<absl::Status(SqlSession&)>& body) override {
    absl::MutexLock lock(&mu_);
    // IMMEDIATE takes the write lock at once, so two processes sharing the
    // file wait for each other (busy_timeout) instead of failing at COMMIT.
    GLEANER_RETURN_IF_ERROR(session_->Execute("BEGIN IMMEDIATE", {}));
    absl::Status status = body(*session_);
    if (status.ok()) status = session_->Execute("COMMIT", {});
    if (!status.ok()) session_->Execute("ROLLBACK", {}).IgnoreError();
    return status;
  }

 private:
  sqlite3* db_;
  absl::Mutex mu_;
  std::unique_ptr<SqliteSession> session_ ABSL_GUARDED_BY(mu_);
  const SqlDialect dialect_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Database>> OpenSqlite(
    const SqliteOptions& options) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      options.path.c_str(), &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
      nullptr);
  if (rc != SQLITE_OK) {
    absl::Status error = absl::UnavailableError(absl::StrCat(
        "sqlite: cannot open '", options.path, "': ",
        db == nullptr ? "out of memory" : sqlite3_errmsg(db)));
    sqlite3_close_v2(db);
    return error;
  }
  sqlite3_busy_timeout(db, 10000);
  auto database = std::make_unique<SqliteDatabase>(db);
  const std::string pragmas = absl::StrCat(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=",
      options.sync_full ? "FULL" : "NORMAL", ";");
  char* message = nullptr;
  if (sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, &message) !=
      SQLITE_OK) {
    absl::Status error = absl::UnavailableError(absl::StrCat(
        "sqlite: cannot set WAL mode on '", options.path, "': ",
        message == nullptr ? "" : message));
    sqlite3_free(message);
    return error;
  }
  return database;
}

}  // namespace store
}  // namespace gleaner
