#include "services/store/postgres_test_server.h"

#include <glob.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"

namespace gleaner {
namespace store {
namespace {

// The directory holding initdb and pg_ctl.
std::string FindBinaries() {
  if (const char* bin = std::getenv("GLEANER_PG_BIN")) return bin;
  glob_t found;
  std::string bin;
  if (glob("/usr/lib/postgresql/*/bin/initdb", 0, nullptr, &found) == 0 &&
      found.gl_pathc > 0) {
    bin = std::filesystem::path(found.gl_pathv[found.gl_pathc - 1])
              .parent_path()
              .string();
  }
  globfree(&found);
  return bin;
}

// A port the kernel just handed out; free again when this returns.
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof(address);
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

// From /tmp: the postgres user may not enter the test's working directory.
absl::Status Run(const std::string& command) {
  const int rc = std::system(("cd /tmp && " + command).c_str());
  if (rc != 0) {
    return absl::UnavailableError(
        absl::StrCat("'", command, "' exited with status ", rc));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<PostgresTestServer>>
PostgresTestServer::Start() {
  std::unique_ptr<PostgresTestServer> server(new PostgresTestServer());
  server->bin_ = FindBinaries();
  if (server->bin_.empty()) {
    return absl::UnavailableError(
        "no PostgreSQL binaries (apt-get install postgresql, or set "
        "GLEANER_PG_BIN)");
  }
  // Not under the test's own temporary directory: the postgres user must
  // be able to reach it, and /root is closed to it.
  char dir[] = "/tmp/gleaner-pg-XXXXXX";
  if (mkdtemp(dir) == nullptr) {
    return absl::UnavailableError("cannot create a temporary directory");
  }
  server->dir_ = dir;
  if (geteuid() == 0) {
    const passwd* user = getpwnam("postgres");
    if (user == nullptr) {
      return absl::UnavailableError(
          "running as root and there is no 'postgres' user to run the "
          "server as (the postgresql package creates it)");
    }
    if (chown(dir, user->pw_uid, user->pw_gid) != 0) {
      return absl::UnavailableError("cannot hand the directory to postgres");
    }
    server->as_user_ = "/usr/sbin/runuser -u postgres -- ";
  }
  server->port_ = FreePort();
  if (auto s = Run(absl::StrCat(server->as_user_, server->bin_,
                                "/initdb -D ", server->dir_,
                                "/data -U postgres --auth=trust -E UTF8 "
                                "--locale=C >", server->dir_,
                                "/initdb.log 2>&1"));
      !s.ok()) {
    return s;
  }
  if (auto s = server->Restart(); !s.ok()) return s;
  return server;
}

absl::Status PostgresTestServer::Restart() {
  // -w waits until the server accepts connections (pg_ctl polls).
  absl::Status s = Run(absl::StrCat(
      as_user_, bin_, "/pg_ctl -D ", dir_, "/data -w -t 60 -l ", dir_,
      "/server.log -o '-p ", port_,
      " -c listen_addresses=127.0.0.1 -c unix_socket_directories=", dir_,
      " -c fsync=off' start >/dev/null"));
  if (!s.ok()) {
    return absl::UnavailableError(
        absl::StrCat(s.message(), " (see ", dir_, "/server.log)"));
  }
  running_ = true;
  return absl::OkStatus();
}

absl::Status PostgresTestServer::Stop(const std::string& mode) {
  if (!running_) return absl::OkStatus();
  running_ = false;
  return Run(absl::StrCat(as_user_, bin_, "/pg_ctl -D ", dir_, "/data -m ",
                          mode, " -w stop >/dev/null"));
}

PostgresTestServer::~PostgresTestServer() {
  Stop("fast").IgnoreError();
  std::error_code ignored;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
}

std::string PostgresTestServer::url() const {
  return absl::StrCat("postgresql:host=127.0.0.1 port=", port_,
                      " user=postgres dbname=postgres");
}

}  // namespace store
}  // namespace gleaner
