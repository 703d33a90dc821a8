// Splits a listing or search page into its items (title, teaser, source,
// category, date, offsets into the text), so each can be counted, deduped
// and dated as a story.
//
//   std::vector<StoryItem> items = SplitStories(text, blocks, dates);
//   if (items.empty()) items.push_back(WholePageStory(text, blocks, meta));
//
// Two layouts are recognised, each needing at least two items:
//  - a headline printed twice a few lines apart (as a link and as a
//    heading), with the teaser the longest line near it and short lines as
//    category, source or date (`엔비디아, …` / `- 세계 최대…` / `- IT/바이오` /
//    `엔비디아, …`);
//  - a teaser followed by a dateline of an author and a date-time
//    (`박원익 2025.11.25 09:06 PDT`).
// Lines printed more than twice (`검색기록 지우기`) and page chrome are no
// headlines, so a recent-searches box is no item.
#ifndef GLEANER_WORKERS_METADATA_STORY_SPLITTER_H_
#define GLEANER_WORKERS_METADATA_STORY_SPLITTER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "workers/extract/dates/date_extractor.h"
#include "workers/metadata/page_metadata.h"

namespace gleaner {
namespace workers {
namespace metadata {

struct StoryItem {
  // Byte offsets into the text, [begin, end).
  size_t begin = 0;
  size_t end = 0;
  // The headline (its first copy), empty when the item prints none.
  std::string title;
  size_t title_begin = 0;
  size_t title_end = 0;
  size_t teaser_begin = 0;
  size_t teaser_end = 0;
  // Author or outlet printed with the item.
  std::string source;
  // Section printed with the item (`IT/바이오`).
  std::string category;
  // ISO 8601, see PublicationValue().
  std::string published;
};

// Returns the items of a listing page, in order; empty when the page is not
// a listing (fewer than two items).
std::vector<StoryItem> SplitStories(absl::string_view text,
                                    const std::vector<Block>& blocks,
                                    const extract::dates::DateExtractor& dates);

// Returns the one story of a page that is no listing: the article text from
// its first to its last non-boilerplate block, with the page's title and
// date.
StoryItem WholePageStory(absl::string_view text, const std::vector<Block>& blocks,
                         const PageMetadata& meta);

}  // namespace metadata
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_METADATA_STORY_SPLITTER_H_
