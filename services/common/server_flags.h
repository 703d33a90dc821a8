// The flags every Gleaner server shares: the address it listens on, the
// port of its metrics endpoint, how long its connections live and how it
// drains.
//
//   ServerRunnerOptions options;
//   ApplyServerFlags(&options);
//   options.port = absl::GetFlag(FLAGS_port);
//
// Defined once here so that the five servers cannot drift apart; each main
// calls ApplyServerFlags (flags are read only in main).
#ifndef GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_
#define GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_

#include <string>

#include "absl/flags/declare.h"
#include "absl/time/time.h"
#include "services/common/server_runner.h"

ABSL_DECLARE_FLAG(std::string, listen);
ABSL_DECLARE_FLAG(absl::Duration, max_connection_age);
ABSL_DECLARE_FLAG(absl::Duration, max_connection_age_grace);
ABSL_DECLARE_FLAG(absl::Duration, drain_delay);
ABSL_DECLARE_FLAG(int, metrics_port);

namespace gleaner {

// Copies the shared flags into `options`.
void ApplyServerFlags(ServerRunnerOptions* options);

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_
