// The Dedup worker's gRPC adapter: the common stage stream plus Commit.
#ifndef GLEANER_WORKERS_DEDUP_DEDUP_SERVICE_H_
#define GLEANER_WORKERS_DEDUP_DEDUP_SERVICE_H_

#include "proto/gleaner/v1/dedup_service.grpc.pb.h"
#include "services/common/grpc_status.h"
#include "services/common/stage_service.h"
#include "workers/dedup/dedup_stage.h"

namespace gleaner {
namespace workers {
namespace dedup {

// Thread-safe; not copyable.
class DedupService : public StageService<v1::Dedup> {
 public:
  // `stage` is not owned and must outlive the service.
  explicit DedupService(DedupStage* stage)
      : StageService<v1::Dedup>(stage, v1::STAGE_DEDUP), stage_(stage) {}

  grpc::Status Commit(grpc::ServerContext* /*context*/,
                      const v1::CommitRequest* request,
                      v1::CommitResponse* /*response*/) override {
    return ToGrpcStatus(
        stage_->Commit(request->document_id(), request->verdict()));
  }

 private:
  DedupStage* const stage_;
};

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_DEDUP_DEDUP_SERVICE_H_
