#include "workers/metadata/story_splitter.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace gleaner {
namespace workers {
namespace metadata {
namespace {

using extract::dates::DateExpression;

// A headline is at least this long (bytes) and at most this long.
constexpr size_t kMinHeadline = 10;
constexpr size_t kMaxHeadline = 400;
// The second copy of a headline comes within this many blocks.
constexpr size_t kCopyWindow = 6;
// A teaser is at least this long; a category, source or date line at most.
constexpr size_t kMinTeaser = 20;
constexpr size_t kMaxShortLine = 60;
// In a dateline layout the teaser before the dateline is at least this long.
constexpr size_t kMinDatelineTeaser = 80;

// A block's text without list markers (`- `, `• `, `· `, `▶ `) and spaces.
struct Line {
  size_t begin = 0;
  absl::string_view text;
};

Line Normalize(absl::string_view text, const Block& b) {
  const absl::string_view block = text.substr(b.begin, b.end - b.begin);
  absl::string_view s = block;
  for (bool stripped = true; stripped;) {
    s = absl::StripLeadingAsciiWhitespace(s);
    stripped = false;
    for (absl::string_view marker : {"-", "•", "·", "▶", "*"}) {
      if (absl::ConsumePrefix(&s, marker)) {
        stripped = true;
        break;
      }
    }
  }
  s = absl::StripTrailingAsciiWhitespace(s);
  return {b.begin + static_cast<size_t>(s.data() - block.data()), s};
}

// The short lines of an item: a date line sets `published` (and what
// precedes the date, `source`), the first other line is the category.
void ReadShortLine(absl::string_view text, const Line& line,
                   const extract::dates::DateExtractor& dates, StoryItem& item) {
  for (size_t i = 0; i < line.text.size(); ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(line.text[i]))) continue;
    std::optional<DateExpression> e = dates.ParseAt(text, line.begin + i);
    if (!e || e->fields.year == 0) break;
    const std::string value = PublicationValue(*e);
    if (value.empty()) break;
    if (item.published.empty()) item.published = value;
    absl::string_view before = absl::StripAsciiWhitespace(line.text.substr(0, i));
    before = absl::StripSuffix(before, "|");
    if (item.source.empty()) item.source = std::string(absl::StripAsciiWhitespace(before));
    return;
  }
  if (item.category.empty()) item.category = std::string(line.text);
}

// Layout 1: a headline printed twice.
std::vector<StoryItem> TwiceHeadlines(absl::string_view text, const std::vector<Block>& blocks,
                                      const extract::dates::DateExtractor& dates) {
  std::vector<Line> lines;
  absl::flat_hash_map<absl::string_view, int> count;
  for (const Block& b : blocks) {
    lines.push_back(Normalize(text, b));
    if (!lines.back().text.empty()) ++count[lines.back().text];
  }
  std::vector<std::pair<size_t, size_t>> pairs;  // first copy, second copy
  for (size_t i = 0; i < lines.size(); ++i) {
    const absl::string_view t = lines[i].text;
    if (blocks[i].boilerplate || t.size() < kMinHeadline || t.size() > kMaxHeadline ||
        count[t] != 2 || (!pairs.empty() && i <= pairs.back().second)) {
      continue;
    }
    for (size_t j = i + 1; j < lines.size() && j <= i + kCopyWindow; ++j) {
      if (lines[j].text == t) {
        pairs.push_back({i, j});
        break;
      }
    }
  }
  std::vector<StoryItem> items;
  if (pairs.size() < 2) return items;
  for (size_t k = 0; k < pairs.size(); ++k) {
    const auto [first, second] = pairs[k];
    const size_t stop = k + 1 < pairs.size() ? pairs[k + 1].first : lines.size();
    StoryItem item;
    item.title = std::string(lines[first].text);
    item.title_begin = lines[first].begin;
    item.title_end = lines[first].begin + lines[first].text.size();
    item.begin = blocks[first].begin;
    item.end = blocks[second].end;
    std::optional<size_t> teaser;
    for (size_t i = first + 1; i < stop; ++i) {
      if (i == second || blocks[i].boilerplate) continue;
      if (lines[i].text.size() >= kMinTeaser &&
          (!teaser || lines[i].text.size() > lines[*teaser].text.size())) {
        teaser = i;
      }
    }
    // Short lines after the teaser and the second copy are the page's
    // (a `위로` link after the last item), not the item's.
    const size_t last = std::max(second, teaser.value_or(second));
    for (size_t i = first + 1; i < last; ++i) {
      if (i == second || (teaser && i == *teaser) || lines[i].text.empty() ||
          lines[i].text.size() > kMaxShortLine) {
        continue;
      }
      ReadShortLine(text, lines[i], dates, item);
      item.end = std::max(item.end, blocks[i].end);
    }
    if (teaser) {
      item.teaser_begin = lines[*teaser].begin;
      item.teaser_end = lines[*teaser].begin + lines[*teaser].text.size();
      item.end = std::max(item.end, blocks[*teaser].end);
    }
    items.push_back(std::move(item));
  }
  return items;
}

// Layout 2: a teaser, then `author date-time`.
std::vector<StoryItem> Datelines(absl::string_view text, const std::vector<Block>& blocks,
                                 const extract::dates::DateExtractor& dates) {
  std::vector<StoryItem> items;
  for (size_t k = 1; k < blocks.size(); ++k) {
    const Block& teaser = blocks[k - 1];
    if (teaser.boilerplate || teaser.end - teaser.begin < kMinDatelineTeaser) continue;
    const Line line = Normalize(text, blocks[k]);
    if (line.text.empty() || line.text.size() > kMaxShortLine) continue;
    StoryItem item;
    ReadShortLine(text, line, dates, item);
    if (item.published.empty()) continue;
    item.begin = teaser.begin;
    item.end = blocks[k].end;
    item.teaser_begin = teaser.begin;
    item.teaser_end = teaser.end;
    items.push_back(std::move(item));
  }
  if (items.size() < 2) items.clear();
  return items;
}

}  // namespace

std::vector<StoryItem> SplitStories(absl::string_view text, const std::vector<Block>& blocks,
                                    const extract::dates::DateExtractor& dates) {
  std::vector<StoryItem> items = TwiceHeadlines(text, blocks, dates);
  if (items.empty()) items = Datelines(text, blocks, dates);
  return items;
}

StoryItem WholePageStory(absl::string_view text, const std::vector<Block>& blocks,
                         const PageMetadata& meta) {
  StoryItem item;
  bool any = false;
  for (const Block& b : blocks) {
    if (b.boilerplate || b.begin >= b.end) continue;
    if (!any) item.begin = b.begin;
    item.end = b.end;
    any = true;
  }
  if (!any) item.end = text.size();
  item.teaser_begin = item.begin;
  item.teaser_end = item.end;
  if (meta.title.found()) {
    item.title = meta.title.value;
    if (meta.title.source == Source::kText) {
      item.title_begin = meta.title.begin;
      item.title_end = meta.title.end;
      // The body starts after the headline's line.
      for (const Block& b : blocks) {
        if (!b.boilerplate && b.begin > meta.title.end) {
          item.teaser_begin = b.begin;
          break;
        }
      }
    }
  }
  item.source = meta.author.found() ? meta.author.value : meta.publisher.value;
  item.published = meta.published.value;
  return item;
}

}  // namespace metadata
}  // namespace workers
}  // namespace gleaner
