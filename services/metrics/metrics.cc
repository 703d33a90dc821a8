#include "services/metrics/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace gleaner {
namespace metrics {
namespace {

// Registration mistakes are programming errors found by the first run of
// the binary, like a malformed flag definition: stop at once and say why.
[[noreturn]] void Fatal(const std::string& message) {
  std::fprintf(stderr, "metrics: %s\n", message.c_str());
  std::abort();
}

void AddTo(std::atomic<double>& target, double amount) {
  double current = target.load(std::memory_order_relaxed);
  while (!target.compare_exchange_weak(current, current + amount,
                                       std::memory_order_relaxed)) {
  }
}

bool IsValidName(const std::string& name, bool allow_colon) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        c == '_' || (allow_colon && c == ':');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

// Exposition format numbers: integers exactly, +Inf/-Inf/NaN by name, and
// other values with as many digits as round-trip.
std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return absl::StrFormat("%.0f", value);
  }
  std::string shortest = absl::StrFormat("%.15g", value);
  if (std::strtod(shortest.c_str(), nullptr) == value) return shortest;
  return absl::StrFormat("%.17g", value);
}

// HELP text escapes backslash and newline; label values also the quote.
std::string Escape(const std::string& text, bool quote) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (quote && c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

// `{a="x",b="y"}` (empty without labels), with `extra` (such as le="0.5")
// appended.
std::string LabelSet(const std::vector<std::string>& names,
                     const std::vector<std::string>& values,
                     const std::string& extra = "") {
  std::vector<std::string> pairs;
  for (size_t i = 0; i < names.size(); ++i) {
    pairs.push_back(absl::StrCat(names[i], "=\"", Escape(values[i], true), "\""));
  }
  if (!extra.empty()) pairs.push_back(extra);
  if (pairs.empty()) return "";
  return absl::StrCat("{", absl::StrJoin(pairs, ","), "}");
}

template <typename Metric>
std::unique_ptr<Metric> MakeMetric(const std::vector<double>& upper_bounds);
template <>
std::unique_ptr<Counter> MakeMetric(const std::vector<double>&) {
  return std::make_unique<Counter>();
}
template <>
std::unique_ptr<Gauge> MakeMetric(const std::vector<double>&) {
  return std::make_unique<Gauge>();
}
template <>
std::unique_ptr<Histogram> MakeMetric(const std::vector<double>& upper_bounds) {
  return std::make_unique<Histogram>(upper_bounds);
}

void Header(const std::string& name, const std::string& help,
            const char* type, std::string& out) {
  absl::StrAppend(&out, "# HELP ", name, " ", Escape(help, false), "\n",
                  "# TYPE ", name, " ", type, "\n");
}

void Render(const Family<Counter>& family, std::string& out) {
  Header(family.name(), family.help(), "counter", out);
  family.ForEach([&](const std::vector<std::string>& values, const Counter& c) {
    absl::StrAppend(&out, family.name(), LabelSet(family.label_names(), values),
                    " ", c.Value(), "\n");
  });
}

void Render(const Family<Gauge>& family, std::string& out) {
  Header(family.name(), family.help(), "gauge", out);
  family.ForEach([&](const std::vector<std::string>& values, const Gauge& g) {
    absl::StrAppend(&out, family.name(), LabelSet(family.label_names(), values),
                    " ", FormatValue(g.Value()), "\n");
  });
}

void Render(const Family<Histogram>& family, std::string& out) {
  Header(family.name(), family.help(), "histogram", out);
  const std::string& name = family.name();
  const std::vector<std::string>& names = family.label_names();
  family.ForEach([&](const std::vector<std::string>& values,
                     const Histogram& h) {
    // One snapshot of the buckets, so that the cumulative counts, +Inf and
    // _count agree with each other even while observations arrive.
    const std::vector<uint64_t> counts = h.BucketCounts();
    uint64_t cumulative = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
      cumulative += counts[i];
      const std::string le =
          i < h.upper_bounds().size() ? FormatValue(h.upper_bounds()[i]) : "+Inf";
      absl::StrAppend(&out, name, "_bucket",
                      LabelSet(names, values, absl::StrCat("le=\"", le, "\"")),
                      " ", cumulative, "\n");
    }
    absl::StrAppend(&out, name, "_sum", LabelSet(names, values), " ",
                    FormatValue(h.Sum()), "\n", name, "_count",
                    LabelSet(names, values), " ", cumulative, "\n");
  });
}

}  // namespace

void Gauge::Add(double amount) { AddTo(value_, amount); }

Histogram::Histogram(std::vector<double> upper_bounds)
    : upper_bounds_(std::move(upper_bounds)),
      buckets_(new std::atomic<uint64_t>[upper_bounds_.size() + 1]) {
  for (size_t i = 1; i < upper_bounds_.size(); ++i) {
    if (!(upper_bounds_[i - 1] < upper_bounds_[i])) {
      Fatal("histogram bucket bounds must increase strictly");
    }
  }
  for (size_t i = 0; i <= upper_bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::Observe(double value) {
  // Bucket i counts values <= bound i (Prometheus's `le`).
  const size_t bucket =
      std::lower_bound(upper_bounds_.begin(), upper_bounds_.end(), value) -
      upper_bounds_.begin();
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  AddTo(sum_, value);
}

std::vector<uint64_t> Histogram::BucketCounts() const {
  std::vector<uint64_t> counts(upper_bounds_.size() + 1);
  for (size_t i = 0; i < counts.size(); ++i) {
    counts[i] = buckets_[i].load(std::memory_order_relaxed);
  }
  return counts;
}

uint64_t Histogram::Count() const {
  uint64_t total = 0;
  for (uint64_t count : BucketCounts()) total += count;
  return total;
}

std::vector<double> ExponentialBuckets(double start, double factor,
                                       int count) {
  std::vector<double> bounds;
  double bound = start;
  for (int i = 0; i < count; ++i, bound *= factor) bounds.push_back(bound);
  return bounds;
}

std::vector<double> LatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
          0.25,   0.5,   1,      2.5,   5,    10,    30,   60};
}

template <typename Metric>
Metric& Family<Metric>::WithLabels(
    const std::vector<std::string>& label_values) {
  if (label_values.size() != label_names_.size()) {
    Fatal(absl::StrCat(name_, ": ", label_values.size(),
                       " label values for labels (",
                       absl::StrJoin(label_names_, ","), ")"));
  }
  absl::MutexLock lock(&mu_);
  std::unique_ptr<Metric>& metric = children_[label_values];
  if (metric == nullptr) metric = MakeMetric<Metric>(upper_bounds_);
  return *metric;
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

Registry::Entry& Registry::FindOrAdd(
    MetricType type, const std::string& name, const std::string& help,
    const std::vector<std::string>& label_names,
    const std::vector<double>& upper_bounds) {
  if (!IsValidName(name, /*allow_colon=*/true)) {
    Fatal(absl::StrCat("invalid metric name '", name, "'"));
  }
  for (const std::string& label : label_names) {
    if (!IsValidName(label, /*allow_colon=*/false) || label == "le" ||
        label.rfind("__", 0) == 0) {
      Fatal(absl::StrCat(name, ": invalid label name '", label, "'"));
    }
  }
  absl::MutexLock lock(&mu_);
  auto [it, inserted] = families_.try_emplace(name);
  Entry& entry = it->second;
  if (inserted) {
    entry.type = type;
    switch (type) {
      case MetricType::kCounter:
        entry.counter.reset(new Family<Counter>(name, help, label_names, {}));
        break;
      case MetricType::kGauge:
        entry.gauge.reset(new Family<Gauge>(name, help, label_names, {}));
        break;
      case MetricType::kHistogram:
        entry.histogram.reset(
            new Family<Histogram>(name, help, label_names, upper_bounds));
        break;
    }
    return entry;
  }
  const bool same_labels =
      (entry.counter && entry.counter->label_names() == label_names) ||
      (entry.gauge && entry.gauge->label_names() == label_names) ||
      (entry.histogram && entry.histogram->label_names() == label_names &&
       entry.histogram->upper_bounds_ == upper_bounds);
  if (entry.type != type || !same_labels) {
    Fatal(absl::StrCat("metric '", name,
                       "' registered twice with different types, labels or "
                       "buckets"));
  }
  return entry;
}

Family<Counter>& Registry::AddCounter(
    const std::string& name, const std::string& help,
    const std::vector<std::string>& label_names) {
  return *FindOrAdd(MetricType::kCounter, name, help, label_names, {}).counter;
}

Family<Gauge>& Registry::AddGauge(const std::string& name,
                                  const std::string& help,
                                  const std::vector<std::string>& label_names) {
  return *FindOrAdd(MetricType::kGauge, name, help, label_names, {}).gauge;
}

Family<Histogram>& Registry::AddHistogram(
    const std::string& name, const std::string& help,
    const std::vector<std::string>& label_names,
    const std::vector<double>& upper_bounds) {
  return *FindOrAdd(MetricType::kHistogram, name, help, label_names,
                    upper_bounds)
              .histogram;
}

std::string Registry::TextExposition() const {
  std::string out;
  absl::MutexLock lock(&mu_);
  for (const auto& [name, entry] : families_) {
    if (entry.counter) Render(*entry.counter, out);
    if (entry.gauge) Render(*entry.gauge, out);
    if (entry.histogram) Render(*entry.histogram, out);
  }
  return out;
}

Registry& DefaultRegistry() {
  // Never destroyed: metrics may be touched by threads still running while
  // static destructors run at exit.
  static Registry* const registry = new Registry;
  return *registry;
}

}  // namespace metrics
}  // namespace gleaner
