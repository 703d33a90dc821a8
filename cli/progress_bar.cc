#include "cli/progress_bar.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace gleaner {
namespace cli {

std::string FormatClock(absl::Duration duration) {
  int64_t seconds = std::max<int64_t>(0, absl::ToInt64Seconds(duration));
  const int64_t hours = seconds / 3600;
  seconds %= 3600;
  if (hours > 0) return absl::StrFormat("%d:%02d:%02d", hours, seconds / 60, seconds % 60);
  return absl::StrFormat("%d:%02d", seconds / 60, seconds % 60);
}

std::string FormatProgress(const ProgressState& state, bool bar, int width) {
  const double seconds = absl::ToDoubleSeconds(state.elapsed);
  const double docs_per_second = seconds > 0 ? state.done / seconds : 0;
  std::string line;
  if (state.total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(state.done) / state.total);
    if (bar) {
      const int filled = static_cast<int>(fraction * width);
      absl::StrAppend(&line, "[", std::string(filled, '#'), std::string(width - filled, '.'),
                      "] ");
    }
    absl::StrAppend(&line, absl::StrFormat("%3d%%  %d/%d docs", static_cast<int>(fraction * 100),
                                           state.done, state.total));
  } else {
    absl::StrAppend(&line, absl::StrFormat("%d docs", state.done));
  }
  if (state.failed > 0) absl::StrAppend(&line, absl::StrFormat(" (%d failed)", state.failed));
  absl::StrAppend(&line, absl::StrFormat("  %.1f docs/s  %.1f MB/s", docs_per_second,
                                         seconds > 0 ? state.bytes / seconds / 1e6 : 0.0));
  if (state.total > 0 && state.done < state.total && docs_per_second > 0) {
    absl::StrAppend(&line, "  ETA ",
                    FormatClock(absl::Seconds((state.total - state.done) / docs_per_second)));
  } else if (state.total > 0 && state.done >= state.total) {
    absl::StrAppend(&line, "  in ", FormatClock(state.elapsed));
  }
  return line;
}

ProgressBar::ProgressBar(uint64_t total, ProgressOptions options, std::ostream* out,
                         absl::Time start)
    : options_(options), out_(out), start_(start), last_print_(start) {
  state_.total = total;
}

void ProgressBar::Update(uint64_t done, uint64_t failed, uint64_t bytes, absl::Time now) {
  state_.done = done;
  state_.failed = failed;
  state_.bytes = bytes;
  const absl::Duration interval =
      options_.terminal ? options_.terminal_interval : options_.line_interval;
  if (now - last_print_ >= interval) Print(now);
}

void ProgressBar::Print(absl::Time now) {
  last_print_ = now;
  state_.elapsed = now - start_;
  const std::string line = FormatProgress(state_, options_.terminal, options_.width);
  if (options_.terminal) {
    // \033[K clears what a longer previous line left behind.
    *out_ << "\r" << line << "\033[K" << std::flush;
  } else {
    *out_ << "gleaner: " << line << "\n" << std::flush;
  }
  printed_ = true;
}

void ProgressBar::Finish(absl::Time now) {
  // A short batch that never printed stays quiet off a terminal: the
  // summary follows anyway.
  if (options_.terminal || printed_) Print(now);
  if (options_.terminal) *out_ << "\n" << std::flush;
}

}  // namespace cli
}  // namespace gleaner
