// Job ids nobody can guess: 128 bits from the kernel's CSPRNG.
//
//   std::string id = NewJobId();   // "job-3f0c...e1" (32 hex digits)
//
// A job id used to be `job-<startup ms>-<counter>` (issue 14), so any client
// could read any job's status by counting. Ownership is still checked (a
// job is visible only to its client); the random id means a leaked id list
// or a lucky guess is not the only thing between two clients.
#ifndef GLEANER_SERVICES_COORDINATOR_JOB_ID_H_
#define GLEANER_SERVICES_COORDINATOR_JOB_ID_H_

#include <string>

namespace gleaner {
namespace coordinator {

// Bits of randomness in a job id.
inline constexpr int kJobIdBits = 128;

// Returns "job-" and kJobIdBits/4 lowercase hex digits from getrandom(2).
// Thread-safe. Aborts if the kernel cannot supply randomness (a process
// that cannot make ids must not make guessable ones).
std::string NewJobId();

}  // namespace coordinator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_COORDINATOR_JOB_ID_H_
