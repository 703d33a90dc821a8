// A throwaway PostgreSQL server for tests in other languages: starts one
// (postgres_test_server.h), prints "POSTGRES <store flag value>" on stdout
// and keeps it until stdin closes (the test exits or closes the pipe), then
// stops and deletes it. Exits 1 with the reason when it cannot start one.
#include <iostream>
#include <string>

#include "services/store/postgres_test_server.h"

int main() {
  auto server = gleaner::store::PostgresTestServer::Start();
  if (!server.ok()) {
    std::cerr << "postgres_test_server: " << server.status() << "\n";
    return 1;
  }
  std::cout << "POSTGRES " << (*server)->url() << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}
