// The gRPC adapter every worker uses: a Process stream that hands each
// request to a StageProcessor and writes the result back, in order.
//
//   StageService<v1::Dedup> service(processor.get(), v1::STAGE_DEDUP);
//   RunServerUntilSignalled(options, {&service});
//
// The sync API keeps the adapter short: gRPC's thread pool gives every open
// stream its own thread, and a stream is processed strictly in order, which
// the dedup worker relies on.
#ifndef GLEANER_SERVICES_COMMON_STAGE_SERVICE_H_
#define GLEANER_SERVICES_COMMON_STAGE_SERVICE_H_

#include "grpcpp/grpcpp.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "services/common/stage_processor.h"

namespace gleaner {

// `GeneratedService` is a generated service class (v1::Dedup, v1::Sentence,
// v1::Extract, v1::Aggregator) whose Process method streams StageRequest to
// StageResponse. Thread-safe; not copyable.
template <typename GeneratedService>
class StageService : public GeneratedService::Service {
 public:
  // `processor` is not owned and must outlive the service.
  StageService(StageProcessor* processor, v1::Stage stage)
      : processor_(processor), stage_(stage) {}

  grpc::Status Process(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::StageResponse, v1::StageRequest>* stream)
      override {
    v1::StageRequest request;
    while (stream->Read(&request)) {
      if (request.result().id().empty()) {
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "StageRequest.result.id is empty");
      }
      v1::StageResponse response;
      *response.mutable_result() = RunStage(*processor_, stage_, request);
      if (!stream->Write(response)) break;  // client went away
      if (context->IsCancelled()) break;
    }
    if (context->IsCancelled()) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "stream cancelled");
    }
    return grpc::Status::OK;
  }

 private:
  StageProcessor* const processor_;
  const v1::Stage stage_;
};

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_STAGE_SERVICE_H_
