// The proto glue of dates: fills the extract stage's delta with the dates of
// the document's text, resolving each expression against the date of the
// story it is in, else the page's publication date, else the client's
// metadata["reference_date"]; then links the delta's amounts to the period
// the sentence gives them (`3분기 매출 350억 달러`) in amount_periods and
// appends the period as written to the amount's qualifiers.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<DatePass> pass, DatePass::Create());
//   pass->Run(input.document, delta);   // after the delta's amounts are filled
#ifndef GLEANER_WORKERS_EXTRACT_DATES_DATE_PASS_H_
#define GLEANER_WORKERS_EXTRACT_DATES_DATE_PASS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/document.pb.h"
#include "proto/gleaner/v1/stage.pb.h"
#include "workers/extract/dates/date_extractor.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace dates {

// Thread-safe (immutable after Create); not copyable.
class DatePass {
 public:
  // Builds the extractor and reads data/dates/period_metrics.tsv.
  static absl::StatusOr<std::unique_ptr<DatePass>> Create();

  DatePass(const DatePass&) = delete;
  DatePass& operator=(const DatePass&) = delete;

  // Replaces delta->dates() and delta->amount_periods(); reads the
  // document's text, blocks, repeated blocks, stories, page and metadata,
  // and the delta's amounts.
  void Run(const v1::DocumentResult& document, v1::ExtractDelta* delta) const;

 private:
  DatePass() = default;
  void LinkAmountPeriods(absl::string_view text, v1::ExtractDelta* delta) const;
  // Returns the index in delta.dates() of amount `a`'s period, or -1.
  // `next_date` walks forward over the dates as amounts go.
  int PeriodOf(absl::string_view text, const v1::ExtractDelta& delta, int a, int& next_date,
               int previous_period) const;

  std::unique_ptr<DateExtractor> extractor_;
  // Words of a reported figure (매출, 영업이익, ...).
  std::vector<std::string> metrics_;
};

}  // namespace dates
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_DATES_DATE_PASS_H_
