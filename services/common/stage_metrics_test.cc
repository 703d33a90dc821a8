#include "services/common/stage_metrics.h"

#include "gtest/gtest.h"

namespace gleaner {
namespace {

TEST(StageLabel, ShortLowerCaseNames) {
  EXPECT_EQ(StageLabel(v1::STAGE_SENTENCE), "sentence");
  EXPECT_EQ(StageLabel(v1::STAGE_AGGREGATE), "aggregator");
  EXPECT_EQ(StageLabel(v1::STAGE_COORDINATOR), "coordinator");
}

TEST(StageLabelOfService, LowerCasedLastComponent) {
  EXPECT_EQ(StageLabelOfService("gleaner.v1.Sentence"), "sentence");
  EXPECT_EQ(StageLabelOfService("gleaner.v1.Aggregator"), "aggregator");
  EXPECT_EQ(StageLabelOfService("Dedup"), "dedup");
}

TEST(StageMetrics, CountsDocumentsBytesAndErrorsByCode) {
  metrics::Registry registry;
  StageMetrics stage(v1::STAGE_EXTRACT, registry);
  stage.Start(100).Finish(v1::StageResponse());
  v1::StageResponse failed;
  failed.mutable_error()->set_code("INVALID_ARGUMENT");
  stage.Start(20).Finish(failed);

  EXPECT_EQ(registry.AddCounter("gleaner_stage_documents_total", "", {"stage"})
                .WithLabels({"extract"})
                .Value(),
            2u);
  EXPECT_EQ(registry.AddCounter("gleaner_stage_bytes_total", "", {"stage"})
                .WithLabels({"extract"})
                .Value(),
            120u);
  EXPECT_EQ(registry
                .AddCounter("gleaner_stage_document_errors_total", "",
                            {"stage", "code"})
                .WithLabels({"extract", "INVALID_ARGUMENT"})
                .Value(),
            1u);
  EXPECT_EQ(registry.AddGauge("gleaner_stage_in_flight", "", {"stage"})
                .WithLabels({"extract"})
                .Value(),
            0);
  EXPECT_EQ(registry
                .AddHistogram("gleaner_stage_processing_seconds", "",
                              {"stage"}, metrics::LatencyBuckets())
                .WithLabels({"extract"})
                .Count(),
            2u);
}

}  // namespace
}  // namespace gleaner
