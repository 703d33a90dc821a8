// Status propagation macros.
//
// Debian's Abseil (20220623) ships no ABSL_RETURN_IF_ERROR / ABSL_ASSIGN_OR_RETURN,
// so Gleaner defines its own once here, as tensorstore does.
//
//   absl::Status Load() {
//     GLEANER_RETURN_IF_ERROR(Open());
//     GLEANER_ASSIGN_OR_RETURN(std::string body, Read());
//     ...
//   }
#ifndef GLEANER_SERVICES_COMMON_STATUS_MACROS_H_
#define GLEANER_SERVICES_COMMON_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns from the enclosing function if `expr` (an absl::Status) is not OK.
#define GLEANER_RETURN_IF_ERROR(expr)                    \
  do {                                                   \
    const ::absl::Status gleaner_status_ = (expr);       \
    if (!gleaner_status_.ok()) return gleaner_status_;   \
  } while (false)

#define GLEANER_STATUS_CONCAT_INNER_(a, b) a##b
#define GLEANER_STATUS_CONCAT_(a, b) GLEANER_STATUS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status from
// the enclosing function, otherwise moves the value into `lhs`, which may be
// a declaration (`auto x`) or an existing variable.
#define GLEANER_ASSIGN_OR_RETURN(lhs, rexpr)                                \
  GLEANER_ASSIGN_OR_RETURN_IMPL_(                                           \
      GLEANER_STATUS_CONCAT_(gleaner_statusor_, __LINE__), lhs, rexpr)

#define GLEANER_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();   \
  lhs = std::move(statusor).value()

#endif  // GLEANER_SERVICES_COMMON_STATUS_MACROS_H_
