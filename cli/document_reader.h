// Turns command-line inputs (files and directories) into RawDocuments.
//
//   GLEANER_ASSIGN_OR_RETURN(std::vector<std::string> files,
//                            ExpandInputs({"corpus/", "extra.html"}));
//   GLEANER_ASSIGN_OR_RETURN(v1::RawDocument doc, ReadDocument(files[0]));
#ifndef GLEANER_CLI_DOCUMENT_READER_H_
#define GLEANER_CLI_DOCUMENT_READER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace cli {

// Returns the regular files named by `inputs`: files as given, directories
// walked recursively with their files in sorted order (hidden entries
// skipped), each file once. kNotFound for a path that does not exist; kInvalidArgument when
// nothing is left.
absl::StatusOr<std::vector<std::string>> ExpandInputs(
    const std::vector<std::string>& inputs);

// Reads one file into a RawDocument whose id and source are the path and
// whose content type is detected (.html/.htm declare HTML). kNotFound or
// kPermissionDenied when the file cannot be read.
absl::StatusOr<v1::RawDocument> ReadDocument(const std::string& path);

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_DOCUMENT_READER_H_
