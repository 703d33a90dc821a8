// Writes document results as JSON Lines, in input order, and keeps the
// counters for progress lines.
//
// Results arrive in completion order; the writer holds early ones until
// the results before them arrive. The pipeline's in-flight window bounds
// how many are held.
#ifndef GLEANER_CLI_RESULT_WRITER_H_
#define GLEANER_CLI_RESULT_WRITER_H_

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace cli {

// Returns the proto3 JSON form of `result` on one line, with the .proto
// field names (snake_case), as protobuf's JsonPrinter writes it with
// preserve_proto_field_names (see proto_json.h; written directly, which is
// several times faster).
absl::StatusOr<std::string> ToJsonLine(const v1::DocumentResult& result);

// Not thread-safe: callers serialise Write calls.
class ResultWriter {
 public:
  // `out` is not owned.
  explicit ResultWriter(std::ostream* out) : out_(out) {}

  // Declares that the document with `id` is the next in input order.
  void Expect(const std::string& id) { order_[id] = next_expected_seq_++; }

  // Writes `result` (or holds it until the results before it arrived).
  absl::Status Write(const v1::DocumentResult& result);

  // Same for a result already converted with ToJsonLine (callers convert in
  // parallel and only serialise this call).
  absl::Status WriteLine(const std::string& id, std::string json_line);

  // Writes anything still held (results whose predecessors never came).
  absl::Status Flush();

  uint64_t written() const { return written_; }

 private:
  absl::Status WriteNow(const std::string& json_line);

  std::ostream* const out_;
  absl::flat_hash_map<std::string, uint64_t> order_;
  uint64_t next_expected_seq_ = 0;
  uint64_t next_to_write_ = 0;
  std::map<uint64_t, std::string> held_;
  uint64_t written_ = 0;
};

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_RESULT_WRITER_H_
