#include "services/common/server_flags.h"

#include "absl/flags/flag.h"

// Loopback by default: a server is reachable from other hosts only when its
// operator says so (the Kubernetes manifests and the compose file pass
// --listen=0.0.0.0 inside their pods and containers).
ABSL_FLAG(std::string, listen, "127.0.0.1",
          "Address to listen on: 127.0.0.1 (this host only), 0.0.0.0 (every "
          "interface) or one interface's address.");
