// The proto glue of page metadata and stories: reads the raw document and
// the cleaned text and blocks already in a result, and fills
// DocumentResult.page and DocumentResult.stories.
//
//   result->set_text(...); /* blocks filled */
//   FillPageAndStories(*reader, request.document(), result);
//
// Kept apart from any stage so it can run wherever the raw content and the
// cleaned text are both at hand.
#ifndef GLEANER_WORKERS_METADATA_METADATA_PASS_H_
#define GLEANER_WORKERS_METADATA_METADATA_PASS_H_

#include "proto/gleaner/v1/document.pb.h"
#include "workers/metadata/page_metadata.h"

namespace gleaner {
namespace workers {
namespace metadata {

// Replaces result->page() and result->stories(). A listing page gets one
// story per item; any other page one story, and a title read from its
// first line only then (a listing's first line is an item's headline).
void FillPageAndStories(const PageMetadataReader& reader,
                        const v1::RawDocument& document,
                        v1::DocumentResult* result);

}  // namespace metadata
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_METADATA_METADATA_PASS_H_
