// Word lists the entity recognisers reason about (titles, organisation
// suffixes, surnames, vetoes ...), loaded from data files rather than written
// as C++ literals, so a user can extend them without rebuilding.
//
// Shipped lists are data/entities/<name>.txt, one entry per line, embedded at
// build time (see BUILD). A user file holds `name<TAB>entry` lines and adds to
// the shipped lists; in both, blank lines and lines starting with '#' are
// skipped and surrounding spaces are trimmed.
//
//   GLEANER_ASSIGN_OR_RETURN(auto lexicons, Lexicons::Load({"my_titles.tsv"}));
//   if (lexicons->Get("titles").contains("감독")) ...
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_LEXICON_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_LEXICON_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// One word list; looked up with string_views.
using WordSet = absl::flat_hash_set<std::string>;

// Immutable after load; thread-safe. Not copyable.
class Lexicons {
 public:
  // One list's text, as in a shipped file: one entry a line.
  struct Source {
    std::string name;  // the list's name, e.g. "titles"
    std::string text;
  };

  // Returns the shipped lists (embedded), loaded once per process.
  static const Lexicons& Default();
  // Loads the shipped lists (if `include_default`) and adds the user files at
  // `extra_paths`. Errors: NotFound for a missing file, InvalidArgument
  // "path:LINE: reason" for a line without a tab.
  static absl::StatusOr<std::unique_ptr<Lexicons>> Load(absl::Span<const std::string> extra_paths,
                                                        bool include_default = true);
  // Builds lists from one-entry-a-line texts (for tests).
  static std::unique_ptr<Lexicons> FromSources(absl::Span<const Source> sources);
  // Parses a user file's `name<TAB>entry` lines into this set of lists.
  absl::Status AddUserFile(absl::string_view text, absl::string_view file_name);

  Lexicons(const Lexicons&) = delete;
  Lexicons& operator=(const Lexicons&) = delete;

  // Returns the list called `name`; an empty list if there is none.
  const WordSet& Get(absl::string_view name) const;
  // Returns a two-column list's entries (`key<TAB>value` lines, e.g.
  // country_abbreviations: `미<TAB>미국`) split at the first tab, the
  // longest key first (ties by key); an entry without a tab is skipped.
  std::vector<std::pair<std::string, std::string>> GetPairs(absl::string_view name) const;

 private:
  Lexicons() = default;
  void AddList(absl::string_view name, absl::string_view text);

  absl::flat_hash_map<std::string, WordSet> lists_;
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_LEXICON_H_
