// The gRPC adapter every worker uses: a unary Process call that hands the
// request's result to a StageProcessor and answers with its delta.
//
//   StageService<v1::Dedup> service(processor.get(), v1::STAGE_DEDUP);
//   RunServerUntilSignalled(options, {&service});
//
// The sync API keeps the adapter short: gRPC's thread pool runs calls
// concurrently. The coordinator sends one dedup call at a time per shard,
// in submission order, which the dedup worker relies on.
#ifndef GLEANER_SERVICES_COMMON_STAGE_SERVICE_H_
#define GLEANER_SERVICES_COMMON_STAGE_SERVICE_H_

#include "grpcpp/grpcpp.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/common/event_log.h"
#include "services/common/stage_metrics.h"
#include "services/common/stage_processor.h"

namespace gleaner {

// `GeneratedService` is a generated service class (v1::Dedup, v1::Sentence,
// v1::Extract, v1::Aggregator) whose unary Process method takes a
// StageRequest to a StageResponse. Thread-safe; not copyable.
template <typename GeneratedService>
class StageService : public GeneratedService::Service {
 public:
  // `processor` is not owned and must outlive the service.
  StageService(StageProcessor* processor, v1::Stage stage)
      : processor_(processor), stage_(stage), metrics_(stage) {}

  grpc::Status Process(grpc::ServerContext* /*context*/,
                       const v1::StageRequest* request,
                       v1::StageResponse* response) override {
    if (request->result().id().empty()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "StageRequest.result.id is empty");
    }
    // The text travels beside the result (see StageRequest.text). gRPC's
    // sync handler owns the request object for the call and declared it
    // non-const, so moving the text into place is safe and copies nothing.
    auto* owned = const_cast<v1::StageRequest*>(request);
    if (!owned->text().empty()) {
      owned->mutable_result()->mutable_text()->swap(*owned->mutable_text());
    }
    StageMetrics::Call call = metrics_.Start(request->result().text().size());
    *response = RunStage(*processor_, stage_,
                         {request->job_id(), request->result()});
    call.Finish(*response);
    if (response->has_error()) {
      LogEvent(LogLevel::kError, "document_failed",
               {{"job_id", request->job_id()},
                {"document_id", request->result().id()},
                {"stage", StageLabel(stage_)},
                {"code", response->error().code()},
                {"message", response->error().message()}});
    }
    return grpc::Status::OK;
  }

 private:
  StageProcessor* const processor_;
  const v1::Stage stage_;
  StageMetrics metrics_;
};

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_STAGE_SERVICE_H_
