#include "services/coordinator/stage_client_metrics.h"

#include "gtest/gtest.h"

namespace gleaner {
namespace coordinator {
namespace {

TEST(StageLabelOfService, LowerCasedLastComponent) {
  EXPECT_EQ(StageLabelOfService("gleaner.v1.Sentence"), "sentence");
  EXPECT_EQ(StageLabelOfService("gleaner.v1.Aggregator"), "aggregator");
  EXPECT_EQ(StageLabelOfService("Dedup"), "dedup");
}

TEST(StageClientMetrics, CountsPerReplicaAndCode) {
  metrics::Registry registry;
  StageClientMetrics metrics("sentence", registry);
  StageClientMetrics::Replica& a = metrics.ForReplica("a:1");
  StageClientMetrics::Replica& b = metrics.ForReplica("b:2");
  EXPECT_EQ(&metrics.ForReplica("a:1"), &a);
  a.Attempt(absl::OkStatus(), absl::Milliseconds(2));
  a.Attempt(absl::OkStatus(), absl::Milliseconds(3));
  b.Attempt(absl::DeadlineExceededError("slow"), absl::Seconds(1));
  b.Retried();
  b.Ejected();

  metrics::Family<metrics::Counter>& attempts = registry.AddCounter(
      "gleaner_stage_client_attempts_total", "", {"stage", "replica", "code"});
  EXPECT_EQ(attempts.WithLabels({"sentence", "a:1", "OK"}).Value(), 2u);
  EXPECT_EQ(attempts.WithLabels({"sentence", "b:2", "DEADLINE_EXCEEDED"}).Value(),
            1u);
  EXPECT_EQ(attempts.WithLabels({"sentence", "b:2", "OK"}).Value(), 0u);
  EXPECT_EQ(registry
                .AddCounter("gleaner_stage_client_retries_total", "",
                            {"stage", "replica"})
                .WithLabels({"sentence", "b:2"})
                .Value(),
            1u);
  EXPECT_EQ(registry
                .AddCounter("gleaner_stage_client_ejections_total", "",
                            {"stage", "replica"})
                .WithLabels({"sentence", "b:2"})
                .Value(),
            1u);
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner
