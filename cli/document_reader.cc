#include "cli/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "services/common/status_macros.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace gleaner {
namespace cli {
namespace fs = std::filesystem;

absl::StatusOr<std::vector<std::string>> ExpandInputs(
    const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
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

bool IsRecordStream(absl::string_view input) {
  return input == "-" || absl::EndsWithIgnoreCase(input, ".jsonl");
}

namespace {

// The string field `name` of `record`, or "" when absent; kInvalidArgument
// when it is not a string.
absl::StatusOr<std::string> StringField(const google::protobuf::Struct& record,
                                        const std::string& name) {
  auto it = record.fields().find(name);
  if (it == record.fields().end()) return std::string();
  const google::protobuf::Value& value = it->second;
  if (value.has_string_value()) return value.string_value();
  if (value.has_number_value()) return absl::StrCat(value.number_value());
  return absl::InvalidArgumentError(
      absl::StrCat("record field '", name, "' is not a string"));
}

absl::StatusOr<v1::ContentType> ParseContentType(std::string name) {
  absl::AsciiStrToUpper(&name);
  if (name.empty()) return v1::CONTENT_TYPE_UNSPECIFIED;
  if (!absl::StartsWith(name, "CONTENT_TYPE_")) name = "CONTENT_TYPE_" + name;
  if (name == "CONTENT_TYPE_TEXT") name = "CONTENT_TYPE_PLAIN_TEXT";
  v1::ContentType type;
  if (!v1::ContentType_Parse(name, &type)) {
    return absl::InvalidArgumentError("unknown content_type " + name);
  }
  return type;
}

}  // namespace

absl::StatusOr<v1::RawDocument> ParseRecord(absl::string_view line,
                                            const std::string& default_id) {
  google::protobuf::Struct record;
  if (!google::protobuf::util::JsonStringToMessage(
           google::protobuf::StringPiece(line.data(), line.size()), &record)
           .ok()) {
    return absl::InvalidArgumentError(
        "not a JSON object {id, source, text | content}");
  }
  const auto& fields = record.fields();
  const bool has_text = fields.count("text") > 0;
  if (has_text == (fields.count("content") > 0)) {
    return absl::InvalidArgumentError(
        "a record needs exactly one of 'text' and 'content'");
  }
  v1::RawDocument document;
  GLEANER_ASSIGN_OR_RETURN(std::string id, StringField(record, "id"));
  document.set_id(id.empty() ? default_id : id);
  GLEANER_ASSIGN_OR_RETURN(*document.mutable_source(),
                           StringField(record, "source"));
  GLEANER_ASSIGN_OR_RETURN(*document.mutable_content(),
                           StringField(record, has_text ? "text" : "content"));
  GLEANER_ASSIGN_OR_RETURN(*document.mutable_encoding(),
                           StringField(record, "encoding"));
  GLEANER_ASSIGN_OR_RETURN(std::string type,
                           StringField(record, "content_type"));
  GLEANER_ASSIGN_OR_RETURN(v1::ContentType content_type,
                           ParseContentType(type));
  if (content_type == v1::CONTENT_TYPE_UNSPECIFIED && has_text) {
    content_type = v1::CONTENT_TYPE_PLAIN_TEXT;
  }
  document.set_content_type(content_type);
  auto metadata = fields.find("metadata");
  if (metadata != fields.end() && metadata->second.has_struct_value()) {
    for (const auto& [key, value] : metadata->second.struct_value().fields()) {
      (*document.mutable_metadata())[key] =
          value.has_string_value() ? value.string_value()
                                   : absl::StrCat(value.number_value());
    }
  }
  return document;
}

absl::Status ReadRecords(
    std::istream& in, const std::string& name,
    const std::function<void(v1::RawDocument)>& document,
    const std::function<void(const std::string& id, absl::Status)>& bad_line) {
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string default_id = absl::StrCat(name, ":", number);
    absl::StatusOr<v1::RawDocument> record = ParseRecord(line, default_id);
    if (record.ok()) {
      document(*std::move(record));
    } else {
      bad_line(default_id, absl::Status(record.status().code(),
                                        absl::StrCat(default_id, ": ",
                                                     record.status().message())));
    }
  }
  if (in.bad()) return absl::DataLossError("cannot read " + name);
  return absl::OkStatus();
}

absl::StatusOr<size_t> CountRecords(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path);
  size_t count = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!absl::StripAsciiWhitespace(line).empty()) ++count;
  }
  return count;
}

}  // namespace cli
}  // namespace gleaner
