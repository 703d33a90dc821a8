// The --port flag every worker server takes.
#include "absl/flags/flag.h"

ABSL_FLAG(int, port, 0, "Port to listen on (0 picks a free one).");
