#include "services/metrics/http_exporter.h"

#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstring>

#include "absl/strings/str_cat.h"

namespace gleaner {
namespace metrics {
namespace {

constexpr char kExpositionType[] = "text/plain; version=0.0.4; charset=utf-8";
constexpr char kPlainType[] = "text/plain; charset=utf-8";
// A client that sends nothing for this long is dropped, so a stuck scraper
// cannot hold connections open.
constexpr unsigned int kConnectionTimeoutSeconds = 10;

MHD_Result HandleRequest(void* cls, MHD_Connection* connection,
                         const char* url, const char* method,
                         const char* /*version*/, const char* /*upload_data*/,
                         size_t* upload_data_size, void** /*con_cls*/) {
  const auto* exporter = static_cast<const HttpExporter*>(cls);
  // A body (if any) is ignored: every path is answered at once.
  *upload_data_size = 0;
  HttpExporter::Reply reply = exporter->Answer(method, url);
  MHD_Response* response = MHD_create_response_from_buffer(
      reply.body.size(), reply.body.data(), MHD_RESPMEM_MUST_COPY);
  if (response == nullptr) return MHD_NO;
  MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE,
                          reply.content_type.c_str());
  if (reply.status == MHD_HTTP_METHOD_NOT_ALLOWED) {
    MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
  }
  MHD_Result queued = MHD_queue_response(connection, reply.status, response);
  MHD_destroy_response(response);
  return queued;
}

// Resolves `host` (numeric or a name such as "localhost") for binding.
absl::StatusOr<sockaddr_storage> BindAddress(const std::string& host,
                                             int port, socklen_t* length) {
  if (port < 0 || port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("metrics port ", port,
                                                   " is not in 0..65535"));
  }
  addrinfo hints;
  std::memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = absl::StrCat(port);
  const int error = getaddrinfo(host.c_str(), service.c_str(), &hints, &found);
  if (error != 0 || found == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "metrics address '", host, "': ", gai_strerror(error)));
  }
  sockaddr_storage address;
  std::memset(&address, 0, sizeof(address));
  std::memcpy(&address, found->ai_addr, found->ai_addrlen);
  *length = found->ai_addrlen;
  freeaddrinfo(found);
  return address;
}

}  // namespace

absl::StatusOr<std::unique_ptr<HttpExporter>> HttpExporter::Start(
    HttpExporterOptions options) {
  socklen_t length = 0;
  absl::StatusOr<sockaddr_storage> address =
      BindAddress(options.host, options.port, &length);
  if (!address.ok()) return address.status();
  std::unique_ptr<HttpExporter> exporter(new HttpExporter(std::move(options)));
  unsigned int flags = MHD_USE_AUTO_INTERNAL_THREAD;
  if (address->ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  exporter->daemon_ = MHD_start_daemon(
      flags, /*port=*/0, /*apc=*/nullptr, /*apc_cls=*/nullptr, &HandleRequest,
      exporter.get(), MHD_OPTION_SOCK_ADDR,
      reinterpret_cast<const sockaddr*>(&*address),
      MHD_OPTION_CONNECTION_TIMEOUT, kConnectionTimeoutSeconds,
      MHD_OPTION_END);
  if (exporter->daemon_ == nullptr) {
    return absl::UnavailableError(
        absl::StrCat("metrics: cannot listen on ", exporter->options_.host,
                     ":", exporter->options_.port));
  }
  const MHD_DaemonInfo* info =
      MHD_get_daemon_info(exporter->daemon_, MHD_DAEMON_INFO_BIND_PORT);
  exporter->port_ = info != nullptr ? info->port : 0;
  if (exporter->port_ == 0) {
    return absl::InternalError("metrics: libmicrohttpd reports no bound port");
  }
  return exporter;
}

HttpExporter::~HttpExporter() {
  if (daemon_ != nullptr) MHD_stop_daemon(daemon_);
}

HttpExporter::Reply HttpExporter::Answer(const std::string& method,
                                         const std::string& path) const {
  if (method != "GET" && method != "HEAD") {
    return {MHD_HTTP_METHOD_NOT_ALLOWED, kPlainType, "only GET and HEAD\n"};
  }
  if (path == "/metrics") {
    return {MHD_HTTP_OK, kExpositionType, options_.registry->TextExposition()};
  }
  if (path == "/healthz") {
    if (!options_.healthy || options_.healthy()) {
      return {MHD_HTTP_OK, kPlainType, "ok\n"};
    }
    return {MHD_HTTP_SERVICE_UNAVAILABLE, kPlainType, "not serving\n"};
  }
  return {MHD_HTTP_NOT_FOUND, kPlainType, "not found: try /metrics\n"};
}

}  // namespace metrics
}  // namespace gleaner
