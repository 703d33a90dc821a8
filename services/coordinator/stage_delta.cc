#include "services/coordinator/stage_delta.h"

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/common/stage_processor.h"
#include "services/common/status_macros.h"

namespace gleaner {
namespace coordinator {
namespace {

v1::StageResponse::DeltaCase ExpectedDelta(v1::Stage stage) {
  switch (stage) {
    case v1::STAGE_DEDUP:
      return v1::StageResponse::kDuplicate;
    case v1::STAGE_SENTENCE:
      return v1::StageResponse::kSentence;
    case v1::STAGE_EXTRACT:
      return v1::StageResponse::kExtract;
    default:
      return v1::StageResponse::DELTA_NOT_SET;
  }
}

absl::Status CheckSpan(uint32_t begin, uint32_t end, size_t size,
                       const char* what) {
  if (begin <= end && end <= size) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(what, " [", begin, ", ", end,
                                          ") is outside the text of ", size,
                                          " bytes"));
}

// A stage's spans must point into the text it was given.
absl::Status CheckSpans(const v1::StageResponse& response, size_t size) {
  for (const v1::RepeatedBlock& b : response.duplicate().repeated_blocks()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(b.begin(), b.end(), size, "block"));
    GLEANER_RETURN_IF_ERROR(
        CheckSpan(b.first_begin(), b.first_begin(), size, "first copy"));
  }
  for (const v1::SentenceSpan& s : response.sentence().sentences()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(s.begin(), s.end(), size, "sentence"));
  }
  for (const v1::Entity& e : response.extract().entities()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(e.begin(), e.end(), size, "entity"));
  }
  for (const v1::Amount& a : response.extract().amounts()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(a.begin(), a.end(), size, "amount"));
  }
  for (const v1::SentenceSpan& s : response.stored().sentences()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(s.begin(), s.end(), size, "sentence"));
  }
  for (const v1::Entity& e : response.stored().entities()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(e.begin(), e.end(), size, "entity"));
  }
  for (const v1::Amount& a : response.stored().amounts()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(a.begin(), a.end(), size, "amount"));
  }
  for (const v1::DateMention& d : response.extract().dates()) {
    GLEANER_RETURN_IF_ERROR(CheckSpan(d.begin(), d.end(), size, "date"));
  }
  const int amounts = response.extract().amounts_size();
  const int dates = response.extract().dates_size();
  for (const v1::AmountPeriod& p : response.extract().amount_periods()) {
    if (static_cast<int>(p.amount_index()) >= amounts ||
        static_cast<int>(p.date_index()) >= dates) {
      return absl::InternalError(absl::StrCat("amount period (", p.amount_index(), ", ",
                                              p.date_index(), ") names no amount or date"));
    }
  }
  const int entities = response.extract().entities_size();
  for (const v1::AmountAttribution& a : response.extract().attributions()) {
    bool ok = static_cast<int>(a.amount_index()) < amounts &&
              (!a.has_entity_index() || (a.entity_index() >= 0 && a.entity_index() < entities)) &&
              (!a.has_counterparty_index() ||
               (a.counterparty_index() >= 0 && a.counterparty_index() < entities));
    for (uint32_t c : a.conversions()) ok = ok && static_cast<int>(c) < amounts;
    if (!ok) {
      return absl::InternalError(absl::StrCat("attribution of amount ", a.amount_index(),
                                              " names no amount or entity"));
    }
    GLEANER_RETURN_IF_ERROR(CheckSpan(a.cue_begin(), a.cue_end(), size, "cue"));
  }
  return absl::OkStatus();
}

// An exact duplicate takes its original's results; it stays marked as a
// duplicate (skipped_as_duplicate, the verdict) and names the original.
void MergeStoredResults(v1::StoredResults stored, v1::DocumentResult* result) {
  result->mutable_results_from()->Swap(stored.mutable_origin());
  result->mutable_sentences()->Swap(stored.mutable_sentences());
  result->mutable_entities()->Swap(stored.mutable_entities());
  result->mutable_amounts()->Swap(stored.mutable_amounts());
  result->mutable_dates()->Swap(stored.mutable_dates());
  result->mutable_amount_periods()->Swap(stored.mutable_amount_periods());
  result->mutable_page()->Swap(stored.mutable_page());
  result->mutable_stories()->Swap(stored.mutable_stories());
}

}  // namespace

void MergeStageResponse(v1::Stage stage, v1::StageResponse response,
                        v1::DocumentResult* result) {
  if (response.has_error()) {
    result->add_errors()->Swap(response.mutable_error());
    return;
  }
  // The aggregator answers with status only, or with an exact duplicate's
  // stored results.
  const bool stored = stage == v1::STAGE_AGGREGATE &&
                      response.delta_case() == v1::StageResponse::kStored;
  if (response.delta_case() != ExpectedDelta(stage) && !stored) {
    AddStageError(stage,
                  absl::InternalError(absl::StrCat(
                      "the stage answered with delta case ",
                      response.delta_case(), ", expected ",
                      ExpectedDelta(stage))),
                  result);
    return;
  }
  absl::Status spans = CheckSpans(response, result->text().size());
  if (!spans.ok()) {
    AddStageError(stage, spans, result);
    return;
  }
  switch (response.delta_case()) {
    case v1::StageResponse::kDuplicate:
      result->mutable_duplicate()->Swap(response.mutable_duplicate());
      break;
    case v1::StageResponse::kSentence:
      result->mutable_sentences()->Swap(
          response.mutable_sentence()->mutable_sentences());
      break;
    case v1::StageResponse::kExtract:
      result->mutable_entities()->Swap(
          response.mutable_extract()->mutable_entities());
      result->mutable_amounts()->Swap(
          response.mutable_extract()->mutable_amounts());
      result->mutable_dates()->Swap(response.mutable_extract()->mutable_dates());
      result->mutable_amount_periods()->Swap(
          response.mutable_extract()->mutable_amount_periods());
      result->mutable_attributions()->Swap(
          response.mutable_extract()->mutable_attributions());
      break;
    case v1::StageResponse::kStored:
      MergeStoredResults(std::move(*response.mutable_stored()), result);
      break;
    case v1::StageResponse::DELTA_NOT_SET:
      break;
  }
  result->add_completed_stages(stage);
}

}  // namespace coordinator
}  // namespace gleaner
