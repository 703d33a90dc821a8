// 아마존웹서비스(AWS), 프로젝트 프로메테우스(Project Prometheus, 이하
// 프로메테우스): a parenthesised Latin name after a mention, or the name after
// an alias introducer inside the parentheses (alias_introducers: 이하), is a
// mention itself and names the same entity for the rest of the document.
// Common abbreviations are never names of the entity before them
// (non_name_abbreviations: 최고경영자(CEO), 인공지능(AI)).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class AliasRecognizer : public Recognizer {
 public:
  explicit AliasRecognizer(const Lexicons& lexicons)
      : non_names_(lexicons.Get("non_name_abbreviations")), introducers_(lexicons.Get("alias_introducers")) {}

  absl::string_view name() const override { return "alias"; }

  void Run(Document* doc) const override {
    std::vector<Alias> aliases;
    std::vector<int> order(doc->mentions().size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return doc->mentions()[a].begin < doc->mentions()[b].begin; });
    for (int mi : order) FindDefinitions(doc, mi, &aliases);
    FindLaterOccurrences(doc, aliases);
  }

 private:
  struct Alias {
    std::string text;
    size_t from;  // occurrences after this byte count
    int mention;  // the defining mention
  };

  // Returns where an introducer (이하) starts in `inside`, and its length.
  size_t FindIntroducer(absl::string_view inside, size_t* len) const {
    size_t best = absl::string_view::npos;
    for (absl::string_view intro : introducers_) {
      for (size_t pos = inside.find(intro); pos != absl::string_view::npos; pos = inside.find(intro, pos + 1)) {
        // The introducer is a word of its own, followed by a space.
        if (pos + intro.size() < inside.size() && inside[pos + intro.size()] == ' ' && pos < best) {
          best = pos;
          *len = intro.size() + 1;
          break;
        }
      }
    }
    return best;
  }

  // The aliases defined in parentheses right after mention `mi`.
  void FindDefinitions(Document* doc, int mi, std::vector<Alias>* aliases) const {
    const absl::string_view text = doc->text();
    const size_t e = doc->mentions()[mi].end;
    if (e >= text.size() || text[e] != '(') return;
    // A place name is often the tail of a longer name: 임페리얼 칼리지
    // 런던(ICL) does not make ICL a name of London.
    if (doc->mentions()[mi].type == EntityType::kLocation) return;
    const size_t close = doc->FindClose(e, 81);
    if (close == absl::string_view::npos || close - e > 80) return;
    const absl::string_view inside = doc->Slice(e + 1, close);
    if (absl::StrContains(inside, "(")) return;
    size_t name_end = inside.size();
    absl::string_view later;  // the "이하 X" name
    size_t intro_len = 0;
    const size_t ha = FindIntroducer(inside, &intro_len);
    if (ha != absl::string_view::npos) {
      later = absl::StripAsciiWhitespace(inside.substr(ha + intro_len));
      name_end = ha;
      while (name_end > 0 && (inside[name_end - 1] == ' ' || inside[name_end - 1] == ',')) --name_end;
    }
    const absl::string_view name = inside.substr(0, name_end);
    if (IsLatinName(name)) {
      const size_t nb = e + 1;
      const int owner = doc->Owner(nb);
      const EntityMention m = doc->mentions()[mi];
      if (owner < 0) doc->Add(nb, nb + name.size(), m.type, m.canonical, MatchMethod::kAlias, &m.metadata);
      if (owner < 0 || doc->mentions()[owner].canonical == m.canonical) aliases->push_back({std::string(name), close, mi});
    }
    if (!later.empty() && later.size() <= 40 && !absl::StrContains(later, " ")) {
      // From the definition itself on: "이하 프로메테우스" is a mention too.
      aliases->push_back({std::string(later), static_cast<size_t>(later.data() - text.data()), mi});
    }
  }

  bool IsLatinName(absl::string_view name) const {
    if (name.empty() || !IsAsciiAlpha(static_cast<unsigned char>(name[0])) || name.size() > 40 ||
        non_names_.contains(name)) {
      return false;
    }
    for (char c : name) {
      const auto u = static_cast<unsigned char>(c);
      if (!(IsAsciiAlnum(u) || c == ' ' || c == '&' || c == '-' || c == '.' || c == '\'')) return false;
    }
    return true;
  }

  // Later occurrences of each alias. An alias is scanned for once (from its
  // first definition), and not at all when the gazetteer already knows it as
  // a name of the same entity (마이크로소프트(MS)).
  static void FindLaterOccurrences(Document* doc, const std::vector<Alias>& aliases) {
    const absl::string_view text = doc->text();
    absl::flat_hash_set<absl::string_view> scanned;
    for (const Alias& a : aliases) {
      const EntityMention m = doc->mentions()[a.mention];
      if (!scanned.insert(a.text).second) continue;
      const absl::optional<uint32_t> known = doc->gazetteer().Lookup(a.text);
      if (known.has_value() && doc->gazetteer().entry(*known).canonical == m.canonical) continue;
      for (size_t pos = text.find(a.text, a.from); pos != absl::string_view::npos; pos = text.find(a.text, pos + 1)) {
        const size_t end = pos + a.text.size();
        if (!doc->StartOk(pos) || !doc->EndOk(pos, end)) continue;
        if (doc->Add(pos, end, m.type, m.canonical, MatchMethod::kAlias, &m.metadata) >= 0) continue;
        // The document's own definition beats the gazetteer: after
        // "파라마운트 스카이댄스(이하 파라마운트)", 파라마운트 is that company.
        EntityMention& existing = doc->mentions()[doc->Owner(pos)];
        if (existing.begin == pos && existing.end == end && existing.canonical != m.canonical &&
            existing.method == MatchMethod::kGazetteer) {
          existing.type = m.type;
          existing.canonical = m.canonical;
          existing.metadata = m.metadata;
          existing.method = MatchMethod::kAlias;
        }
      }
    }
  }

  const WordSet non_names_, introducers_;
};

}  // namespace

RecognizerPtr NewAliasRecognizer(const Lexicons& lexicons) { return std::make_unique<AliasRecognizer>(lexicons); }

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
