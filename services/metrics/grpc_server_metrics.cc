#include "services/metrics/grpc_server_metrics.h"

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/support/server_interceptor.h"

namespace gleaner {
namespace metrics {
namespace {

using grpc::experimental::InterceptionHookPoints;

// gRPC status codes run 0 (OK) .. 16 (UNAUTHENTICATED).
constexpr int kCodes = 17;

// Service and method of "/gleaner.v1.Sentence/Process".
std::pair<std::string, std::string> SplitMethod(const std::string& full) {
  const size_t slash = full.find('/', 1);
  if (full.empty() || full[0] != '/' || slash == std::string::npos) {
    return {"unknown", full};
  }
  return {full.substr(1, slash - 1), full.substr(slash + 1)};
}

// One method's metrics; the per-code counters are made on first use so that
// /metrics lists only codes that occurred.
class MethodMetrics {
 public:
  MethodMetrics(Registry& registry, const std::string& full_method)
      : handled_(&registry.AddCounter(
            "gleaner_grpc_server_handled_total",
            "RPCs completed by the server, by service, method and status "
            "code.",
            {"grpc_service", "grpc_method", "grpc_code"})) {
    std::tie(service_, method_) = SplitMethod(full_method);
    latency_ = &registry
                    .AddHistogram("gleaner_grpc_server_handling_seconds",
                                  "Time from an RPC's start to its status, "
                                  "by service and method.",
                                  {"grpc_service", "grpc_method"},
                                  LatencyBuckets())
                    .WithLabels({service_, method_});
    in_flight_ =
        &registry
             .AddGauge("gleaner_grpc_server_in_flight",
                       "RPCs started and not yet completed, by service and "
                       "method.",
                       {"grpc_service", "grpc_method"})
             .WithLabels({service_, method_});
    for (auto& counter : by_code_) counter.store(nullptr);
  }

  Gauge& in_flight() { return *in_flight_; }

  void Completed(grpc::StatusCode code, absl::Duration elapsed) {
    const int index = static_cast<int>(code);
    Counter* counter = nullptr;
    if (index >= 0 && index < kCodes) {
      counter = by_code_[index].load(std::memory_order_acquire);
      if (counter == nullptr) {
        // gRPC's and Abseil's canonical codes share numbers and names.
        counter = &handled_->WithLabels(
            {service_, method_,
             absl::StatusCodeToString(static_cast<absl::StatusCode>(code))});
        by_code_[index].store(counter, std::memory_order_release);
      }
    } else {
      counter = &handled_->WithLabels({service_, method_, "UNKNOWN"});
    }
    counter->Increment();
    latency_->Observe(absl::ToDoubleSeconds(elapsed));
  }

 private:
  Family<Counter>* const handled_;
  std::string service_, method_;
  Histogram* latency_;
  Gauge* in_flight_;
  std::array<std::atomic<Counter*>, kCodes> by_code_;
};

// Method name -> metrics, filled as methods are first called.
class MethodTable {
 public:
  explicit MethodTable(Registry& registry) : registry_(registry) {}

  MethodMetrics& Get(const char* full_method) {
    const std::string name = full_method == nullptr ? "" : full_method;
    {
      absl::ReaderMutexLock lock(&mu_);
      auto it = methods_.find(name);
      if (it != methods_.end()) return *it->second;
    }
    absl::MutexLock lock(&mu_);
    std::unique_ptr<MethodMetrics>& metrics = methods_[name];
    if (metrics == nullptr) {
      metrics = std::make_unique<MethodMetrics>(registry_, name);
    }
    return *metrics;
  }

 private:
  Registry& registry_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<MethodMetrics>> methods_
      ABSL_GUARDED_BY(mu_);
};

// Lives exactly as long as one RPC: gRPC creates it when the call starts
// and destroys it when the call is done.
class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit MetricsInterceptor(MethodMetrics& metrics)
      : metrics_(metrics), start_(absl::Now()) {
    metrics_.in_flight().Increment();
  }
  ~MetricsInterceptor() override {
    metrics_.in_flight().Decrement();
    // An RPC cancelled before it sent a status never reached
    // PRE_SEND_STATUS: it counts as CANCELLED.
    metrics_.Completed(code_, absl::Now() - start_);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      code_ = methods->GetSendStatus().error_code();
    }
    methods->Proceed();
  }

 private:
  MethodMetrics& metrics_;
  const absl::Time start_;
  grpc::StatusCode code_ = grpc::StatusCode::CANCELLED;
};

class MetricsInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(Registry& registry)
      : methods_(registry) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new MetricsInterceptor(methods_.Get(info->method()));
  }

 private:
  // The server owns the factory for its whole life, so every interceptor's
  // MethodMetrics outlives it.
  MethodTable methods_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewGrpcServerMetrics(Registry& registry) {
  return std::make_unique<MetricsInterceptorFactory>(registry);
}

}  // namespace metrics
}  // namespace gleaner
