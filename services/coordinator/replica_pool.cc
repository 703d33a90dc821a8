#include "services/coordinator/replica_pool.h"

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "services/common/event_log.h"
#include "services/metrics/metrics.h"

namespace gleaner {
namespace coordinator {
namespace {

constexpr absl::string_view kDnsScheme = "dns:///";

// Splits "host:port" or "[v6]:port"; false without a port.
bool SplitHostPort(absl::string_view address, std::string* host,
                   std::string* port) {
  const size_t colon = address.rfind(':');
  if (colon == absl::string_view::npos || colon + 1 == address.size()) {
    return false;
  }
  absl::string_view h = address.substr(0, colon);
  if (absl::ConsumePrefix(&h, "[")) absl::ConsumeSuffix(&h, "]");
  *host = std::string(h);
  *port = std::string(address.substr(colon + 1));
  return !host->empty();
}

std::string JoinHostPort(const std::string& host, const std::string& port) {
  if (host.find(':') != std::string::npos) {
    return absl::StrCat("[", host, "]:", port);
  }
  return absl::StrCat(host, ":", port);
}

// The pool's metrics (docs/operations.md, "Metrics"), per stage and replica.
struct PoolMetrics {
  metrics::Family<metrics::Counter>& calls =
      metrics::DefaultRegistry().AddCounter(
          "gleaner_replica_calls_total",
          "Calls the coordinator made to one replica, by stage, replica and "
          "outcome (ok, or the failure's status code).",
          {"stage", "replica", "code"});
  metrics::Family<metrics::Counter>& ejections =
      metrics::DefaultRegistry().AddCounter(
          "gleaner_replica_ejections_total",
          "Times a replica was set aside for timing out or failing "
          "repeatedly, by stage and replica.",
          {"stage", "replica"});
  metrics::Family<metrics::Gauge>& usable = metrics::DefaultRegistry().AddGauge(
      "gleaner_replica_usable",
      "1 while a replica is picked for new calls (resolved, serving, not "
      "ejected), else 0.",
      {"stage", "replica"});
};

PoolMetrics& Metrics() {
  static PoolMetrics* const metrics = new PoolMetrics();
  return *metrics;
}

// One structured log line per pool event (ejection, return, membership).
void LogReplicaEvent(const std::string& pool, const std::string& replica,
                     absl::string_view event) {
  LogEvent(LogLevel::kInfo, absl::StrCat("replica_", event),
           {{"stage", pool}, {"replica", replica}});
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ParseTarget(
    const std::string& target) {
  std::vector<std::string> entries =
      absl::StrSplit(target, ',', absl::SkipWhitespace());
  if (entries.empty()) {
    return absl::InvalidArgumentError("no replica addresses");
  }
  for (std::string& entry : entries) {
    entry = std::string(absl::StripAsciiWhitespace(entry));
    absl::string_view address = entry;
    absl::ConsumePrefix(&address, kDnsScheme);
    std::string host, port;
    int port_number = 0;
    if (!SplitHostPort(address, &host, &port) ||
        !absl::SimpleAtoi(port, &port_number) || port_number <= 0 ||
        port_number > 65535) {
      return absl::InvalidArgumentError(absl::StrCat(
          "replica address '", entry, "' is not host:port or dns:///name:port"));
    }
  }
  return entries;
}

absl::StatusOr<std::vector<std::string>> ResolveTargetEntry(
    const std::string& entry) {
  absl::string_view address = entry;
  if (!absl::ConsumePrefix(&address, kDnsScheme)) {
    return std::vector<std::string>{entry};
  }
  std::string host, port;
  if (!SplitHostPort(address, &host, &port)) {
    return absl::InvalidArgumentError(absl::StrCat("bad target '", entry, "'"));
  }
  addrinfo hints = {};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int error = getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
  if (error != 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot resolve ", host, ": ", gai_strerror(error)));
  }
  std::set<std::string> addresses;  // sorted, without repeats
  for (addrinfo* info = found; info != nullptr; info = info->ai_next) {
    char text[NI_MAXHOST];
    if (getnameinfo(info->ai_addr, info->ai_addrlen, text, sizeof(text),
                    nullptr, 0, NI_NUMERICHOST) == 0) {
      addresses.insert(JoinHostPort(text, port));
    }
  }
  freeaddrinfo(found);
  return std::vector<std::string>(addresses.begin(), addresses.end());
}

// A replica and what the pool knows of it. Fields other than the replica
// are guarded by the pool's mutex.
struct ReplicaPool::State {
  std::shared_ptr<const Replica> replica;
  std::unique_ptr<grpc::health::v1::Health::Stub> health;
  // The last probe or call said it is reachable and serving. Optimistic at
  // first, so that a new pool serves at once.
  bool up = true;
  int consecutive_failures = 0;
  // Ejected until this time (and a probe after it says SERVING).
  bool ejected = false;
  absl::Time ejected_until = absl::InfinitePast();
  absl::Duration next_ejection_time;
  ReplicaStats stats;
};

absl::StatusOr<std::unique_ptr<ReplicaPool>> ReplicaPool::Create(
    ReplicaPoolOptions options) {
  absl::StatusOr<std::vector<std::string>> entries = ParseTarget(options.target);
  if (!entries.ok()) {
    return absl::Status(entries.status().code(),
                        absl::StrCat(options.name, ": ",
                                     entries.status().message()));
  }
  std::unique_ptr<ReplicaPool> pool(
      new ReplicaPool(std::move(options), *std::move(entries)));
  pool->Resolve();
  if (pool->options_.run_monitor) {
    pool->monitor_ = std::thread([pool = pool.get()] { pool->MonitorLoop(); });
  }
  return pool;
}

ReplicaPool::ReplicaPool(ReplicaPoolOptions options,
                         std::vector<std::string> entries)
    : options_(std::move(options)),
      entries_(std::move(entries)),
      resolved_(entries_.size()),
      next_resolve_(absl::InfinitePast()) {}

ReplicaPool::~ReplicaPool() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (monitor_.joinable()) monitor_.join();
}

void ReplicaPool::Resolve() {
  // Lookups can block for seconds: outside the lock.
  std::vector<absl::StatusOr<std::vector<std::string>>> lookups;
  for (const std::string& entry : entries_) {
    lookups.push_back(options_.resolve(entry));
  }
  absl::MutexLock lock(&mu_);
  next_resolve_ = options_.now() + options_.resolve_interval;
  std::set<std::string> wanted;
  for (size_t i = 0; i < entries_.size(); ++i) {
    // A failed lookup keeps what the entry had: a DNS hiccup must not
    // empty the pool.
    if (lookups[i].ok()) resolved_[i] = *lookups[i];
    wanted.insert(resolved_[i].begin(), resolved_[i].end());
  }
  std::vector<std::unique_ptr<State>> kept;
  for (std::unique_ptr<State>& state : replicas_) {
    if (wanted.erase(state->replica->address()) > 0) {
      kept.push_back(std::move(state));
    } else {
      LogReplicaEvent(options_.name, state->replica->address(), "removed");
      Metrics()
          .usable.WithLabels({options_.name, state->replica->address()})
          .Set(0);
    }
  }
  for (const std::string& address : wanted) {
    auto state = std::make_unique<State>();
    std::shared_ptr<grpc::Channel> channel =
        CreateChannel(address, options_.channel);
    state->health = grpc::health::v1::Health::NewStub(channel);
    state->replica = std::make_shared<Replica>(address, std::move(channel));
    state->next_ejection_time = options_.ejection_time;
    state->stats.address = address;
    if (!replicas_.empty()) LogReplicaEvent(options_.name, address, "added");
    // Exported at 0 from the start, so an alert on its increase has a base.
    Metrics().ejections.WithLabels({options_.name, address});
    kept.push_back(std::move(state));
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a->replica->address() < b->replica->address();
  });
  replicas_ = std::move(kept);
  PublishLocked();
}

bool ReplicaPool::UsableLocked(const State& state) const {
  return state.up && !state.ejected;
}

void ReplicaPool::PublishLocked() const {
  for (const std::unique_ptr<State>& state : replicas_) {
    Metrics()
        .usable.WithLabels({options_.name, state->replica->address()})
        .Set(UsableLocked(*state) ? 1 : 0);
  }
}

PickedReplica ReplicaPool::Pick(const Replica* avoid) {
  absl::MutexLock lock(&mu_);
  const size_t n = replicas_.size();
  if (n == 0) {
    next_resolve_ = absl::InfinitePast();  // look again at the next refresh
    return {};
  }
  const size_t start = next_pick_++;
  // Best first: usable and not `avoid`; then usable; then anything.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < n; ++i) {
      const State& state = *replicas_[(start + i) % n];
      if (!UsableLocked(state)) continue;
      if (pass == 0 && state.replica.get() == avoid) continue;
      return {state.replica, true};
    }
  }
  return {replicas_[start % n]->replica, false};
}

void ReplicaPool::EjectLocked(State& state, const absl::Status& reason) {
  if (state.ejected) return;
  state.ejected = true;
  state.ejected_until = options_.now() + state.next_ejection_time;
  ++state.stats.ejections;
  Metrics().ejections.WithLabels({options_.name, state.replica->address()}).Increment();
  LogEvent(LogLevel::kWarning, "replica_ejected",
           {{"stage", options_.name},
            {"replica", state.replica->address()},
            {"cooldown_seconds", absl::ToDoubleSeconds(state.next_ejection_time)},
            CodeField(reason),
            {"message", reason.message()}});
  state.next_ejection_time =
      std::min(state.next_ejection_time * 2, options_.max_ejection_time);
}

void ReplicaPool::Report(const Replica& replica, const absl::Status& status) {
  absl::MutexLock lock(&mu_);
  for (std::unique_ptr<State>& state : replicas_) {
    if (state->replica.get() != &replica) continue;
    ++state->stats.calls;
    Metrics()
        .calls
        .WithLabels({options_.name, replica.address(),
                     status.ok() ? "OK" : absl::StatusCodeToString(status.code())})
        .Increment();
    if (status.ok()) {
      state->consecutive_failures = 0;
      state->up = true;
      state->next_ejection_time = options_.ejection_time;
      break;
    }
    ++state->stats.failures;
    ++state->consecutive_failures;
    if (absl::IsUnavailable(status) || absl::IsCancelled(status)) {
      state->up = false;
    }
    if (absl::IsDeadlineExceeded(status) ||
        state->consecutive_failures >= options_.max_consecutive_failures) {
      EjectLocked(*state, status);
    }
    break;
  }
  // (A replica that left the pool while its call ran is not found: nothing
  // to record.)
  PublishLocked();
}

bool ReplicaPool::HasUsableReplica() const {
  absl::MutexLock lock(&mu_);
  for (const std::unique_ptr<State>& state : replicas_) {
    if (UsableLocked(*state)) return true;
  }
  return false;
}

std::vector<ReplicaStats> ReplicaPool::Stats() const {
  absl::MutexLock lock(&mu_);
  std::vector<ReplicaStats> stats;
  for (const std::unique_ptr<State>& state : replicas_) {
    stats.push_back(state->stats);
    stats.back().usable = UsableLocked(*state);
  }
  return stats;
}

void ReplicaPool::Probe() {
  // One probe per replica, all at once, each bounded by probe_timeout.
  struct PendingProbe {
    std::shared_ptr<const Replica> replica;
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    grpc::Status status;
  };
  std::vector<std::unique_ptr<PendingProbe>> probes;
  absl::Mutex done_mu;
  size_t done = 0;
  {
    absl::MutexLock lock(&mu_);
    for (std::unique_ptr<State>& state : replicas_) {
      auto probe = std::make_unique<PendingProbe>();
      probe->replica = state->replica;
      probe->request.set_service(options_.health_service);
      probe->context.set_deadline(
          absl::ToChronoTime(absl::Now() + options_.probe_timeout));
      PendingProbe* raw = probe.get();
      state->health->async()->Check(
          &raw->context, &raw->request, &raw->response,
          [raw, &done_mu, &done](grpc::Status status) {
            raw->status = std::move(status);
            absl::MutexLock done_lock(&done_mu);
            ++done;
          });
      probes.push_back(std::move(probe));
    }
  }
  {
    absl::MutexLock done_lock(&done_mu);
    const size_t expected = probes.size();
    auto all_done = [&]() { return done == expected; };
    done_mu.Await(absl::Condition(&all_done));
  }
  absl::MutexLock lock(&mu_);
  const absl::Time now = options_.now();
  for (const std::unique_ptr<PendingProbe>& probe : probes) {
    for (std::unique_ptr<State>& state : replicas_) {
      if (state->replica != probe->replica) continue;
      const bool serving =
          probe->status.ok() &&
          probe->response.status() ==
              grpc::health::v1::HealthCheckResponse::SERVING;
      state->up = serving;
      if (state->ejected && now >= state->ejected_until) {
        if (serving) {
          state->ejected = false;
          state->consecutive_failures = 0;
          LogReplicaEvent(options_.name, state->replica->address(), "returned");
        } else {
          // Still down after its cool-down: another, longer one.
          state->ejected_until = now + state->next_ejection_time;
          state->next_ejection_time = std::min(state->next_ejection_time * 2,
                                               options_.max_ejection_time);
        }
      }
    }
  }
  PublishLocked();
}

void ReplicaPool::Refresh() {
  bool resolve_due;
  {
    absl::MutexLock lock(&mu_);
    resolve_due = options_.now() >= next_resolve_;
  }
  if (resolve_due) Resolve();
  Probe();
}

void ReplicaPool::MonitorLoop() {
  while (true) {
    Refresh();
    absl::MutexLock lock(&mu_);
    auto stopping = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return stopping_;
    };
    if (mu_.AwaitWithTimeout(absl::Condition(&stopping),
                             options_.probe_interval)) {
      return;
    }
  }
}

}  // namespace coordinator
}  // namespace gleaner
