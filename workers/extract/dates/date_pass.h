// The proto glue of dates: fills DocumentResult.dates from the text,
// resolving each expression against the date of the story it is in, else
// the page's publication date, else RawDocument.metadata["reference_date"];
// then links amounts to the period the sentence gives them
// (`3분기 매출 350억 달러`) in DocumentResult.amount_periods and appends the
// period as written to the amount's qualifiers.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<DatePass> pass, DatePass::Create());
//   pass->Run(request.document(), result);   // after amounts are filled
#ifndef GLEANER_WORKERS_EXTRACT_DATES_DATE_PASS_H_
#define GLEANER_WORKERS_EXTRACT_DATES_DATE_PASS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/document.pb.h"
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

  // Replaces result->dates() and result->amount_periods(); reads text,
  // blocks, repeated blocks, sentences, stories, page and amounts.
  void Run(const v1::RawDocument& document, v1::DocumentResult* result) const;

 private:
  DatePass() = default;
  void LinkAmountPeriods(v1::DocumentResult* result) const;
  // Returns the index in result.dates() of amount `a`'s period, or -1.
  // `next_date` walks forward over the dates as amounts go.
  int PeriodOf(const v1::DocumentResult& result, int a, int& next_date,
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
