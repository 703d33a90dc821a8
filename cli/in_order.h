// Puts values that arrive in completion order back into input order.
//
//   InOrder<v1::DocumentResult> order;
//   order.Expect("a"); order.Expect("b");
//   order.Add("b", b, emit);   // held
//   order.Add("a", a, emit);   // emits a, then b
#ifndef GLEANER_CLI_IN_ORDER_H_
#define GLEANER_CLI_IN_ORDER_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"

namespace gleaner {
namespace cli {

// Not thread-safe: callers serialise calls. The pipeline's in-flight
// window bounds how many values are held.
template <typename T>
class InOrder {
 public:
  // Declares that the value with `id` is the next in input order.
  void Expect(const std::string& id) { order_[id] = next_expected_++; }

  // Emits `value` (an id never expected at once) and then every held value
  // that is now due.
  template <typename Emit>
  void Add(const std::string& id, T value, const Emit& emit) {
    auto it = order_.find(id);
    if (it == order_.end()) {
      emit(value);
      return;
    }
    held_.emplace(it->second, std::move(value));
    order_.erase(it);
    while (!held_.empty() && held_.begin()->first == next_to_emit_) {
      emit(held_.begin()->second);
      held_.erase(held_.begin());
      ++next_to_emit_;
    }
  }

  // Emits whatever is still held (values whose predecessors never came).
  template <typename Emit>
  void Flush(const Emit& emit) {
    for (auto& [sequence, value] : held_) emit(value);
    held_.clear();
  }

 private:
  absl::flat_hash_map<std::string, uint64_t> order_;
  std::map<uint64_t, T> held_;
  uint64_t next_expected_ = 0;
  uint64_t next_to_emit_ = 0;
};

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_IN_ORDER_H_
