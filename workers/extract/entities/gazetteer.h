// The gazetteer: canonical names of organisations, people, places and
// products, with their aliases, loaded from TSV data files.
//
// File format (UTF-8; blank lines and lines starting with '#' are skipped):
//
//   canonical <TAB> type <TAB> aliases (|-separated, optional) <TAB> metadata (key=value;..., optional)
//   마이크로소프트	ORGANIZATION	MS|Microsoft|마소	ticker=MSFT;country=US
//
// `type` is ORGANIZATION (or ORG), PERSON (PER), LOCATION (LOC) or PRODUCT.
// A `ticker=` of 2-5 capital letters or a 6-digit Korea Exchange code
// becomes an alias too (`MSFT`, `005930`). A
// multi-word Hangul name also matches with its spaces removed (`젠슨황`).
// Metadata is free-form except for keys the extractor reads:
// context=<canonical> and context_alias=<a|b>, which make short names count
// only shortly after a mention of the context entity (a bare "나노" after
// "Nemotron 3" is "Nemotron 3 Nano"), and dual_type=PRODUCT for a company
// named like its model (딥시크), typed PRODUCT where the sentence talks
// about models; not_after_latin=1 and not_before=<a|b> for a name that is
// also a common word, which it is right after a Latin word (AI 대전) or
// before one of the given strings (구미를 당기다).
// A later file may repeat an entry (same canonical and type) to add aliases
// and metadata to it; when two entries claim the same surface form, explicit
// names beat derived ones and later files beat earlier ones.
//
//   GLEANER_ASSIGN_OR_RETURN(auto gazetteer, Gazetteer::Load({"my_names.tsv"}));
//   gazetteer->ForEachMatch(text, [&](size_t begin, size_t end, uint32_t entry) {...});
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_GAZETTEER_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_GAZETTEER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "workers/extract/entities/aho_corasick.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

enum class EntityType { kOrganization, kPerson, kLocation, kProduct };

// Returns "ORGANIZATION", "PERSON", "LOCATION" or "PRODUCT".
absl::string_view EntityTypeName(EntityType t);

// Parses a type name as written in gazetteer files (full or short form,
// upper case): ORGANIZATION/ORG, PERSON/PER, LOCATION/LOC, PRODUCT.
absl::optional<EntityType> ParseEntityType(absl::string_view name);

struct GazetteerEntry {
  std::string canonical;
  EntityType type = EntityType::kOrganization;
  std::vector<std::string> aliases;
  std::vector<std::pair<std::string, std::string>> metadata;
};

// Immutable after load; thread-safe. Not copyable.
class Gazetteer {
 public:
  // One named TSV text, e.g. a file's path and contents.
  struct Source {
    std::string name;
    std::string tsv;
  };

  // Loads the data files shipped with Gleaner (embedded into the binary).
  static absl::StatusOr<std::unique_ptr<Gazetteer>> LoadDefault();
  // Loads the files at `extra_paths`, after the shipped data if
  // `include_default`. Errors: NotFound for a missing file, InvalidArgument
  // "path:LINE: reason" for a malformed line.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(absl::Span<const std::string> extra_paths,
                                                         bool include_default = true);
  // Parses one TSV text; errors are InvalidArgument "name:LINE: reason".
  static absl::StatusOr<std::unique_ptr<Gazetteer>> FromString(absl::string_view tsv, absl::string_view name);
  // Parses several TSV texts in order (later ones extend and override).
  static absl::StatusOr<std::unique_ptr<Gazetteer>> FromSources(absl::Span<const Source> sources);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Returns the number of entries.
  size_t size() const { return entries_.size(); }
  // Returns the number of distinct surface forms (names and aliases).
  size_t num_surfaces() const { return surfaces_.size(); }
  const GazetteerEntry& entry(size_t index) const { return entries_[index]; }

  // Returns the index of the entry that owns `surface` (a canonical name or
  // alias, exact bytes; ASCII case is ignored for names longer than 4 bytes,
  // except that a capitalised name does not match in lower case).
  absl::optional<uint32_t> Lookup(absl::string_view surface) const;
  // Returns the index of the entry with this canonical name and type.
  absl::optional<uint32_t> FindCanonical(absl::string_view canonical, EntityType type) const;

  // Calls fn(begin, end, entry_index) for every occurrence in `text` of a
  // surface form, with byte offsets; no word-boundary checks are made here.
  template <typename Fn>
  void ForEachMatch(absl::string_view text, Fn&& fn) const;

 private:
  // One surface form competing for an automaton pattern.
  struct Surface {
    std::string text;
    uint32_t entry;
    bool case_sensitive;  // short Latin names: "Arm" is not "ARM" nor "arm"
    int rank;             // higher wins: explicit > derived, later file > earlier
  };

  Gazetteer() = default;
  absl::Status AddSource(absl::string_view tsv, absl::string_view name, int source_index);
  void Finish();
  // Returns the best surface of pattern `id` that matches `bytes`, or -1.
  int32_t PickSurface(uint32_t id, absl::string_view bytes) const;

  std::vector<GazetteerEntry> entries_;
  absl::flat_hash_map<std::string, uint32_t> by_canonical_;  // "TYPE\tcanonical" -> entry
  std::vector<Surface> surfaces_;
  // Pattern id -> indices into surfaces_ (several when they differ in case).
  std::vector<std::vector<uint32_t>> pattern_surfaces_;
  // Pattern id -> the entry of its only surface when that one ignores case,
  // else -1: then no comparison is needed unless the match starts in lower
  // case.
  std::vector<int32_t> sole_entry_;
  AhoCorasick automaton_;
};

template <typename Fn>
void Gazetteer::ForEachMatch(absl::string_view text, Fn&& fn) const {
  automaton_.ForEachMatch(text, [&](size_t begin, size_t end, uint32_t id) {
    const int32_t entry = sole_entry_[id];
    if (entry >= 0 && !(text[begin] >= 'a' && text[begin] <= 'z')) {
      fn(begin, end, static_cast<uint32_t>(entry));  // PickSurface's common case, inline
      return;
    }
    const int32_t s = PickSurface(id, text.substr(begin, end - begin));
    if (s >= 0) fn(begin, end, surfaces_[s].entry);
  });
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_GAZETTEER_H_
