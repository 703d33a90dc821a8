#include "services/store/schema.h"

#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace gleaner {
namespace store {
namespace {

// Sums are kept per (job_id, source, day): a view filtered by job, source
// and publication day adds up the matching rows. `{keyed}` marks the tables
// written only through their primary key (upserts, per-document rows): on
// SQLite they are WITHOUT ROWID, one b-tree instead of a table and its key
// index, so each upsert seeks and writes one tree, not two.
constexpr absl::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS gleaner_schema (
  version BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
  job_id TEXT PRIMARY KEY,
  documents BIGINT NOT NULL,
  released BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  job_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  arrival BIGINT NOT NULL,
  source TEXT NOT NULL,
  source_path TEXT NOT NULL,
  day TEXT NOT NULL,
  published TEXT NOT NULL,
  title TEXT NOT NULL,
  duplicate_kind TEXT NOT NULL,
  duplicate_of TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  counted BIGINT NOT NULL,
  results_from_job TEXT NOT NULL,
  entities BIGINT NOT NULL,
  amounts BIGINT NOT NULL,
  errors BIGINT NOT NULL,
  fingerprint TEXT NOT NULL,
  result {blob} NOT NULL,
  PRIMARY KEY (job_id, document_id)
);
CREATE INDEX IF NOT EXISTS documents_by_id ON documents (document_id);
CREATE INDEX IF NOT EXISTS documents_by_arrival ON documents (arrival);
CREATE INDEX IF NOT EXISTS documents_by_cluster ON documents (cluster_id);
CREATE TABLE IF NOT EXISTS document_entities (
  job_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  canonical TEXT NOT NULL,
  type TEXT NOT NULL,
  mentions BIGINT NOT NULL,
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  arrival BIGINT NOT NULL,
  PRIMARY KEY (job_id, document_id, canonical, type)
) {keyed};
CREATE INDEX IF NOT EXISTS document_entities_by_entity
  ON document_entities (canonical, type);
CREATE TABLE IF NOT EXISTS entity_counts (
  job_id TEXT NOT NULL,
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  canonical TEXT NOT NULL,
  type TEXT NOT NULL,
  mentions BIGINT NOT NULL,
  documents BIGINT NOT NULL,
  PRIMARY KEY (job_id, source, day, canonical, type)
) {keyed};
CREATE TABLE IF NOT EXISTS entity_amounts (
  job_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  amount_index BIGINT NOT NULL,
  canonical TEXT NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  value TEXT NOT NULL,
  currency TEXT NOT NULL,
  relation TEXT NOT NULL,
  summed BIGINT NOT NULL,
  sentence TEXT NOT NULL,
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  arrival BIGINT NOT NULL,
  amount {blob} NOT NULL,
  PRIMARY KEY (job_id, document_id, amount_index, canonical, type)
);
CREATE INDEX IF NOT EXISTS entity_amounts_by_entity
  ON entity_amounts (canonical, type);
CREATE TABLE IF NOT EXISTS amount_totals (
  job_id TEXT NOT NULL,
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  canonical TEXT NOT NULL,
  type TEXT NOT NULL,
  currency TEXT NOT NULL,
  total TEXT NOT NULL,
  amounts BIGINT NOT NULL,
  PRIMARY KEY (job_id, source, day, canonical, type, currency)
) {keyed};
CREATE TABLE IF NOT EXISTS cooccurrences (
  job_id TEXT NOT NULL,
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  canonical_a TEXT NOT NULL,
  type_a TEXT NOT NULL,
  canonical_b TEXT NOT NULL,
  type_b TEXT NOT NULL,
  same_sentence BIGINT NOT NULL,
  same_document BIGINT NOT NULL,
  PRIMARY KEY (job_id, source, day, canonical_a, type_a, canonical_b, type_b)
) {keyed};
CREATE TABLE IF NOT EXISTS source_counts (
  job_id TEXT NOT NULL,
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  documents BIGINT NOT NULL,
  duplicates BIGINT NOT NULL,
  PRIMARY KEY (job_id, source, day)
) {keyed}
)sql";

}  // namespace

std::vector<std::string> SchemaStatements(const SqlDialect& dialect) {
  std::vector<std::string> out;
  const std::string schema = absl::StrReplaceAll(
      kSchema, {{"{blob}", dialect.blob_type},
                {"{keyed}", dialect.keyed_table_options}});
  for (absl::string_view statement : absl::StrSplit(schema, ';')) {
    statement = absl::StripAsciiWhitespace(statement);
    if (!statement.empty()) out.emplace_back(statement);
  }
  return out;
}

}  // namespace store
}  // namespace gleaner
