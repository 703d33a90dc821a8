// 토마스 쿠리안(Thomas Kurian), 이재용(Lee Jae-yong): Hangul words followed by
// their romanisation in parentheses name a person, and the romanisation names
// the same person; an English name ending in a corporate word makes it an
// organisation (레트로 바이오사이언스(Retro Biosciences)). Each Hangul word must
// sound like its Latin word, judged by initial consonants (latin_initials),
// so a gloss such as 단일 표준(One Rulebook) is not read as a name.
#include <array>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// The 19 initial consonants in the order of Unicode's syllable blocks.
constexpr absl::string_view kInitials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

class RomanizedNameRecognizer : public Recognizer {
 public:
  explicit RomanizedNameRecognizer(const Lexicons& lexicons)
      : org_heads_(lexicons.Get("latin_org_heads")),
        org_words_(lexicons.Get("latin_org_words")),
        common_words_(lexicons.Get("common_english_words")),
        korean_surnames_(lexicons.Get("romanized_surnames")) {
    // latin_initials: `ㄱ<TAB>GKCQ`, the Latin letters a word starting with
    // that consonant may be written with.
    for (const auto& [jamo, letters] : lexicons.GetPairs("latin_initials")) {
      for (size_t k = 0, i = 0; i < kInitials.size(); ++k, i += 3) {
        if (kInitials.substr(i, 3) == jamo) latin_by_initial_[k] = letters;
      }
    }
  }

  absl::string_view name() const override { return "romanized_name"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    const absl::string_view text = doc->text();
    for (size_t wi = 0; wi < words.size(); ++wi) {
      const Word& w = words[wi];
      if (w.end >= text.size() || text[w.end] != '(') continue;
      const size_t close = doc->FindClose(w.end, 61);
      if (close == absl::string_view::npos || close - w.end > 60) continue;
      std::vector<absl::string_view> latin = absl::StrSplit(doc->Slice(w.end + 1, close), ' ', absl::SkipEmpty());
      if (latin.size() < 2 || latin.size() > 4) continue;
      const bool org = org_heads_.contains(latin.back());
      if (!LatinNameOk(latin, org)) continue;
      // How many Hangul words before the parenthesis form the name.
      size_t count = latin.size();
      if (korean_surnames_.contains(latin[0]) && doc->lexicon().IsKoreanNameShaped(doc->WordText(wi))) count = 1;
      if (count > wi + 1) continue;
      const size_t first = wi + 1 - count;
      if (!HangulNameOk(*doc, first, wi, latin)) continue;
      const size_t b = words[first].begin;
      std::string canonical(doc->Slice(b, w.end));
      const EntityType type = org ? EntityType::kOrganization : EntityType::kPerson;
      if (doc->Add(b, w.end, type, canonical, MatchMethod::kPattern) >= 0) {
        doc->Add(w.end + 1, close, type, canonical, MatchMethod::kPattern);
      }
    }
  }

 private:
  // Every word capitalised and made of letters, and (for a person) none an
  // organisation word or a common English word, and not all capitals.
  bool LatinNameOk(const std::vector<absl::string_view>& latin, bool org) const {
    for (absl::string_view part : latin) {
      if (part.empty() || !(part[0] >= 'A' && part[0] <= 'Z') ||
          (!org && (org_words_.contains(part) || common_words_.contains(part))) ||
          (part.size() > 1 && part[1] >= 'A' && part[1] <= 'Z' && !(org && part == latin.back()))) {
        return false;
      }
      for (char c : part) {
        if (!(IsAsciiAlpha(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '\'')) return false;
      }
    }
    return true;
  }

  // Words first..last are free Hangul non-stop-words separated by spaces,
  // each sounding like its Latin word (or the one word like the surname).
  bool HangulNameOk(const Document& doc, size_t first, size_t last, const std::vector<absl::string_view>& latin) const {
    const std::vector<Word>& words = doc.words();
    for (size_t k = first; k <= last; ++k) {
      const absl::string_view part = doc.WordText(k);
      if (!IsPureHangul(part) || doc.korean().IsNameStopWord(part) || !doc.Free(words[k].begin, words[k].end)) {
        return false;
      }
      if (k > first && !doc.OnlySpacesBetween(words[k - 1].end, words[k].begin)) return false;
    }
    const size_t count = last - first + 1;
    if (count != latin.size()) return InitialsAgree(CodepointAt(doc.text(), words[last].begin), latin[0][0]);
    for (size_t k = 0; k < count; ++k) {
      if (!InitialsAgree(CodepointAt(doc.text(), words[first + k].begin), latin[k][0])) return false;
    }
    return true;
  }

  // Returns true if Hangul syllable `h` could transcribe a word starting with
  // Latin letter `latin`, judged by the syllable's initial consonant.
  bool InitialsAgree(char32_t h, char latin) const {
    if (!IsHangul(h)) return false;
    const size_t initial = (h - 0xAC00) / (21 * 28);
    const char upper = static_cast<char>(latin >= 'a' && latin <= 'z' ? latin - 32 : latin);
    return latin_by_initial_[initial].find(upper) != std::string::npos;
  }

  const WordSet org_heads_, org_words_, common_words_, korean_surnames_;
  std::array<std::string, 19> latin_by_initial_;
};

}  // namespace

RecognizerPtr NewRomanizedNameRecognizer(const Lexicons& lexicons) {
  return std::make_unique<RomanizedNameRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
