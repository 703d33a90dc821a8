// The aggregator server: gleaner_aggregator --port=7004
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "services/aggregator/aggregator.h"
#include "services/aggregator/aggregator_service.h"
#include "services/common/server_flags.h"
#include "services/common/server_runner.h"

ABSL_FLAG(int, port, 7004, "Port to listen on (0 picks a free one).");
ABSL_FLAG(int, max_amounts_per_entity, 1000,
          "Money amounts kept per entity and job.");

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  gleaner::aggregator::AggregatorOptions options;
  options.max_amounts_per_entity = absl::GetFlag(FLAGS_max_amounts_per_entity);
  gleaner::aggregator::Aggregator aggregator(options);
  gleaner::aggregator::AggregatorService service(&aggregator);
  gleaner::ServerRunnerOptions server_options;
  gleaner::ApplyServerFlags(&server_options);
  server_options.port = absl::GetFlag(FLAGS_port);
  server_options.name = "gleaner.v1.Aggregator";
  absl::Status status =
      gleaner::RunServerUntilSignalled(server_options, {&service});
  if (!status.ok()) {
    std::cerr << status << std::endl;
    return 1;
  }
  return 0;
}
