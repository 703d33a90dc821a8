// The replicas of one worker kind as the coordinator sees them: one gRPC
// channel per resolved address, picked round-robin, probed with
// grpc.health.v1, and set aside (ejected) for a cool-down when they time out
// or fail repeatedly, so that one hung replica costs one deadline, not one
// per document.
//
//   ReplicaPoolOptions options;
//   options.name = "sentence";
//   options.target = "dns:///sentence.gleaner.svc:7002";   // or "h1:7002,h2:7002"
//   GLEANER_ASSIGN_OR_RETURN(auto pool, ReplicaPool::Create(options));
//   PickedReplica picked = pool->Pick(/*avoid=*/nullptr);
//   ... call picked.replica->channel() ...
//   pool->Report(*picked.replica, status);
//
// Why a pool of our own rather than gRPC's round_robin and outlier
// detection: Debian's gRPC 1.51 has outlier detection only behind an
// experimental environment variable, and a channel over many addresses
// reports neither which replica served a call nor per-replica counts.
//
// Targets: a comma-separated list of entries. `host:port` is one replica
// (gRPC resolves the host when it connects). `dns:///name:port` is one
// replica per address the name resolves to (a Kubernetes headless Service),
// re-resolved every `resolve_interval`, so replicas that come and go are
// picked up and dropped; a failed lookup keeps the addresses it had.
//
// A replica is usable when it is not ejected and its last health probe (or
// its last call) did not say it is down. Pick prefers usable replicas; when
// none is usable it still returns one, marked not ready, and the caller
// waits for it (wait-for-ready) instead of failing at once: with one
// replica, or all of them restarting, that is the only way to make progress.
#ifndef GLEANER_SERVICES_COORDINATOR_REPLICA_POOL_H_
#define GLEANER_SERVICES_COORDINATOR_REPLICA_POOL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "proto/grpc/health/v1/health.grpc.pb.h"
#include "services/common/channel_factory.h"

namespace gleaner {
namespace coordinator {

// Turns one target entry into the addresses of its replicas ("ip:port").
using Resolver =
    std::function<absl::StatusOr<std::vector<std::string>>(const std::string&)>;

// The system resolver: `dns:///name:port` through getaddrinfo (so
// /etc/hosts and the cluster DNS both work), anything else as given.
absl::StatusOr<std::vector<std::string>> ResolveTargetEntry(
    const std::string& entry);

// Splits a target into its entries; kInvalidArgument for an empty list, an
// empty entry or an entry without a port.
absl::StatusOr<std::vector<std::string>> ParseTarget(const std::string& target);

struct ReplicaPoolOptions {
  // The stage's name, for log lines and errors ("sentence").
  std::string name;
  // The replicas (see the file comment).
  std::string target;
  // Service name asked in health probes ("": the whole server).
  std::string health_service;
  // How often `dns:///` entries are looked up again (5 s).
  absl::Duration resolve_interval = absl::Seconds(5);
  // How often every replica is probed (1 s), and how long a probe may take
  // before the replica counts as down (2 s).
  absl::Duration probe_interval = absl::Seconds(1);
  absl::Duration probe_timeout = absl::Seconds(2);
  // Consecutive failed calls (other than timeouts, which eject at once)
  // that eject a replica (3).
  int max_consecutive_failures = 3;
  // First cool-down of an ejected replica (10 s); it doubles each time the
  // replica is ejected again without a successful call in between, up to
  // `max_ejection_time` (2 min). A replica comes back only after its
  // cool-down and a health probe that says SERVING.
  absl::Duration ejection_time = absl::Seconds(10);
  absl::Duration max_ejection_time = absl::Minutes(2);
  // Channel arguments.
  ChannelOptions channel;
  // Runs a thread that calls Refresh() every probe_interval (true). Tests
  // turn it off and call Refresh() themselves.
  bool run_monitor = true;
  // The clock for cool-downs (absl::Now).
  std::function<absl::Time()> now = [] { return absl::Now(); };
  // Looks up target entries (ResolveTargetEntry).
  Resolver resolve = ResolveTargetEntry;
};

// One replica: an address and its channel. Immutable; the pool keeps its
// state. Shared by the pool and calls in flight, so a replica that leaves
// the pool stays valid until its last call ends.
class Replica {
 public:
  Replica(std::string address, std::shared_ptr<grpc::Channel> channel)
      : address_(std::move(address)), channel_(std::move(channel)) {}

  const std::string& address() const { return address_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

 private:
  const std::string address_;
  const std::shared_ptr<grpc::Channel> channel_;
};

// What Pick returns.
struct PickedReplica {
  // Null only when the pool has no replica at all (nothing resolved yet).
  std::shared_ptr<const Replica> replica;
  // False when no replica is usable: the caller should wait for this one
  // to become ready rather than fail fast.
  bool ready = false;
};

// Counts for one replica, for metrics and tests.
struct ReplicaStats {
  std::string address;
  uint64_t calls = 0;      // calls reported
  uint64_t failures = 0;   // of which failed (transport-level)
  uint64_t ejections = 0;  // times ejected
  bool usable = false;     // as of now
};

// Thread-safe; not copyable.
class ReplicaPool {
 public:
  // Resolves the target once (an entry that resolves to nothing is not an
  // error: its replicas may not have started yet) and starts the monitor.
  // kInvalidArgument for a malformed target.
  static absl::StatusOr<std::unique_ptr<ReplicaPool>> Create(
      ReplicaPoolOptions options);

  ReplicaPool(const ReplicaPool&) = delete;
  ReplicaPool& operator=(const ReplicaPool&) = delete;
  // Stops the monitor.
  ~ReplicaPool();

  const std::string& name() const { return options_.name; }

  // Returns the next replica round-robin among the usable ones, other than
  // `avoid` when there is a choice (a retry goes elsewhere).
  PickedReplica Pick(const Replica* avoid);

  // Records the outcome of one call on `replica`: OK (or an answer from the
  // worker, however it judged the document) resets its failures;
  // DEADLINE_EXCEEDED ejects it; UNAVAILABLE or CANCELLED (gone, or
  // shutting down) marks it down until a probe says otherwise; any failure
  // counts towards max_consecutive_failures.
  void Report(const Replica& replica, const absl::Status& status);

  // True when at least one replica is usable (readiness).
  bool HasUsableReplica() const;

  // Per-replica counts, in address order.
  std::vector<ReplicaStats> Stats() const;

  // Looks the target up again when resolve_interval has passed (or the pool
  // is empty), then probes every replica and ends cool-downs. Blocks for up
  // to probe_timeout. The monitor calls this; so can tests.
  void Refresh();

 private:
  struct State;

  explicit ReplicaPool(ReplicaPoolOptions options,
                       std::vector<std::string> entries);

  void Resolve() ABSL_LOCKS_EXCLUDED(mu_);
  void Probe() ABSL_LOCKS_EXCLUDED(mu_);
  bool UsableLocked(const State& state) const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  void EjectLocked(State& state, const absl::Status& reason)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Sets the gleaner_replica_usable gauges.
  void PublishLocked() const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  void MonitorLoop();

  const ReplicaPoolOptions options_;
  const std::vector<std::string> entries_;

  mutable absl::Mutex mu_;
  // Every replica, in address order.
  std::vector<std::unique_ptr<State>> replicas_ ABSL_GUARDED_BY(mu_);
  // The addresses each entry resolved to last time.
  std::vector<std::vector<std::string>> resolved_ ABSL_GUARDED_BY(mu_);
  absl::Time next_resolve_ ABSL_GUARDED_BY(mu_);
  size_t next_pick_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;

  std::thread monitor_;
};

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_REPLICA_POOL_H_
