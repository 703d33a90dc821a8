// Serves a metrics registry over plain HTTP with GNU libmicrohttpd:
//   GET /metrics  the registry in the Prometheus text format 0.0.4
//   GET /healthz  "ok" (200) while `healthy()` says so, else 503
// Anything else is 404 (unknown path) or 405 (not GET/HEAD).
//
//   HttpExporterOptions options;
//   options.host = "127.0.0.1";
//   options.port = 9000;            // 0 picks a free port
//   GLEANER_ASSIGN_OR_RETURN(auto exporter, HttpExporter::Start(options));
//   ... exporter->port() ...
//
// Plaintext by design: it serves counters, never documents, and binds the
// same address as the server's gRPC port (--listen), so it is reachable from
// exactly where the server is (see docs/operations.md).
#ifndef GLEANER_SERVICES_METRICS_HTTP_EXPORTER_H_
#define GLEANER_SERVICES_METRICS_HTTP_EXPORTER_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "services/metrics/metrics.h"

struct MHD_Daemon;

namespace gleaner {
namespace metrics {

struct HttpExporterOptions {
  // Numeric address to bind ("127.0.0.1", "0.0.0.0", "::1"); "localhost"
  // also works (resolved once).
  std::string host = "127.0.0.1";
  // Port to bind; 0 picks a free one.
  int port = 0;
  // The registry served (not owned; must outlive the exporter).
  const Registry* registry = &DefaultRegistry();
  // Answers /healthz; empty means always healthy.
  std::function<bool()> healthy;
};

// A running HTTP endpoint, served from libmicrohttpd's own thread. Thread-
// safe; not copyable. Stops serving when destroyed.
class HttpExporter {
 public:
  // Binds and starts serving. kInvalidArgument for a bad host or port,
  // kUnavailable if the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<HttpExporter>> Start(
      HttpExporterOptions options);

  HttpExporter(const HttpExporter&) = delete;
  HttpExporter& operator=(const HttpExporter&) = delete;
  ~HttpExporter();

  // The bound port.
  int port() const { return port_; }

  // Answers one request: the HTTP status and body for `method` and `path`.
  // Public for the daemon's C callback.
  struct Reply {
    unsigned int status;
    std::string content_type;
    std::string body;
  };
  Reply Answer(const std::string& method, const std::string& path) const;

 private:
  explicit HttpExporter(HttpExporterOptions options)
      : options_(std::move(options)) {}

  const HttpExporterOptions options_;
  MHD_Daemon* daemon_ = nullptr;
  int port_ = 0;
};

}  // namespace metrics
}  // namespace gleaner

#endif  // GLEANER_SERVICES_METRICS_HTTP_EXPORTER_H_
