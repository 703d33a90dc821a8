// Reads what a page says about itself: title, publication date-time,
// byline, publisher, canonical URL, language and newsletter volume, each
// with where it came from.
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<PageMetadataReader> reader,
//                            PageMetadataReader::Create());
//   PageInput page{raw, cleaned_text, blocks};
//   PageMetadata meta = reader->Read(page);
//   if (meta.published.found()) ...  // "2025-12-19", source kText
//
// HTML metadata comes first (JSON-LD NewsArticle, Open Graph and
// article:* tags, <title>, <link rel=canonical>, <html lang>); the visible
// text fills what is left: a newsletter header (`2025. 12. 19. | Vol.
// 25-47`), a date label (`작성일 02-01`, `입력 2025.11.25 09:06`), a byline
// (`김영욱 기자`), a copyright line (`Copyright © 디지털타임스.`), the first
// line as title. A month-day without a year takes the year from a date in a
// URL of the page with the same month and day (`.../202602/01/...`), else
// from the client's reference date.
#ifndef GLEANER_WORKERS_METADATA_PAGE_METADATA_H_
#define GLEANER_WORKERS_METADATA_PAGE_METADATA_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "re2/re2.h"
#include "workers/extract/dates/date_extractor.h"

namespace gleaner {
namespace workers {
namespace metadata {

// A block (line or paragraph) of the cleaned text.
struct Block {
  size_t begin = 0;  // UTF-8 byte offsets into the text, [begin, end)
  size_t end = 0;
  bool boilerplate = false;  // page chrome
};

enum class Source { kNone, kHtmlTitle, kOpenGraph, kHtmlMeta, kJsonLd, kText, kClient, kInferred };

// One value and where it came from.
struct MetadataValue {
  std::string value;
  Source source = Source::kNone;
  // The tag, property or text convention ("og:title", "date_label").
  std::string key;
  // For Source::kText: byte offsets of the evidence in the text.
  size_t begin = 0;
  size_t end = 0;

  bool found() const { return source != Source::kNone; }
};

struct PageMetadata {
  MetadataValue title;
  // ISO 8601: "2025-11-25T09:06:00-07:00", "2025-12-19", or "--02-01" when
  // the year is unknown.
  MetadataValue published;
  MetadataValue author;
  MetadataValue publisher;
  MetadataValue canonical_url;
  MetadataValue language;
  MetadataValue volume;
};

// What the reader looks at. The views must outlive the Read call.
struct PageInput {
  // The raw content as submitted (HTML or plain text).
  absl::string_view raw;
  // The cleaned text and its blocks.
  absl::string_view text;
  std::vector<Block> blocks;
  // True when the raw content was read as HTML.
  bool html = false;
  // RawDocument.source (a path or URL).
  absl::string_view source;
  // RawDocument.metadata: "reference_date", "published", "title", ...
  std::map<std::string, std::string> client;
};

// Turns a date expression printed as a page's or an item's date into
// ISO 8601: days as "2025-12-19", times with seconds and an offset (the
// text's zone, else KST): "2025-11-25T09:06:00-07:00". Empty when it is
// not a complete day. `year_hint` completes a month-day without a year.
std::string PublicationValue(const extract::dates::DateExpression& e,
                             std::optional<int> year_hint = std::nullopt);

// Thread-safe (immutable after Create); not copyable.
class PageMetadataReader {
 public:
  // Compiles the patterns and reads data/dates word lists; kInvalidArgument
  // for a malformed list.
  static absl::StatusOr<std::unique_ptr<PageMetadataReader>> Create();

  PageMetadataReader(const PageMetadataReader&) = delete;
  PageMetadataReader& operator=(const PageMetadataReader&) = delete;

  PageMetadata Read(const PageInput& page) const;

  // The date extractor the reader uses, for callers that date items.
  const extract::dates::DateExtractor& dates() const { return *dates_; }

 private:
  PageMetadataReader() = default;

  void ReadHtml(absl::string_view raw, PageMetadata& meta) const;
  void ReadMetaTags(absl::string_view raw, PageMetadata& meta) const;
  void ReadJsonLd(absl::string_view raw, PageMetadata& meta) const;
  void ReadHeaderAndLabels(const PageInput& page, PageMetadata& meta) const;
  void ReadByline(const PageInput& page, PageMetadata& meta) const;
  void ReadCopyright(const PageInput& page, PageMetadata& meta) const;
  void ReadFirstLine(const PageInput& page, PageMetadata& meta) const;
  void ReadFallbacks(const PageInput& page, PageMetadata& meta) const;
  void ReadDateLabels(const PageInput& page, PageMetadata& meta) const;
  // True when `s` holds a date label: a line's text before a label is its
  // headline only when no other label precedes.
  bool HasLabel(absl::string_view s) const;
  // "2025-11-25T09:06:00+09:00" from an ISO-like meta value; "" if none.
  std::string IsoDateTime(absl::string_view value) const;
  std::optional<int> YearFromUrls(absl::string_view raw, int month, int day) const;

  std::unique_ptr<extract::dates::DateExtractor> dates_;
  // Date labels (작성일, 입력, ...) longest first, with "published" or
  // "updated".
  std::vector<std::pair<std::string, bool>> labels_;  // label, is_published
  std::vector<std::string> byline_titles_;
  // Any byline title, literally: the cheap test that a line may hold a
  // byline (one DFA pass instead of one search per title).
  std::unique_ptr<const RE2> any_byline_title_re_;
  std::unique_ptr<const RE2> title_re_, meta_re_, attr_name_re_, content_re_,
      link_re_, rel_canonical_re_, href_re_, html_lang_re_, json_ld_re_,
      volume_re_, copyright_re_, url_date_re_, byline_re_, iso_re_;
};

}  // namespace metadata
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_METADATA_PAGE_METADATA_H_
