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
  const int32_t n = num_states_;
  std::sort(edges_.begin(), edges_.end(), [](const Edge& a, const Edge& b) {
    return a.parent != b.parent ? a.parent < b.parent : a.byte < b.byte;
  });
  ac.states_.assign(n, State{0, 0, -1, 0, -1, 0});
  for (const Edge& e : edges_) ++ac.states_[e.parent].num_edges;
  uint32_t offset = 0;
  for (int32_t s = 0; s < n; ++s) {
    ac.states_[s].edge_begin = offset;
    ac.states_[s].out = out_[s];
    offset += ac.states_[s].num_edges;
  }
  ac.edge_byte_.reserve(edges_.size());
  ac.edge_child_.reserve(edges_.size());
  for (const Edge& e : edges_) {
    ac.edge_byte_.push_back(e.byte);
    ac.edge_child_.push_back(e.child);
  }
  std::fill(std::begin(ac.root_), std::end(ac.root_), -1);
  for (uint32_t i = 0; i < ac.states_[0].num_edges; ++i) ac.root_[ac.edge_byte_[i]] = ac.edge_child_[i];
  for (int32_t s = 1; s < n; ++s) {
    State& st = ac.states_[s];
    if (st.num_edges < kDenseMinEdges) continue;
    st.dense_row = static_cast<int32_t>(ac.dense_.size() / 256);
    ac.dense_.resize(ac.dense_.size() + 256, -1);
    int32_t* row = &ac.dense_[ac.dense_.size() - 256];
    for (uint32_t i = st.edge_begin; i < st.edge_begin + st.num_edges; ++i) {
      row[ac.edge_byte_[i]] = ac.edge_child_[i];
    }
  }
  ac.lengths_ = std::move(lengths_);
  // Breadth-first: a state's fail link points to a shallower state, whose own
  // links are therefore final by the time we reach it.
  std::vector<int32_t> queue;
  queue.reserve(n);
  queue.push_back(0);
  for (size_t qi = 0; qi < queue.size(); ++qi) {
    const int32_t s = queue[qi];
    const uint32_t begin = ac.states_[s].edge_begin, end = begin + ac.states_[s].num_edges;
    for (uint32_t i = begin; i < end; ++i) {
      const uint8_t c = ac.edge_byte_[i];
      const int32_t child = ac.edge_child_[i];
      int32_t f = 0;
      if (s != 0) {
        int32_t t = ac.states_[s].fail;
        for (;;) {
          const int32_t next = ac.Next(t, c);
          if (next >= 0) {
            f = next;
            break;
          }
          if (t == 0) break;
          t = ac.states_[t].fail;
        }
      }
      ac.states_[child].fail = f;
      ac.states_[child].dict = ac.states_[f].out >= 0 ? f : ac.states_[f].dict;
      queue.push_back(child);
    }
  }
  return ac;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
