// Gazetteer names and aliases, found by one Aho-Corasick pass: the longest
// span wins, particles after a name stay outside it (엔비디아가), a name
// glued to a derivational suffix is no mention (중국산), homographs marked in
// the gazetteer are skipped where they are the common word, and a product
// takes a following version and edition (제미나이 3 프로, Gemini 2.5 Pro).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class GazetteerRecognizer : public Recognizer {
 public:
  // product_editions: `Latin<TAB>Hangul` edition words (Pro, 프로).
  explicit GazetteerRecognizer(const Lexicons& lexicons) : editions_(lexicons.GetPairs("product_editions")) {
    // Also match the Hangul spellings, the longest first.
    std::stable_sort(editions_.begin(), editions_.end(), [](const auto& a, const auto& b) {
      return std::max(a.first.size(), a.second.size()) > std::max(b.first.size(), b.second.size());
    });
  }

  absl::string_view name() const override { return "gazetteer"; }

  void Run(Document* doc) const override {
    struct Candidate {
      size_t begin, end;
      uint32_t entry;
    };
    std::vector<Candidate> candidates;
    const Gazetteer& g = doc->gazetteer();
    g.ForEachMatch(doc->text(), [&](size_t b, size_t e, uint32_t entry) {
      if (doc->StartOk(b) && doc->EndOk(b, e)) candidates.push_back({b, e, entry});
    });
    // Longest span wins; among equal lengths, the leftmost.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      const size_t la = a.end - a.begin, lb = b.end - b.begin;
      return la != lb ? la > lb : a.begin < b.begin;
    });
    for (const Candidate& c : candidates) {
      if (!doc->Free(c.begin, c.end)) continue;
      const GazetteerEntry& entry = g.entry(c.entry);
      if (IsHomographUse(*doc, entry, c.begin, c.end)) continue;
      if (entry.type == EntityType::kProduct && AddVersionedProduct(doc, entry, c.begin, c.end)) continue;
      doc->AddEntry(c.begin, c.end, c.entry, MatchMethod::kGazetteer);
    }
  }

 private:
  // Adds the product `entry` at [b, e) with a version and edition after it,
  // if there is one; returns false if not.
  bool AddVersionedProduct(Document* doc, const GazetteerEntry& entry, size_t b, size_t e) const {
    std::string canonical = entry.canonical;
    size_t end = ExtendVersion(*doc, e, &canonical);
    if (end != e && !doc->Free(e, end)) {  // the version belongs to another mention
      end = e;
      canonical = entry.canonical;
    }
    end = ExtendVariant(*doc, end, &canonical);
    if (end == e || !doc->Free(e, end)) return false;
    doc->Add(b, end, entry.type, std::move(canonical), MatchMethod::kGazetteer, &entry.metadata);
    return true;
  }

  // Extends a product name by a following version number (제미나이 3,
  // 라마 4.1); returns the new end or `e`.
  static size_t ExtendVersion(const Document& doc, size_t e, std::string* canonical) {
    const absl::string_view text = doc.text();
    if (IsAsciiDigit(CodepointBefore(text, e))) return e;
    size_t i = e;
    if (i < text.size() && text[i] == ' ') ++i;
    const size_t v = i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    if (i == v || i - v > 3) return e;
    if (i + 1 < text.size() && text[i] == '.' && IsAsciiDigit(text[i + 1])) {
      i += 1;
      while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    }
    if (i < text.size() && IsAsciiAlpha(text[i]) && !IsAsciiAlnum(CodepointAt(text, i + 1))) ++i;
    const char32_t next = CodepointAt(text, i);
    if (IsAsciiAlnum(next) || next == '.' || next == ',' || next == '%') {
      if (next != '.' && next != ',') return e;
      if (IsAsciiDigit(CodepointAt(text, i + 1))) return e;
    }
    if (IsHangul(next) && !doc.korean().IsParticleTail(doc.Tail(i))) return e;
    absl::StrAppend(canonical, " ", doc.Slice(v, i));
    return i;
  }

  // Extends a versioned product name by a following edition word
  // (Gemini 2.5 Pro, 아이폰 17 프로); returns the new end or `e`. The edition
  // is written in the script of the canonical name.
  size_t ExtendVariant(const Document& doc, size_t e, std::string* canonical) const {
    const absl::string_view text = doc.text();
    if (!IsAsciiDigit(CodepointBefore(text, e)) && !IsAsciiDigit(CodepointBefore(*canonical, canonical->size()))) {
      return e;
    }
    if (e >= text.size() || text[e] != ' ') return e;
    const size_t b = e + 1;
    const bool hangul_canonical = !canonical->empty() && static_cast<unsigned char>((*canonical)[0]) >= 0x80;
    for (const auto& [latin, hangul] : editions_) {
      for (absl::string_view written : {absl::string_view(latin), absl::string_view(hangul)}) {
        if (doc.Slice(b, std::min(text.size(), b + written.size())) != written) continue;
        const size_t end = b + written.size();
        const char32_t next = CodepointAt(text, end);
        if (IsAsciiAlnum(next) || (IsHangul(next) && !doc.korean().IsParticleTail(doc.Tail(end)))) continue;
        absl::StrAppend(canonical, " ", hangul_canonical ? hangul : latin);
        return end;
      }
    }
    return e;
  }

  // Names that are also common words, marked in the gazetteer: with
  // not_after_latin=1 a name right after a Latin word is the common word
  // (AI 대전 is a contest, not Daejeon); with not_before=a|b it is the
  // common word when one of these follows (구미를 당기다: appetite).
  static bool IsHomographUse(const Document& doc, const GazetteerEntry& entry, size_t b, size_t e) {
    const absl::string_view text = doc.text();
    for (const auto& [key, value] : entry.metadata) {
      if (key == "not_after_latin") {
        if (b < 2 || text[b - 1] != ' ') continue;
        size_t i = b - 1;
        while (i > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[i - 1]))) --i;
        if (i < b - 1 && (i == 0 || !IsWordChar(CodepointBefore(text, i)))) return true;
      } else if (key == "not_before") {
        const absl::string_view rest = text.substr(e);
        for (absl::string_view tail : absl::StrSplit(value, '|')) {
          if (!tail.empty() && absl::StartsWith(rest, tail)) return true;
        }
      }
    }
    return false;
  }

  std::vector<std::pair<std::string, std::string>> editions_;
};

}  // namespace

RecognizerPtr NewGazetteerRecognizer(const Lexicons& lexicons) {
  return std::make_unique<GazetteerRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
