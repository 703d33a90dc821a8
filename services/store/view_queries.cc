// ViewStore's read side: views are sums over the per-(job, source, day)
// rows that Record keeps up to date.
#include <algorithm>
#include <map>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "services/store/scope.h"
#include "services/store/view_store.h"
#include "workers/extract/amounts/korean_number.h"

namespace gleaner {
namespace store {
namespace {

using aggregator::EntityRef;
using aggregator::EntityTypeFromName;
using aggregator::EntityTypeName;
using workers::extract::amounts::Decimal;

// Pairs listed when GetViewRequest.top_pairs is 0.
constexpr uint32_t kDefaultTopPairs = 100;
// Documents listed when EntityDocumentsRequest.limit is 0.
constexpr uint32_t kDefaultEntityDocuments = 1000;

absl::Status AddEntityCounts(SqlSession& s, const Scope& scope,
                             uint32_t top, v1::CorpusView& view) {
  GLEANER_ASSIGN_OR_RETURN(
      std::vector<SqlRow> rows,
      s.Query(absl::StrCat("SELECT canonical, type, SUM(mentions), "
                           "SUM(documents) FROM entity_counts WHERE ",
                           scope.where, " GROUP BY canonical, type"),
              scope.params));
  std::vector<v1::EntityCount> counts;
  counts.reserve(rows.size());
  for (const SqlRow& row : rows) {
    v1::EntityCount& count = counts.emplace_back();
    count.set_canonical(row[0]);
    count.set_type(EntityTypeFromName(row[1]));
    count.set_mentions(CellInt(row[2]));
    count.set_documents(CellInt(row[3]));
  }
  // Sorted here, not in SQL: byte order on every backend and collation.
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(-int64_t{a.mentions()}, a.canonical(), a.type()) <
           std::make_tuple(-int64_t{b.mentions()}, b.canonical(), b.type());
  });
  if (top > 0 && counts.size() > top) counts.resize(top);
  for (v1::EntityCount& count : counts) {
    *view.add_entity_counts() = std::move(count);
  }
  return absl::OkStatus();
}

absl::Status AddTotals(SqlSession& s, const Scope& scope,
                       const v1::EntityCount& entity,
                       v1::EntityAmounts& amounts) {
  GLEANER_ASSIGN_OR_RETURN(
      std::vector<SqlRow> rows,
      s.Query(absl::StrCat("SELECT currency, total, amounts FROM "
                           "amount_totals WHERE canonical = ? AND type = ? "
                           "AND ",
                           scope.where),
              scope.With({entity.canonical(), EntityTypeName(entity.type())})));
  std::map<std::string, std::pair<Decimal, int64_t>> by_currency;
  for (const SqlRow& row : rows) {
    GLEANER_ASSIGN_OR_RETURN(Decimal total, Decimal::FromString(row[1]));
    auto& [sum, count] = by_currency[row[0]];
    sum.Add(total);
    count += CellInt(row[2]);
  }
  for (const auto& [currency, sum] : by_currency) {
    v1::CurrencyTotal* total = amounts.add_totals();
    total->set_currency(currency);
    total->set_total(sum.first.ToString());
    total->set_amounts(sum.second);
  }
  return absl::OkStatus();
}

absl::Status AddAmounts(SqlSession& s, const Scope& scope, uint32_t limit,
                        v1::CorpusView& view) {
  for (const v1::EntityCount& entity : view.entity_counts()) {
    if (entity.type() != v1::ENTITY_TYPE_ORGANIZATION &&
        entity.type() != v1::ENTITY_TYPE_PERSON) {
      continue;
    }
    v1::EntityAmounts amounts;
    amounts.set_canonical(entity.canonical());
    amounts.set_type(entity.type());
    std::string sql = absl::StrCat(
        "SELECT job_id, document_id, sentence, relation, summed, amount FROM "
        "entity_amounts WHERE canonical = ? AND type = ? AND ",
        scope.where, " ORDER BY arrival, amount_index");
    if (limit > 0) absl::StrAppend(&sql, " LIMIT ", limit);
    GLEANER_ASSIGN_OR_RETURN(
        std::vector<SqlRow> rows,
        s.Query(sql, scope.With({entity.canonical(),
                                 EntityTypeName(entity.type())})));
    for (const SqlRow& row : rows) {
      v1::EntityAmount* amount = amounts.add_amounts();
      amount->set_job_id(row[0]);
      amount->set_document_id(row[1]);
      amount->set_sentence(row[2]);
      amount->set_relation(row[3]);
      amount->set_summed(CellInt(row[4]) != 0);
      if (!amount->mutable_amount()->ParseFromString(row[5])) {
        return absl::DataLossError("a stored amount does not parse");
      }
    }
    GLEANER_RETURN_IF_ERROR(AddTotals(s, scope, entity, amounts));
    if (amounts.amounts_size() > 0 || amounts.totals_size() > 0) {
      *view.add_amounts_by_entity() = std::move(amounts);
    }
  }
  return absl::OkStatus();
}

// Members in arrival order; the representative (the cluster's first
// document) leads when it is in scope, or always when only the job limits
// the view (it may come from an earlier job of a persistent dedup index).
absl::Status AddClusters(SqlSession& s, const Scope& scope,
                         v1::CorpusView& view) {
  GLEANER_ASSIGN_OR_RETURN(
      std::vector<SqlRow> rows,
      s.Query(absl::StrCat("SELECT cluster_id, document_id FROM documents "
                           "WHERE cluster_id <> '' AND duplicate_kind IN "
                           "('exact', 'near') AND ",
                           scope.where,
                           " ORDER BY arrival, job_id, document_id"),
              scope.params));
  std::vector<v1::DuplicateCluster> clusters;
  absl::flat_hash_map<std::string, size_t> index;
  for (const SqlRow& row : rows) {
    auto [it, fresh] = index.try_emplace(row[0], clusters.size());
    if (fresh) {
      v1::DuplicateCluster& cluster = clusters.emplace_back();
      cluster.set_cluster_id(row[0]);
      cluster.set_representative(row[0]);
      bool lead = !scope.filtered;
      if (!lead) {
        GLEANER_ASSIGN_OR_RETURN(
            std::vector<SqlRow> found,
            s.Query(absl::StrCat("SELECT 1 FROM documents WHERE "
                                 "document_id = ? AND ",
                                 scope.where, " LIMIT 1"),
                    scope.With({row[0]})));
        lead = !found.empty();
      }
      if (lead) cluster.add_document_ids(row[0]);
    }
    clusters[it->second].add_document_ids(row[1]);
  }
  for (v1::DuplicateCluster& cluster : clusters) {
    if (cluster.document_ids_size() >= 2) {
      *view.add_duplicate_clusters() = std::move(cluster);
    }
  }
  return absl::OkStatus();
}

absl::Status AddPairs(SqlSession& s, const Scope& scope, uint32_t top,
                      v1::CorpusView& view) {
  GLEANER_ASSIGN_OR_RETURN(
      std::vector<SqlRow> rows,
      s.Query(absl::StrCat("SELECT canonical_a, type_a, canonical_b, type_b, "
                           "SUM(same_sentence), SUM(same_document) FROM "
                           "cooccurrences WHERE ",
                           scope.where,
                           " GROUP BY canonical_a, type_a, canonical_b, "
                           "type_b"),
              scope.params));
  std::vector<v1::CoOccurrence> pairs;
  pairs.reserve(rows.size());
  for (const SqlRow& row : rows) {
    v1::CoOccurrence& pair = pairs.emplace_back();
    pair.set_canonical_a(row[0]);
    pair.set_type_a(EntityTypeFromName(row[1]));
    pair.set_canonical_b(row[2]);
    pair.set_type_b(EntityTypeFromName(row[3]));
    pair.set_same_sentence(CellInt(row[4]));
    pair.set_same_document(CellInt(row[5]));
  }
  // Most documents first, then most sentences, then by names. Only the top
  // are ordered, and the names are compared in place: a key tuple copying
  // both names per comparison made this sort 17% of the aggregator's
  // instructions on a 70-document job.
  auto before = [](const v1::CoOccurrence& a, const v1::CoOccurrence& b) {
    if (a.same_document() != b.same_document()) {
      return a.same_document() > b.same_document();
    }
    if (a.same_sentence() != b.same_sentence()) {
      return a.same_sentence() > b.same_sentence();
    }
    return std::forward_as_tuple(a.canonical_a(), a.type_a(), a.canonical_b(),
                                 a.type_b()) <
           std::forward_as_tuple(b.canonical_a(), b.type_a(), b.canonical_b(),
                                 b.type_b());
  };
  const size_t kept = std::min<size_t>(top, pairs.size());
  std::partial_sort(pairs.begin(), pairs.begin() + kept, pairs.end(), before);
  pairs.resize(kept);
  for (v1::CoOccurrence& pair : pairs) {
    *view.add_co_occurrences() = std::move(pair);
  }
  return absl::OkStatus();
}

absl::Status AddSources(SqlSession& s, const Scope& scope,
                        v1::CorpusView& view) {
  GLEANER_ASSIGN_OR_RETURN(
      std::vector<SqlRow> rows,
      s.Query(absl::StrCat("SELECT source, SUM(documents), SUM(duplicates) "
                           "FROM source_counts WHERE ",
                           scope.where, " GROUP BY source"),
              scope.params));
  std::sort(rows.begin(), rows.end());
  uint64_t documents = 0;
  for (const SqlRow& row : rows) {
    v1::SourceCount* count = view.add_source_counts();
    count->set_source(row[0]);
    count->set_documents(CellInt(row[1]));
    count->set_duplicates(CellInt(row[2]));
    documents += count->documents();
  }
  view.set_documents(documents);
  GLEANER_ASSIGN_OR_RETURN(
      std::vector<SqlRow> jobs,
      s.Query(absl::StrCat("SELECT COUNT(DISTINCT job_id) FROM source_counts "
                           "WHERE ",
                           scope.where),
              scope.params));
  view.set_jobs(CellInt(jobs[0][0]));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::CorpusView> ViewStore::View(
    const v1::GetViewRequest& request) {
  GLEANER_ASSIGN_OR_RETURN(
      Scope scope,
      MakeScope(request.job_id(), request.all_jobs(), request.source(),
                request.published_from(), request.published_to()));
  v1::CorpusView view;
  if (!request.all_jobs()) view.set_job_id(request.job_id());
  GLEANER_RETURN_IF_ERROR(database_->Transaction([&](SqlSession& s)
                                                     -> absl::Status {
    if (!request.all_jobs()) {
      GLEANER_ASSIGN_OR_RETURN(
          std::vector<SqlRow> job,
          s.Query("SELECT 1 FROM jobs WHERE job_id = ?", {request.job_id()}));
      if (job.empty()) {
        return absl::NotFoundError(absl::StrCat(
            "no results recorded for job '", request.job_id(), "'"));
      }
    }
    GLEANER_RETURN_IF_ERROR(AddSources(s, scope, view));
    GLEANER_RETURN_IF_ERROR(
        AddEntityCounts(s, scope, request.top_entities(), view));
    GLEANER_RETURN_IF_ERROR(
        AddAmounts(s, scope, request.max_amounts_per_entity(), view));
    GLEANER_RETURN_IF_ERROR(AddClusters(s, scope, view));
    return AddPairs(s, scope,
                    request.top_pairs() > 0 ? request.top_pairs()
                                            : kDefaultTopPairs,
                    view);
  }));
  return view;
}

absl::StatusOr<v1::EntityDocumentsResponse> ViewStore::EntityDocuments(
    const v1::EntityDocumentsRequest& request) {
  if (request.canonical().empty()) {
    return absl::InvalidArgumentError("EntityDocumentsRequest.canonical is empty");
  }
  GLEANER_ASSIGN_OR_RETURN(
      Scope scope,
      MakeScope(request.job_id(), request.all_jobs(), request.source(),
                request.published_from(), request.published_to()));
  const uint32_t limit =
      request.limit() > 0 ? request.limit() : kDefaultEntityDocuments;
  std::vector<SqlRow> rows;
  GLEANER_RETURN_IF_ERROR(database_->Transaction([&](SqlSession& s)
                                                     -> absl::Status {
    GLEANER_ASSIGN_OR_RETURN(
        rows, s.Query(absl::StrCat("SELECT job_id, document_id, source, day, "
                                   "mentions FROM document_entities WHERE "
                                   "canonical = ? AND type = ? AND ",
                                   scope.where,
                                   " ORDER BY arrival, job_id LIMIT ", limit),
                      scope.With({request.canonical(),
                                  EntityTypeName(request.type())})));
    return absl::OkStatus();
  }));
  v1::EntityDocumentsResponse response;
  for (const SqlRow& row : rows) {
    v1::EntityDocument* document = response.add_documents();
    document->set_job_id(row[0]);
    document->set_document_id(row[1]);
    document->set_source(row[2]);
    document->set_day(row[3]);
    document->set_mentions(CellInt(row[4]));
  }
  return response;
}

}  // namespace store
}  // namespace gleaner
