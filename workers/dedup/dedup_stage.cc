#include "workers/dedup/dedup_stage.h"

#include <utility>

#include "services/common/status_macros.h"
#include "text/clean_options.h"
#include "text/text_cleaner.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

v1::DuplicateKind ToProto(DuplicateKind kind) {
  switch (kind) {
    case DuplicateKind::kUnique:
      return v1::DUPLICATE_KIND_UNIQUE;
    case DuplicateKind::kExact:
      return v1::DUPLICATE_KIND_EXACT;
    case DuplicateKind::kNear:
      return v1::DUPLICATE_KIND_NEAR;
  }
  return v1::DUPLICATE_KIND_UNSPECIFIED;
}

DuplicateKind FromProto(v1::DuplicateKind kind) {
  switch (kind) {
    case v1::DUPLICATE_KIND_EXACT:
      return DuplicateKind::kExact;
    case v1::DUPLICATE_KIND_NEAR:
      return DuplicateKind::kNear;
    default:
      return DuplicateKind::kUnique;
  }
}

void ToProto(const DedupVerdict& verdict, v1::DuplicateVerdict* out) {
  out->Clear();
  out->set_kind(ToProto(verdict.kind));
  out->set_duplicate_of(verdict.duplicate_of);
  out->set_cluster_id(verdict.cluster_id);
  out->set_similarity(verdict.similarity);
  for (const RepeatedBlock& block : verdict.repeated_blocks) {
    v1::RepeatedBlock* repeated = out->add_repeated_blocks();
    repeated->set_begin(block.begin);
    repeated->set_end(block.end);
    repeated->set_first_begin(block.first_begin);
    repeated->set_cross_document(block.cross_document);
    repeated->set_first_document_id(block.first_document_id);
  }
  if (verdict.sequence >= 0) out->set_sequence(verdict.sequence);
  if (verdict.duplicate_of_sequence >= 0) {
    out->set_duplicate_of_sequence(verdict.duplicate_of_sequence);
  }
}

DedupVerdict FromProto(const v1::DuplicateVerdict& verdict) {
  DedupVerdict out;
  out.kind = FromProto(verdict.kind());
  out.duplicate_of = verdict.duplicate_of();
  out.cluster_id = verdict.cluster_id();
  out.similarity = verdict.similarity();
  for (const v1::RepeatedBlock& block : verdict.repeated_blocks()) {
    RepeatedBlock& repeated = out.repeated_blocks.emplace_back();
    repeated.begin = block.begin();
    repeated.end = block.end();
    repeated.first_begin = block.first_begin();
    repeated.cross_document = block.cross_document();
    repeated.first_document_id = block.first_document_id();
  }
  out.sequence = verdict.has_sequence() ? verdict.sequence() : -1;
  out.duplicate_of_sequence = verdict.has_duplicate_of_sequence()
                                  ? verdict.duplicate_of_sequence()
                                  : -1;
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<DedupStage>> DedupStage::Create(
    DedupOptions options) {
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<Deduplicator> deduplicator,
                           Deduplicator::Create(std::move(options)));
  return std::unique_ptr<DedupStage>(new DedupStage(std::move(deduplicator)));
}

absl::Status DedupStage::Process(const v1::StageRequest& request,
                                 v1::DocumentResult* result) {
  GLEANER_ASSIGN_OR_RETURN(
      text::CleanedText cleaned,
      text::CleanDocument(request.document().content(),
                          text::CleanOptionsFor(request.document())));
  GLEANER_ASSIGN_OR_RETURN(DedupVerdict verdict,
                           deduplicator_->Process(result->id(), cleaned.text));
  ToProto(verdict, result->mutable_duplicate());
  return absl::OkStatus();
}

absl::Status DedupStage::Commit(const std::string& document_id,
                               const v1::DuplicateVerdict& merged) {
  if (document_id.empty()) {
    return absl::InvalidArgumentError("CommitRequest.document_id is empty");
  }
  return deduplicator_->RecordMergedVerdict(document_id, FromProto(merged));
}

v1::DocumentResult MergeShardResults(
    std::vector<v1::DocumentResult> shard_results) {
  std::vector<DedupVerdict> verdicts;
  verdicts.reserve(shard_results.size());
  for (const v1::DocumentResult& result : shard_results) {
    verdicts.push_back(FromProto(result.duplicate()));
  }
  v1::DocumentResult merged = std::move(shard_results.front());
  // Errors of the other shards (the first one's are already in `merged`).
  for (size_t i = 1; i < shard_results.size(); ++i) {
    for (const v1::StageError& error : shard_results[i].errors()) {
      *merged.add_errors() = error;
    }
  }
  ToProto(MergeShardVerdicts(verdicts), merged.mutable_duplicate());
  return merged;
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
