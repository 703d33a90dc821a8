// The aggregator server: aggregator_server --port=7004
//     --store=sqlite:/var/lib/gleaner/store.db   (or postgresql:CONNINFO)
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "services/aggregator/aggregator.h"
#include "services/aggregator/aggregator_service.h"
#include "services/common/event_log.h"
#include "services/common/security_flags.h"
#include "services/common/server_flags.h"
#include "services/common/server_runner.h"

ABSL_FLAG(int, port, 7004, "Port to listen on (0 picks a free one).");
ABSL_FLAG(int, max_amounts_per_entity, 1000,
          "Money amounts listed per entity and document (totals stay exact).");
ABSL_FLAG(std::string, store, "sqlite:gleaner_store.db",
          "Where results and views are kept: sqlite:PATH (WAL mode; "
          "append ?synchronous=full to survive power loss too, not only "
          "crashes) or postgresql:CONNINFO (a libpq connection string, for "
          "a store shared by several aggregators). See docs/store.md.");

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  gleaner::aggregator::AggregatorOptions options;
  options.digest.max_amounts_per_entity =
      absl::GetFlag(FLAGS_max_amounts_per_entity);
  options.store = absl::GetFlag(FLAGS_store);
  absl::StatusOr<std::unique_ptr<gleaner::aggregator::Aggregator>> aggregator =
      gleaner::aggregator::Aggregator::Create(options);
  if (!aggregator.ok()) {
    gleaner::LogServerFailed("gleaner.v1.Aggregator", aggregator.status());
    return 1;
  }
  gleaner::aggregator::AggregatorService service(aggregator->get());
  gleaner::ServerRunnerOptions server_options;
  gleaner::ApplyServerFlags(&server_options);
  server_options.port = absl::GetFlag(FLAGS_port);
  server_options.name = "gleaner.v1.Aggregator";
  // Internal service: only the coordinator's certificate gets in.
  if (absl::Status security = gleaner::ApplySecurityFlags(
          gleaner::ClientCertificates::kRequire, &server_options);
      !security.ok()) {
    gleaner::LogServerFailed(server_options.name, security);
    return 2;
  }
  absl::Status status =
      gleaner::RunServerUntilSignalled(server_options, {&service});
  if (!status.ok()) {
    gleaner::LogServerFailed(server_options.name, status);
    return 1;
  }
  return 0;
}
