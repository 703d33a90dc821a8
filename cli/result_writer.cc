#include "cli/result_writer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "cli/proto_json.h"

namespace gleaner {
namespace cli {

absl::StatusOr<std::string> ToJsonLine(const v1::DocumentResult& result) {
  std::string json;
  // The text dominates; the spans add about as much again.
  json.reserve(2 * result.text().size() + 256);
  absl::Status status = AppendProtoJson(result, &json);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot write JSON for ",
                                            result.id(), ": ",
                                            status.message()));
  }
  return json;
}

absl::Status ResultWriter::WriteNow(const std::string& json_line) {
  *out_ << json_line << '\n';
  if (!*out_) return absl::DataLossError("cannot write the output");
  ++written_;
  return absl::OkStatus();
}

absl::Status ResultWriter::Write(const v1::DocumentResult& result) {
  absl::StatusOr<std::string> line = ToJsonLine(result);
  if (!line.ok()) return line.status();
  return WriteLine(result.id(), *std::move(line));
}

absl::Status ResultWriter::WriteLine(const std::string& id,
                                     std::string json_line) {
  auto it = order_.find(id);
  if (it == order_.end()) return WriteNow(json_line);  // not tracked
  const uint64_t seq = it->second;
  order_.erase(it);
  if (seq != next_to_write_) {
    held_.emplace(seq, std::move(json_line));
    return absl::OkStatus();
  }
  absl::Status status = WriteNow(json_line);
  ++next_to_write_;
  while (status.ok() && !held_.empty() &&
         held_.begin()->first == next_to_write_) {
    status = WriteNow(held_.begin()->second);
    held_.erase(held_.begin());
    ++next_to_write_;
  }
  return status;
}

absl::Status ResultWriter::Flush() {
  for (auto& [seq, result] : held_) {
    absl::Status status = WriteNow(result);
    if (!status.ok()) return status;
  }
  held_.clear();
  out_->flush();
  return absl::OkStatus();
}

}  // namespace cli
}  // namespace gleaner
