#include "services/coordinator/replica_pool.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/gleaner/v1/sentence_service.grpc.pb.h"
#include "services/common/server_runner.h"
#include "services/common/stage_service.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace coordinator {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::IsOkAndHolds;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Answers every document with nothing.
class NoOpStage : public StageProcessor {
 public:
  absl::Status Process(const StageInput&, v1::StageResponse*) override {
    return absl::OkStatus();
  }
};

// A real server (a stage and the health service) on a free loopback port.
struct HealthServer {
  HealthServer() : service(&stage, v1::STAGE_SENTENCE) {
    ServerRunnerOptions options;
    options.port = 0;
    options.name = "test";
    auto started = StartedServer::Start(options, {&service});
    EXPECT_THAT(started, IsOk());
    server = *std::move(started);
    address = absl::StrCat("127.0.0.1:", server->port());
  }
  NoOpStage stage;
  StageService<v1::Sentence> service;
  std::unique_ptr<StartedServer> server;
  std::string address;
};

// A pool without its monitor thread, on a clock the test moves.
class ReplicaPoolTest : public ::testing::Test {
 protected:
  std::unique_ptr<ReplicaPool> MakePool(const std::string& target) {
    ReplicaPoolOptions options;
    options.name = "test";
    options.target = target;
    options.run_monitor = false;
    options.probe_timeout = absl::Seconds(5);
    options.now = [this] { return now_; };
    options.resolve = [this](const std::string& entry)
        -> absl::StatusOr<std::vector<std::string>> {
      auto it = dns_.find(entry);
      if (it == dns_.end()) return std::vector<std::string>{entry};
      if (it->second.empty()) return absl::UnavailableError("lookup failed");
      return it->second;
    };
    auto pool = ReplicaPool::Create(options);
    EXPECT_THAT(pool, IsOk());
    return *std::move(pool);
  }

  // Picks n times and counts who was picked.
  std::map<std::string, int> PickMany(ReplicaPool& pool, int n) {
    std::map<std::string, int> picked;
    for (int i = 0; i < n; ++i) {
      PickedReplica p = pool.Pick(nullptr);
      if (p.replica != nullptr) ++picked[p.replica->address()];
    }
    return picked;
  }

  absl::Time now_ = absl::FromUnixSeconds(1000);
  // Fake DNS: entry -> addresses (empty: the lookup fails).
  std::map<std::string, std::vector<std::string>> dns_;
};

TEST_F(ReplicaPoolTest, PicksRoundRobin) {
  HealthServer a, b;
  auto pool = MakePool(a.address + "," + b.address);
  std::map<std::string, int> picked = PickMany(*pool, 10);
  EXPECT_EQ(picked[a.address], 5);
  EXPECT_EQ(picked[b.address], 5);
}

TEST_F(ReplicaPoolTest, ARetryAvoidsTheReplicaThatFailed) {
  HealthServer a, b;
  auto pool = MakePool(a.address + "," + b.address);
  for (int i = 0; i < 4; ++i) {
    PickedReplica first = pool->Pick(nullptr);
    PickedReplica retry = pool->Pick(first.replica.get());
    EXPECT_NE(first.replica, retry.replica);
    EXPECT_TRUE(retry.ready);
  }
}

TEST_F(ReplicaPoolTest, ATimeoutEjectsUntilCoolDownAndAServingProbe) {
  HealthServer a, b;
  auto pool = MakePool(a.address + "," + b.address);
  PickedReplica hung = pool->Pick(nullptr);
  pool->Report(*hung.replica, absl::DeadlineExceededError("slow"));
  std::map<std::string, int> picked = PickMany(*pool, 6);
  EXPECT_EQ(picked.size(), 1u);
  EXPECT_EQ(picked.count(hung.replica->address()), 0u);
  // A probe before the cool-down ends does not bring it back.
  pool->Refresh();
  EXPECT_EQ(PickMany(*pool, 6).count(hung.replica->address()), 0u);
  now_ += ReplicaPoolOptions().ejection_time;
  pool->Refresh();
  EXPECT_EQ(PickMany(*pool, 6)[hung.replica->address()], 3);
  std::vector<ReplicaStats> stats = pool->Stats();
  uint64_t ejections = 0;
  for (const ReplicaStats& s : stats) ejections += s.ejections;
  EXPECT_EQ(ejections, 1u);
}

TEST_F(ReplicaPoolTest, RepeatedFailuresEject) {
  HealthServer a, b;
  auto pool = MakePool(a.address + "," + b.address);
  PickedReplica bad = pool->Pick(nullptr);
  for (int i = 0; i < ReplicaPoolOptions().max_consecutive_failures - 1; ++i) {
    pool->Report(*bad.replica, absl::AbortedError("conflict"));
  }
  EXPECT_EQ(PickMany(*pool, 4)[bad.replica->address()], 2);  // not yet
  pool->Report(*bad.replica, absl::AbortedError("conflict"));
  EXPECT_EQ(PickMany(*pool, 4).count(bad.replica->address()), 0u);
}

TEST_F(ReplicaPoolTest, ASuccessResetsTheFailureCount) {
  HealthServer a, b;
  auto pool = MakePool(a.address + "," + b.address);
  PickedReplica flaky = pool->Pick(nullptr);
  const int limit = ReplicaPoolOptions().max_consecutive_failures;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < limit - 1; ++i) {
      pool->Report(*flaky.replica, absl::AbortedError("conflict"));
    }
    pool->Report(*flaky.replica, absl::OkStatus());
  }
  EXPECT_EQ(PickMany(*pool, 4)[flaky.replica->address()], 2);
}

TEST_F(ReplicaPoolTest, AStoppedServerIsSkippedAfterItsProbeFails) {
  HealthServer a, b;
  auto pool = MakePool(a.address + "," + b.address);
  b.server->Shutdown(absl::ZeroDuration());
  pool->Refresh();
  std::map<std::string, int> picked = PickMany(*pool, 6);
  EXPECT_EQ(picked[a.address], 6);
  EXPECT_TRUE(pool->HasUsableReplica());
}

TEST_F(ReplicaPoolTest, WithNothingUsableItStillPicksButNotReady) {
  HealthServer a;
  auto pool = MakePool(a.address);
  PickedReplica only = pool->Pick(nullptr);
  pool->Report(*only.replica, absl::UnavailableError("connection refused"));
  EXPECT_FALSE(pool->HasUsableReplica());
  PickedReplica again = pool->Pick(only.replica.get());
  EXPECT_EQ(again.replica, only.replica);
  EXPECT_FALSE(again.ready);
  // The next probe finds it serving again.
  pool->Refresh();
  EXPECT_TRUE(pool->HasUsableReplica());
  EXPECT_TRUE(pool->Pick(nullptr).ready);
}

TEST_F(ReplicaPoolTest, ANotServingReplicaIsNotUsable) {
  HealthServer a, b;
  auto pool = MakePool(a.address + "," + b.address);
  b.server->SetServing(false);  // draining
  pool->Refresh();
  EXPECT_EQ(PickMany(*pool, 4)[a.address], 4);
  b.server->SetServing(true);
  pool->Refresh();
  EXPECT_EQ(PickMany(*pool, 4)[b.address], 2);
}

TEST_F(ReplicaPoolTest, DnsEntriesAreResolvedAgainAsReplicasComeAndGo) {
  HealthServer a, b;
  const std::string target = "dns:///sentence.test:7002";
  dns_[target] = {a.address};
  auto pool = MakePool(target);
  EXPECT_EQ(PickMany(*pool, 4)[a.address], 4);
  dns_[target] = {a.address, b.address};
  now_ += ReplicaPoolOptions().resolve_interval;
  pool->Refresh();
  std::map<std::string, int> picked = PickMany(*pool, 4);
  EXPECT_EQ(picked[a.address], 2);
  EXPECT_EQ(picked[b.address], 2);
  // A failed lookup keeps what the entry had.
  dns_[target] = {};
  now_ += ReplicaPoolOptions().resolve_interval;
  pool->Refresh();
  EXPECT_EQ(PickMany(*pool, 4).size(), 2u);
  dns_[target] = {b.address};
  now_ += ReplicaPoolOptions().resolve_interval;
  pool->Refresh();
  EXPECT_THAT(PickMany(*pool, 4), ElementsAre(std::make_pair(b.address, 4)));
}

TEST(ParseTarget, AcceptsListsAndDnsNames) {
  EXPECT_THAT(ParseTarget("a:1, dns:///b.svc:2"),
              IsOkAndHolds(ElementsAre("a:1", "dns:///b.svc:2")));
  EXPECT_THAT(ParseTarget("[::1]:7002"), IsOk());
}

TEST(ParseTarget, RejectsMalformedTargets) {
  EXPECT_THAT(ParseTarget(""), StatusIs(absl::StatusCode::kInvalidArgument,
                                        HasSubstr("no replica")));
  EXPECT_THAT(ParseTarget("a:1,nohost"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("nohost")));
  EXPECT_THAT(ParseTarget("a:99999"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("a:99999")));
}

TEST(ResolveTargetEntry, LooksUpDnsNames) {
  auto resolved = ResolveTargetEntry("dns:///localhost:7002");
  ASSERT_THAT(resolved, IsOk());
  EXPECT_THAT(*resolved, ::testing::Contains("127.0.0.1:7002"));
  EXPECT_THAT(ResolveTargetEntry("10.0.0.5:7002"),
              IsOkAndHolds(ElementsAre("10.0.0.5:7002")));
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
