#include "workers/extract/amounts/amount.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {

absl::string_view AmountKindName(AmountKind kind) {
  switch (kind) {
    case AmountKind::kMoney:
      return "MONEY";
    case AmountKind::kPercent:
      return "PERCENT";
    case AmountKind::kPercentPoint:
      return "PERCENT_POINT";
    case AmountKind::kQuantity:
      return "QUANTITY";
  }
  return "QUANTITY";
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
