// A later surname (베조스, 황 CEO, 이 회장) stands for the full name of a person
// mentioned earlier in the document, with evidence they are one: a short
// form claimed by two people is ambiguous and joins neither; a one-syllable
// Korean surname joins only right before a title; and for a Korean name found
// by pattern, only with the same title that followed the full name (장영달
// 의원 ... 장 의원), never another 장 (남편 세 장 교수는). Gazetteer people
// (known public figures) join on the surname and a title alone (손 회장).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class CoreferenceRecognizer : public Recognizer {
 public:
  absl::string_view name() const override { return "coreference"; }

  void Run(Document* doc) const override {
    const Shorts shorts = RegisterShortForms(doc);
    if (!shorts.empty()) ResolveShortForms(doc, shorts);
  }

 private:
  struct Short {
    std::string canonical;
    size_t from;  // the end of the full name: only later words join it
    bool ambiguous = false;
    // For a Korean name found by pattern: a bare surname needs `title`.
    bool needs_title = false;
    std::string title;
  };
  using Shorts = absl::flat_hash_map<std::string, Short>;

  // The short forms of the people found so far, in text order; marks a
  // gazetteer surname alias after its full name as coreference.
  static Shorts RegisterShortForms(Document* doc) {
    Shorts shorts;
    std::vector<EntityMention>& mentions = doc->mentions();
    std::vector<int> order(mentions.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return mentions[a].begin < mentions[b].begin; });
    auto add = [&](absl::string_view s, const std::string& canonical, size_t from, bool needs_title,
                   absl::string_view title) {
      auto [it, inserted] = shorts.emplace(std::string(s), Short{canonical, from, false, needs_title, std::string(title)});
      if (!inserted && it->second.canonical != canonical) it->second.ambiguous = true;
    };
    for (int mi : order) {
      EntityMention& m = mentions[mi];
      if (m.type != EntityType::kPerson) continue;
      const absl::string_view surface = doc->Slice(m.begin, m.end);
      auto it = shorts.find(surface);
      if (it != shorts.end() && !it->second.ambiguous && it->second.canonical == m.canonical && surface != m.canonical) {
        m.method = MatchMethod::kCoreference;  // a gazetteer surname alias seen after the full name
        continue;
      }
      const std::vector<absl::string_view> parts = absl::StrSplit(m.canonical, ' ');
      if (parts.size() >= 2 && IsPureHangul(parts.back())) {
        add(parts.back(), m.canonical, m.end, false, "");
        continue;
      }
      if (parts.size() != 1 || !IsPureHangul(parts[0])) continue;
      const size_t n = CountCodepoints(parts[0]);
      const bool korean_name = n == 3 && doc->korean().IsKoreanSurname(CodepointAt(parts[0], 0));
      // A known Chinese name, surname first too: 시진핑 -> 시 주석, 리창 -> 리 총리.
      const bool known_name = m.method == MatchMethod::kGazetteer && (n == 2 || n == 3);
      if (!korean_name && !known_name) continue;
      const bool needs_title = m.method != MatchMethod::kGazetteer;
      add(parts[0].substr(0, 3), m.canonical, m.end, needs_title, needs_title ? doc->TitleAfter(doc->WordAt(m.begin)) : "");
    }
    return shorts;
  }

  static void ResolveShortForms(Document* doc, const Shorts& shorts) {
    SyllableSet first;  // first syllables of the short forms
    std::vector<bool> length;  // the short forms' lengths in bytes
    for (const auto& [s, unused] : shorts) {
      first.Insert(CodepointAt(s, 0));
      if (s.size() >= length.size()) length.resize(s.size() + 1);
      length[s.size()] = true;
    }
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi < words.size(); ++wi) {
      const Word& w = words[wi];
      if (!first.Contains(CodepointAt(doc->text(), w.begin)) || !doc->Free(w.begin, w.end)) continue;
      const absl::string_view word = doc->WordText(wi);
      // The stem is looked up before its tail is parsed: few stems are short forms.
      doc->korean().ForEachStemEnd(word, [&](size_t p) {
        if (p >= length.size() || !length[p]) return false;
        auto it = shorts.find(word.substr(0, p));
        if (it == shorts.end() || it->second.ambiguous || w.begin < it->second.from) return false;
        if (!doc->korean().IsParticleTail(word.substr(p)) || !Joins(*doc, wi, p, it->second)) return false;
        doc->Add(w.begin, w.begin + p, EntityType::kPerson, it->second.canonical, MatchMethod::kCoreference);
        return true;
      });
    }
  }

  // Returns true if word `wi`, whose first `p` bytes are short form `s`,
  // stands for that person.
  static bool Joins(const Document& doc, size_t wi, size_t p, const Short& s) {
    const std::vector<Word>& words = doc.words();
    const absl::string_view word = doc.WordText(wi);
    // A given name followed by a surname is someone else: 크리스 정.
    if (p == word.size() && wi + 1 < words.size() && doc.OnlySpacesBetween(words[wi].end, words[wi + 1].begin) &&
        words[wi + 1].end - words[wi + 1].begin == 3 &&
        doc.korean().IsKoreanSurname(CodepointAt(doc.text(), words[wi + 1].begin)) &&
        doc.lexicon().IsForeignGivenName(word.substr(0, p))) {
      return false;
    }
    if (p != 3) return true;
    // A one-syllable surname only right before a title: 황 CEO.
    if (doc.lexicon().IsAmbiguousSurname(word.substr(0, 3)) || p != word.size() || !doc.TitleFollows(wi)) return false;
    return !s.needs_title || (!s.title.empty() && doc.TitleAfter(wi) == s.title);
  }
};

}  // namespace

RecognizerPtr NewCoreferenceRecognizer() { return std::make_unique<CoreferenceRecognizer>(); }

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
