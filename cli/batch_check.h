// What `gleaner submit` checks before it may exit 0: every document it sent
// got exactly one result, no result silently lacks a stage, and the corpus
// view covers every document the job aggregated.
//
//   BatchCheck check;
//   check.AddResult(result);                   // for every result received
//   check.set_expected(documents_sent);
//   check.CheckView(end.corpus_view().documents(), end.aggregated_documents());
//   if (!check.complete()) std::cerr << check.Describe();   // exit 5
#ifndef GLEANER_CLI_BATCH_CHECK_H_
#define GLEANER_CLI_BATCH_CHECK_H_

#include <cstdint>
#include <string>

#include "proto/gleaner/v1/document.pb.h"

namespace gleaner {
namespace cli {

// Returns true when `result` has no stage error and yet did not complete a
// stage it should have: dedup and aggregate always, sentence and extract
// unless skipped as an exact duplicate. (A stage that failed says so in
// `errors`; one that is silently missing means a worker lost the document.)
bool LostAStage(const v1::DocumentResult& result);

// Not thread-safe; copyable.
class BatchCheck {
 public:
  // Counts one result: a duplicate when its id was counted before.
  void AddResult(const v1::DocumentResult& result, bool already_received);
  // Documents that should have a result (sent, or answered locally).
  void set_expected(uint64_t expected) { expected_ = expected; }
  // Results received, each id once.
  void set_received(uint64_t received) { received_ = received; }
  // Compares the corpus view's document count with the documents the job
  // aggregated (0: the coordinator does not say, nothing to compare).
  void CheckView(uint64_t view_documents, uint64_t aggregated_documents);

  // Returns true when nothing is missing, doubled or partial.
  bool complete() const;
  // Returns one line per problem, for stderr.
  std::string Describe() const;

 private:
  uint64_t expected_ = 0;
  uint64_t received_ = 0;
  uint64_t duplicates_ = 0;
  uint64_t lost_stage_ = 0;
  std::string first_lost_stage_id_;
  uint64_t view_documents_ = 0;
  uint64_t aggregated_documents_ = 0;
};

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_BATCH_CHECK_H_
