#include "workers/extract/entities/aho_corasick.h"

#include <algorithm>
#include <utility>

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

uint32_t AhoCorasick::Builder::Add(absl::string_view pattern) {
  if (out_.empty()) out_.push_back(-1);  // root
  int32_t state = 0;
  for (char ch : pattern) {
    const uint8_t c = Fold(static_cast<uint8_t>(ch));
    const uint64_t key = (static_cast<uint64_t>(state) << 8) | c;
    auto it = goto_.find(key);
    if (it != goto_.end()) {
      state = it->second;
      continue;
    }
    const int32_t child = num_states_++;
    goto_.emplace(key, child);
    edges_.push_back({state, c, child});
    out_.push_back(-1);
    state = child;
  }
  if (out_[state] >= 0) return static_cast<uint32_t>(out_[state]);
  const uint32_t id = static_cast<uint32_t>(lengths_.size());
  out_[state] = static_cast<int32_t>(id);
  lengths_.push_back(static_cast<uint32_t>(pattern.size()));
  return id;
}

AhoCorasick AhoCorasick::Builder::Build() && {
  AhoCorasick ac;
  if (out_.empty()) out_.push_back(-1);
  ac.AssignByteClasses(edges_);
  ac.LayOutBreadthFirst(std::move(edges_), out_);
  ac.LinkFailures();
  ac.FillDenseRows(max_dense_entries_);
  ac.lengths_ = std::move(lengths_);
  return ac;
}

void AhoCorasick::AssignByteClasses(const std::vector<Builder::Edge>& edges) {
  bool used[256] = {};
  for (const Builder::Edge& e : edges) used[e.byte] = true;
  num_classes_ = 1;
  for (int b = 0; b < 256; ++b) {
    if (used[b]) class_of_[b] = static_cast<uint8_t>(num_classes_++);
  }
  // Patterns are folded, so an upper-case letter is in its lower case's class.
  for (int b = 'A'; b <= 'Z'; ++b) class_of_[b] = class_of_[b + 32];
}

void AhoCorasick::LayOutBreadthFirst(std::vector<Builder::Edge> edges, const std::vector<int32_t>& out) {
  const uint32_t n = static_cast<uint32_t>(out.size());
  std::sort(edges.begin(), edges.end(), [](const Builder::Edge& a, const Builder::Edge& b) {
    return a.parent != b.parent ? a.parent < b.parent : a.byte < b.byte;
  });
  std::vector<uint32_t> first(n + 1, 0);  // builder state -> its first edge
  for (const Builder::Edge& e : edges) ++first[static_cast<uint32_t>(e.parent) + 1];
  for (uint32_t s = 0; s < n; ++s) first[s + 1] += first[s];
  std::vector<uint32_t> order;  // new state -> builder state
  order.reserve(n);
  order.push_back(0);
  std::vector<uint32_t> new_id(n, 0);
  edge_begin_.assign(n + 1, 0);
  edge_class_.reserve(edges.size());
  edge_next_.reserve(edges.size());
  out_.resize(n);
  for (uint32_t s = 0; s < order.size(); ++s) {
    const uint32_t old = order[s];
    edge_begin_[s] = static_cast<uint32_t>(edge_class_.size());
    out_[s] = out[old];
    for (uint32_t i = first[old]; i < first[old + 1]; ++i) {
      const uint32_t child = static_cast<uint32_t>(edges[i].child);
      new_id[child] = static_cast<uint32_t>(order.size());
      order.push_back(child);
      edge_class_.push_back(class_of_[edges[i].byte]);
      edge_next_.push_back(new_id[child]);
    }
  }
  edge_begin_[n] = static_cast<uint32_t>(edge_class_.size());
}

uint32_t AhoCorasick::Child(uint32_t state, uint8_t cls) const {
  for (uint32_t i = edge_begin_[state]; i < edge_begin_[state + 1]; ++i) {
    if (edge_class_[i] == cls) return edge_next_[i];
  }
  return 0;
}

void AhoCorasick::LinkFailures() {
  const uint32_t n = static_cast<uint32_t>(out_.size());
  fail_.assign(n, 0);
  dict_.assign(n, 0);
  // In breadth-first order a state's fail link points to a shallower state,
  // whose own links are therefore final by the time we reach it.
  for (uint32_t s = 0; s < n; ++s) {
    for (uint32_t i = edge_begin_[s]; i < edge_begin_[s + 1]; ++i) {
      const uint8_t c = edge_class_[i];
      const uint32_t child = edge_next_[i];
      uint32_t f = 0;
      if (s != 0) {
        for (uint32_t t = fail_[s];; t = fail_[t]) {
          f = Child(t, c);
          if (f != 0 || t == 0) break;
        }
      }
      fail_[child] = f;
      dict_[child] = out_[f] >= 0 ? f : dict_[f];
    }
  }
}

void AhoCorasick::FillDenseRows(size_t max_entries) {
  const uint32_t n = static_cast<uint32_t>(out_.size());
  auto value = [&](uint32_t s) { return s | (out_[s] >= 0 || dict_[s] != 0 ? kHasMatch : 0u); };
  num_dense_ = static_cast<uint32_t>(std::max<size_t>(1, std::min<size_t>(n, max_entries / num_classes_)));
  dense_.assign(static_cast<size_t>(num_dense_) * num_classes_, 0);
  for (uint32_t s = 0; s < num_dense_; ++s) {
    uint32_t* row = &dense_[static_cast<size_t>(s) * num_classes_];
    // A missing edge goes where the fail state goes; it is shallower, so its
    // row is complete.
    if (s != 0) std::copy_n(&dense_[static_cast<size_t>(fail_[s]) * num_classes_], num_classes_, row);
    for (uint32_t i = edge_begin_[s]; i < edge_begin_[s + 1]; ++i) row[edge_class_[i]] = value(edge_next_[i]);
  }
  for (uint32_t& next : edge_next_) next = value(next);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
