#include "services/metrics/metrics.h"

#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace metrics {
namespace {

using ::testing::HasSubstr;

TEST(Counter, CountsEveryIncrementFromManyThreads) {
  Registry registry;
  Counter& counter = registry.AddCounter("c_total", "help").WithLabels({});
  constexpr int kThreads = 8;
  constexpr int kPerThread = 100000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&counter] {
      for (int i = 0; i < kPerThread; ++i) counter.Increment();
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(counter.Value(), uint64_t{kThreads} * kPerThread);
}

TEST(Gauge, AddsConcurrentlyAndSets) {
  Gauge gauge;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&gauge] {
      for (int i = 0; i < 10000; ++i) {
        gauge.Increment();
        gauge.Increment();
        gauge.Decrement();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(gauge.Value(), 40000);
  gauge.Set(2.5);
  EXPECT_EQ(gauge.Value(), 2.5);
}

TEST(Histogram, BucketUpperBoundsAreInclusive) {
  Histogram histogram({1, 2, 5});
  for (double value : {0.5, 1.0, 1.5, 2.0, 4.0, 5.0, 7.0}) {
    histogram.Observe(value);
  }
  EXPECT_EQ(histogram.BucketCounts(), (std::vector<uint64_t>{2, 2, 2, 1}));
  EXPECT_EQ(histogram.Count(), 7u);
  EXPECT_DOUBLE_EQ(histogram.Sum(), 21.0);
}

TEST(Family, SameLabelsGiveTheSameChild) {
  Registry registry;
  Family<Counter>& family =
      registry.AddCounter("docs_total", "help", {"stage", "code"});
  Counter& ok = family.WithLabels({"dedup", "OK"});
  ok.Increment(3);
  EXPECT_EQ(&family.WithLabels({"dedup", "OK"}), &ok);
  EXPECT_NE(&family.WithLabels({"dedup", "INTERNAL"}), &ok);
  EXPECT_EQ(family.WithLabels({"dedup", "OK"}).Value(), 3u);
}

TEST(Registry, ReRegisteringTheSameShapeReturnsTheFamily) {
  Registry registry;
  Family<Counter>& first = registry.AddCounter("x_total", "help", {"a"});
  Family<Counter>& second = registry.AddCounter("x_total", "help", {"a"});
  EXPECT_EQ(&first, &second);
}

TEST(RegistryDeathTest, DifferentShapeUnderOneNameAborts) {
  Registry registry;
  registry.AddCounter("x_total", "help", {"a"});
  EXPECT_DEATH(registry.AddCounter("x_total", "help", {"b"}),
               "registered twice");
  EXPECT_DEATH(registry.AddGauge("x_total", "help", {"a"}),
               "registered twice");
}

TEST(RegistryDeathTest, InvalidNamesAndLabelCountsAbort) {
  Registry registry;
  EXPECT_DEATH(registry.AddCounter("9lives", "help"), "invalid metric name");
  EXPECT_DEATH(registry.AddCounter("ok_total", "help", {"le"}),
               "invalid label name");
  EXPECT_DEATH(registry.AddCounter("ok_total", "help", {"bad-label"}),
               "invalid label name");
  Family<Counter>& family = registry.AddCounter("two_total", "help", {"a", "b"});
  EXPECT_DEATH(family.WithLabels({"only one"}), "1 label values");
}

TEST(Registry, TextExpositionFormat) {
  Registry registry;
  registry.AddCounter("gleaner_docs_total", "Documents seen.", {"stage"})
      .WithLabels({"dedup"})
      .Increment(7);
  registry.AddGauge("gleaner_in_flight", "In flight.").WithLabels({}).Set(3);
  Histogram& latency =
      registry.AddHistogram("gleaner_seconds", "Latency.", {"stage"}, {0.1, 1})
          .WithLabels({"sentence"});
  latency.Observe(0.05);
  latency.Observe(0.5);
  latency.Observe(2);
  EXPECT_EQ(registry.TextExposition(),
            "# HELP gleaner_docs_total Documents seen.\n"
            "# TYPE gleaner_docs_total counter\n"
            "gleaner_docs_total{stage=\"dedup\"} 7\n"
            "# HELP gleaner_in_flight In flight.\n"
            "# TYPE gleaner_in_flight gauge\n"
            "gleaner_in_flight 3\n"
            "# HELP gleaner_seconds Latency.\n"
            "# TYPE gleaner_seconds histogram\n"
            "gleaner_seconds_bucket{stage=\"sentence\",le=\"0.1\"} 1\n"
            "gleaner_seconds_bucket{stage=\"sentence\",le=\"1\"} 2\n"
            "gleaner_seconds_bucket{stage=\"sentence\",le=\"+Inf\"} 3\n"
            "gleaner_seconds_sum{stage=\"sentence\"} 2.55\n"
            "gleaner_seconds_count{stage=\"sentence\"} 3\n");
}

TEST(Registry, EscapesLabelValuesAndHelp) {
  Registry registry;
  registry.AddCounter("e_total", "line one\nback\\slash", {"v"})
      .WithLabels({"quote\" back\\ nl\n"})
      .Increment();
  const std::string text = registry.TextExposition();
  EXPECT_THAT(text, HasSubstr("# HELP e_total line one\\nback\\\\slash\n"));
  EXPECT_THAT(text, HasSubstr("e_total{v=\"quote\\\" back\\\\ nl\\n\"} 1\n"));
}

TEST(Registry, FamilyWithoutChildrenStillDeclaresItsType) {
  Registry registry;
  registry.AddCounter("never_total", "Not yet counted.", {"code"});
  EXPECT_EQ(registry.TextExposition(),
            "# HELP never_total Not yet counted.\n"
            "# TYPE never_total counter\n");
}

TEST(Buckets, ExponentialAndLatency) {
  EXPECT_EQ(ExponentialBuckets(1, 2, 4), (std::vector<double>{1, 2, 4, 8}));
  const std::vector<double> latency = LatencyBuckets();
  ASSERT_FALSE(latency.empty());
  EXPECT_LE(latency.front(), 0.001);
  EXPECT_GE(latency.back(), 60);
}

}  // namespace
}  // namespace metrics
}  // namespace gleaner
