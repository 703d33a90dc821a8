// The flag every Gleaner server shares: the address it listens on.
//
//   options.host = absl::GetFlag(FLAGS_listen);
//
// Defined once here so that the five servers cannot drift apart; each main
// reads it into ServerRunnerOptions (flags are read only in main).
#ifndef GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_
#define GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_

#include <string>

#include "absl/flags/declare.h"

ABSL_DECLARE_FLAG(std::string, listen);

#endif  // GLEANER_SERVICES_COMMON_SERVER_FLAGS_H_
