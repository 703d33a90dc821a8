// One serialisation of a document's result for the two messages that carry
// it whole in distributed mode: the request to the aggregator and the
// client's SubmitResponse. The result is serialised once, without its text,
// on the way to the aggregator; the client's message is then that string
// with the aggregator's completed stage and the text appended, which parses
// to the same DocumentResult (protobuf concatenates a repeated field's
// records and takes fields in any order). Before, the coordinator
// serialised each result twice, the second time under the stream's write
// lock.
//
//   std::string wire = SerializeWithoutText(result, text.size());  // text aside
//   SetStageRequestResult(wire, &request);             // to the aggregator
//   AppendCompletedStage(v1::STAGE_AGGREGATE, &wire);  // a clean answer
//   SetSubmitResult(std::move(wire), result.text(), &response);
//
// The serialised fields are kept as the message's unknown fields, which
// protobuf writes out verbatim: gRPC sends them without a second pass.
#ifndef GLEANER_SERVICES_COORDINATOR_RESULT_WIRE_H_
#define GLEANER_SERVICES_COORDINATOR_RESULT_WIRE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/coordinator_service.pb.h"
#include "proto/gleaner/v1/stage.pb.h"

namespace gleaner {
namespace coordinator {

// `result` serialised; its text must already be empty (moved aside), so the
// string holds every other field. `text_size` (the text's) reserves room
// for SetSubmitResult to append it without moving the string.
std::string SerializeWithoutText(const v1::DocumentResult& result,
                                 size_t text_size);

// Appends one completed stage to a serialised result, as
// DocumentResult::add_completed_stages would have before serialising.
void AppendCompletedStage(v1::Stage stage, std::string* wire);

// Makes `wire` the request's `result` (StageRequest.result, field 3). The
// request's own `result` must be unset.
void SetStageRequestResult(std::string wire, v1::StageRequest* request);

// Takes the serialised result back out of a request built by
// SetStageRequestResult (for reuse once the call is over); "" when none.
std::string TakeStageRequestResult(v1::StageRequest* request);

// Makes `wire` plus `text` (as DocumentResult.text) the response's `result`.
// `response` must be empty.
void SetSubmitResult(std::string wire, absl::string_view text,
                     v1::SubmitResponse* response);

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_RESULT_WIRE_H_
