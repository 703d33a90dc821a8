// A person next to a title or role (titles): 홍길동 대표, 신동빈 회장이, 김종준
// 하나은행장과 (a compound ending in a title, after a Korean name), 샘 올트먼
// 오픈AI CEO, 에릭 슈미트 전 구글 CEO, 알렉스 크리스, 페이팔 CEO (before it,
// with organisations, modifiers and affiliations between), and 창업자
// 김범수는, 창업자 마이클 스미스는 (after it, closed by a name particle or
// punctuation, so 대표 주자로 is not read as a name).
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class TitledPersonRecognizer : public Recognizer {
 public:
  // affiliation_ends: last syllables of a school or field between a name
  // and its title (겐트대 국제정치학 교수).
  explicit TitledPersonRecognizer(const Lexicons& lexicons) : affiliation_ends_(lexicons.Get("affiliation_ends")) {}

  absl::string_view name() const override { return "titled_person"; }

  void Run(Document* doc) const override {
    const std::vector<Word>& words = doc->words();
    for (size_t wi = 0; wi < words.size(); ++wi) {
      const Word& w = words[wi];
      const size_t title_len = doc->korean().TitlePrefixLength(doc->WordText(wi));
      if (title_len == 0) {
        const size_t name = NameCandidateBefore(*doc, wi);
        if (name != 0 && doc->korean().CompoundTitleEnd(doc->WordText(wi)) > 0 &&
            doc->lexicon().IsKoreanNameShaped(doc->WordText(name - 1))) {
          FindNameBefore(doc, wi);
        }
        continue;
      }
      if (!doc->Free(w.begin, w.begin + title_len)) continue;
      if (FindNameBefore(doc, wi)) continue;
      if (title_len == w.end - w.begin) FindNameAfter(doc, wi);
    }
  }

 private:
  // Returns the index of the first word between the name and title word
  // `wi` (organisations, modifiers, affiliations; at most three), and sets
  // `*org_skipped` if an organisation was among them.
  size_t SkipToName(const Document& doc, size_t wi, bool* org_skipped) const {
    const std::vector<Word>& words = doc.words();
    size_t j = wi;
    int skipped = 0;
    while (j > 0 && skipped < 3) {
      const Word& prev = words[j - 1];
      if (!doc.OnlySpacesBetween(prev.end, words[j].begin)) break;
      const int owner = doc.Owner(prev.begin);
      if (owner >= 0 && doc.mentions()[owner].type == EntityType::kOrganization &&
          doc.mentions()[owner].begin == prev.begin && doc.mentions()[owner].end == prev.end) {
        --j;
        ++skipped;
        *org_skipped = true;
        continue;
      }
      const absl::string_view prev_word = doc.WordText(j - 1);
      if (doc.lexicon().IsTitleModifier(prev_word) || IsAffiliation(prev_word)) {
        --j;
        ++skipped;
        continue;
      }
      break;
    }
    return j;
  }

  // A cheap filter before a compound title (김종준 하나은행장): returns one
  // more than the index of the word before `wi`, or before a modifier (전),
  // if it has three syllables and starts with a surname, else 0. Runs at
  // nearly every word, so nothing is looked up by string but a short word.
  static size_t NameCandidateBefore(const Document& doc, size_t wi) {
    const auto shaped = [&doc](size_t j) {
      const absl::string_view name = doc.WordText(j);
      return name.size() == 9 && doc.korean().IsKoreanSurname(CodepointAt(name, 0));
    };
    if (wi == 0) return 0;
    if (shaped(wi - 1)) return wi;
    // 이한구 전 공관위원장: a modifier of one or two syllables between.
    if (wi < 2 || doc.WordText(wi - 1).size() > 6 || !shaped(wi - 2) ||
        !doc.lexicon().IsTitleModifier(doc.WordText(wi - 1))) {
      return 0;
    }
    return wi - 1;
  }

  bool IsAffiliation(absl::string_view word) const {
    if (!IsPureHangul(word) || CountCodepoints(word) < 2) return false;
    size_t last;
    CodepointBefore(word, word.size(), &last);
    return affiliation_ends_.contains(word.substr(last));
  }

  // The name before title word `wi`: a foreign given name and a surname
  // (데이비드 진스너), a Korean name (신동빈), or two transliterated words
  // (샘 올트먼). Returns true if one was added.
  bool FindNameBefore(Document* doc, size_t wi) const {
    const std::vector<Word>& words = doc->words();
    const EntityLexicon& lex = doc->lexicon();
    bool org_skipped = false;
    const size_t j = SkipToName(*doc, wi, &org_skipped);
    if (j == 0) return false;
    const bool comma_gap = org_skipped && doc->CommaGap(words[j - 1].end, words[j].begin);
    if (!comma_gap && !doc->OnlySpacesBetween(words[j - 1].end, words[j].begin)) return false;
    const Word& last = words[j - 1];
    const absl::string_view last_word = doc->WordText(j - 1);
    if (!doc->Free(last.begin, last.end)) return false;
    const bool spaced_pair = j > 1 && doc->OnlySpacesBetween(words[j - 2].end, last.begin);
    if (spaced_pair && lex.IsForeignGivenName(doc->WordText(j - 2)) && doc->Free(words[j - 2].begin, words[j - 2].end) &&
        IsPureHangul(last_word) && !doc->korean().IsNameStopWord(last_word) &&
        doc->korean().TitlePrefixLength(last_word) == 0) {  // not 장 회장은 (기자들에게)
      return AddPerson(doc, words[j - 2].begin, last.end);
    }
    if (lex.IsKoreanNameShaped(last_word)) return AddPerson(doc, last.begin, last.end);
    if (!spaced_pair || !lex.IsForeignNamePart(last_word)) return false;
    const Word& given = words[j - 2];
    const absl::string_view given_word = doc->WordText(j - 2);
    // A one-syllable last part is a Korean surname after a noun (부친 신
    // 회장), unless the given name is a known one (above); 중구 대신동 시장
    // is a place.
    const size_t given_len = CountCodepoints(given_word), last_len = CountCodepoints(last_word);
    if (doc->Free(given.begin, given.end) && lex.IsForeignNamePart(given_word) && given_len >= 2 && last_len >= 2 &&
        lex.AdminUnitEnd(last_word) == 0 && given_len + last_len >= 3) {
      return AddPerson(doc, given.begin, last.end);
    }
    return false;
  }

  // The name after title word `wi`: 창업자 김범수는, 창업자 마이클 스미스는.
  static void FindNameAfter(Document* doc, size_t wi) {
    const std::vector<Word>& words = doc->words();
    const absl::string_view text = doc->text();
    if (wi + 1 >= words.size()) return;
    const Word& next = words[wi + 1];
    if (!doc->OnlySpacesBetween(words[wi].end, next.begin)) return;
    // A foreign name after the title needs a known given name.
    if (wi + 2 < words.size() && doc->lexicon().IsForeignGivenName(doc->WordText(wi + 1)) &&
        doc->OnlySpacesBetween(next.end, words[wi + 2].begin) && doc->Free(next.begin, next.end)) {
      const Word& last = words[wi + 2];
      const absl::string_view last_word = doc->WordText(wi + 2);
      for (size_t p : doc->korean().ParticleSplits(last_word)) {
        if (p == 0 || !doc->lexicon().IsForeignNamePart(last_word.substr(0, p)) ||
            !doc->Free(last.begin, last.begin + p)) {
          continue;
        }
        AddPerson(doc, next.begin, last.begin + p);
        break;
      }
      return;
    }
    if (next.end - next.begin < 9) return;
    const absl::string_view next_word = doc->WordText(wi + 1);
    const absl::string_view name = next_word.substr(0, 9);
    const absl::string_view tail = next_word.substr(9);
    const bool closed =
        tail.empty() ? (next.end < text.size() && (text[next.end] == ',' || text[next.end] == '.' || text[next.end] == ')'))
                     : doc->lexicon().IsNameParticle(tail);
    if (closed && doc->lexicon().IsKoreanNameShaped(name) && doc->Free(next.begin, next.begin + 9)) {
      AddPerson(doc, next.begin, next.begin + 9);
    }
  }

  static bool AddPerson(Document* doc, size_t b, size_t e) {
    doc->Add(b, e, EntityType::kPerson, std::string(doc->Slice(b, e)), MatchMethod::kPattern);
    return true;
  }

  const WordSet affiliation_ends_;
};

}  // namespace

RecognizerPtr NewTitledPersonRecognizer(const Lexicons& lexicons) {
  return std::make_unique<TitledPersonRecognizer>(lexicons);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
