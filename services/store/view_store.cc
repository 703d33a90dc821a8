#include "services/store/view_store.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "services/store/schema.h"
#include "services/store/scope.h"
#include "workers/extract/amounts/korean_number.h"

namespace gleaner {
namespace store {
namespace {

using aggregator::DocumentDigest;
using aggregator::EntityRef;
using aggregator::EntityTypeFromName;
using aggregator::EntityTypeName;
using workers::extract::amounts::Decimal;

std::string KindName(v1::DuplicateKind kind) {
  switch (kind) {
    case v1::DUPLICATE_KIND_UNIQUE:
      return "unique";
    case v1::DUPLICATE_KIND_EXACT:
      return "exact";
    case v1::DUPLICATE_KIND_NEAR:
      return "near";
    default:
      return "unchecked";
  }
}

absl::Status InsertDocument(SqlSession& s, absl::string_view job_id,
                            int64_t arrival, const DocumentDigest& digest,
                            const v1::DocumentResult& result,
                            const std::string& blob) {
  return s.Execute(
      "INSERT INTO documents (job_id, document_id, arrival, source, "
      "source_path, day, published, title, duplicate_kind, duplicate_of, "
      "cluster_id, counted, results_from_job, entities, amounts, errors, "
      "fingerprint, result) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {job_id, digest.document_id, arrival, digest.source, result.source(),
       digest.day, result.page().published().value(),
       result.page().title().value(), KindName(digest.kind),
       digest.duplicate_of, digest.cluster_id,
       int64_t{digest.counted ? 1 : 0}, result.results_from().job_id(),
       int64_t{result.entities_size()}, int64_t{result.amounts_size()},
       int64_t{result.errors_size()}, digest.fingerprint, SqlParam::Blob(blob)});
}

absl::Status AddEntities(SqlSession& s, absl::string_view job_id,
                         int64_t arrival, const DocumentDigest& d) {
  for (const aggregator::DigestEntity& e : d.entities) {
    const std::string type = EntityTypeName(e.entity.type);
    GLEANER_RETURN_IF_ERROR(s.Execute(
        "INSERT INTO document_entities (job_id, document_id, canonical, type, "
        "mentions, source, day, arrival) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {job_id, d.document_id, e.entity.canonical, type,
         int64_t{e.mentions}, d.source, d.day, arrival}));
    GLEANER_RETURN_IF_ERROR(s.Execute(
        "INSERT INTO entity_counts (job_id, source, day, canonical, type, "
        "mentions, documents) VALUES (?, ?, ?, ?, ?, ?, 1) "
        "ON CONFLICT (job_id, source, day, canonical, type) DO UPDATE SET "
        "mentions = entity_counts.mentions + excluded.mentions, "
        "documents = entity_counts.documents + 1",
        {job_id, d.source, d.day, e.entity.canonical, type,
         int64_t{e.mentions}}));
  }
  return absl::OkStatus();
}

absl::Status AddAmounts(SqlSession& s, absl::string_view job_id,
                        int64_t arrival, const DocumentDigest& d,
                        const v1::DocumentResult& result) {
  for (const aggregator::DigestAmount& a : d.amounts) {
    const v1::Amount& amount = result.amounts(a.amount_index);
    GLEANER_RETURN_IF_ERROR(s.Execute(
        "INSERT INTO entity_amounts (job_id, document_id, amount_index, "
        "canonical, type, text, value, currency, relation, summed, sentence, "
        "source, day, arrival, amount) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {job_id, d.document_id, int64_t{a.amount_index}, a.entity.canonical,
         EntityTypeName(a.entity.type), amount.text(), amount.value(),
         amount.currency(), a.relation, int64_t{a.summed ? 1 : 0}, a.sentence,
         d.source, d.day, arrival,
         SqlParam::Blob(amount.SerializeAsString())}));
  }
  for (const aggregator::DigestTotal& t : d.totals) {
    const std::string type = EntityTypeName(t.entity.type);
    const std::vector<SqlParam> key = {job_id, d.source, d.day,
                                       t.entity.canonical, type, t.currency};
    // Exact sums are added here, not in SQL: SQLite has no exact decimal.
    GLEANER_ASSIGN_OR_RETURN(
        std::vector<SqlRow> rows,
        s.Query("SELECT total, amounts FROM amount_totals WHERE job_id = ? "
                "AND source = ? AND day = ? AND canonical = ? AND type = ? "
                "AND currency = ?",
                key));
    GLEANER_ASSIGN_OR_RETURN(Decimal total, Decimal::FromString(t.total));
    int64_t count = t.amounts;
    if (!rows.empty()) {
      GLEANER_ASSIGN_OR_RETURN(Decimal stored,
                               Decimal::FromString(rows[0][0]));
      total.Add(stored);
      count += CellInt(rows[0][1]);
    }
    std::vector<SqlParam> params = key;
    params.emplace_back(total.ToString());
    params.emplace_back(count);
    GLEANER_RETURN_IF_ERROR(s.Execute(
        "INSERT INTO amount_totals (job_id, source, day, canonical, type, "
        "currency, total, amounts) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (job_id, source, day, canonical, type, currency) "
        "DO UPDATE SET total = excluded.total, amounts = excluded.amounts",
        params));
  }
  return absl::OkStatus();
}

absl::Status AddPairs(SqlSession& s, absl::string_view job_id,
                      const DocumentDigest& d) {
  for (const aggregator::DigestPair& p : d.pairs) {
    GLEANER_RETURN_IF_ERROR(s.Execute(
        "INSERT INTO cooccurrences (job_id, source, day, canonical_a, type_a, "
        "canonical_b, type_b, same_sentence, same_document) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (job_id, source, day, canonical_a, type_a, canonical_b, "
        "type_b) DO UPDATE SET "
        "same_sentence = cooccurrences.same_sentence + excluded.same_sentence, "
        "same_document = cooccurrences.same_document + excluded.same_document",
        {job_id, d.source, d.day, p.a.canonical, EntityTypeName(p.a.type),
         p.b.canonical, EntityTypeName(p.b.type), int64_t{p.same_sentence},
         int64_t{p.same_document}}));
  }
  return absl::OkStatus();
}

// Locks the job (shared backends), creates it when new; kFailedPrecondition
// when released.
absl::Status OpenJob(SqlSession& s, const SqlDialect& dialect,
                     absl::string_view job_id) {
  if (!dialect.lock_job_sql.empty()) {
    GLEANER_RETURN_IF_ERROR(s.Query(dialect.lock_job_sql, {job_id}).status());
  }
  GLEANER_ASSIGN_OR_RETURN(
      std::vector<SqlRow> job,
      s.Query("SELECT released FROM jobs WHERE job_id = ?", {job_id}));
  if (!job.empty() && CellInt(job[0][0]) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("job '", job_id, "' was already released"));
  }
  if (job.empty()) {
    GLEANER_RETURN_IF_ERROR(
        s.Execute("INSERT INTO jobs (job_id, documents, released) "
                  "VALUES (?, 0, 0) ON CONFLICT (job_id) DO NOTHING",
                  {job_id}));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<ViewStore>> ViewStore::Open(
    absl::string_view url) {
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<Database> database,
                           OpenDatabase(url));
  return Open(std::move(database));
}

absl::StatusOr<std::unique_ptr<ViewStore>> ViewStore::Open(
    std::unique_ptr<Database> database) {
  std::unique_ptr<ViewStore> store(new ViewStore(std::move(database)));
  GLEANER_RETURN_IF_ERROR(store->CreateSchema());
  return store;
}

absl::Status ViewStore::CreateSchema() {
  return database_->Transaction([&](SqlSession& s) -> absl::Status {
    for (const std::string& statement :
         SchemaStatements(database_->dialect())) {
      GLEANER_RETURN_IF_ERROR(s.Execute(statement));
    }
    GLEANER_ASSIGN_OR_RETURN(std::vector<SqlRow> rows,
                             s.Query("SELECT version FROM gleaner_schema"));
    if (rows.empty()) {
      return s.Execute("INSERT INTO gleaner_schema (version) VALUES (?)",
                       {int64_t{kSchemaVersion}});
    }
    if (CellInt(rows[0][0]) != kSchemaVersion) {
      return absl::FailedPreconditionError(
          absl::StrCat("the store has schema version ", rows[0][0],
                       "; this build reads version ", kSchemaVersion));
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<bool> ViewStore::Record(absl::string_view job_id,
                                       const DocumentDigest& digest,
                                       const v1::DocumentResult& result) {
  GLEANER_ASSIGN_OR_RETURN(
      Recorded recorded,
      RecordInOrder(job_id, digest, result, std::numeric_limits<int64_t>::max(),
                    [](const StoredFingerprint&) {}));
  return recorded.fresh;
}

namespace {

constexpr char kFingerprintsAfter[] =
    "SELECT arrival, job_id, document_id, fingerprint FROM documents "
    "WHERE fingerprint <> '' AND arrival > ? ORDER BY arrival, job_id, document_id";

void VisitFingerprints(const std::vector<SqlRow>& rows, const FingerprintVisitor& visit) {
  for (const SqlRow& row : rows) visit({CellInt(row[0]), row[1], row[2], row[3]});
}

}  // namespace

absl::StatusOr<Recorded> ViewStore::RecordInOrder(absl::string_view job_id,
                                                  const DocumentDigest& digest,
                                                  const v1::DocumentResult& result,
                                                  int64_t replayed_through,
                                                  const FingerprintVisitor& catch_up) {
  const std::string blob = result.SerializeAsString();
  Recorded recorded;
  GLEANER_RETURN_IF_ERROR(database_->Transaction([&](SqlSession& s)
                                                     -> absl::Status {
    GLEANER_RETURN_IF_ERROR(OpenJob(s, database_->dialect(), job_id));
    GLEANER_ASSIGN_OR_RETURN(
        std::vector<SqlRow> seen,
        s.Query("SELECT 1 FROM documents WHERE job_id = ? AND document_id = ?",
                {job_id, digest.document_id}));
    if (!seen.empty()) return absl::OkStatus();  // a retry
    // From here to the commit no other writer of the store chooses an
    // arrival: each statement below sees every earlier arrival committed.
    const std::string& lock_arrival = database_->dialect().lock_arrival_sql;
    if (!lock_arrival.empty()) GLEANER_RETURN_IF_ERROR(s.Query(lock_arrival).status());
    if (replayed_through < std::numeric_limits<int64_t>::max()) {
      GLEANER_ASSIGN_OR_RETURN(std::vector<SqlRow> missed,
                               s.Query(kFingerprintsAfter, {replayed_through}));
      VisitFingerprints(missed, catch_up);
    }
    GLEANER_ASSIGN_OR_RETURN(
        std::vector<SqlRow> last,
        s.Query("SELECT COALESCE(MAX(arrival), 0) + 1 FROM documents"));
    const int64_t arrival = CellInt(last[0][0]);
    GLEANER_RETURN_IF_ERROR(
        InsertDocument(s, job_id, arrival, digest, result, blob));
    GLEANER_RETURN_IF_ERROR(s.Execute(
        "INSERT INTO source_counts (job_id, source, day, documents, "
        "duplicates) VALUES (?, ?, ?, 1, ?) "
        "ON CONFLICT (job_id, source, day) DO UPDATE SET "
        "documents = source_counts.documents + 1, "
        "duplicates = source_counts.duplicates + excluded.duplicates",
        {job_id, digest.source, digest.day,
         int64_t{digest.counted ? 0 : 1}}));
    GLEANER_RETURN_IF_ERROR(AddEntities(s, job_id, arrival, digest));
    GLEANER_RETURN_IF_ERROR(AddAmounts(s, job_id, arrival, digest, result));
    GLEANER_RETURN_IF_ERROR(AddPairs(s, job_id, digest));
    GLEANER_RETURN_IF_ERROR(s.Execute(
        "UPDATE jobs SET documents = documents + 1 WHERE job_id = ?",
        {job_id}));
    recorded = {true, arrival};
    return absl::OkStatus();
  }));
  return recorded;
}

absl::StatusOr<std::optional<v1::DocumentResult>> ViewStore::FindOriginal(
    absl::string_view job_id, absl::string_view document_id,
    absl::string_view text, v1::StoredOrigin* origin) {
  std::vector<SqlRow> rows;
  GLEANER_RETURN_IF_ERROR(database_->Transaction([&](SqlSession& s)
                                                     -> absl::Status {
    GLEANER_ASSIGN_OR_RETURN(
        rows, s.Query("SELECT job_id, result FROM documents WHERE "
                      "document_id = ? AND job_id <> ? AND counted = 1 "
                      "AND errors = 0 ORDER BY arrival LIMIT 1",
                      {document_id, job_id}));
    return absl::OkStatus();
  }));
  if (rows.empty()) return std::nullopt;
  v1::DocumentResult stored;
  if (!stored.ParseFromString(rows[0][1])) {
    return absl::DataLossError(absl::StrCat(
        "the stored result of '", document_id, "' does not parse"));
  }
  // Offsets point into the text: only an identical text can share them.
  if (stored.text() != text) return std::nullopt;
  origin->set_job_id(rows[0][0]);
  origin->set_document_id(std::string(document_id));
  return stored;
}

absl::Status ViewStore::ForEachFingerprint(int64_t after, const FingerprintVisitor& visit) {
  std::vector<SqlRow> rows;
  GLEANER_RETURN_IF_ERROR(database_->Transaction([&](SqlSession& s)
                                                     -> absl::Status {
    GLEANER_ASSIGN_OR_RETURN(rows, s.Query(kFingerprintsAfter, {after}));
    return absl::OkStatus();
  }));
  VisitFingerprints(rows, visit);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>>
ViewStore::FingerprintedDocuments(const v1::GetViewRequest& request) {
  GLEANER_ASSIGN_OR_RETURN(
      Scope scope,
      MakeScope(request.job_id(), request.all_jobs(), request.source(),
                request.published_from(), request.published_to()));
  std::vector<SqlRow> rows;
  GLEANER_RETURN_IF_ERROR(database_->Transaction([&](SqlSession& s)
                                                     -> absl::Status {
    GLEANER_ASSIGN_OR_RETURN(
        rows, s.Query(absl::StrCat("SELECT job_id, document_id FROM documents "
                                   "WHERE fingerprint <> '' AND ",
                                   scope.where,
                                   " ORDER BY arrival, job_id, document_id"),
                      scope.params));
    return absl::OkStatus();
  }));
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(rows.size());
  for (SqlRow& row : rows) out.emplace_back(std::move(row[0]), std::move(row[1]));
  return out;
}

absl::Status ViewStore::Release(absl::string_view job_id) {
  return database_->Transaction([&](SqlSession& s) {
    return s.Execute("UPDATE jobs SET released = 1 WHERE job_id = ?",
                     {job_id});
  });
}

}  // namespace store
}  // namespace gleaner
