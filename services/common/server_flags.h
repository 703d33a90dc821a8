// The flags every Gleaner server shares: the address it listens on and
// the port of its metrics endpoint.
//
//   options.host = absl::GetFlag(FLAGS_listen);
//   options.metrics_port = absl::GetFlag(FLAGS_metrics_port);
//
// Defined once here so that the five servers cannot drift apart; each main
// reads it into ServerRunnerOptions (flags are read only in main).
#ifndef GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_
#define GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_

#include <string>

#include "absl/flags/declare.h"

ABSL_DECLARE_FLAG(std::string, listen);
ABSL_DECLARE_FLAG(int, metrics_port);

#endif  // GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_
