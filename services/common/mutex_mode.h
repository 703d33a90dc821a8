// Debian builds Abseil without NDEBUG, so every absl::Mutex (gRPC's locks
// included: gRPC 1.51 implements gpr_mu with absl::Mutex) runs Abseil's
// debug-mode deadlock detector on each Lock(): a global lock and a walk of
// the lock-order graph. Measured 99 ns against 28 ns for two nested
// lock/unlock pairs, and 1-2% of every server's samples in GraphCycles.
//
// Production binaries (the servers, through RunServerUntilSignalled, and
// `gleaner`) turn it off first thing; tests keep it, so a lock-order
// inversion is still caught where it is cheap to find.
#ifndef GLEANER_SERVICES_COMMON_MUTEX_MODE_H_
#define GLEANER_SERVICES_COMMON_MUTEX_MODE_H_

namespace gleaner {

void SkipMutexDeadlockDetection();

}  // namespace gleaner

#endif  // GLEANER_SERVICES_COMMON_MUTEX_MODE_H_
