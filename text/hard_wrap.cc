#include "text/hard_wrap.h"

#include <algorithm>
#include <map>

#include "text/char_class.h"
#include "text/utf8.h"

namespace gleaner {
namespace text {
namespace {

// Narrower fixed widths are verse, lists or tables, not wrapping.
constexpr size_t kMinWidthColumns = 40;
constexpr size_t kMinWidthChars = 20;
// Wider fixed widths are not wire feeds (they wrap at 64-80 columns).
constexpr size_t kMaxWidth = 160;
// Evidence needed: lines that reach the width, and a paragraph of at least
// three lines (two full lines in a row).
constexpr size_t kMinFullLines = 3;
constexpr size_t kMinFullRun = 2;
// At most one line in ten may be longer than the width (a URL, a table).
constexpr size_t kMaxOverPerFull = 10;

struct Line {
  size_t begin = 0;     // first byte
  size_t end = 0;       // one past the last byte, before "\r\n" / "\n"
  size_t next = 0;      // first byte of the next line
  size_t columns = 0;   // display width, trailing spaces excluded
  size_t chars = 0;     // code points, trailing spaces excluded
  bool blank = true;    // only white space
  bool joinable = true;  // no tab, bar or run of spaces (table layout)
  bool starts_paragraph = false;  // indented or a list item
};

// Returns true for the markers that start a list item or a new item in a
// wire feed (▲ 등), so a full line before one is not joined to it.
bool IsItemMarker(char32_t c) {
  switch (c) {
    case 0x2022: case 0x25B2: case 0x25B3:
    case 0x25A0: case 0x25A1: case 0x25CF: case 0x25CB: case 0x25C6:
    case 0x25C7: case 0x25B6: case 0x25B7: case 0x203B: case 0x2605:
    case 0x2606: case 0x3010:  // 【
      return true;
    default:
      return false;
  }
}

// Measures one line with byte loops (this runs over every plain document,
// wrapped or not, so it avoids decoding all but the line's two ends).
Line MeasureLine(absl::string_view text, size_t begin, size_t end) {
  Line line;
  line.begin = begin;
  line.end = end;
  const absl::string_view all = text.substr(0, end);
  size_t first = begin;  // first non-space byte
  while (first < end) {
    char32_t cp;
    const size_t len = DecodeUtf8(all, first, &cp);
    if (!IsUnicodeSpace(cp)) break;
    first += len;
  }
  if (first == end) return line;  // blank
  line.blank = false;
  char32_t lead;
  DecodeUtf8(all, begin, &lead);
  line.starts_paragraph = first > begin || IsItemMarker(lead);
  size_t last = end;  // one past the last non-space byte
  for (;;) {
    char32_t cp;
    const size_t start = DecodeUtf8Before(all, last, &cp);
    if (!IsUnicodeSpace(cp)) break;
    last = start;
  }
  // Branch-free counts (ASCII and Hangul alternate unpredictably): a lead
  // byte >= 0xC0 starts a two-column character, continuation bytes add
  // nothing. Tabs, bars and runs of spaces inside the text (not the indent)
  // are table layout.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t continuation = 0, wide = 0;
  for (size_t i = begin; i < last; ++i) {
    continuation += (p[i] & 0xC0) == 0x80;
    wide += p[i] >= 0xC0;
  }
  size_t layout = p[first] == '|';  // p[first] is not a space
  for (size_t i = first + 1; i < last; ++i) {
    layout += (p[i] == '\t') | (p[i] == '|') |
              ((p[i] == ' ') & (p[i - 1] == ' '));
  }
  line.chars = (last - begin) - continuation;
  line.columns = line.chars + wide;
  line.joinable = layout == 0;
  return line;
}

std::vector<Line> SplitLines(absl::string_view text) {
  std::vector<Line> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    const size_t next = nl == absl::string_view::npos ? text.size() : nl + 1;
    if (nl == absl::string_view::npos) nl = text.size();
    const size_t end = nl > begin && text[nl - 1] == '\r' ? nl - 1 : nl;
    lines.push_back(MeasureLine(text, begin, end));
    lines.back().next = next;
    begin = next;
  }
  return lines;
}

// Returns true if `value` reaches the wrap width: a full line. A column
// width may fall two short (a Hangul that did not fit, plus a trailing
// space); a character width one (a trailing space).
size_t Slack(bool columns) { return columns ? 2 : 1; }

bool IsFull(size_t value, const HardWrap& wrap) {
  return wrap.width > 0 && value <= wrap.width &&
         value + Slack(wrap.columns) >= wrap.width;
}

size_t Measure(const Line& line, bool columns) {
  return columns ? line.columns : line.chars;
}

// Returns the best wrap width for one measure and how many lines reach it
// (width 0 when the evidence is not there).
HardWrap BestWidth(const std::vector<Line>& lines, bool columns,
                   size_t* full_lines) {
  std::map<size_t, size_t> counts;  // measure -> lines
  for (const Line& line : lines) {
    if (!line.blank) ++counts[Measure(line, columns)];
  }
  HardWrap best;
  best.columns = columns;
  *full_lines = 0;
  const size_t min_width = columns ? kMinWidthColumns : kMinWidthChars;
  size_t total = 0;
  for (const auto& entry : counts) total += entry.second;
  size_t at_most = 0;  // lines no longer than the candidate width
  for (const auto& [width, n] : counts) {
    at_most += n;
    if (width < min_width || width > kMaxWidth) continue;
    const HardWrap candidate{columns, width};
    size_t full = 0;
    for (auto it = counts.lower_bound(width - Slack(columns));
         it != counts.end() && it->first <= width; ++it) {
      full += it->second;
    }
    const size_t over = total - at_most;
    if (full < kMinFullLines || over * kMaxOverPerFull > full) continue;
    if (full >= *full_lines) {  // ties go to the wider width
      best = candidate;
      *full_lines = full;
    }
  }
  if (best.width == 0) return best;
  // A wrapped paragraph: full lines in a row.
  size_t run = 0, longest = 0;
  for (const Line& line : lines) {
    run = !line.blank && IsFull(Measure(line, columns), best) ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  if (longest < kMinFullRun) best.width = 0;
  return best;
}

HardWrap Detect(const std::vector<Line>& lines) {
  size_t full_columns = 0, full_chars = 0;
  const HardWrap by_columns = BestWidth(lines, true, &full_columns);
  const HardWrap by_chars = BestWidth(lines, false, &full_chars);
  if (by_chars.width > 0 && (by_columns.width == 0 || full_chars > full_columns)) {
    return by_chars;
  }
  return by_columns;
}

// Returns false when byte lengths alone rule wrapping out, so most texts
// skip measuring: a line of more than 4 * kMaxWidth bytes is wider than any
// wrap width by either measure (a character is at most 4 bytes, and at most
// 2 bytes a column), and such lines may be at most one in ten of the lines
// that could reach a width.
bool MayBeHardWrapped(absl::string_view text) {
  size_t too_long = 0, candidates = 0;
  for (size_t begin = 0; begin < text.size();) {
    size_t nl = text.find('\n', begin);
    if (nl == absl::string_view::npos) nl = text.size();
    const size_t bytes = nl - begin;
    too_long += bytes > 4 * kMaxWidth;
    candidates += bytes >= kMinWidthChars && bytes <= 4 * kMaxWidth;
    begin = nl + 1;
  }
  return candidates >= kMinFullLines && too_long * kMaxOverPerFull <= candidates;
}

}  // namespace

HardWrap DetectHardWrap(absl::string_view text) {
  if (!MayBeHardWrapped(text)) return HardWrap();
  return Detect(SplitLines(text));
}

std::vector<LineBreak> FindHardWrapBreaks(absl::string_view text) {
  std::vector<LineBreak> breaks;
  if (!MayBeHardWrapped(text)) return breaks;
  const std::vector<Line> lines = SplitLines(text);
  const HardWrap wrap = Detect(lines);
  if (wrap.width == 0) return breaks;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const Line& line = lines[i];
    const Line& after = lines[i + 1];
    if (line.blank || !line.joinable || !IsFull(Measure(line, wrap.columns), wrap)) {
      continue;
    }
    if (after.blank || after.starts_paragraph) continue;
    breaks.push_back({line.end, line.next});
  }
  return breaks;
}

}  // namespace text
}  // namespace gleaner
