// A small Prometheus metrics registry: counters, gauges and histograms with
// labels, rendered in the text exposition format 0.0.4 (what /metrics
// serves, see http_exporter.h).
//
// Adding a metric: register its family once (registration takes a lock and
// returns the same family for the same name, so a function-local static or
// a member initialised at construction is the usual place), look up the
// labelled child once, and keep the reference: the hot path is then one
// relaxed atomic add, with no lock and no allocation.
//
//   metrics::Counter& documents =
//       metrics::DefaultRegistry()
//           .AddCounter("gleaner_stage_documents_total",
//                       "Documents a stage answered, by stage and code.",
//                       {"stage", "code"})
//           .WithLabels({"sentence", "OK"});
//   documents.Increment();
//
//   metrics::Histogram& latency =
//       metrics::DefaultRegistry()
//           .AddHistogram("gleaner_stage_seconds", "Time per stage call.",
//                         {"stage"}, metrics::LatencyBuckets())
//           .WithLabels({"sentence"});
//   latency.Observe(absl::ToDoubleSeconds(elapsed));
//
// Names follow Prometheus practice: `gleaner_` prefix, base units (seconds,
// bytes), counters end in `_total`. Every metric is listed with its meaning
// in docs/operations.md; add yours there too.
#ifndef GLEANER_SERVICES_METRICS_METRICS_H_
#define GLEANER_SERVICES_METRICS_METRICS_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace gleaner {
namespace metrics {

// A value that only goes up (documents, bytes, errors). Thread-safe; not
// copyable.
class Counter {
 public:
  Counter() = default;
  Counter(const Counter&) = delete;
  Counter& operator=(const Counter&) = delete;

  void Increment(uint64_t amount = 1) {
    value_.fetch_add(amount, std::memory_order_relaxed);
  }
  uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> value_{0};
};

// A value that goes up and down (documents in flight, index size).
// Thread-safe; not copyable.
class Gauge {
 public:
  Gauge() = default;
  Gauge(const Gauge&) = delete;
  Gauge& operator=(const Gauge&) = delete;

  void Set(double value) { value_.store(value, std::memory_order_relaxed); }
  // Adds `amount` (negative to subtract) without a lock.
  void Add(double amount);
  void Increment() { Add(1); }
  void Decrement() { Add(-1); }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// Counts observations into fixed buckets (latencies, sizes). Thread-safe;
// not copyable.
class Histogram {
 public:
  // `upper_bounds`: strictly increasing bucket bounds; +Inf is implicit.
  explicit Histogram(std::vector<double> upper_bounds);
  Histogram(const Histogram&) = delete;
  Histogram& operator=(const Histogram&) = delete;

  // Adds one observation: one atomic add for its bucket and a lock-free
  // update of the sum.
  void Observe(double value);

  const std::vector<double>& upper_bounds() const { return upper_bounds_; }
  // Observations per bucket, not cumulative; the last entry is the +Inf
  // bucket (values above every bound).
  std::vector<uint64_t> BucketCounts() const;
  // The number of observations (the sum of BucketCounts()).
  uint64_t Count() const;
  double Sum() const { return sum_.load(std::memory_order_relaxed); }

 private:
  const std::vector<double> upper_bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> buckets_;
  std::atomic<double> sum_{0};
};

// Bucket bounds for latencies in seconds: 0.5 ms to 60 s, about 2.5x apart.
std::vector<double> LatencyBuckets();
// `count` bounds: start, start * factor, start * factor^2, ...
std::vector<double> ExponentialBuckets(double start, double factor, int count);

enum class MetricType { kCounter, kGauge, kHistogram };

// The metrics of one name, one per combination of label values.
// Thread-safe; not copyable.
template <typename Metric>
class Family {
 public:
  // Returns the metric for `label_values` (one per label name, in order),
  // creating it on first use; the reference stays valid as long as the
  // registry. Takes a lock: look a child up once and keep it, not per
  // increment. A wrong number of values is a programming error (aborts).
  Metric& WithLabels(const std::vector<std::string>& label_values);

  const std::string& name() const { return name_; }
  const std::string& help() const { return help_; }
  const std::vector<std::string>& label_names() const { return label_names_; }

  // Calls `visit(label_values, metric)` for every child, in label order.
  template <typename Visitor>
  void ForEach(Visitor visit) const {
    absl::MutexLock lock(&mu_);
    for (const auto& [values, metric] : children_) visit(values, *metric);
  }

 private:
  friend class Registry;
  Family(std::string name, std::string help,
         std::vector<std::string> label_names,
         std::vector<double> upper_bounds)
      : name_(std::move(name)),
        help_(std::move(help)),
        label_names_(std::move(label_names)),
        upper_bounds_(std::move(upper_bounds)) {}

  const std::string name_;
  const std::string help_;
  const std::vector<std::string> label_names_;
  const std::vector<double> upper_bounds_;  // histograms only

  mutable absl::Mutex mu_;
  std::map<std::vector<std::string>, std::unique_ptr<Metric>> children_
      ABSL_GUARDED_BY(mu_);
};

// Families by name. Registering a name again with the same type, labels
// (and buckets) returns the existing family, so independent code can share
// a metric; registering it with a different shape, or an invalid metric or
// label name, is a programming error and aborts with a message.
// Thread-safe; not copyable.
class Registry {
 public:
  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  Family<Counter>& AddCounter(const std::string& name, const std::string& help,
                              const std::vector<std::string>& label_names = {});
  Family<Gauge>& AddGauge(const std::string& name, const std::string& help,
                          const std::vector<std::string>& label_names = {});
  Family<Histogram>& AddHistogram(const std::string& name,
                                  const std::string& help,
                                  const std::vector<std::string>& label_names,
                                  const std::vector<double>& upper_bounds);

  // Renders every family in the text exposition format 0.0.4, families in
  // name order, children in label order.
  std::string TextExposition() const;

 private:
  struct Entry {
    MetricType type;
    std::unique_ptr<Family<Counter>> counter;
    std::unique_ptr<Family<Gauge>> gauge;
    std::unique_ptr<Family<Histogram>> histogram;
  };
  Entry& FindOrAdd(MetricType type, const std::string& name,
                   const std::string& help,
                   const std::vector<std::string>& label_names,
                   const std::vector<double>& upper_bounds);

  mutable absl::Mutex mu_;
  std::map<std::string, Entry> families_ ABSL_GUARDED_BY(mu_);
};

// The process's registry: what servers export on --metrics_port.
Registry& DefaultRegistry();

}  // namespace metrics
}  // namespace gleaner

#endif  // GLEANER_SERVICES_METRICS_METRICS_H_
