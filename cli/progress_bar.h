// Progress of a batch on stderr: a redrawn bar with percent, rate and ETA
// on a terminal, a plain line every `interval` otherwise (logs, CI).
//
//   ProgressBar bar(files.size(), {.terminal = isatty(2)}, &std::cerr,
//                   absl::Now());
//   bar.Update(done, failed, bytes, absl::Now());   // prints when due
//   bar.Finish(absl::Now());
#ifndef GLEANER_CLI_PROGRESS_BAR_H_
#define GLEANER_CLI_PROGRESS_BAR_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/time/time.h"

namespace gleaner {
namespace cli {

struct ProgressOptions {
  // Redraw one line in place ('\r') and draw a bar (stderr is a terminal).
  bool terminal = false;
  // Time between redraws on a terminal.
  absl::Duration terminal_interval = absl::Milliseconds(200);
  // Time between lines otherwise.
  absl::Duration line_interval = absl::Seconds(10);
  // Characters of the bar itself.
  int width = 28;
};

// What a progress line says at one moment.
struct ProgressState {
  uint64_t done = 0;
  // 0 when unknown (stdin): no percent, bar or ETA then.
  uint64_t total = 0;
  uint64_t failed = 0;
  uint64_t bytes = 0;
  absl::Duration elapsed;
};

// Returns one progress line, e.g.
// "[########......]  45%  450/1000 docs  38.2 docs/s  1.9 MB/s  ETA 0:14".
// `bar` draws the bar; `width` is its length.
std::string FormatProgress(const ProgressState& state, bool bar, int width);

// Returns "1:05:09" / "4:07" style durations (whole seconds).
std::string FormatClock(absl::Duration duration);

// Not thread-safe: callers serialise calls. Time is passed in, so tests
// need no clock.
class ProgressBar {
 public:
  // `out` is not owned.
  ProgressBar(uint64_t total, ProgressOptions options, std::ostream* out,
              absl::Time start);

  // Records the counts; prints when the interval has passed.
  void Update(uint64_t done, uint64_t failed, uint64_t bytes, absl::Time now);

  // Prints the final state (and ends the terminal line).
  void Finish(absl::Time now);

 private:
  void Print(absl::Time now);

  const ProgressOptions options_;
  std::ostream* const out_;
  const absl::Time start_;
  ProgressState state_;
  absl::Time last_print_;
  bool printed_ = false;
};

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_PROGRESS_BAR_H_
