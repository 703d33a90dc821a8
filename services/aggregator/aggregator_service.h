// The Aggregator's gRPC adapter: the common stage stream plus GetView.
#ifndef GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_SERVICE_H_
#define GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_SERVICE_H_

#include "proto/gleaner/v1/aggregator_service.grpc.pb.h"
#include "services/aggregator/aggregator.h"
#include "services/common/grpc_status.h"
#include "services/common/stage_service.h"

namespace gleaner {
namespace aggregator {

// Thread-safe; not copyable.
class AggregatorService : public StageService<v1::Aggregator> {
 public:
  // `aggregator` is not owned and must outlive the service.
  explicit AggregatorService(Aggregator* aggregator)
      : StageService<v1::Aggregator>(aggregator, v1::STAGE_AGGREGATE),
        aggregator_(aggregator) {}

  grpc::Status GetView(grpc::ServerContext* /*context*/,
                       const v1::GetViewRequest* request,
                       v1::CorpusView* response) override {
    absl::StatusOr<v1::CorpusView> view = aggregator_->GetView(*request);
    if (!view.ok()) return ToGrpcStatus(view.status());
    *response = *std::move(view);
    return grpc::Status::OK;
  }

  grpc::Status ListEntityDocuments(
      grpc::ServerContext* /*context*/,
      const v1::EntityDocumentsRequest* request,
      v1::EntityDocumentsResponse* response) override {
    absl::StatusOr<v1::EntityDocumentsResponse> documents =
        aggregator_->ListEntityDocuments(*request);
    if (!documents.ok()) return ToGrpcStatus(documents.status());
    *response = *std::move(documents);
    return grpc::Status::OK;
  }

 private:
  Aggregator* const aggregator_;
};

}  // namespace aggregator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_AGGREGATOR_AGGREGATOR_SERVICE_H_
