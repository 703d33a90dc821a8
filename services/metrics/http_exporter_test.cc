#include "services/metrics/http_exporter.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace metrics {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// One HTTP/1.0 request over a real TCP connection; returns the whole
// response (status line, headers and body), or "" if the connection failed.
std::string Fetch(int port, const std::string& method,
                  const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  std::string response;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) ==
      0) {
    const std::string request = method + " " + path +
                                " HTTP/1.0\r\nHost: localhost\r\n\r\n";
    if (write(fd, request.data(), request.size()) ==
        static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      ssize_t n;
      while ((n = read(fd, buffer, sizeof(buffer))) > 0) {
        response.append(buffer, n);
      }
    }
  }
  close(fd);
  return response;
}

TEST(HttpExporter, ServesTheRegistryOnMetrics) {
  Registry registry;
  Counter& counter =
      registry.AddCounter("served_total", "help", {"k"}).WithLabels({"v"});
  counter.Increment(41);
  HttpExporterOptions options;
  options.registry = &registry;
  auto exporter = HttpExporter::Start(options);
  ASSERT_TRUE(exporter.ok()) << exporter.status();
  ASSERT_GT((*exporter)->port(), 0);

  counter.Increment();  // the scrape sees the registry as it is now
  const std::string response = Fetch((*exporter)->port(), "GET", "/metrics");
  EXPECT_THAT(response, StartsWith("HTTP/1.1 200")) << response;
  EXPECT_THAT(response,
              HasSubstr("Content-Type: text/plain; version=0.0.4"));
  EXPECT_THAT(response, HasSubstr("\r\n\r\n# HELP served_total help\n"));
  EXPECT_THAT(response, HasSubstr("served_total{k=\"v\"} 42\n"));
}

TEST(HttpExporter, HealthzFollowsTheCallback) {
  Registry registry;
  std::atomic<bool> healthy{true};
  HttpExporterOptions options;
  options.registry = &registry;
  options.healthy = [&healthy] { return healthy.load(); };
  auto exporter = HttpExporter::Start(options);
  ASSERT_TRUE(exporter.ok()) << exporter.status();
  EXPECT_THAT(Fetch((*exporter)->port(), "GET", "/healthz"),
              StartsWith("HTTP/1.1 200"));
  healthy = false;
  EXPECT_THAT(Fetch((*exporter)->port(), "GET", "/healthz"),
              StartsWith("HTTP/1.1 503"));
}

TEST(HttpExporter, UnknownPathAndMethodAreRefused) {
  Registry registry;
  HttpExporterOptions options;
  options.registry = &registry;
  auto exporter = HttpExporter::Start(options);
  ASSERT_TRUE(exporter.ok()) << exporter.status();
  EXPECT_THAT(Fetch((*exporter)->port(), "GET", "/nothing"),
              StartsWith("HTTP/1.1 404"));
  const std::string post = Fetch((*exporter)->port(), "POST", "/metrics");
  EXPECT_THAT(post, StartsWith("HTTP/1.1 405"));
  EXPECT_THAT(post, HasSubstr("Allow: GET, HEAD"));
}

TEST(HttpExporter, BusyPortIsUnavailableAndBadAddressInvalid) {
  Registry registry;
  HttpExporterOptions options;
  options.registry = &registry;
  auto first = HttpExporter::Start(options);
  ASSERT_TRUE(first.ok()) << first.status();
  options.port = (*first)->port();
  auto second = HttpExporter::Start(options);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable)
      << second.status();

  options.port = 0;
  options.host = "not an address";
  EXPECT_EQ(HttpExporter::Start(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.host = "127.0.0.1";
  options.port = 70000;
  EXPECT_EQ(HttpExporter::Start(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace metrics
}  // namespace gleaner
