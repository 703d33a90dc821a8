// A throwaway PostgreSQL server for tests: a fresh cluster (initdb) in a
// temporary directory, started with pg_ctl on a free loopback port, stopped
// and deleted on destruction. Run as root, the server runs as the
// `postgres` user (PostgreSQL refuses root). The binaries are Debian's
// (/usr/lib/postgresql/*/bin), or $GLEANER_PG_BIN.
//
//   GLEANER_ASSIGN_OR_RETURN(auto server, PostgresTestServer::Start());
//   OpenDatabase(server->url());
#ifndef GLEANER_SERVICES_STORE_POSTGRES_TEST_SERVER_H_
#define GLEANER_SERVICES_STORE_POSTGRES_TEST_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace gleaner {
namespace store {

class PostgresTestServer {
 public:
  // kUnavailable with the reason (no binaries, initdb or start failed).
  static absl::StatusOr<std::unique_ptr<PostgresTestServer>> Start();
  ~PostgresTestServer();
  PostgresTestServer(const PostgresTestServer&) = delete;
  PostgresTestServer& operator=(const PostgresTestServer&) = delete;

  int port() const { return port_; }
  // "postgresql:host=127.0.0.1 port=N user=postgres dbname=postgres".
  std::string url() const;
  // Stops the server with the given pg_ctl mode ("immediate" is a crash).
  absl::Status Stop(const std::string& mode = "fast");
  // Starts it again on the same port and data.
  absl::Status Restart();

 private:
  PostgresTestServer() = default;
  std::string bin_, dir_, as_user_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace store
}  // namespace gleaner

#endif  // GLEANER_SERVICES_STORE_POSTGRES_TEST_SERVER_H_
