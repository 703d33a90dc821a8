#include "workers/metadata/metadata_pass.h"

#include <string>
#include <vector>

#include "workers/metadata/story_splitter.h"

namespace gleaner {
namespace workers {
namespace metadata {
namespace {

v1::MetadataSource ToProto(Source source) {
  switch (source) {
    case Source::kHtmlTitle:
      return v1::METADATA_SOURCE_HTML_TITLE;
    case Source::kOpenGraph:
      return v1::METADATA_SOURCE_OPEN_GRAPH;
    case Source::kHtmlMeta:
      return v1::METADATA_SOURCE_HTML_META;
    case Source::kJsonLd:
      return v1::METADATA_SOURCE_JSON_LD;
    case Source::kText:
      return v1::METADATA_SOURCE_TEXT;
    case Source::kClient:
      return v1::METADATA_SOURCE_CLIENT;
    case Source::kInferred:
      return v1::METADATA_SOURCE_INFERRED;
    case Source::kNone:
      break;
  }
  return v1::METADATA_SOURCE_UNSPECIFIED;
}

void Copy(const MetadataValue& in, v1::MetadataValue* out) {
  out->set_value(in.value);
  out->set_source(ToProto(in.source));
  out->set_key(in.key);
  out->set_begin(static_cast<uint32_t>(in.begin));
  out->set_end(static_cast<uint32_t>(in.end));
}

void CopyPage(const PageMetadata& meta, v1::PageMetadata* out) {
  const std::pair<const MetadataValue*, v1::MetadataValue* (v1::PageMetadata::*)()> fields[] = {
      {&meta.title, &v1::PageMetadata::mutable_title},
      {&meta.published, &v1::PageMetadata::mutable_published},
      {&meta.author, &v1::PageMetadata::mutable_author},
      {&meta.publisher, &v1::PageMetadata::mutable_publisher},
      {&meta.canonical_url, &v1::PageMetadata::mutable_canonical_url},
      {&meta.language, &v1::PageMetadata::mutable_language},
      {&meta.volume, &v1::PageMetadata::mutable_volume}};
  for (const auto& [value, mutable_field] : fields) {
    if (value->found()) Copy(*value, (out->*mutable_field)());
  }
}

}  // namespace

void FillPageAndStories(const PageMetadataReader& reader, absl::string_view raw_content,
                        v1::DocumentResult* result) {
  PageInput page;
  page.raw = raw_content;
  page.text = result->text();
  page.html = result->content_type() == v1::CONTENT_TYPE_HTML;
  page.source = result->source();
  page.client = {result->metadata().begin(), result->metadata().end()};
  for (const v1::TextBlock& b : result->blocks()) {
    if (b.begin() > b.end() || b.end() > page.text.size()) continue;  // not ours to trust
    page.blocks.push_back({b.begin(), b.end(), b.boilerplate()});
  }
  PageMetadata meta = reader.Read(page);
  std::vector<StoryItem> items = SplitStories(page.text, page.blocks, reader.dates());
  if (!items.empty() && meta.title.source == Source::kText &&
      meta.title.key == "first_line") {
    meta.title = MetadataValue{};  // an item's headline, not the page's
  }
  if (items.empty()) items.push_back(WholePageStory(page.text, page.blocks, meta));
  result->clear_page();
  CopyPage(meta, result->mutable_page());
  result->clear_stories();
  for (const StoryItem& item : items) {
    v1::Story* out = result->add_stories();
    out->set_begin(static_cast<uint32_t>(item.begin));
    out->set_end(static_cast<uint32_t>(item.end));
    out->set_title(item.title);
    out->set_title_begin(static_cast<uint32_t>(item.title_begin));
    out->set_title_end(static_cast<uint32_t>(item.title_end));
    out->set_teaser_begin(static_cast<uint32_t>(item.teaser_begin));
    out->set_teaser_end(static_cast<uint32_t>(item.teaser_end));
    out->set_source(item.source);
    out->set_category(item.category);
    out->set_published(item.published);
  }
}

}  // namespace metadata
}  // namespace workers
}  // namespace gleaner
