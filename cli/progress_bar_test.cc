#include "cli/progress_bar.h"

#include <sstream>

#include "gtest/gtest.h"

namespace gleaner {
namespace cli {
namespace {

TEST(FormatClock, MinutesAndHours) {
  EXPECT_EQ(FormatClock(absl::Seconds(0)), "0:00");
  EXPECT_EQ(FormatClock(absl::Seconds(65)), "1:05");
  EXPECT_EQ(FormatClock(absl::Seconds(3 * 3600 + 7)), "3:00:07");
  EXPECT_EQ(FormatClock(absl::Seconds(-4)), "0:00");
}

TEST(FormatProgress, States) {
  const struct {
    ProgressState state;
    bool bar;
    std::string line;
  } kCases[] = {
      {{250, 1000, 0, 5000000, absl::Seconds(10)}, true,
       "[##........]  25%  250/1000 docs  25.0 docs/s  0.5 MB/s  ETA 0:30"},
      {{250, 1000, 3, 5000000, absl::Seconds(10)}, false,
       " 25%  250/1000 docs (3 failed)  25.0 docs/s  0.5 MB/s  ETA 0:30"},
      {{1000, 1000, 0, 0, absl::Seconds(80)}, true,
       "[##########] 100%  1000/1000 docs  12.5 docs/s  0.0 MB/s  in 1:20"},
      // Unknown total (stdin): no percent, no ETA.
      {{40, 0, 0, 2000000, absl::Seconds(4)}, true, "40 docs  10.0 docs/s  0.5 MB/s"},
      // Nothing done yet: no rate to extrapolate.
      {{0, 10, 0, 0, absl::ZeroDuration()}, false, "  0%  0/10 docs  0.0 docs/s  0.0 MB/s"},
  };
  for (const auto& c : kCases) EXPECT_EQ(FormatProgress(c.state, c.bar, 10), c.line);
}

TEST(ProgressBar, PrintsLinesAtTheIntervalOffATerminal) {
  std::ostringstream out;
  const absl::Time start = absl::FromUnixSeconds(1000);
  ProgressOptions options;
  options.line_interval = absl::Seconds(10);
  ProgressBar bar(4, options, &out, start);
  bar.Update(1, 0, 0, start + absl::Seconds(5));  // not due
  EXPECT_EQ(out.str(), "");
  bar.Update(2, 0, 0, start + absl::Seconds(10));
  EXPECT_EQ(out.str(), "gleaner:  50%  2/4 docs  0.2 docs/s  0.0 MB/s  ETA 0:10\n");
  bar.Finish(start + absl::Seconds(12));
  EXPECT_EQ(out.str().substr(out.str().rfind("gleaner:")),
            "gleaner:  50%  2/4 docs  0.2 docs/s  0.0 MB/s  ETA 0:12\n");
}

TEST(ProgressBar, RedrawsOneLineOnATerminal) {
  std::ostringstream out;
  const absl::Time start = absl::FromUnixSeconds(1000);
  ProgressOptions options;
  options.terminal = true;
  options.width = 4;
  ProgressBar bar(2, options, &out, start);
  bar.Update(1, 0, 0, start + absl::Seconds(1));
  bar.Update(2, 0, 0, start + absl::Seconds(2));
  bar.Finish(start + absl::Seconds(2));
  EXPECT_EQ(out.str(),
            "\r[##..]  50%  1/2 docs  1.0 docs/s  0.0 MB/s  ETA 0:01\033[K"
            "\r[####] 100%  2/2 docs  1.0 docs/s  0.0 MB/s  in 0:02\033[K"
            "\r[####] 100%  2/2 docs  1.0 docs/s  0.0 MB/s  in 0:02\033[K\n");
}

TEST(ProgressBar, ShortBatchOffATerminalStaysQuiet) {
  std::ostringstream out;
  const absl::Time start = absl::FromUnixSeconds(1000);
  ProgressBar bar(1, ProgressOptions(), &out, start);
  bar.Update(1, 0, 0, start + absl::Seconds(1));
  bar.Finish(start + absl::Seconds(1));
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
