// What one document adds to the corpus views, computed once when it
// arrives (the views are sums of digests, never recomputed per query).
//
//   absl::StatusOr<DocumentDigest> digest = DigestDocument(result, options);
//
// Linear in the document: entities and amounts are placed in sentences by
// one sorted sweep; pair counts are bounded per sentence and per document
// (DigestOptions), so a long page of repeated sentences costs time in
// proportion to its length.
//
// What counts: nothing of an exact or near duplicate (its first copy
// counted it), and no mention flagged as boilerplate or repeated block.
// Money is credited to the entity its attribution names, under its
// relation (DocumentResult.attributions), or, for results without
// attributions, to the organisations and people of the amount's sentence
// ("same_sentence"); a conversion, a vague amount, a per-unit price or the upper end
// of a range is listed but left out of totals, so no sum counts a value
// twice.
#ifndef GLEANER_SERVICES_AGGREGATOR_DOCUMENT_DIGEST_H_
#define GLEANER_SERVICES_AGGREGATOR_DOCUMENT_DIGEST_H_

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace aggregator {

// An entity as the views name it.
struct EntityRef {
  std::string canonical;
  v1::EntityType type = v1::ENTITY_TYPE_UNSPECIFIED;

  bool operator==(const EntityRef& o) const {
    return type == o.type && canonical == o.canonical;
  }
  bool operator<(const EntityRef& o) const {
    return std::tie(canonical, type) < std::tie(o.canonical, o.type);
  }
  template <typename H>
  friend H AbslHashValue(H h, const EntityRef& e) {
    return H::combine(std::move(h), e.canonical, e.type);
  }
};

struct DigestOptions {
  // Entities of one sentence paired for co-occurrence (the first 16
  // distinct ones), and money credited to per amount.
  size_t max_entities_per_sentence = 16;
  // Entities of one document paired for same-document co-occurrence: the
  // 64 most mentioned.
  size_t max_entities_per_document = 64;
  // Amounts listed per entity and document (totals stay exact).
  size_t max_amounts_per_entity = 1000;
};

struct DigestEntity {
  EntityRef entity;
  uint32_t mentions = 0;
};

// One money amount credited to one entity.
struct DigestAmount {
  uint32_t amount_index = 0;  // in DocumentResult.amounts
  EntityRef entity;
  std::string relation;  // "invest", "revenue", ... or "same_sentence"
  std::string sentence;  // the sentence's text
  bool summed = false;   // part of the totals
};

struct DigestTotal {
  EntityRef entity;
  std::string currency;
  std::string total;  // exact decimal
  uint32_t amounts = 0;
};

struct DigestPair {
  EntityRef a, b;  // a < b
  uint32_t same_sentence = 0;
  uint32_t same_document = 0;  // 0 or 1
};

struct DocumentDigest {
  std::string document_id;
  // SourceOf(result).
  std::string source;
  // "YYYY-MM-DD" of page.published ("" when unknown).
  std::string day;
  v1::DuplicateKind kind = v1::DUPLICATE_KIND_UNSPECIFIED;
  std::string duplicate_of, cluster_id;
  // False for duplicates: nothing below is filled then.
  bool counted = false;
  std::vector<DigestEntity> entities;  // by entity
  std::vector<DigestAmount> amounts;   // by amount, then entity
  std::vector<DigestTotal> totals;     // by entity, then currency
  std::vector<DigestPair> pairs;       // by a, then b
  // The story fingerprint (stories/story_fingerprint.h, encoded) of a
  // counted document; set by the aggregator.
  std::string fingerprint;
};

// kInvalidArgument when the id is empty or a span lies outside the text.
absl::StatusOr<DocumentDigest> DigestDocument(const v1::DocumentResult& result,
                                              const DigestOptions& options);

// The source a document is counted under: the publisher the page names,
// else the host of a URL source, else the source as given ("" for none).
std::string SourceOf(const v1::DocumentResult& result);

// "2025-11-25T09:06:00-07:00" -> "2025-11-25"; "" when it does not start
// with a date.
std::string DayOf(absl::string_view published);

// Lower-case names of entity types as the store writes them
// ("organization"), and back (ENTITY_TYPE_UNSPECIFIED for an unknown one).
const std::string& EntityTypeName(v1::EntityType type);
v1::EntityType EntityTypeFromName(absl::string_view name);

}  // namespace aggregator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_AGGREGATOR_DOCUMENT_DIGEST_H_
