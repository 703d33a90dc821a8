#include "services/common/server_flags.h"

#include "absl/flags/flag.h"

// Loopback by default: a server is reachable from other hosts only when its
// operator says so (the Kubernetes manifests and the compose file pass
// --listen=0.0.0.0 inside their pods and containers).
ABSL_FLAG(std::string, listen, "127.0.0.1",
          "Address to listen on: 127.0.0.1 (this host only), 0.0.0.0 (every "
          "interface) or one interface's address.");

// Off unless asked for, like a second listening port should be: several
// servers on one host (tests, a laptop) would otherwise fight over one
// default port. The manifests and the compose file turn it on.
ABSL_FLAG(int, metrics_port, -1,
          "Port of the HTTP endpoint serving Prometheus metrics (/metrics) "
          "and /healthz, on the --listen address; 0 picks a free one, -1 "
          "(default) serves none.");
