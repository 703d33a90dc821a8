// The table `gleaner run` and `gleaner submit` print when a batch ends:
// documents, failures by stage, duplicates, top entities, largest amounts.
//
//   RunSummary summary;
//   summary.Add(result);                       // for every result
//   std::cerr << summary.Format(batch_summary, /*top=*/5);
#ifndef GLEANER_CLI_RUN_SUMMARY_H_
#define GLEANER_CLI_RUN_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace cli {

// Returns the columns a terminal uses for `text`: two for Hangul and other
// East Asian wide characters, one otherwise.
int DisplayWidth(absl::string_view text);

// Not thread-safe: callers serialise Add. Copyable.
class RunSummary {
 public:
  // Counts one result.
  void Add(const v1::DocumentResult& result);

  // Returns the table; `totals` gives documents, bytes and time, `top` the
  // rows of the entity and amount lists.
  std::string Format(const v1::BatchSummary& totals, int top) const;

  // Documents with at least one stage error.
  uint64_t failed_documents() const { return failed_documents_; }

 private:
  struct Money {
    double value = 0;  // for ranking only; the text keeps the exact value
    std::string text;
    std::string currency;
    std::string document_id;
  };
  void AddMoney(const v1::DocumentResult& result, const v1::Amount& amount);

  uint64_t failed_documents_ = 0;
  std::map<std::string, uint64_t> failures_by_stage_;
  absl::flat_hash_map<std::string, uint64_t> mentions_;
  // The largest money amounts per currency, largest first, and how many
  // money amounts each currency had.
  std::map<std::string, std::vector<Money>> largest_;
  std::map<std::string, uint64_t> money_count_;
  static constexpr size_t kKeptPerCurrency = 10;
};

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_RUN_SUMMARY_H_
