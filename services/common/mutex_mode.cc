#include "services/common/mutex_mode.h"

#include "absl/synchronization/mutex.h"

namespace gleaner {

void SkipMutexDeadlockDetection() {
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

}  // namespace gleaner
