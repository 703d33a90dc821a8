#include "services/store/postgres_database.h"

#include <postgresql/libpq-fe.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "services/common/status_macros.h"

namespace gleaner {
namespace store {
namespace {

// The type OID of bytea (pg_type.h), whose text form is hex-escaped.
constexpr Oid kByteaOid = 17;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresSession : public SqlSession {
 public:
  explicit PostgresSession(PGconn* conn) : conn_(conn) {}

 private:
  absl::Status Run(absl::string_view sql, absl::Span<const SqlParam> params,
                   std::vector<SqlRow>* rows) override {
    const std::string numbered = NumberPlaceholders(sql);
    std::vector<std::string> ints;
    ints.reserve(params.size());
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size()), formats(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlParam& p = params[i];
      if (p.kind() == SqlParam::Kind::kInt) {
        ints.push_back(absl::StrCat(p.int_value()));
        values[i] = ints.back().c_str();
        lengths[i] = static_cast<int>(ints.back().size());
      } else {
        // Text is sent NUL-terminated in text format; blobs in binary.
        values[i] = p.bytes().c_str();
        lengths[i] = static_cast<int>(p.bytes().size());
        formats[i] = p.kind() == SqlParam::Kind::kBlob ? 1 : 0;
      }
    }
    Result result(PQexecParams(conn_, numbered.c_str(),
                               static_cast<int>(params.size()), nullptr,
                               values.data(), lengths.data(), formats.data(),
                               /*resultFormat=*/0));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const absl::string_view message = PQresultErrorMessage(result.get());
      return PQstatus(conn_) == CONNECTION_OK
                 ? absl::InternalError(
                       absl::StrCat("postgresql: '", sql, "': ", message))
                 : absl::UnavailableError(
                       absl::StrCat("postgresql: connection lost: ", message));
    }
    if (rows != nullptr) CopyRows(result.get(), rows);
    return absl::OkStatus();
  }

  static void CopyRows(PGresult* result, std::vector<SqlRow>* rows) {
    const int n = PQntuples(result), columns = PQnfields(result);
    rows->reserve(n);
    for (int r = 0; r < n; ++r) {
      SqlRow& row = rows->emplace_back();
      for (int c = 0; c < columns; ++c) {
        const char* cell = PQgetvalue(result, r, c);
        if (PQftype(result, c) != kByteaOid || PQgetisnull(result, r, c)) {
          row.emplace_back(cell, PQgetlength(result, r, c));
          continue;
        }
        size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(
            reinterpret_cast<const unsigned char*>(cell), &size);
        row.emplace_back(reinterpret_cast<const char*>(bytes), size);
        PQfreemem(bytes);
      }
    }
  }

  PGconn* const conn_;
};

class PostgresDatabase : public Database {
 public:
  explicit PostgresDatabase(PGconn* conn)
      : conn_(conn),
        session_(conn),
        // A transaction-scoped advisory lock per job: writers of one job
        // (several aggregators sharing the server) take turns on its
        // totals; other jobs go on. The arrival lock is a two-key
        // advisory lock, a key space apart from the one-key job locks.
        dialect_{"BYTEA", "", "SELECT pg_advisory_xact_lock(hashtext(?))",
                 "SELECT pg_advisory_xact_lock(1195724110, 1)"} {}
  ~PostgresDatabase() override { PQfinish(conn_); }

  absl::string_view backend() const override { return "postgresql"; }
  const SqlDialect& dialect() const override { return dialect_; }

  absl::Status Transaction(
      const std::function<absl::Status(SqlSession&)>& body) override {
    absl::MutexLock lock(&mu_);
    GLEANER_RETURN_IF_ERROR(Reconnect());
    GLEANER_RETURN_IF_ERROR(session_.Execute("BEGIN", {}));
    absl::Status status = body(session_);
    if (status.ok()) status = session_.Execute("COMMIT", {});
    if (!status.ok()) session_.Execute("ROLLBACK", {}).IgnoreError();
    return status;
  }

 private:
  // A server restart drops the connection: reconnect once per transaction.
  absl::Status Reconnect() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (PQstatus(conn_) == CONNECTION_OK) return absl::OkStatus();
    PQreset(conn_);
    if (PQstatus(conn_) == CONNECTION_OK) return absl::OkStatus();
    return absl::UnavailableError(
        absl::StrCat("postgresql: cannot reconnect: ", PQerrorMessage(conn_)));
  }

  PGconn* const conn_;
  absl::Mutex mu_;
  PostgresSession session_ ABSL_GUARDED_BY(mu_);
  const SqlDialect dialect_;
};

}  // namespace

std::string NumberPlaceholders(absl::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      absl::StrAppend(&out, "$", next++);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

absl::StatusOr<std::unique_ptr<Database>> OpenPostgres(
    absl::string_view conninfo) {
  PGconn* conn = PQconnectdb(std::string(conninfo).c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    absl::Status error = absl::UnavailableError(absl::StrCat(
        "postgresql: cannot connect: ",
        conn == nullptr ? "out of memory" : PQerrorMessage(conn)));
    PQfinish(conn);
    return error;
  }
  // Warnings such as "relation already exists, skipping" are not errors.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::make_unique<PostgresDatabase>(conn);
}

}  // namespace store
}  // namespace gleaner
