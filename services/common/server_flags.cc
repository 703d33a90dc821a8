#include "services/common/server_flags.h"

#include "absl/flags/flag.h"

// Loopback by default: a server is reachable from other hosts only when its
// operator says so (the Kubernetes manifests and the compose file pass
// --listen=0.0.0.0 inside their pods and containers).
ABSL_FLAG(std::string, listen, "127.0.0.1",
          "Address to listen on: 127.0.0.1 (this host only), 0.0.0.0 (every "
          "interface) or one interface's address.");
ABSL_FLAG(absl::Duration, max_connection_age,
          gleaner::ServerRunnerOptions().max_connection_age,
          "Close client connections older than this (+/-10% jitter), so that "
          "clients rebalance over new replicas.");
ABSL_FLAG(absl::Duration, max_connection_age_grace,
          gleaner::ServerRunnerOptions().max_connection_age_grace,
          "Time calls on a connection closed for its age get to finish.");
ABSL_FLAG(absl::Duration, drain_delay,
          gleaner::ServerRunnerOptions().drain_delay,
          "After SIGTERM, report NOT_SERVING and keep answering this long "
          "before refusing new calls.");

// Off unless asked for, like a second listening port should be: several
// servers on one host (tests, a laptop) would otherwise fight over one
// default port. The manifests and the compose file turn it on.
ABSL_FLAG(int, metrics_port, -1,
          "Port of the HTTP endpoint serving Prometheus metrics (/metrics) "
          "and /healthz, on the --listen address; 0 picks a free one, -1 "
          "(default) serves none.");

namespace gleaner {

void ApplyServerFlags(ServerRunnerOptions* options) {
  options->host = absl::GetFlag(FLAGS_listen);
  options->max_connection_age = absl::GetFlag(FLAGS_max_connection_age);
  options->max_connection_age_grace =
      absl::GetFlag(FLAGS_max_connection_age_grace);
  options->drain_delay = absl::GetFlag(FLAGS_drain_delay);
  options->metrics_port = absl::GetFlag(FLAGS_metrics_port);
}

}  // namespace gleaner
