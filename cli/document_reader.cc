#include "cli/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace gleaner {
namespace cli {
namespace fs = std::filesystem;

absl::StatusOr<std::vector<std::string>> ExpandInputs(
    const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code error;
    fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      return absl::NotFoundError(absl::StrCat("no such file or directory: ", input));
    }
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path().string());
    }
    if (error) {
      return absl::PermissionDeniedError(
          absl::StrCat("cannot list ", input, ": ", error.message()));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  // A file named twice (directly and through its directory) is one
  // document: its path is its id.
  std::vector<std::string> unique;
  absl::flat_hash_set<std::string> seen;
  for (std::string& file : files) {
    if (seen.insert(file).second) unique.push_back(std::move(file));
  }
  if (unique.empty()) return absl::InvalidArgumentError("no input files");
  return unique;
}

absl::StatusOr<v1::RawDocument> ReadDocument(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::Status(absl::ErrnoToStatusCode(errno),
                        absl::StrCat("cannot open ", path));
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("cannot read ", path));
  v1::RawDocument document;
  document.set_id(path);
  document.set_source(path);
  document.set_content(content.str());
  if (absl::EndsWithIgnoreCase(path, ".html") ||
      absl::EndsWithIgnoreCase(path, ".htm")) {
    document.set_content_type(v1::CONTENT_TYPE_HTML);
  }
  return document;
}

}  // namespace cli
}  // namespace gleaner
