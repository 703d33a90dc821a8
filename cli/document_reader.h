// Turns command-line inputs (files, directories, JSON Lines, stdin) into
// RawDocuments.
//
//   GLEANER_ASSIGN_OR_RETURN(std::vector<std::string> files,
//                            ExpandInputs({"corpus/", "extra.html"}));
//   GLEANER_ASSIGN_OR_RETURN(v1::RawDocument doc, ReadDocument(files[0]));
//   if (IsRecordStream(files[0])) ReadRecords(in, files[0], callback);
#ifndef GLEANER_CLI_DOCUMENT_READER_H_
#define GLEANER_CLI_DOCUMENT_READER_H_

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace cli {

// Returns the regular files named by `inputs`: files as given, directories
// walked recursively with their files in sorted order (hidden entries
// skipped), each file once; "-" (stdin) passes through. kNotFound for a
// path that does not exist; kInvalidArgument when nothing is left.
absl::StatusOr<std::vector<std::string>> ExpandInputs(
    const std::vector<std::string>& inputs);

// Reads one file into a RawDocument whose id and source are the path and
// whose content type is detected (.html/.htm declare HTML). kNotFound or
// kPermissionDenied when the file cannot be read.
absl::StatusOr<v1::RawDocument> ReadDocument(const std::string& path);

// Returns true for inputs read as one record per line: "-" (stdin) and
// files ending in .jsonl.
bool IsRecordStream(absl::string_view input);

// Parses one JSON Lines record {id, source, text | content, content_type,
// encoding, metadata} into a RawDocument. `text` and `content` are both
// strings (content is not base64): `text` declares plain text, `content`
// leaves the type to `content_type` ("html", "plain_text" or the enum
// name) or to detection. A record without an id gets `default_id`.
// kInvalidArgument for a line that is not such an object.
absl::StatusOr<v1::RawDocument> ParseRecord(absl::string_view line,
                                            const std::string& default_id);

// Calls `document` for each non-empty line of `in`, in order. Records
// without an id are named "<name>:<line number>". A line that does not parse
// is passed to `bad_line` with its id and status, so one bad record does
// not end the batch. Returns kDataLoss when `in` cannot be read.
absl::Status ReadRecords(
    std::istream& in, const std::string& name,
    const std::function<void(v1::RawDocument)>& document,
    const std::function<void(const std::string& id, absl::Status)>& bad_line);

// Counts the records ReadRecords would pass on (non-empty lines).
absl::StatusOr<size_t> CountRecords(const std::string& path);

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_DOCUMENT_READER_H_
