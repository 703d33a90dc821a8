#include "workers/extract/entities/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "workers/extract/entities/default_gazetteer_data.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// Returns "titles" for "data/entities/titles.txt".
absl::string_view ListName(absl::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash != absl::string_view::npos) path.remove_prefix(slash + 1);
  const size_t dot = path.rfind('.');
  return dot == absl::string_view::npos ? path : path.substr(0, dot);
}

bool Skipped(absl::string_view line) { return line.empty() || line[0] == '#'; }

}  // namespace

const Lexicons& Lexicons::Default() {
  static const Lexicons* kDefault = [] {
    auto* lexicons = new Lexicons;
    for (const EmbeddedFile& f : DefaultLexiconFiles()) {
      if (!f.name.empty()) lexicons->AddList(ListName(f.name), f.contents);
    }
    return lexicons;
  }();
  return *kDefault;
}

std::unique_ptr<Lexicons> Lexicons::FromSources(absl::Span<const Source> sources) {
  std::unique_ptr<Lexicons> lexicons(new Lexicons);
  for (const Source& s : sources) lexicons->AddList(s.name, s.text);
  return lexicons;
}

absl::StatusOr<std::unique_ptr<Lexicons>> Lexicons::Load(absl::Span<const std::string> extra_paths,
                                                         bool include_default) {
  std::unique_ptr<Lexicons> lexicons(new Lexicons);
  if (include_default) lexicons->lists_ = Default().lists_;
  for (const std::string& path : extra_paths) {
    std::ifstream in(path);
    if (!in) return absl::NotFoundError(absl::StrCat("cannot read lexicon file ", path));
    std::stringstream text;
    text << in.rdbuf();
    absl::Status status = lexicons->AddUserFile(text.str(), path);
    if (!status.ok()) return status;
  }
  return lexicons;
}

void Lexicons::AddList(absl::string_view name, absl::string_view text) {
  WordSet& list = lists_[name];
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (!Skipped(line)) list.emplace(line);
  }
}

absl::Status Lexicons::AddUserFile(absl::string_view text, absl::string_view file_name) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (Skipped(line)) continue;
    const std::vector<absl::string_view> fields = absl::StrSplit(line, absl::MaxSplits('\t', 1));
    const absl::string_view name = fields.size() == 2 ? absl::StripAsciiWhitespace(fields[0]) : "";
    const absl::string_view entry = fields.size() == 2 ? absl::StripAsciiWhitespace(fields[1]) : "";
    if (name.empty() || entry.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(file_name, ":", line_number, ": want `list<TAB>entry`"));
    }
    lists_[name].emplace(entry);
  }
  return absl::OkStatus();
}

std::vector<std::pair<std::string, std::string>> Lexicons::GetPairs(absl::string_view name) const {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (absl::string_view entry : Get(name)) {
    const size_t tab = entry.find('\t');
    if (tab == absl::string_view::npos) continue;
    pairs.emplace_back(absl::StripAsciiWhitespace(entry.substr(0, tab)),
                       absl::StripAsciiWhitespace(entry.substr(tab + 1)));
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a < b;
  });
  return pairs;
}

const WordSet& Lexicons::Get(absl::string_view name) const {
  static const WordSet* kEmpty = new WordSet;
  auto it = lists_.find(name);
  return it == lists_.end() ? *kEmpty : it->second;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
