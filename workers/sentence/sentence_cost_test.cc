// Checks that splitting costs linear time on inputs built to defeat the
// rules for unpunctuated text: a paragraph without punctuation full of final
// endings and particles, one long word, lines that each go on into the next,
// and 100,000 emoticons, spaced and glued. Each 1 MB input is compared with a
// 10 KB piece of the same text split 100 times: the per-byte CPU time of the
// big input must stay within a generous factor of the small one's (a
// quadratic cost would make it about 100 times larger). CPU time of this
// process, not wall-clock time, and the best of a few runs, so a busy
// machine does not fail the test.
#include <algorithm>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "workers/sentence/sentence_splitter.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

constexpr size_t kSmallBytes = 10 * 1000;
constexpr size_t kBigBytes = 1000 * 1000;
// Allowed ratio of per-byte costs; linear code stays near 1.
constexpr double kMaxCostRatio = 8.0;

// Repeats `unit` until the text holds at least `bytes` bytes.
std::string Repeat(absl::string_view unit, size_t bytes) {
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) text.append(unit.data(), unit.size());
  return text;
}

// Returns the best CPU seconds per byte of splitting `text` `times` times.
double SecondsPerByte(const SentenceSplitter& splitter,
                      const std::string& text, int times) {
  double best = 1e30;
  size_t sink = 0;
  for (int run = 0; run < 3; ++run) {
    const std::clock_t start = std::clock();
    for (int i = 0; i < times; ++i) sink += splitter.Split(text).size();
    const double seconds =
        static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    best = std::min(best, seconds);
  }
  EXPECT_GT(sink, 0u);
  // A clock tick is the floor, so that a tiny time cannot divide by zero.
  const double tick = 1.0 / CLOCKS_PER_SEC;
  return std::max(best, tick) / (static_cast<double>(text.size()) * times);
}

struct CostCase {
  const char* name;
  const char* unit;  // repeated to 10 KB and to 1 MB
};

class LinearCostTest : public ::testing::TestWithParam<CostCase> {};

TEST_P(LinearCostTest, PerByteCostOfOneMegabyteMatchesTenKilobytes) {
  static const SentenceSplitter* const splitter =
      SentenceSplitter::Create().value().release();
  const std::string small = Repeat(GetParam().unit, kSmallBytes);
  const std::string big = Repeat(GetParam().unit, kBigBytes);
  const double small_cost =
      SecondsPerByte(*splitter, small, static_cast<int>(kBigBytes / kSmallBytes));
  const double big_cost = SecondsPerByte(*splitter, big, 1);
  EXPECT_LT(big_cost, kMaxCostRatio * small_cost)
      << "per-byte CPU cost " << big_cost << " s on 1 MB vs " << small_cost
      << " s on 10 KB";
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, LinearCostTest,
    ::testing::Values(
        // A paragraph without punctuation: final endings, connectives,
        // quotatives and particles, as in a long chat log.
        CostCase{"NoPunctuation",
                 "오늘 회의 끝났어요 내일 다시 연락드릴게요 도주하다 붙잡혀 "
                 "맛있다는 소문이 자자하다 나는 그게 맞다고 생각해 너는 어때 "
                 "확인함 예정임 했어 좋아 보인다 왔다 갔다 하느라 "},
        // One word with no space in it at all.
        CostCase{"NoSpaces", "끝났어요했다좋아ㅋㅋ다"},
        // Lines that each end mid-clause, joined into one long sentence.
        CostCase{"JoinedLines", "저희가 현장에 도착했을 때는\n"},
        // 100,000 emoticons and more: spaced, glued, ASCII and emoji.
        CostCase{"SpacedEmoticons", "ㅋㅋ ^^ :) 😊 "},
        CostCase{"GluedEmoticons", "ㅋㅋㅋㅠㅠ^^😊"},
        // Ellipses after final endings, with no space to stop a look back.
        CostCase{"GluedEllipses", "실화냐...했다..."},
        // Quotation marks that never close, around final endings.
        CostCase{"OpenQuotes", "“끝났어요 (좋아 ‘했다 "}),
    [](const ::testing::TestParamInfo<CostCase>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
