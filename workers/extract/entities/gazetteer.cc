#include "workers/extract/entities/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "text/utf8.h"
#include "workers/extract/entities/default_gazetteer_data.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// Ranks of surface forms: explicit names beat derived ones (no-space
// variants, tickers) whatever file they come from.
constexpr int kDerivedRank = 0;
constexpr int kExplicitRank = 1 << 20;

// Tickers that are also everyday words or abbreviations; they stay metadata.
const absl::flat_hash_set<absl::string_view>& TickerStopList() {
  static const auto* kStop =
      new absl::flat_hash_set<absl::string_view>{"AI",  "ALL", "ARE", "BIG", "CAT", "IT", "KEY", "NET",
                                                 "NOW", "ON",  "ONE", "SO",  "TV",  "US", "USA", "GO"};
  return *kStop;
}

bool IsValidUtf8(absl::string_view s) { return text::IsValidUtf8(s); }

bool HasNonAscii(absl::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Short Latin names are matched case-sensitively: "Arm" is a company, "arm"
// is not; longer ones fold case ("NVIDIA", "Nvidia").
bool IsCaseSensitive(absl::string_view s) { return !HasNonAscii(s) && s.size() <= 4; }

bool IsTickerAlias(absl::string_view t) {
  // A Korea Exchange code: 삼성전자(005930).
  if (t.size() == 6 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return true;
  }
  if (t.size() < 2 || t.size() > 5) return false;
  for (char c : t) {
    if (c < 'A' || c > 'Z') return false;
  }
  return !TickerStopList().contains(t);
}

std::string CanonicalKey(absl::string_view canonical, EntityType type) {
  return absl::StrCat(EntityTypeName(type), "\t", canonical);
}

absl::Status LineError(absl::string_view name, int line, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(name, ":", line, ": ", reason));
}

}  // namespace

absl::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kOrganization:
      return "ORGANIZATION";
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kLocation:
      return "LOCATION";
    case EntityType::kProduct:
      return "PRODUCT";
  }
  return "UNKNOWN";
}

absl::optional<EntityType> ParseEntityType(absl::string_view name) {
  if (name == "ORGANIZATION" || name == "ORG") return EntityType::kOrganization;
  if (name == "PERSON" || name == "PER") return EntityType::kPerson;
  if (name == "LOCATION" || name == "LOC") return EntityType::kLocation;
  if (name == "PRODUCT") return EntityType::kProduct;
  return absl::nullopt;
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::LoadDefault() {
  return Load({}, /*include_default=*/true);
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(absl::Span<const std::string> extra_paths,
                                                           bool include_default) {
  std::vector<Source> sources;
  if (include_default) {
    for (const EmbeddedFile& f : DefaultGazetteerFiles()) {
      sources.push_back({std::string(f.name), std::string(f.contents)});
    }
  }
  for (const std::string& path : extra_paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError(absl::StrCat("cannot open gazetteer file ", path));
    std::stringstream buffer;
    buffer << in.rdbuf();
    sources.push_back({path, buffer.str()});
  }
  return FromSources(sources);
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::FromString(absl::string_view tsv,
                                                                 absl::string_view name) {
  Source source{std::string(name), std::string(tsv)};
  return FromSources(absl::MakeConstSpan(&source, 1));
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::FromSources(absl::Span<const Source> sources) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  for (size_t i = 0; i < sources.size(); ++i) {
    absl::Status s = g->AddSource(sources[i].tsv, sources[i].name, static_cast<int>(i));
    if (!s.ok()) return s;
  }
  g->Finish();
  return g;
}

absl::Status Gazetteer::AddSource(absl::string_view tsv, absl::string_view name, int source_index) {
  // Entries first defined in this source, to report duplicates within a file.
  absl::flat_hash_map<std::string, int> first_line;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(tsv, '\n')) {
    ++line_no;
    if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty() || line[0] == '#') continue;
    if (!IsValidUtf8(line)) return LineError(name, line_no, "invalid UTF-8");
    std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    while (cols.size() > 2 && absl::StripAsciiWhitespace(cols.back()).empty()) cols.pop_back();
    if (cols.size() < 2) {
      return LineError(name, line_no,
                       "expected 2 to 4 tab-separated columns (canonical, type, aliases, metadata), got 1");
    }
    if (cols.size() > 4) {
      return LineError(name, line_no,
                       absl::StrCat("expected 2 to 4 tab-separated columns, got ", cols.size()));
    }
    const absl::string_view canonical = absl::StripAsciiWhitespace(cols[0]);
    if (canonical.empty()) return LineError(name, line_no, "empty canonical name");
    const absl::string_view type_name = absl::StripAsciiWhitespace(cols[1]);
    absl::optional<EntityType> type = ParseEntityType(type_name);
    if (!type) {
      return LineError(
          name, line_no,
          absl::StrCat("unknown type '", type_name, "' (want ORGANIZATION, PERSON, LOCATION or PRODUCT)"));
    }
    std::vector<std::string> aliases;
    if (cols.size() > 2 && !absl::StripAsciiWhitespace(cols[2]).empty()) {
      for (absl::string_view a : absl::StrSplit(cols[2], '|')) {
        a = absl::StripAsciiWhitespace(a);
        if (a.empty()) return LineError(name, line_no, "empty alias in alias list");
        aliases.emplace_back(a);
      }
    }
    std::vector<std::pair<std::string, std::string>> metadata;
    if (cols.size() > 3 && !absl::StripAsciiWhitespace(cols[3]).empty()) {
      for (absl::string_view item : absl::StrSplit(cols[3], ';', absl::SkipWhitespace())) {
        item = absl::StripAsciiWhitespace(item);
        const size_t eq = item.find('=');
        if (eq == absl::string_view::npos || eq == 0) {
          return LineError(name, line_no, absl::StrCat("metadata item '", item, "' is not key=value"));
        }
        metadata.emplace_back(std::string(absl::StripAsciiWhitespace(item.substr(0, eq))),
                              std::string(absl::StripAsciiWhitespace(item.substr(eq + 1))));
      }
    }
    const std::string key = CanonicalKey(canonical, *type);
    auto [it, inserted] = first_line.emplace(key, line_no);
    if (!inserted) {
      return LineError(name, line_no,
                       absl::StrCat("duplicate entry '", canonical, "' ", EntityTypeName(*type),
                                    " (first on line ", it->second, ")"));
    }
    uint32_t index;
    auto existing = by_canonical_.find(key);
    if (existing != by_canonical_.end()) {  // An earlier file: extend the entry.
      index = existing->second;
      GazetteerEntry& e = entries_[index];
      for (std::string& a : aliases) e.aliases.push_back(std::move(a));
      for (auto& m : metadata) e.metadata.push_back(std::move(m));
    } else {
      index = static_cast<uint32_t>(entries_.size());
      by_canonical_.emplace(key, index);
      entries_.push_back({std::string(canonical), *type, std::move(aliases), std::move(metadata)});
    }
    // The entry's surface forms, ranked by this source (an extension in a
    // later file re-adds the earlier names at its own, higher rank).
    const GazetteerEntry& e = entries_[index];
    const int base = source_index * 2;  // later sources rank higher
    auto add = [&](absl::string_view text, int rank) {
      surfaces_.push_back({std::string(text), index, IsCaseSensitive(text), rank + base});
    };
    // Finish() keeps one surface per text.
    std::vector<absl::string_view> names = {e.canonical};
    for (const std::string& a : e.aliases) names.push_back(a);
    for (absl::string_view n : names) {
      add(n, kExplicitRank);
      if (HasNonAscii(n) && absl::StrContains(n, ' ')) add(absl::StrReplaceAll(n, {{" ", ""}}), kDerivedRank);
    }
    for (const auto& [k, v] : e.metadata) {
      if (k == "ticker" && IsTickerAlias(v)) add(v, kDerivedRank);
    }
  }
  return absl::OkStatus();
}

void Gazetteer::Finish() {
  // Keep, for each exact text, the best-ranked surface; ties go to the last.
  absl::flat_hash_map<std::string, uint32_t> best;
  std::vector<Surface> kept;
  for (Surface& s : surfaces_) {
    auto it = best.find(s.text);
    if (it == best.end()) {
      best.emplace(s.text, static_cast<uint32_t>(kept.size()));
      kept.push_back(std::move(s));
    } else if (s.rank >= kept[it->second].rank) {
      kept[it->second] = std::move(s);
    }
  }
  surfaces_ = std::move(kept);
  AhoCorasick::Builder builder;
  for (uint32_t i = 0; i < surfaces_.size(); ++i) {
    const uint32_t id = builder.Add(surfaces_[i].text);
    if (id >= pattern_surfaces_.size()) pattern_surfaces_.resize(id + 1);
    pattern_surfaces_[id].push_back(i);
  }
  automaton_ = std::move(builder).Build();
  sole_entry_.assign(pattern_surfaces_.size(), -1);
  for (size_t id = 0; id < pattern_surfaces_.size(); ++id) {
    const std::vector<uint32_t>& candidates = pattern_surfaces_[id];
    if (candidates.size() == 1 && !surfaces_[candidates[0]].case_sensitive) {
      sole_entry_[id] = static_cast<int32_t>(surfaces_[candidates[0]].entry);
    }
  }
}

int32_t Gazetteer::PickSurface(uint32_t id, absl::string_view bytes) const {
  // A capitalised English name must stay capitalised: "Apple", "APPLE", but
  // not "apple" or "shell".
  const bool lower_start = !bytes.empty() && bytes[0] >= 'a' && bytes[0] <= 'z';
  const std::vector<uint32_t>& candidates = pattern_surfaces_[id];
  if (candidates.size() == 1 && !surfaces_[candidates[0]].case_sensitive && !lower_start) {
    return static_cast<int32_t>(candidates[0]);  // The common case: no comparison needed.
  }
  int32_t best = -1;
  bool best_exact = false;
  for (uint32_t s : pattern_surfaces_[id]) {
    const Surface& surface = surfaces_[s];
    const bool exact = surface.text == bytes;
    if (surface.case_sensitive && !exact) continue;
    if (lower_start && !exact && surface.text[0] >= 'A' && surface.text[0] <= 'Z') continue;
    // An exact-case surface beats a folded one; then rank decides.
    if (best < 0 || (exact && !best_exact) || (exact == best_exact && surface.rank > surfaces_[best].rank)) {
      best = static_cast<int32_t>(s);
      best_exact = exact;
    }
  }
  return best;
}

absl::optional<uint32_t> Gazetteer::Lookup(absl::string_view surface) const {
  absl::optional<uint32_t> result;
  ForEachMatch(surface, [&](size_t begin, size_t end, uint32_t entry) {
    if (begin == 0 && end == surface.size()) result = entry;
  });
  return result;
}

absl::optional<uint32_t> Gazetteer::FindCanonical(absl::string_view canonical, EntityType type) const {
  auto it = by_canonical_.find(CanonicalKey(canonical, type));
  if (it == by_canonical_.end()) return absl::nullopt;
  return it->second;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
