// The proto glue of page metadata and stories: reads the raw content and
// the cleaned text, blocks, source and client metadata already in a result,
// and fills DocumentResult.page and DocumentResult.stories. The coordinator
// calls it on entry, right after cleaning, the one place where the raw
// content and the cleaned text are both at hand.
//
//   result->set_text(...); /* blocks, source, metadata filled */
//   FillPageAndStories(*reader, document.content(), result);
#ifndef GLEANER_WORKERS_METADATA_METADATA_PASS_H_
#define GLEANER_WORKERS_METADATA_METADATA_PASS_H_

#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/document.pb.h"
#include "workers/metadata/page_metadata.h"

namespace gleaner {
namespace workers {
namespace metadata {

// Replaces result->page() and result->stories(). A listing page gets one
// story per item; any other page one story, and a title read from its
// first line only then (a listing's first line is an item's headline).
void FillPageAndStories(const PageMetadataReader& reader,
                        absl::string_view raw_content,
                        v1::DocumentResult* result);

}  // namespace metadata
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_METADATA_METADATA_PASS_H_
