#include "workers/sentence/korean_endings.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "workers/sentence/endings_data.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

// Every Hangul syllable (U+AC00..U+D7A3) is three bytes of UTF-8.
constexpr size_t kSyllableBytes = 3;
constexpr char32_t kFirstSyllable = 0xAC00;
constexpr size_t kSyllableCount = 0xD7A4 - 0xAC00;
// Last syllables of the endings that SyllableRule and the -하다 rules know.
constexpr absl::string_view kRuleSyllables[] = {
    "다", "까", "어", "아", "지", "음", "임", "네", "냐", "게", "래", "대", "해",
    "요", "워", "야",
};
// Longest entry looked up, in syllables.
constexpr size_t kMaxSuffix = 4;

// Final consonants (jongseong indexes) that the rules look at.
enum Final : int {
  kNoFinal = 0, kGiyeok = 1, kNieun = 4, kNieunHieut = 6, kRieul = 8,
  kRieulBieup = 11, kRieulHieut = 15, kMieum = 16, kBieup = 17,
  kBieupSiot = 18, kSsangSiot = 20, kJieut = 22, kTieut = 25, kPieup = 26,
  kHieut = 27,
};

// Decodes the Hangul syllable ending at byte `end` of `word`, or returns 0.
char32_t SyllableBefore(absl::string_view word, size_t end) {
  if (end < kSyllableBytes) return 0;
  const auto* s = reinterpret_cast<const unsigned char*>(word.data()) + end -
                  kSyllableBytes;
  if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 ||
      (s[2] & 0xC0) != 0x80) {
    return 0;
  }
  const char32_t cp = ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) |
                      (s[2] & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3 ? cp : 0;
}

int FinalOf(char32_t syllable) {
  return syllable == 0 ? -1 : static_cast<int>((syllable - 0xAC00) % 28);
}

// The Hangul syllables that end `word`: how many (up to kMaxSuffix + 2) and
// the last three of them (0 when absent).
struct Tail {
  size_t count = 0;
  char32_t last = 0;
  char32_t prev = 0;
  char32_t before_prev = 0;
};

Tail TailOf(absl::string_view word) {
  Tail tail;
  size_t end = word.size();
  char32_t* slots[] = {&tail.last, &tail.prev, &tail.before_prev};
  while (tail.count < kMaxSuffix + 2) {
    const char32_t c = SyllableBefore(word, end);
    if (c == 0) break;
    if (tail.count < 3) *slots[tail.count] = c;
    ++tail.count;
    end -= kSyllableBytes;
  }
  return tail;
}

// The last `syllables` syllables of `word`. REQUIRES: the tail has them.
absl::string_view Suffix(absl::string_view word, size_t syllables) {
  return word.substr(word.size() - syllables * kSyllableBytes);
}

// True when a syllable with this final consonant before 다 makes a finite
// adjective or verb form: 쉽다, 좋다, 괜찮다, 싫다, 같다, 높다, 없다, 넓다,
// 맞다. Finals that also end the -다(가) connective of action verbs (먹다,
// 참다) and nouns (ㄱ, ㅁ, ㄹ, ㅇ) are left out.
bool AdjectiveFinal(int final) {
  switch (final) {
    case kBieup: case kHieut: case kNieunHieut: case kRieulHieut:
    case kTieut: case kPieup: case kBieupSiot: case kRieulBieup:
    case kJieut:
      return true;
    default:
      return false;
  }
}

// True when `prev` and the syllable before it are ㅂ니 (습니다, 갑니까).
bool IsFormalStem(const Tail& t) {
  return t.count >= 3 && t.prev == U'니' && FinalOf(t.before_prev) == kBieup;
}

int VowelOf(char32_t syllable) {
  return static_cast<int>((syllable - 0xAC00) / 28 % 21);
}

// True when polite 요 may follow the open syllable `prev`: the vowels ㅏ ㅐ
// ㅓ ㅔ ㅕ ㅖ ㅘ ㅙ ㅝ ㅞ that close the informal forms (가요, 해요, 커요,
// 세요, 다녀요, 봐요, 돼요, 줘요), but not ㅗ (-고요 goes on) or ㅣ (저기요).
bool TakesPoliteYo(char32_t prev) {
  if (FinalOf(prev) != kNoFinal) return false;
  switch (VowelOf(prev)) {
    case 0: case 1: case 4: case 5: case 6: case 7: case 9: case 10:
    case 14: case 15:
      return true;
    default:
      return false;
  }
}

// True when 네 after `prev` is the exclamatory ending (좋네, 했네, 하네,
// 대박이네) rather than a noun (동네, 철수네) or a repeated 네 (네네).
bool TakesExclamatoryNe(char32_t prev) {
  switch (FinalOf(prev)) {
    case kNieun: case kRieul: case kMieum: case 21 /* ㅇ: 동네 */:
      return false;
    case kNoFinal:
      switch (prev) {
        case U'하': case U'되': case U'가': case U'오': case U'나':
        case U'보': case U'주': case U'시': case U'이': case U'르':
        case U'쁘': case U'프': case U'크': case U'지': case U'치':
        case U'기': case U'해': case U'와': case U'워': case U'서':
          return true;
        default:
          return false;
      }
    default:
      return true;
  }
}

// The syllable rules: endings told apart by the stem's final consonant.
FinalKind SyllableRule(const Tail& t, bool opens_sentence) {
  if (t.count < 2) return FinalKind::kNone;
  const int pf = FinalOf(t.prev);
  switch (t.last) {
    case U'요':  // 커요, 다녀요, 글쎄요
      return TakesPoliteYo(t.prev) ? FinalKind::kFirm : FinalKind::kNone;
    case U'해':  // 미안해, 생각해; a predicate after it makes it a
                 // connective (Continues). Two syllables are mostly nouns
                 // (양해, 피해, 위해); [final_word] has 뭐해, 편해.
      return t.count >= 3 ? FinalKind::kCasual : FinalKind::kNone;
    case U'워':  // 고마워, 귀여워 (타워, 파워 are in [not_final])
      return FinalKind::kCasual;
    case U'야':  // 회사야, 실수야; a vocative opens its sentence (민수야)
      return pf == kNoFinal && !opens_sentence ? FinalKind::kCasual
                                               : FinalKind::kNone;
    case U'다':
      if (IsFormalStem(t)) return FinalKind::kFirm;  // 했습니다, 갑니다
      // 했다, 한다, 먹는다, 쉽다, 전망이다
      // 도주하다: the -하다(가) connective unless no predicate follows
      // (Continues).
      if (pf == kSsangSiot || pf == kNieun || AdjectiveFinal(pf) ||
          t.prev == U'이' || (t.prev == U'하' && t.count >= 3)) {
        return FinalKind::kPlain;
      }
      return FinalKind::kNone;
    case U'까':
      if (IsFormalStem(t)) return FinalKind::kFirm;       // 습니까
      return pf == kRieul ? FinalKind::kPlain : FinalKind::kNone;  // 할까
    case U'어': case U'아':  // 했어, 없어, 좋아, 늦어, 같아, 싶어
      // Not after ㄱ ㄴ ㅇ ㄹ ㅁ, which end nouns (국어, 언어, 상어, 마음아).
      return pf == kSsangSiot || AdjectiveFinal(pf) || pf == 23 /* ㅊ */
                 ? FinalKind::kCasual
                 : FinalKind::kNone;
    case U'지':  // 했지, 좋지, 그렇지, 같지, 없지, 고맙지, 맞지
      return pf == kSsangSiot || AdjectiveFinal(pf) ? FinalKind::kCasual
                                                     : FinalKind::kNone;
    case U'음':  // 했음, 없음
      return pf == kSsangSiot || pf == kBieupSiot ? FinalKind::kFirm
                                                   : FinalKind::kNone;
    case U'임':  // 예정임, 범위임 (nouns like 책임 are in [not_final])
      return FinalKind::kCasual;
    case U'네':  // 좋네, 했네, 하네
      return TakesExclamatoryNe(t.prev) ? FinalKind::kCasual
                                        : FinalKind::kNone;
    case U'냐':  // 사냐, 개혁이냐
      return FinalKind::kCasual;
    case U'게': case U'래':  // 할게, 갈래
      return pf == kRieul ? FinalKind::kCasual : FinalKind::kNone;
    case U'대':  // 왔대 (not ㄴ대: 현대, 전문대, 2020년대)
      return pf == kSsangSiot ? FinalKind::kCasual : FinalKind::kNone;
    default:
      return FinalKind::kNone;
  }
}

// The kind of a whole word taken from [final_word], by its last syllable.
FinalKind WordKind(const Tail& t) {
  if (t.last == U'다') return FinalKind::kPlain;
  if (FinalOf(t.last) == kMieum || FinalOf(t.last) == 10 /* ㄻ: 힘듦 */) {
    return FinalKind::kFirm;
  }
  return FinalKind::kCasual;
}

// The kind of a word that ends in a [final_suffix] entry: polite -요/-죠
// and 됨 are firm; the rest (잖아, 구나, 하자, 확인함) also work as
// connectives or end nouns (`심화하자 빅테크들은`, `포함`).
FinalKind SuffixKind(const Tail& t) {
  if (t.last == U'요' || t.last == U'죠' || t.last == U'됨') {
    return FinalKind::kFirm;
  }
  return FinalKind::kCasual;
}

// The Hangul syllables that start `word`.
absl::string_view LeadingSyllables(absl::string_view word) {
  size_t end = 0;
  while (end + kSyllableBytes <= word.size() &&
         SyllableBefore(word, end + kSyllableBytes) != 0) {
    end += kSyllableBytes;
  }
  return word.substr(0, end);
}

// True when `lead` (the syllables starting a word) matches the whole-word
// or prefix lists.
bool MatchesWordList(absl::string_view lead,
                     const absl::flat_hash_set<std::string>& words,
                     const absl::flat_hash_set<std::string>& prefixes) {
  if (words.contains(lead)) return true;
  for (size_t n = kSyllableBytes; n <= lead.size() && n <= 3 * kSyllableBytes;
       n += kSyllableBytes) {
    if (prefixes.contains(lead.substr(0, n))) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<std::unique_ptr<KoreanEndings>> KoreanEndings::Create() {
  absl::StatusOr<absl::string_view> text = FindEmbeddedFile(EndingsFiles(), "endings.txt");
  if (!text.ok()) return text.status();
  return FromText(*text);
}

absl::StatusOr<std::unique_ptr<KoreanEndings>> KoreanEndings::FromText(
    absl::string_view text) {
  std::unique_ptr<KoreanEndings> e(new KoreanEndings());
  struct Section {
    absl::string_view name;
    absl::flat_hash_set<std::string>* words;
    absl::flat_hash_set<std::string>* prefixes;  // null: no `*` entries
  };
  const Section sections[] = {
      {"final_suffix", &e->final_suffixes_, nullptr},
      {"final_word", &e->final_words_, nullptr},
      {"not_final", &e->not_final_, nullptr},
      {"continuation", &e->continuations_, &e->continuation_prefixes_},
      {"auxiliary", &e->auxiliaries_, &e->auxiliary_prefixes_},
      {"line_continues", &e->line_continues_, nullptr},
      {"afterthought", &e->afterthoughts_, nullptr},
      {"interjection", &e->interjections_, nullptr},
  };
  const Section* current = nullptr;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      const absl::string_view name = line.substr(1, line.size() - 2);
      current = nullptr;
      for (const Section& s : sections) {
        if (s.name == name) current = &s;
      }
      if (current == nullptr) {
        return absl::InvalidArgumentError(absl::StrCat(
            "endings line ", line_number, ": unknown section [", name, "]"));
      }
      continue;
    }
    if (current == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "endings line ", line_number, ": entry before any [section]"));
    }
    if (line.back() == '*' && current->prefixes != nullptr) {
      current->prefixes->emplace(line.substr(0, line.size() - 1));
    } else {
      current->words->emplace(line);
    }
  }
  e->last_syllables_.assign(kSyllableCount, 0);
  auto mark_last = [&](absl::string_view word, uint8_t flags) {
    const char32_t c = SyllableBefore(word, word.size());
    if (c != 0) e->last_syllables_[c - kFirstSyllable] |= flags;
  };
  // Which syllables can end a firm ending: the kinds SuffixKind, WordKind
  // and SyllableRule give.
  auto firm_end = [](char32_t c) {
    return c == U'요' || c == U'죠' || c == U'됨' || c == U'음' ||
           c == U'다' || c == U'까' || FinalOf(c) == kMieum ||
           FinalOf(c) == 10 /* ㄻ */;
  };
  for (const std::string& w : e->final_suffixes_) mark_last(w, kMayEnd);
  for (const std::string& w : e->final_words_) mark_last(w, kMayEnd);
  for (absl::string_view w : kRuleSyllables) mark_last(w, kMayEnd);
  for (size_t i = 0; i < kSyllableCount; ++i) {
    if ((e->last_syllables_[i] & kMayEnd) != 0 &&
        firm_end(static_cast<char32_t>(kFirstSyllable + i))) {
      e->last_syllables_[i] |= kMayEndFirm;
    }
  }
  return e;
}

FinalKind KoreanEndings::Classify(absl::string_view word,
                                  bool opens_sentence) const {
  const char32_t last = SyllableBefore(word, word.size());
  if (last == 0 || last_syllables_[last - kFirstSyllable] == 0) {
    return FinalKind::kNone;
  }
  const Tail t = TailOf(word);
  // The word's Hangul letters, matched whole against the word lists (a
  // number before them, as in `3위다`, does not count).
  const absl::string_view letters =
      t.count <= kMaxSuffix ? Suffix(word, t.count) : absl::string_view();
  if (not_final_.contains(letters) ||
      (opens_sentence && interjections_.contains(letters))) {
    return FinalKind::kNone;
  }
  if (final_words_.contains(letters)) return WordKind(t);
  const size_t longest = std::min(t.count - 1, kMaxSuffix);
  for (size_t k = 1; k <= longest; ++k) {
    // An entry needs a stem before it: `죠` or `하자` (a defect) alone is
    // no ending.
    if (final_suffixes_.contains(Suffix(word, k))) return SuffixKind(t);
  }
  return SyllableRule(t, opens_sentence);
}

bool KoreanEndings::LooksLikePredicate(absl::string_view word) const {
  const char32_t last = SyllableBefore(word, word.size());
  switch (last) {
    case U'어': case U'아': case U'여': case U'혀': case U'져': case U'쳐':
    case U'려': case U'겨': case U'서': case U'고': case U'며': case U'해':
    case U'워': case U'와': case U'봐': case U'줘': case U'돼':
      return true;
    case U'야':  // a copula, not a verb: `도착했어 어디야`
      return false;
    default:
      return Classify(word, false) != FinalKind::kNone;
  }
}

bool KoreanEndings::Continues(absl::string_view word, FinalKind kind,
                             absl::string_view next) const {
  const absl::string_view lead = LeadingSyllables(next);
  if (lead.empty()) return false;
  // -야 before 하다 or 되다 is the -어야 of necessity: `해야 돼요`,
  // `요청해야 함`.
  const char32_t head = SyllableBefore(lead, kSyllableBytes);
  if (SyllableBefore(word, word.size()) == U'야') {
    switch (head) {
      case U'하': case U'해': case U'했': case U'한': case U'할': case U'함':
      case U'돼': case U'되': case U'됐': case U'될': case U'된': case U'됨':
        return true;
      default:
        break;
    }
  }
  // -하다 and the -어/-아 forms before a predicate are connectives that
  // chain verbs: `도주하다 붙잡혔다`, `기념해 열렸다`, `데워 먹었음`,
  // `배워 보겠습니다`; before anything else they end a sentence
  // (`자자하다 나도`, `미안해 바로`, `고마워 덕분에`).
  bool chains = false;
  switch (SyllableBefore(word, word.size())) {
    case U'해': case U'어': case U'아': case U'워': case U'와': case U'봐':
    case U'줘': case U'돼': case U'여':
      chains = true;
      break;
    case U'다':
      chains = word.size() >= 2 * kSyllableBytes &&
               SyllableBefore(word, word.size() - kSyllableBytes) == U'하';
      break;
    default:
      break;
  }
  if (chains && LooksLikePredicate(lead)) return true;
  if (MatchesWordList(lead, continuations_, continuation_prefixes_)) {
    return true;
  }
  return (kind == FinalKind::kCasual || kind == FinalKind::kPlain) &&
         MatchesWordList(lead, auxiliaries_, auxiliary_prefixes_);
}

bool KoreanEndings::IsAfterthought(absl::string_view word) const {
  const absl::string_view lead = LeadingSyllables(word);
  return afterthoughts_.contains(lead) ||
         (lead.size() > kSyllableBytes &&
          lead.substr(lead.size() - kSyllableBytes) == "님");
}

bool KoreanEndings::LineContinues(absl::string_view word) const {
  if (!word.empty() && word.back() == ',') return true;
  const Tail t = TailOf(word);
  for (size_t k = 1; k < t.count && k <= 3; ++k) {
    if (line_continues_.contains(Suffix(word, k))) return true;
  }
  return false;
}

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
