// The Dedup worker's gRPC adapter: the common stage stream plus Commit.
#ifndef GLEANER_WORKERS_DEDUP_DEDUP_SERVICE_H_
#define GLEANER_WORKERS_DEDUP_DEDUP_SERVICE_H_

#include "proto/gleaner/v1/dedup_service.grpc.pb.h"
#include "services/common/grpc_status.h"
#include "services/common/stage_service.h"
#include "services/metrics/metrics.h"
#include "workers/dedup/dedup_stage.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Thread-safe; not copyable. Keeps the index-size gauges
// gleaner_dedup_index_documents and gleaner_dedup_index_memory_bytes
// current (docs/operations.md).
class DedupService : public StageService<v1::Dedup> {
 public:
  // `stage` is not owned and must outlive the service.
  explicit DedupService(DedupStage* stage)
      : StageService<v1::Dedup>(stage, v1::STAGE_DEDUP),
        stage_(stage),
        index_documents_(metrics::DefaultRegistry()
                             .AddGauge("gleaner_dedup_index_documents",
                                       "Documents in this shard's index.")
                             .WithLabels({})),
        index_bytes_(metrics::DefaultRegistry()
                         .AddGauge("gleaner_dedup_index_memory_bytes",
                                   "Approximate bytes this shard's index "
                                   "holds in memory.")
                         .WithLabels({})) {
    UpdateIndexSize();  // a reopened index is not empty
  }

  grpc::Status Process(grpc::ServerContext* context,
                       const v1::StageRequest* request,
                       v1::StageResponse* response) override {
    grpc::Status status =
        StageService<v1::Dedup>::Process(context, request, response);
    UpdateIndexSize();
    return status;
  }

  grpc::Status Commit(grpc::ServerContext* /*context*/,
                      const v1::CommitRequest* request,
                      v1::CommitResponse* /*response*/) override {
    const absl::Status status =
        stage_->Commit(request->document_id(), request->verdict());
    UpdateIndexSize();  // a committed verdict may add to the index
    return ToGrpcStatus(status);
  }

 private:
  void UpdateIndexSize() {
    index_documents_.Set(stage_->indexed_documents());
    index_bytes_.Set(stage_->index_memory_bytes());
  }

  DedupStage* const stage_;
  metrics::Gauge& index_documents_;
  metrics::Gauge& index_bytes_;
};

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_DEDUP_SERVICE_H_
