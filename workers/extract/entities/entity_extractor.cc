#include "workers/extract/entities/entity_extractor.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "workers/extract/entities/korean_text.h"
#include "workers/extract/entities/lexicon.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using StringSet = WordSet;

const WordSet& List(absl::string_view name) { return Lexicons::Default().Get(name); }

// Returns the first syllables of a list's entries, to reject most words with
// one bit test before hashing them.
const SyllableSet* FirstSyllables(const WordSet& set) {
  auto* first = new SyllableSet;
  for (absl::string_view m : set) first->Insert(CodepointAt(m, 0));
  return first;
}

// Words before an organisation suffix that make the whole a generic noun
// (국내은행, 시중은행, 자문위원회), not a name.
const StringSet& GenericOrgPrefixes() { return List("generic_org_prefixes"); }

// Latin words that mark a parenthesised English phrase as an organisation
// rather than a person's name.
const StringSet& LatinOrgWords() { return List("latin_org_words"); }

// Capitalised English words that show a parenthesised gloss is a term, not
// a person's name (스마트 시티(Smart City), 제제로 크레이터(Jezero Crater)).
const StringSet& CommonEnglishWords() { return List("common_english_words"); }

// Last words of English organisation names.
const StringSet& OrgHeadWords() { return List("latin_org_heads"); }

// Parenthesised abbreviations that are common nouns, never names of the
// entity before them (엔비디아 최고경영자(CEO), 인공지능(AI)).
const StringSet& NonNameAbbreviations() { return List("non_name_abbreviations"); }

// Romanised Korean surnames, to tell 이재용(Lee Jae-yong) from a two-word
// foreign name.
const StringSet& RomanizedKoreanSurnames() { return List("romanized_surnames"); }

// A word: a maximal run of Hangul syllables, ASCII letters and digits, with
// inner '-', '&' and '\'' joining (Alpamayo-R1, AT&T, Byju's).
struct Word {
  size_t begin, end;
};

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c;
    size_t len = DecodeAt(text, i, &c);
    if (!IsWordChar(c)) {
      i += len;
      continue;
    }
    const size_t begin = i;
    i += len;
    while (i < text.size()) {
      len = DecodeAt(text, i, &c);
      if (IsWordChar(c)) {
        i += len;
      } else if ((c == '-' || c == '&' || c == '\'') && IsAsciiAlnum(CodepointAt(text, i + 1)) &&
                 IsAsciiAlnum(CodepointBefore(text, i))) {
        i += len;
      } else {
        break;
      }
    }
    words.push_back({begin, i});
  }
  return words;
}

bool IsPureHangul(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    i += DecodeAt(s, i, &c);
    if (!IsHangul(c)) return false;
  }
  return !s.empty();
}

// Returns true if the last three bytes (one Hangul syllable) of `a` and `b`
// agree: a cheap test before a full suffix comparison.
inline bool SameLastBytes(absl::string_view a, absl::string_view b) {
  return a.size() >= 3 && b.size() >= 3 && a[a.size() - 1] == b[b.size() - 1] &&
         a[a.size() - 2] == b[b.size() - 2] && a[a.size() - 3] == b[b.size() - 3];
}

// CJK unified ideographs (Hanja).
bool IsHanja(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

// One-character Hanja names of countries, which pair up in headlines (美中).
bool IsCountryHanja(char32_t c) {
  return c == U'美' || c == U'中' || c == U'日' || c == U'韓' || c == U'英' || c == U'獨' || c == U'佛' ||
         c == U'露' || c == U'印' || c == U'北' || c == U'臺';
}

bool HasAsciiAlnum(absl::string_view s) {
  for (char c : s) {
    if (IsAsciiAlnum(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// Returns true if text[a, b) is only spaces (one or more).
bool OnlySpacesBetween(absl::string_view text, size_t a, size_t b) {
  if (a >= b) return false;
  for (size_t i = a; i < b; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return false;
  }
  return true;
}

// Returns the length of the longest prefix of `word` that is a title followed
// by a particle tail (CEO는, 대표가), or 0.
size_t TitlePrefix(absl::string_view word) { return TitlePrefixLength(word); }

// Returns true if `word` may stand between a name and its title: 전 (former),
// 공동 (co-), 수석 (chief) ...
bool IsTitleModifier(absl::string_view word) {
  static const StringSet* kModifiers = &List("title_modifiers");
  return kModifiers->contains(word);
}

// Returns true if `word` (3 syllables, no particle) is shaped like a Korean
// personal name: a surname syllable and a two-syllable given name.
bool IsKoreanNameShaped(absl::string_view word) {
  // Given names rarely end in these syllables; words that do are mostly a
  // noun with a particle (채권이, 연구로, 문제가).
  static const StringSet* kNotNameEnds = &List("not_name_ends");
  if (!IsPureHangul(word) || CountCodepoints(word) != 3 || !IsKoreanSurname(CodepointAt(word, 0)) ||
      IsNameStopWord(word) || kNotNameEnds->contains(word.substr(6))) {
    return false;
  }
  // A common two-syllable word and a particle: 정부는, 이사가.
  return !(IsNameStopWord(word.substr(0, 6)) && IsParticleTail(word.substr(6)));
}

// Common given names of people from abroad, as written in Korean; a word
// from this list before a name-shaped word makes a two-word foreign name
// (데이비드 진스너, not 진스너 alone).
const StringSet& ForeignGivenNames() { return List("foreign_given_names"); }

// Returns true if `word` could be one part of a transliterated foreign name
// (젠슨, 올트먼): pure Hangul, 1-5 syllables, not a common word, not ending
// in a case particle.
bool IsForeignNamePart(absl::string_view word) {
  // A title is never part of a name: 구윤철 부총리 겸 기획재정부 장관.
  if (!IsPureHangul(word) || IsNameStopWord(word) || IsPersonTitle(word)) return false;
  // Loanwords common in company names (어드밴티지 리서치 컨설팅 설립자).
  static const StringSet* kLoanwords = &List("company_loanwords");
  if (kLoanwords->contains(word)) return false;
  const size_t n = CountCodepoints(word);
  if (n < 1 || n > 5) return false;
  size_t last_start;
  CodepointBefore(word, word.size(), &last_start);
  // Case particles and verb or adjective endings (유망한, 가진, 따르면).
  static const StringSet* kParticleEnds = &List("foreign_name_bad_ends");
  return !(n > 1 && kParticleEnds->contains(word.substr(last_start)));
}

// Returns true if Hangul syllable `h` could transcribe a word starting with
// Latin letter `latin`, judged by the syllable's initial consonant.
bool InitialsAgree(char32_t h, char latin) {
  if (!IsHangul(h)) return false;
  static constexpr const char* kLatinByInitial[19] = {
      "GKCQ",        // ㄱ
      "KG",          // ㄲ
      "N",           // ㄴ
      "DT",          // ㄷ
      "TD",          // ㄸ
      "RL",          // ㄹ
      "M",           // ㅁ
      "BVP",         // ㅂ
      "PB",          // ㅃ
      "SCTXZ",       // ㅅ (Sh, Th, Ch)
      "S",           // ㅆ
      "AEIOUYWHLR",  // ㅇ (vowels; Lee, Rhee)
      "JGZC",        // ㅈ
      "JZ",          // ㅉ
      "CT",          // ㅊ
      "KCQ",         // ㅋ
      "T",           // ㅌ
      "PF",          // ㅍ
      "HW",          // ㅎ
  };
  const int initial = static_cast<int>((h - 0xAC00) / (21 * 28));
  const char upper = static_cast<char>(latin >= 'a' && latin <= 'z' ? latin - 32 : latin);
  return std::strchr(kLatinByInitial[initial], upper) != nullptr;
}

bool IsNameType(EntityType t) { return t != EntityType::kProduct; }

// The rules' mentions as the tagger's features.
std::vector<RuleSpan> RuleSpans(const std::vector<EntityMention>& mentions) {
  std::vector<RuleSpan> spans;
  spans.reserve(mentions.size());
  for (const EntityMention& m : mentions) {
    spans.push_back({m.begin, m.end, m.type, m.method != MatchMethod::kPattern});
  }
  return spans;
}

// Returns false for a tagged span a name cannot have: one that starts or
// ends inside a word (other than before a particle tail: 최운정|은), at a
// space or a punctuation mark, or that is a title or a stop word. A title
// closing a span (황 CEO) is cut off.
bool PlausibleTaggedSpan(absl::string_view text, TaggedSpan* s) {
  size_t last_word = s->end;
  while (last_word > s->begin && text[last_word - 1] != ' ') --last_word;
  if (last_word > s->begin + 1 && IsPersonTitle(text.substr(last_word, s->end - last_word))) {
    s->end = last_word - 1;
  }
  const char32_t first = CodepointAt(text, s->begin), last = CodepointBefore(text, s->end);
  if (!IsWordChar(first) || !IsWordChar(last)) return false;
  const char32_t before = CodepointBefore(text, s->begin), after = CodepointAt(text, s->end);
  auto same_script = [](char32_t a, char32_t b) {
    return (IsHangul(a) && IsHangul(b)) || (IsAsciiAlnum(a) && IsAsciiAlnum(b));
  };
  if (same_script(before, first) || (IsAsciiAlnum(last) && IsAsciiAlnum(after))) return false;
  if (IsHangul(last) && IsHangul(after) &&
      !IsParticleTail(text.substr(s->end, HangulRunEnd(text, s->end) - s->end))) {
    return false;
  }
  const absl::string_view span = text.substr(s->begin, s->end - s->begin);
  return !IsPersonTitle(span) && !IsNameStopWord(span);
}

// Joins the tagger's spans to the rules' mentions (see TaggerJoin).
std::vector<EntityMention> MergeTaggedSpans(absl::string_view text, std::vector<EntityMention> rules,
                                            const NameTaggerUse& use,
                                            absl::Span<const FlaggedRange> flagged) {
  std::vector<TaggedSpan> tagged;
  for (TaggedSpan& s : use.tagger->Tag(text, RuleSpans(rules))) {
    if (PlausibleTaggedSpan(text, &s)) tagged.push_back(s);
  }
  auto overlap = [](size_t b1, size_t e1, size_t b2, size_t e2) { return b1 < e2 && b2 < e1; };
  auto overlaps_tagged = [&](const EntityMention& m) {
    for (const TaggedSpan& s : tagged) {
      if (overlap(s.begin, s.end, m.begin, m.end)) return true;
    }
    return false;
  };
  std::vector<EntityMention> out;
  out.reserve(rules.size() + tagged.size());
  for (EntityMention& m : rules) {
    bool keep = true;
    if (use.join == TaggerJoin::kConfirmPatterns) {
      keep = !(m.method == MatchMethod::kPattern && IsNameType(m.type)) || overlaps_tagged(m);
    } else if (use.join == TaggerJoin::kTaggerFirst && IsNameType(m.type) &&
               m.method == MatchMethod::kPattern) {
      for (const TaggedSpan& s : tagged) {
        if (overlap(s.begin, s.end, m.begin, m.end) && (s.begin != m.begin || s.end != m.end)) keep = false;
      }
    }
    if (keep) out.push_back(std::move(m));
  }
  const size_t kept = out.size();
  for (const TaggedSpan& s : tagged) {
    bool free = true;
    for (size_t i = 0; i < kept && free; ++i) free = !overlap(s.begin, s.end, out[i].begin, out[i].end);
    if (!free) continue;
    EntityMention m;
    m.begin = s.begin;
    m.end = s.end;
    m.type = s.type;
    m.canonical = std::string(text.substr(s.begin, s.end - s.begin));
    m.method = MatchMethod::kPattern;
    for (const FlaggedRange& r : flagged) m.flagged = m.flagged || overlap(m.begin, m.end, r.begin, r.end);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace

absl::string_view MatchMethodName(MatchMethod m) {
  switch (m) {
    case MatchMethod::kGazetteer:
      return "GAZETTEER";
    case MatchMethod::kPattern:
      return "PATTERN";
    case MatchMethod::kAlias:
      return "ALIAS";
    case MatchMethod::kCoreference:
      return "COREFERENCE";
  }
  return "UNKNOWN";
}

// The state of one Extract() call: the text, its words, and the mentions
// found so far with a byte map of what they cover.
class EntityExtractor::Document {
 public:
  Document(const EntityExtractor& extractor, absl::string_view text)
      : ex_(extractor), g_(*extractor.gazetteer_), text_(text), owner_(text.size(), -1) {}

  std::vector<EntityMention> Run(absl::Span<const FlaggedRange> flagged) {
    words_ = SplitWords(text_);
    FindGazetteerMentions();
    FindContextAliases();
    FindRomanizedPersons();
    FindSurnameHonorifics();
    FindSuffixOrganizations();
    JoinPlaceUnits();
    FindTitledPersons();
    FindIntroducedNames();
    FindNamesWithAge();
    FindSingleForeignNames();
    FindSpacedOrganizations();
    FindUniversityShortForms();
    FindCountryAbbreviations();
    FindLatinOrganizations();
    FindAliases();
    FindCoreferences();
    FindSurnamesWithTitle();
    JoinPlaceChains();
    ResolvePartyNames();
    std::vector<EntityMention> out;
    for (EntityMention& m : mentions_) {
      if (m.end > m.begin) out.push_back(std::move(m));  // removed mentions are empty
    }
    std::sort(out.begin(), out.end(),
              [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
    for (EntityMention& m : out) {
      for (const FlaggedRange& r : flagged) {
        if (m.begin < r.end && r.begin < m.end) {
          m.flagged = true;
          break;
        }
      }
    }
    return out;
  }

 private:
  // A bare 민주당 names the US party by the project's convention, but in a
  // story about Korean politics it is 더불어민주당: the document names the
  // other Korean party, the National Assembly or the presidential office,
  // and none of the US parties or chambers.
  void ResolvePartyNames() {
    static constexpr absl::string_view kForeign = "미국 민주당";
    static constexpr absl::string_view kHome = "더불어민주당";
    bool has_bare = false, home = false, foreign = false;
    for (const EntityMention& m : mentions_) {
      const absl::string_view c = m.canonical;
      if (c == kForeign) {
        if (Slice(m.begin, m.end) == "민주당") {
          has_bare = true;
        } else {
          foreign = true;
        }
      } else if (c == "국민의힘" || c == kHome || c == "국회" || c == "대통령실") {
        home = true;
      } else if (c == "미국 공화당" || c == "미국 의회" || c == "미국 상원" || c == "미국 하원") {
        foreign = true;
      }
    }
    if (!has_bare || !home || foreign) return;
    const absl::optional<uint32_t> entry = ex_.gazetteer_->FindCanonical(kHome, EntityType::kOrganization);
    for (EntityMention& m : mentions_) {
      if (m.canonical == kForeign) {
        m.canonical = std::string(kHome);
        if (entry) m.metadata = ex_.gazetteer_->entry(*entry).metadata;
      }
    }
  }

  bool Free(size_t b, size_t e) const {
    for (size_t i = b; i < e; ++i) {
      if (owner_[i] >= 0) return false;
    }
    return true;
  }

  // Adds a mention over [b, e) if the bytes are free; returns its index or -1.
  int Add(size_t b, size_t e, EntityType type, std::string canonical, MatchMethod method,
          const std::vector<std::pair<std::string, std::string>>* metadata = nullptr) {
    if (b >= e || !Free(b, e)) return -1;
    EntityMention m;
    m.begin = b;
    m.end = e;
    m.type = type;
    m.canonical = std::move(canonical);
    m.method = method;
    if (metadata != nullptr) m.metadata = *metadata;
    const int index = static_cast<int>(mentions_.size());
    for (size_t i = b; i < e; ++i) owner_[i] = index;
    mentions_.push_back(std::move(m));
    return index;
  }

  int AddEntry(size_t b, size_t e, uint32_t entry, MatchMethod method) {
    const GazetteerEntry& g = g_.entry(entry);
    return Add(b, e, DualType(g, b), g.canonical, method, &g.metadata);
  }

  // Returns the type of a mention of `g` at `b`. A company named like its
  // model (metadata dual_type=PRODUCT: 딥시크) is the product where the
  // sentence talks about models before it: "라마 모델이나 중국의 딥시크와".
  EntityType DualType(const GazetteerEntry& g, size_t b) const {
    bool dual = false;
    for (const auto& [key, value] : g.metadata) dual |= key == "dual_type" && value == "PRODUCT";
    if (!dual) return g.type;
    static constexpr size_t kLookBack = 120;
    absl::string_view before = Slice(b > kLookBack ? b - kLookBack : 0, b);
    const size_t stop = before.find_last_of(".!?\n");  // this sentence only
    if (stop != absl::string_view::npos) before.remove_prefix(stop + 1);
    for (absl::string_view cue : {"모델", "model", "LLM", "챗봇"}) {
      if (absl::StrContains(before, cue)) return EntityType::kProduct;
    }
    return g.type;
  }

  absl::string_view Slice(size_t b, size_t e) const { return text_.substr(b, e - b); }

  // Returns the Hangul syllables that follow byte `e` in the same word, at
  // most kMaxTail bytes: longer runs are returned whole up to the cap plus
  // one syllable, which no particle sequence matches, so a pathological
  // input cannot make every match scan to the end of the text.
  absl::string_view Tail(size_t e) const {
    static constexpr size_t kMaxTail = 48;
    const absl::string_view rest = text_.substr(e, kMaxTail + 3);
    return Slice(e, e + HangulRunEnd(rest, 0));
  }

  // Returns the position of the ')' closing a '(' at `open`, searching at
  // most `max_len` bytes, or npos.
  size_t FindClose(size_t open, size_t max_len) const {
    const size_t close = text_.substr(0, std::min(text_.size(), open + max_len)).find(')', open);
    return close;
  }

  // Returns true if a name may end at `e`: the next characters are not
  // letters of the same word, or they are Korean particles; a derived word
  // (중국산) or an unknown compound glued to a short name is rejected.
  bool EndOk(size_t b, size_t e) const {
    const char32_t last = CodepointBefore(text_, e);
    const char32_t next = CodepointAt(text_, e);
    // 日 names Japan, but not inside 日本經濟新聞.
    if (IsHanja(last) && IsHanja(next) && !IsCountryHanja(next)) return false;
    if (FollowedByIndexNumber(e)) return false;
    if (IsAsciiAlnum(last)) {
      if (IsAsciiAlnum(next)) return false;
      if ((next == '-' || next == '.') && IsAsciiAlnum(CodepointAt(text_, e + 1))) return false;
    }
    if (!IsHangul(next)) return true;
    const absl::string_view tail = Tail(e);
    if (IsParticleTail(tail)) return true;
    // A number glued to a non-particle is a count (제미나이 3개), not a version.
    if (IsAsciiDigit(last)) return false;
    if (StartsWithDerivedSuffix(tail)) return false;
    if (StartsWithCompoundHead(tail)) return true;
    // Long names stay names inside compounds (엔비디아칩); short ones
    // would also hit ordinary words (애플리케이션, 메타버스).
    const absl::string_view name = Slice(b, e);
    return CountCodepoints(name) >= 4 || (HasAsciiAlnum(name) && CountCodepoints(name) >= 3);
  }

  // Returns true if a market index number follows `e`, optionally after a
  // space or a parenthesised abbreviation: S&P 500, 스탠더드앤드푸어스(S&P)500,
  // 나스닥 100. Indices are not entities.
  bool FollowedByIndexNumber(size_t e) const {
    size_t i = e;
    if (i < text_.size() && text_[i] == '(') {
      const size_t close = FindClose(i, 13);
      if (close == absl::string_view::npos || close - i > 12) return false;
      i = close + 1;
    }
    if (i < text_.size() && text_[i] == ' ') ++i;
    size_t j = i;
    while (j < text_.size() && IsAsciiDigit(text_[j])) ++j;
    if (j == i || IsAsciiDigit(CodepointBefore(text_, e))) return false;
    static const auto* kIndexNumbers =
        new StringSet{"500", "100", "225", "200", "50", "30", "600", "400", "2000"};
    if (!kIndexNumbers->contains(text_.substr(i, j - i))) return false;
    const absl::string_view tail = Tail(j);
    return tail.empty() || IsParticleTail(tail) || absl::StartsWith(tail, "지수");
  }

  // Returns true if a name may start at `b`.
  bool StartOk(size_t b) const {
    const char32_t first = CodepointAt(text_, b);
    size_t prev_start;
    const char32_t prev = CodepointBefore(text_, b, &prev_start);
    if (IsAsciiAlnum(first)) {
      // A Latin name glued to a Hangul word ends a longer name (블루오벌SK,
      // 한국IBM), which is not the shorter entity.
      if (IsAsciiAlnum(prev) || IsHangul(prev)) return false;
      if ((prev == '-' || prev == '.' || prev == '_') && IsAsciiAlnum(CodepointBefore(text_, prev_start)))
        return false;
      return true;
    }
    if (IsHangul(first)) return !IsHangul(prev);
    // 美 법무부 and 美中, but not 15日 or 本日.
    return !IsWordChar(prev) && (!IsHanja(prev) || IsCountryHanja(prev));
  }

  // Extends a product name by a following version number (제미나이 3,
  // 라마 4.1); returns the new end or `e`.
  size_t ExtendVersion(size_t e, std::string* canonical) const {
    if (IsAsciiDigit(CodepointBefore(text_, e))) return e;
    size_t i = e;
    if (i < text_.size() && text_[i] == ' ') ++i;
    const size_t v = i;
    while (i < text_.size() && IsAsciiDigit(text_[i])) ++i;
    if (i == v || i - v > 3) return e;
    if (i + 1 < text_.size() && text_[i] == '.' && IsAsciiDigit(text_[i + 1])) {
      i += 1;
      while (i < text_.size() && IsAsciiDigit(text_[i])) ++i;
    }
    if (i < text_.size() && IsAsciiAlpha(text_[i]) && !IsAsciiAlnum(CodepointAt(text_, i + 1))) ++i;
    const char32_t next = CodepointAt(text_, i);
    if (IsAsciiAlnum(next) || next == '.' || next == ',' || next == '%') {
      if (next != '.' && next != ',') return e;
      if (IsAsciiDigit(CodepointAt(text_, i + 1))) return e;
    }
    if (IsHangul(next) && !IsParticleTail(Tail(i))) return e;
    absl::StrAppend(canonical, " ", Slice(v, i));
    return i;
  }

  // Extends a versioned product name by a following edition word
  // (Gemini 2.5 Pro, 아이폰 17 프로); returns the new end or `e`. The edition
  // is written in the script of the canonical name.
  size_t ExtendVariant(size_t e, std::string* canonical) const {
    if (!IsAsciiDigit(CodepointBefore(text_, e)) &&
        !IsAsciiDigit(CodepointBefore(*canonical, canonical->size()))) {
      return e;
    }
    struct Variant {
      absl::string_view latin, hangul;
    };
    static constexpr Variant kVariants[] = {{"Pro", "프로"},    {"Ultra", "울트라"}, {"Flash", "플래시"},
                                            {"Mini", "미니"},   {"mini", "미니"},    {"Max", "맥스"},
                                            {"Plus", "플러스"}, {"Nano", "나노"},    {"Turbo", "터보"},
                                            {"Lite", "라이트"}, {"Air", "에어"}};
    if (e >= text_.size() || text_[e] != ' ') return e;
    const size_t b = e + 1;
    const bool hangul_canonical = !canonical->empty() && static_cast<unsigned char>((*canonical)[0]) >= 0x80;
    for (const Variant& v : kVariants) {
      for (absl::string_view written : {v.latin, v.hangul}) {
        if (Slice(b, std::min(text_.size(), b + written.size())) != written) continue;
        const size_t end = b + written.size();
        const char32_t next = CodepointAt(text_, end);
        if (IsAsciiAlnum(next) || (IsHangul(next) && !IsParticleTail(Tail(end)))) continue;
        absl::StrAppend(canonical, " ", hangul_canonical ? v.hangul : v.latin);
        return end;
      }
    }
    return e;
  }

  void FindGazetteerMentions() {
    struct Candidate {
      size_t begin, end;
      uint32_t entry;
    };
    std::vector<Candidate> candidates;
    g_.ForEachMatch(text_, [&](size_t b, size_t e, uint32_t entry) {
      if (StartOk(b) && EndOk(b, e)) candidates.push_back({b, e, entry});
    });
    // Longest span wins; among equal lengths, the leftmost.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      const size_t la = a.end - a.begin, lb = b.end - b.begin;
      return la != lb ? la > lb : a.begin < b.begin;
    });
    for (const Candidate& c : candidates) {
      if (!Free(c.begin, c.end)) continue;
      const GazetteerEntry& entry = g_.entry(c.entry);
      if (IsHomographUse(entry, c.begin, c.end)) continue;
      if (entry.type == EntityType::kProduct) {
        std::string canonical = entry.canonical;
        size_t e = ExtendVersion(c.end, &canonical);
        if (e != c.end && !Free(c.end, e)) {  // the version belongs to another mention
          e = c.end;
          canonical = entry.canonical;
        }
        e = ExtendVariant(e, &canonical);
        if (e != c.end && Free(c.end, e)) {
          Add(c.begin, e, entry.type, std::move(canonical), MatchMethod::kGazetteer, &entry.metadata);
          continue;
        }
      }
      AddEntry(c.begin, c.end, c.entry, MatchMethod::kGazetteer);
    }
  }

  // Names that are also common words, marked in the gazetteer: with
  // not_after_latin=1 a name right after a Latin word is the common word
  // (AI 대전 is a contest, not Daejeon); with not_before=a|b it is the
  // common word when one of these follows (구미를 당기다: appetite).
  bool IsHomographUse(const GazetteerEntry& entry, size_t b, size_t e) const {
    for (const auto& [key, value] : entry.metadata) {
      if (key == "not_after_latin") {
        if (b < 2 || text_[b - 1] != ' ') continue;
        size_t i = b - 1;
        while (i > 0 && IsAsciiAlnum(static_cast<unsigned char>(text_[i - 1]))) --i;
        if (i < b - 1 && (i == 0 || !IsWordChar(CodepointBefore(text_, i)))) return true;
      } else if (key == "not_before") {
        const absl::string_view rest = text_.substr(e);
        for (absl::string_view tail : absl::StrSplit(value, '|')) {
          if (!tail.empty() && absl::StartsWith(rest, tail)) return true;
        }
      }
    }
    return false;
  }

  // Context aliases: 나노 within a short window after a mention of
  // Nemotron 3 is Nemotron 3 Nano (see ContextRule).
  void FindContextAliases() {
    static constexpr size_t kWindow = 2000;  // bytes after the context mention
    const size_t num_mentions = mentions_.size();
    for (const ContextRule& rule : ex_.context_rules_) {
      for (size_t mi = 0; mi < num_mentions; ++mi) {
        if (mentions_[mi].canonical != rule.context) continue;
        const size_t from = mentions_[mi].end;
        const size_t to = std::min(text_.size(), from + kWindow);
        // Search the window only, not the rest of the document.
        const absl::string_view window = text_.substr(0, to);
        for (const std::string& alias : rule.aliases) {
          for (size_t pos = window.find(alias, from); pos != absl::string_view::npos;
               pos = window.find(alias, pos + 1)) {
            if (StartOk(pos) && EndOk(pos, pos + alias.size())) {
              AddEntry(pos, pos + alias.size(), rule.entry, MatchMethod::kAlias);
            }
          }
        }
      }
    }
  }

  // 토마스 쿠리안(Thomas Kurian), 이재용(Lee Jae-yong): a person, and the
  // romanisation names the same person.
  void FindRomanizedPersons() {
    for (size_t wi = 0; wi < words_.size(); ++wi) {
      const Word& w = words_[wi];
      if (w.end >= text_.size() || text_[w.end] != '(') continue;
      const size_t close = FindClose(w.end, 61);
      if (close == absl::string_view::npos || close - w.end > 60) continue;
      const absl::string_view inside = Slice(w.end + 1, close);
      std::vector<absl::string_view> latin = absl::StrSplit(inside, ' ', absl::SkipEmpty());
      if (latin.size() < 2 || latin.size() > 4) continue;
      // An English name ending in a corporate word names an organisation
      // (레트로 바이오사이언스(Retro Biosciences)); otherwise every word
      // must look like part of a person's name.
      const bool org = OrgHeadWords().contains(latin.back());
      bool ok = true;
      for (absl::string_view part : latin) {
        if (part.empty() || !(part[0] >= 'A' && part[0] <= 'Z') ||
            (!org && (LatinOrgWords().contains(part) || CommonEnglishWords().contains(part))) ||
            (part.size() > 1 && part[1] >= 'A' && part[1] <= 'Z' && !(org && part == latin.back()))) {
          ok = false;
          break;
        }
        for (char c : part) {
          if (!(IsAsciiAlpha(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '\'')) ok = false;
        }
      }
      if (!ok) continue;
      // How many Hangul words before the parenthesis form the name.
      size_t count = latin.size();
      if (RomanizedKoreanSurnames().contains(latin[0]) && IsKoreanNameShaped(Slice(w.begin, w.end))) {
        count = 1;
      }
      if (count > wi + 1) continue;
      const size_t first = wi + 1 - count;
      bool names_ok = true;
      for (size_t k = first; k <= wi; ++k) {
        const absl::string_view part = Slice(words_[k].begin, words_[k].end);
        if (!IsPureHangul(part) || IsNameStopWord(part) || !Free(words_[k].begin, words_[k].end)) {
          names_ok = false;
        }
        if (k > first && !OnlySpacesBetween(text_, words_[k - 1].end, words_[k].begin)) names_ok = false;
      }
      if (!names_ok) continue;
      // Each Hangul word must sound like its Latin word (토마스 ~ Thomas), so
      // a gloss such as 단일 표준(One Rulebook) is not read as a name.
      if (count == latin.size()) {
        for (size_t k = 0; k < count && names_ok; ++k) {
          names_ok = InitialsAgree(CodepointAt(text_, words_[first + k].begin), latin[k][0]);
        }
      } else {
        names_ok = InitialsAgree(CodepointAt(text_, w.begin), latin[0][0]);
      }
      if (!names_ok) continue;
      const size_t b = words_[first].begin;
      std::string canonical(Slice(b, w.end));
      const EntityType type = org ? EntityType::kOrganization : EntityType::kPerson;
      if (Add(b, w.end, type, canonical, MatchMethod::kPattern) >= 0) {
        Add(w.end + 1, close, type, canonical, MatchMethod::kPattern);
      }
    }
  }

  // A person next to a title: 홍길동 대표, 샘 올트먼 오픈AI CEO, 창업자 김범수는.
  void FindTitledPersons() {
    for (size_t wi = 0; wi < words_.size(); ++wi) {
      const Word& w = words_[wi];
      const absl::string_view word = Slice(w.begin, w.end);
      const size_t title_len = TitlePrefix(word);
      if (title_len == 0 || !Free(w.begin, w.begin + title_len)) continue;
      // Name before the title, possibly with organisations and modifiers in
      // between (에릭 슈미트 전 구글 CEO, 짐 코벨로 골드만삭스 수석
      // 애널리스트), and possibly a comma after the name (알렉스 크리스,
      // 페이팔 CEO).
      size_t j = wi;
      int skipped = 0;
      bool org_skipped = false;
      while (j > 0 && skipped < 3) {
        const Word& prev = words_[j - 1];
        if (!OnlySpacesBetween(text_, prev.end, words_[j].begin)) break;
        const int owner = owner_[prev.begin];
        if (owner >= 0 && mentions_[owner].type == EntityType::kOrganization &&
            mentions_[owner].begin == prev.begin && mentions_[owner].end == prev.end) {
          --j;
          ++skipped;
          org_skipped = true;
          continue;
        }
        const absl::string_view prev_word = Slice(prev.begin, prev.end);
        // Affiliations and fields: 겐트대 국제정치학 교수.
        if (IsTitleModifier(prev_word) ||
            (IsPureHangul(prev_word) && CountCodepoints(prev_word) >= 2 &&
             (absl::EndsWith(prev_word, "대") || absl::EndsWith(prev_word, "학")))) {
          --j;
          ++skipped;
          continue;
        }
        break;
      }
      const bool comma_gap = j > 0 && org_skipped && CommaGap(words_[j - 1].end, words_[j].begin);
      if (j > 0 && (comma_gap || OnlySpacesBetween(text_, words_[j - 1].end, words_[j].begin))) {
        const Word& last = words_[j - 1];
        const absl::string_view last_word = Slice(last.begin, last.end);
        if (Free(last.begin, last.end)) {
          const bool foreign_given =
              j > 1 && OnlySpacesBetween(text_, words_[j - 2].end, last.begin) &&
              ForeignGivenNames().contains(Slice(words_[j - 2].begin, words_[j - 2].end)) &&
              Free(words_[j - 2].begin, words_[j - 2].end) && IsPureHangul(last_word) &&
              !IsNameStopWord(last_word) && TitlePrefix(last_word) == 0;  // not 장 회장은 (기자들에게)
          if (foreign_given) {
            Add(words_[j - 2].begin, last.end, EntityType::kPerson,
                std::string(Slice(words_[j - 2].begin, last.end)), MatchMethod::kPattern);
            continue;
          }
          if (IsKoreanNameShaped(last_word)) {
            Add(last.begin, last.end, EntityType::kPerson, std::string(last_word), MatchMethod::kPattern);
            continue;
          }
          if (j > 1 && IsForeignNamePart(last_word) &&
              OnlySpacesBetween(text_, words_[j - 2].end, last.begin)) {
            const Word& given = words_[j - 2];
            const absl::string_view given_word = Slice(given.begin, given.end);
            // A one-syllable last part is a Korean surname after a noun
            // (부친 신 회장), unless the given name is a known one (above).
            if (Free(given.begin, given.end) && IsForeignNamePart(given_word) &&
                CountCodepoints(given_word) >= 2 && CountCodepoints(last_word) >= 2 &&
                AdminUnitEnd(last_word) == 0 &&  // 중구 대신동 시장: a place
                CountCodepoints(given_word) + CountCodepoints(last_word) >= 3) {
              Add(given.begin, last.end, EntityType::kPerson, std::string(Slice(given.begin, last.end)),
                  MatchMethod::kPattern);
              continue;
            }
          }
        }
      }
      // Name after the title: 창업자 김범수는 (a particle or punctuation must
      // close the name, so 대표 주자로 is not read as one).
      if (title_len != word.size() || wi + 1 >= words_.size()) continue;
      const Word& next = words_[wi + 1];
      if (!OnlySpacesBetween(text_, w.end, next.begin)) continue;
      // A foreign name after the title needs a known given name:
      // 창업자 마이클 스미스는.
      if (wi + 2 < words_.size() && ForeignGivenNames().contains(Slice(next.begin, next.end)) &&
          OnlySpacesBetween(text_, next.end, words_[wi + 2].begin) && Free(next.begin, next.end)) {
        const Word& last = words_[wi + 2];
        const absl::string_view last_word = Slice(last.begin, last.end);
        for (size_t p : ParticleSplits(last_word)) {
          if (p == 0 || !IsForeignNamePart(last_word.substr(0, p)) || !Free(last.begin, last.begin + p))
            continue;
          Add(next.begin, last.begin + p, EntityType::kPerson, std::string(Slice(next.begin, last.begin + p)),
              MatchMethod::kPattern);
          break;
        }
        continue;
      }
      if (next.end - next.begin < 9) continue;
      const absl::string_view next_word = Slice(next.begin, next.end);
      const absl::string_view name = next_word.substr(0, 9);
      const absl::string_view tail = next_word.substr(9);
      static const StringSet* kNameParticles = &List("name_particles");
      const bool closed = tail.empty()
                              ? (next.end < text_.size() &&
                                 (text_[next.end] == ',' || text_[next.end] == '.' || text_[next.end] == ')'))
                              : kNameParticles->contains(tail);
      if (closed && IsKoreanNameShaped(name) && Free(next.begin, next.begin + 9)) {
        Add(next.begin, next.begin + 9, EntityType::kPerson, std::string(name), MatchMethod::kPattern);
      }
    }
  }

  // Returns true if a title follows word `wi`, possibly after one modifier:
  // 황 CEO, 임 전 사장.
  bool TitleFollows(size_t wi) const {
    for (size_t k = wi + 1; k < words_.size() && k <= wi + 2; ++k) {
      if (!OnlySpacesBetween(text_, words_[k - 1].end, words_[k].begin)) return false;
      const absl::string_view next = Slice(words_[k].begin, words_[k].end);
      if (TitlePrefix(next) > 0) return true;
      if (!IsTitleModifier(next)) return false;
    }
    return false;
  }

  // 가수 거미의, 배우 블레이크 라이블리와, 디자이너 칼 라거펠트가: a name in
  // apposition after an occupation. One or two Hangul words, the last
  // closed by a particle, 씨 or punctuation; a single word that is a common
  // noun (배우 생활을) is excluded by the stop-word list and by needing a
  // closing particle of the kind names take.
  void FindIntroducedNames() {
    static const StringSet* kIntroducers = &List("name_introducers");
    static const StringSet* kParticles = &List("name_particles");
    static const SyllableSet* kFirst = FirstSyllables(*kIntroducers);
    for (size_t wi = 0; wi + 1 < words_.size(); ++wi) {
      const Word& w = words_[wi];
      if (!kFirst->Contains(CodepointAt(text_, w.begin)) || !kIntroducers->contains(Slice(w.begin, w.end))) continue;
      for (size_t n = 2; n >= 1; --n) {  // two words first: 칼 라거펠트가
        if (wi + n >= words_.size()) continue;
        const Word& first = words_[wi + 1];
        const Word& last = words_[wi + n];
        bool ok = OnlySpacesBetween(text_, w.end, first.begin) && Free(first.begin, last.end);
        for (size_t k = wi + 2; ok && k <= wi + n; ++k) {
          ok = OnlySpacesBetween(text_, words_[k - 1].end, words_[k].begin) &&
               IsForeignNamePart(Slice(words_[k - 1].begin, words_[k - 1].end));
        }
        if (!ok) continue;
        const absl::string_view word = Slice(last.begin, last.end);
        size_t name_end = 0;
        for (size_t p : ParticleSplits(word)) {
          const absl::string_view stem = word.substr(0, p), tail = word.substr(p);
          const bool closed = tail.empty() ? (last.end < text_.size() && (text_[last.end] == ',' ||
                                                                          text_[last.end] == '.' ||
                                                                          NextWordIsHonorific(wi + n)))
                                           : kParticles->contains(tail);
          const size_t syllables = CountCodepoints(stem) + (n == 2 ? CountCodepoints(Slice(first.begin, first.end)) : 0);
          if (closed && p > 0 && syllables >= 2 && syllables <= 8 && IsForeignNamePart(stem) &&
              TitlePrefix(stem) == 0) {
            name_end = last.begin + p;
            break;
          }
        }
        if (name_end == 0) continue;
        Add(first.begin, name_end, EntityType::kPerson, std::string(Slice(first.begin, name_end)),
            MatchMethod::kPattern);
        break;
      }
    }
  }

  // Returns true if the word after word `wi` is 씨 (with particles).
  bool NextWordIsHonorific(size_t wi) const {
    if (wi + 1 >= words_.size() || !OnlySpacesBetween(text_, words_[wi].end, words_[wi + 1].begin)) return false;
    const absl::string_view next = Slice(words_[wi + 1].begin, words_[wi + 1].end);
    return absl::StartsWith(next, "씨") && IsParticleTail(next.substr(3));
  }

  // 케리 장관은, 아베 총리는, 클래퍼 국장이: a single transliterated word
  // right before a title that is rarely preceded by a common noun. A word
  // that names a ministry with 부 (국방 장관: 국방부) or an organisation is
  // not a name.
  void FindSingleForeignNames() {
    static const StringSet* kTitles = &List("single_name_titles");
    static const SyllableSet* kFirst = FirstSyllables(*kTitles);
    for (size_t wi = 1; wi < words_.size(); ++wi) {
      const Word& t = words_[wi];
      if (!kFirst->Contains(CodepointAt(text_, t.begin))) continue;
      const size_t len = TitlePrefix(Slice(t.begin, t.end));
      if (len == 0 || !kTitles->contains(Slice(t.begin, t.begin + len))) continue;
      const Word& w = words_[wi - 1];
      const absl::string_view word = Slice(w.begin, w.end);
      if (!OnlySpacesBetween(text_, w.end, t.begin) || !Free(w.begin, w.end) || CountCodepoints(word) < 2 ||
          !IsForeignNamePart(word) || IsTitleModifier(word) || GenericOrgPrefixes().contains(word) ||
          g_.Lookup(absl::StrCat(word, "부")).has_value() || AdminUnitEnd(word) != 0) {
        continue;
      }
      // The word before must not make it part of a longer phrase: a name
      // starts a clause or follows punctuation, a place or an organisation.
      if (wi >= 2 && OnlySpacesBetween(text_, words_[wi - 2].end, w.begin) && Free(words_[wi - 2].begin, words_[wi - 2].end)) {
        const absl::string_view prev = Slice(words_[wi - 2].begin, words_[wi - 2].end);
        if (IsForeignNamePart(prev) && !IsNameStopWord(prev)) continue;  // two words: handled elsewhere
      }
      Add(w.begin, w.end, EntityType::kPerson, std::string(word), MatchMethod::kPattern);
    }
  }

  // Returns the index of the word that starts at or after byte `b`.
  size_t WordAt(size_t b) const {
    return static_cast<size_t>(
        std::lower_bound(words_.begin(), words_.end(), b, [](const Word& w, size_t pos) { return w.begin < pos; }) -
        words_.begin());
  }

  // Returns the title (particles stripped) right after the mention or word
  // ending word `wi`, possibly after one modifier (임 전 사장), or "".
  absl::string_view TitleAfter(size_t wi) const {
    for (size_t k = wi + 1; k < words_.size() && k <= wi + 2; ++k) {
      if (!OnlySpacesBetween(text_, words_[k - 1].end, words_[k].begin)) return "";
      const absl::string_view next = Slice(words_[k].begin, words_[k].end);
      const size_t len = TitlePrefix(next);
      if (len > 0) return next.substr(0, len);
      if (!IsTitleModifier(next)) return "";
    }
    return "";
  }

  // Returns true if text[a, b) is a comma followed by spaces.
  bool CommaGap(size_t a, size_t b) const {
    return a < b && text_[a] == ',' && (a + 1 == b || OnlySpacesBetween(text_, a + 1, b));
  }

  // 김씨는, 박모(48)씨, A씨가, 표 씨는: a bare surname (or a letter standing
  // for a name) made a person by an honorific glued to or right after it.
  // KLUE marks the surname alone; the canonical keeps the honorific (김씨)
  // so that unrelated Kims of other documents stay apart from 김철수.
  // A full name glued to 씨 (전재국씨는) is that person.
  void FindSurnameHonorifics() {
    static const StringSet* kHonorifics = &List("surname_honorifics");
    for (size_t wi = 0; wi < words_.size(); ++wi) {
      const Word& w = words_[wi];
      const absl::string_view word = Slice(w.begin, w.end);
      const char32_t first = CodepointAt(word, 0);
      const bool letter = first >= 'A' && first <= 'Z';
      if (!letter && !IsKoreanSurname(first)) continue;
      const size_t name_len = letter ? 1 : 3;
      if (word.size() <= name_len) {
        // 표 씨는: the surname stands alone and 씨 starts the next word.
        if (wi + 1 >= words_.size() || !OnlySpacesBetween(text_, w.end, words_[wi + 1].begin)) continue;
        const absl::string_view next = Slice(words_[wi + 1].begin, words_[wi + 1].end);
        if (!absl::StartsWith(next, "씨") || !IsParticleTail(next.substr(3))) continue;
        if (first == U'모') continue;  // 모 씨: someone
        AddHonorific(w.begin, w.begin + name_len, "씨");
        continue;
      }
      // Full names glued to 씨: 전재국씨는 (most words have no 씨 at all).
      if (!letter && word.size() >= 12 && word.substr(9, 3) == "씨") {
        for (size_t p : ParticleSplits(word)) {
          const absl::string_view stem = word.substr(0, p);
          if (absl::EndsWith(stem, "씨") && stem.size() == 12 && IsKoreanNameShaped(stem.substr(0, 9)) &&
              Free(w.begin, w.begin + 9)) {
            Add(w.begin, w.begin + 9, EntityType::kPerson, std::string(stem.substr(0, 9)), MatchMethod::kPattern);
            break;
          }
        }
      }
      const absl::string_view rest = word.substr(name_len);
      if (!letter && first == U'모') continue;
      const char32_t h0 = CodepointAt(rest, 0);  // one test rejects most words
      if (h0 != U'씨' && h0 != U'모' && h0 != U'군' && h0 != U'양') continue;
      for (absl::string_view h : {"모씨", "씨", "모", "군", "양"}) {
        if (!absl::StartsWith(rest, h) || !kHonorifics->contains(h)) continue;
        // 군 and 양 glued to a syllable are mostly words (해군, 사양);
        // only a letter takes them: A군, B양.
        if (!letter && (h == "군" || h == "양")) continue;
        const absl::string_view after = rest.substr(h.size());
        const bool closed = IsParticleTail(after) || (h == "모" && after.empty() && w.end < text_.size() &&
                                                      (text_[w.end] == '(' || text_[w.end] == ' '));
        if (!closed) continue;
        // 김모 씨 / 김모(48) / 김모씨: all the same 김씨.
        if (h == "모" && after.empty() && w.end < text_.size() && text_[w.end] == ' ' &&
            !(wi + 1 < words_.size() && absl::StartsWith(Slice(words_[wi + 1].begin, words_[wi + 1].end), "씨"))) {
          continue;
        }
        AddHonorific(w.begin, w.begin + name_len, h == "군" || h == "양" ? h : "씨");
        break;
      }
    }
  }

  void AddHonorific(size_t b, size_t e, absl::string_view honorific) {
    Add(b, e, EntityType::kPerson, absl::StrCat(Slice(b, e), honorific), MatchMethod::kPattern);
  }

  // 진성준(57), 임형규(사진·71), 양근서(새정치민주연합·안산): a Korean name
  // followed by an age or an affiliation in parentheses.
  void FindNamesWithAge() {
    for (const Word& w : words_) {
      if (w.end + 3 >= text_.size() || text_[w.end] != '(') continue;
      const absl::string_view word = Slice(w.begin, w.end);
      // The parenthesis is evidence enough to allow given names ending in
      // syllables that are usually particles (양근서, 김민서).
      static const StringSet* kParticleSyllables = &List("particle_syllables");
      if (!IsPureHangul(word) || CountCodepoints(word) != 3 || !IsKoreanSurname(CodepointAt(word, 0)) ||
          IsNameStopWord(word) || kParticleSyllables->contains(word.substr(6)) || !Free(w.begin, w.end)) {
        continue;
      }
      size_t i = w.end + 1;
      for (absl::string_view lead : {"사진·", "사진=", "사진 "}) {
        if (Slice(i, std::min(text_.size(), i + lead.size())) == lead) i += lead.size();
      }
      const size_t digits = i;
      while (i < text_.size() && IsAsciiDigit(text_[i])) ++i;
      const bool age = i - digits == 2 && i < text_.size() &&
                       (text_[i] == ')' || text_[i] == ',' || absl::StartsWith(text_.substr(i), "·"));  // 21·한국체대
      // An affiliation: a Hangul word then '·', ')' or ' ' within the
      // parentheses (a party, a team, a school, a job).
      bool affiliation = false;
      if (!age && i == digits && IsHangul(CodepointAt(text_, i))) {
        const size_t close = FindClose(w.end, 61);
        affiliation = close != absl::string_view::npos && HangulRunEnd(text_, i) - i >= 6;
      }
      if (age || affiliation) {
        Add(w.begin, w.end, EntityType::kPerson, std::string(word), MatchMethod::kPattern);
      }
    }
  }

  // 윤 전 대변인, 안 의원은: a bare surname right before a title is a person.
  // Coreference has already given it a full name where the document shows
  // the same title after that name; otherwise it is its own canonical.
  void FindSurnamesWithTitle() {
    static const StringSet* kAmbiguous = &List("ambiguous_surnames");
    for (size_t wi = 0; wi + 1 < words_.size(); ++wi) {
      const Word& w = words_[wi];
      if (w.end - w.begin != 3 || !IsKoreanSurname(CodepointAt(text_, w.begin)) || !Free(w.begin, w.end)) continue;
      if (kAmbiguous->contains(Slice(w.begin, w.end)) || !TitleFollows(wi)) continue;
      if (wi > 0 && OnlySpacesBetween(text_, words_[wi - 1].end, w.begin) &&
          ForeignGivenNames().contains(Slice(words_[wi - 1].begin, words_[wi - 1].end))) {
        continue;  // 크리스 정 대표: part of a two-word name
      }
      Add(w.begin, w.end, EntityType::kPerson, std::string(Slice(w.begin, w.end)), MatchMethod::kPattern);
    }
  }

  // Drops mention `index` (merged into a longer one).
  void Remove(int index) {
    EntityMention& m = mentions_[index];
    for (size_t i = m.begin; i < m.end; ++i) owner_[i] = -1;
    m.begin = m.end = 0;
  }

  // Returns the mention that covers exactly the word [b, e) (a particle
  // may follow it inside the word when `allow_tail`), or -1.
  int MentionAt(size_t b, size_t word_end, bool allow_tail) const {
    if (b >= owner_.size() || owner_[b] < 0) return -1;
    const EntityMention& m = mentions_[owner_[b]];
    if (m.begin != b) return -1;
    if (m.end == word_end || (allow_tail && IsParticleTail(Slice(m.end, word_end)))) return owner_[b];
    return -1;
  }

  static bool HasKey(const EntityMention& m, absl::string_view key) {
    for (const auto& kv : m.metadata) {
      if (kv.first == key) return true;
    }
    return false;
  }

  // Returns the end of the admin-unit stem of `word` (용인시는 -> 용인시), or
  // 0 if it is not a unit: at least three syllables (or a short district
  // such as 중구) ending in 시/군/구/동/읍/면/리/로/길, then particles.
  size_t AdminUnitEnd(absl::string_view word) const {
    static const SyllableSet* kLast = [] {
      auto* set = new SyllableSet;
      for (absl::string_view s : List("admin_suffixes")) set->Insert(CodepointAt(s, 0));
      return set;
    }();
    static const StringSet* kShort = &List("short_districts");
    for (size_t p : ParticleSplits(word)) {
      const absl::string_view stem = word.substr(0, p);
      if (!IsPureHangul(stem) || !kLast->Contains(CodepointBefore(stem, stem.size()))) continue;
      if (CountCodepoints(stem) >= 3 || kShort->contains(stem)) return p;
    }
    return 0;
  }

  // 경기 용인시 수지구, 부산시 사하구 하단동: an address, a place followed by
  // administrative units inside it (or a province's short name before
  // one), is one LOCATION, as KLUE marks it. Known places side by side
  // (중국 베이징, 서울 여의도) stay separate mentions, each with its own
  // canonical (see docs/entities.md). The canonical of an address is its
  // innermost known place, else the address itself.
  void JoinPlaceChains() {
    static const StringSet* kProvinces = &List("province_names");
    for (size_t wi = 0; wi + 1 < words_.size(); ++wi) {
      const Word& w = words_[wi];
      const int head = MentionAt(w.begin, w.end, false);
      // Province names are two syllables: test the length before hashing.
      const bool province = head < 0 && w.end - w.begin == 6 && Free(w.begin, w.end) &&
                            kProvinces->contains(Slice(w.begin, w.end));
      if (!province && (head < 0 || mentions_[head].type != EntityType::kLocation ||
                        HasKey(mentions_[head], "iso"))) {
        continue;
      }
      size_t end = w.end, k = wi;
      int last = head;
      // A province's short name (전남 목포시) starts an address too.
      // An abbreviated province (전남 for 전라남도) starts an address too.
      bool has_unit = province || (kProvinces->contains(Slice(w.begin, w.end)) &&
                                   mentions_[head].canonical != Slice(w.begin, w.end));
      std::vector<int> parts;
      if (head >= 0) parts.push_back(head);
      while (k + 1 < words_.size() && end == words_[k].end && OnlySpacesBetween(text_, end, words_[k + 1].begin)) {
        const Word& next = words_[k + 1];
        const int m = MentionAt(next.begin, next.end, true);
        if (m >= 0 && mentions_[m].type == EntityType::kLocation && !HasKey(mentions_[m], "iso")) {
          parts.push_back(m);
          last = m;
          end = mentions_[m].end;
        } else if (m < 0 && Free(next.begin, next.end)) {
          const size_t unit = AdminUnitEnd(Slice(next.begin, next.end));
          if (unit == 0) break;
          last = -1;
          has_unit = true;
          end = next.begin + unit;
        } else {
          break;
        }
        ++k;
      }
      if (k == wi || !has_unit) continue;
      std::string canonical(Slice(w.begin, end));
      std::vector<std::pair<std::string, std::string>> metadata;
      if (last >= 0) {  // the address ends in a known place
        canonical = mentions_[last].canonical;
        metadata = mentions_[last].metadata;
      }
      for (int p : parts) Remove(p);
      Add(w.begin, end, EntityType::kLocation, std::move(canonical), MatchMethod::kPattern, &metadata);
      wi = k;
    }
  }

  // 애틀랜타 연방준비은행, 용인 서부경찰서: a place followed by an
  // organisation found by its suffix is one organisation, the place's unit.
  void JoinPlaceUnits() {
    for (size_t wi = 0; wi + 1 < words_.size(); ++wi) {
      const Word& w = words_[wi];
      const int place = MentionAt(w.begin, w.end, false);
      // A country before an organisation is its nationality (북한
      // 조선중앙통신, 한국 축구대표팀), not part of its name.
      if (place < 0 || mentions_[place].type != EntityType::kLocation || HasKey(mentions_[place], "iso")) continue;
      const Word& next = words_[wi + 1];
      if (!OnlySpacesBetween(text_, w.end, next.begin)) continue;
      const int org = MentionAt(next.begin, next.end, true);
      if (org < 0 || mentions_[org].type != EntityType::kOrganization ||
          mentions_[org].method != MatchMethod::kPattern) {
        continue;
      }
      const size_t end = mentions_[org].end;
      Remove(place);
      Remove(org);
      Add(w.begin, end, EntityType::kOrganization, std::string(Slice(w.begin, end)), MatchMethod::kPattern);
    }
  }

  // 워릭 대학교, 라드바우드 대학교: a transliterated name followed by an
  // organisation word standing alone.
  void FindSpacedOrganizations() {
    static constexpr absl::string_view kHeads[] = {"대학교", "대학", "캐피털", "랩스", "벤처스"};
    for (size_t wi = 1; wi < words_.size(); ++wi) {
      const Word& w = words_[wi];
      const absl::string_view word = Slice(w.begin, w.end);
      size_t head_len = 0;
      if (word.size() < 6) continue;
      for (absl::string_view head : kHeads) {  // the longest head first
        if (word[0] == head[0] && word[1] == head[1] && word[2] == head[2] && absl::StartsWith(word, head) &&
            IsParticleTail(word.substr(head.size()))) {
          head_len = head.size();
          break;
        }
      }
      if (head_len == 0 || !Free(w.begin, w.begin + head_len)) continue;
      const Word& prev = words_[wi - 1];
      const absl::string_view name = Slice(prev.begin, prev.end);
      if (!OnlySpacesBetween(text_, prev.end, w.begin) || !Free(prev.begin, prev.end) ||
          !IsForeignNamePart(name) || CountCodepoints(name) < 2 || GenericOrgPrefixes().contains(name)) {
        continue;
      }
      Add(prev.begin, w.begin + head_len, EntityType::kOrganization,
          std::string(Slice(prev.begin, w.begin + head_len)), MatchMethod::kPattern);
    }
  }

  // 미·중, 한·미·일: one-syllable country abbreviations joined by '·' are
  // each the country they stand for.
  void FindCountryAbbreviations() {
    static const auto* kCountries = new absl::flat_hash_map<absl::string_view, absl::string_view>{
        {"미", "미국"}, {"중", "중국"}, {"한", "한국"}, {"일", "일본"},   {"러", "러시아"},
        {"영", "영국"}, {"북", "북한"}, {"독", "독일"}, {"불", "프랑스"}, {"호", "호주"},
        {"대", "대만"}, {"인", "인도"}, {"남", "한국"}, {"유", "유럽"}};
    static constexpr absl::string_view kDot = "·";
    for (size_t i = 0; i + kDot.size() < text_.size();) {
      const size_t dot = text_.find(kDot, i);
      if (dot == absl::string_view::npos) break;
      i = dot + kDot.size();
      // The syllable before the dot starts a chain only at a word start.
      size_t first;
      CodepointBefore(text_, dot, &first);
      if (first == 0 && dot == 0) continue;
      if (!kCountries->contains(Slice(first, dot)) || IsHangul(CodepointBefore(text_, first))) continue;
      std::vector<std::pair<size_t, size_t>> parts = {{first, dot}};
      size_t p = dot;
      while (p + kDot.size() + 3 <= text_.size() && Slice(p, p + kDot.size()) == kDot) {
        const size_t b = p + kDot.size();
        if (!kCountries->contains(Slice(b, b + 3))) break;
        parts.push_back({b, b + 3});
        p = b + 3;
      }
      // Two or more, and the chain ends the word (a particle may follow).
      if (parts.size() < 2 || !IsParticleTail(Tail(p))) continue;
      for (const auto& [b, e] : parts) {
        if (Free(b, e)) {
          Add(b, e, EntityType::kLocation, std::string(kCountries->at(Slice(b, e))), MatchMethod::kPattern);
        }
      }
      i = p;
    }
  }

  // 겐트대 교수, 하버드대 연구팀은: a university by its short form (…대)
  // right before an academic title or team, possibly with a field between.
  void FindUniversityShortForms() {
    static const auto* kNext =
        new StringSet{"교수", "교수팀", "연구팀",   "연구진",   "연구원", "총장",  "학장",
                      "박사", "대학원", "명예교수", "석좌교수", "부교수", "조교수"};
    for (size_t wi = 0; wi + 1 < words_.size(); ++wi) {
      const Word& w = words_[wi];
      const absl::string_view word = Slice(w.begin, w.end);
      if (!absl::EndsWith(word, "대") || CountCodepoints(word) < 3 || !IsPureHangul(word) ||
          !Free(w.begin, w.end)) {
        continue;
      }
      size_t k = wi + 1;
      // A field of study may sit between: 겐트대 국제정치학 교수.
      if (OnlySpacesBetween(text_, w.end, words_[k].begin) &&
          absl::EndsWith(Slice(words_[k].begin, words_[k].end), "학") && k + 1 < words_.size()) {
        ++k;
      }
      if (!OnlySpacesBetween(text_, words_[k - 1].end, words_[k].begin)) continue;
      const absl::string_view next = Slice(words_[k].begin, words_[k].end);
      bool ok = false;
      for (size_t p : ParticleSplits(next)) ok |= kNext->contains(next.substr(0, p));
      if (ok) Add(w.begin, w.end, EntityType::kOrganization, std::string(word), MatchMethod::kPattern);
    }
  }

  // 미국소비자기술협회, KB증권에서: an unseen organisation by its suffix.
  void FindSuffixOrganizations() {
    // Suffixes by their last syllable, so most syllables are rejected by one
    // bitset test and the rest compare against one or two suffixes.
    static const auto* kByLast = [] {
      auto* map = new absl::flat_hash_map<char32_t, absl::InlinedVector<absl::string_view, 4>>;
      for (absl::string_view suffix : List("org_suffixes"))
        (*map)[CodepointBefore(suffix, suffix.size())].push_back(suffix);
      return map;
    }();
    static const SyllableSet* kSuffixLast = [] {
      auto* set = new SyllableSet;
      for (absl::string_view suffix : List("org_suffixes")) set->Insert(CodepointBefore(suffix, suffix.size()));
      return set;
    }();
    for (const Word& w : words_) {
      if (w.end - w.begin < 9 || !Free(w.begin, w.end)) continue;  // a prefix and a suffix
      const absl::string_view word = Slice(w.begin, w.end);
      // Candidate stem ends: after a syllable that ends some suffix.
      size_t ends[16];
      char32_t lasts[16];
      size_t num_ends = 0;
      for (size_t i = 0; i < word.size() && num_ends < 16;) {
        char32_t c;
        i += DecodeAt(word, i, &c);
        if (kSuffixLast->Contains(c)) {
          lasts[num_ends] = c;
          ends[num_ends++] = i;
        }
      }
      // The longest stem that ends in a suffix and is followed by a
      // particle tail.
      for (size_t k = num_ends; k-- > 0;) {
        const size_t p = ends[k];
        const absl::string_view stem = word.substr(0, p);
        absl::string_view matched;
        for (absl::string_view suffix : kByLast->at(lasts[k])) {
          if (stem.size() <= suffix.size() || !absl::EndsWith(stem, suffix)) continue;
          const absl::string_view prefix = stem.substr(0, stem.size() - suffix.size());
          // A generic word before the suffix makes a common noun: 국내증권;
          // so does a common noun ending the stem (주식배당). A weak
          // suffix needs a longer name before it (물류센터 is no name).
          static const StringSet* kWeak = &List("weak_org_suffixes");
          const size_t min_prefix = kWeak->contains(suffix) ? 3 : 2;
          // A one-syllable suffix (부, 청, 당) after digits is a division or
          // a count (형사11부), not a name.
          if (suffix.size() == 3 && !IsPureHangul(prefix)) continue;
          if (CountCodepoints(prefix) < min_prefix || GenericOrgPrefixes().contains(prefix) ||
              EndsWithOrgVeto(stem)) {
            continue;
          }
          matched = suffix;
          break;
        }
        if (matched.empty() || !IsParticleTail(word.substr(p))) continue;
        Add(w.begin, w.begin + p, EntityType::kOrganization, std::string(stem), MatchMethod::kPattern);
        break;
      }
    }
  }

  // Returns true if `stem` ends in a common noun that merely ends like an
  // organisation (배당, 정부, 남부).
  static bool EndsWithOrgVeto(absl::string_view stem) {
    static const StringSet* kVetoes = &List("org_suffix_vetoes");
    for (size_t len = 6; len <= 12 && len <= stem.size(); len += 3) {
      if (kVetoes->contains(stem.substr(stem.size() - len))) return true;
    }
    return false;
  }

  void FindLatinOrganizations() {
    re2::StringPiece input(text_.data(), text_.size());
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, *ex_.latin_org_re_, &match)) {
      const absl::string_view name(match.data(), match.size());
      const size_t b = static_cast<size_t>(name.data() - text_.data());
      if (StartOk(b) && EndOk(b, b + name.size())) {
        Add(b, b + name.size(), EntityType::kOrganization, std::string(name), MatchMethod::kPattern);
      }
    }
  }

  // Parenthesised names after a mention: 아마존웹서비스(AWS),
  // 프로젝트 프로메테우스(Project Prometheus, 이하 프로메테우스). They are
  // mentions themselves and name the entity for the rest of the document.
  void FindAliases() {
    struct Alias {
      std::string text;
      size_t from;  // occurrences after this byte count
      int mention;  // the defining mention
    };
    std::vector<Alias> aliases;
    std::vector<int> order(mentions_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return mentions_[a].begin < mentions_[b].begin; });
    for (int mi : order) {
      const size_t e = mentions_[mi].end;
      if (e >= text_.size() || text_[e] != '(') continue;
      // A place name is often the tail of a longer name: 임페리얼 칼리지
      // 런던(ICL) does not make ICL a name of London.
      if (mentions_[mi].type == EntityType::kLocation) continue;
      const size_t close = FindClose(e, 81);
      if (close == absl::string_view::npos || close - e > 80) continue;
      const absl::string_view inside = Slice(e + 1, close);
      if (absl::StrContains(inside, "(")) continue;
      size_t name_end = inside.size();
      absl::string_view later;  // the "이하 X" name
      const size_t ha = inside.find("이하 ");
      if (ha != absl::string_view::npos) {
        later = absl::StripAsciiWhitespace(inside.substr(ha + strlen("이하 ")));
        name_end = ha;
        while (name_end > 0 && (inside[name_end - 1] == ' ' || inside[name_end - 1] == ',')) --name_end;
      }
      const absl::string_view name = inside.substr(0, name_end);
      const size_t nb = e + 1;
      if (!name.empty() && IsAsciiAlpha(static_cast<unsigned char>(name[0])) && name.size() <= 40 &&
          !NonNameAbbreviations().contains(name)) {
        bool latin = true;
        for (char c : name) {
          const auto u = static_cast<unsigned char>(c);
          if (!(IsAsciiAlnum(u) || c == ' ' || c == '&' || c == '-' || c == '.' || c == '\'')) latin = false;
        }
        if (latin) {
          const EntityMention& m = mentions_[mi];
          const int owner = owner_[nb];
          if (owner < 0) {
            Add(nb, nb + name.size(), m.type, m.canonical, MatchMethod::kAlias, &m.metadata);
          }
          if (owner < 0 || mentions_[owner].canonical == m.canonical) {
            aliases.push_back({std::string(name), close, mi});
          }
        }
      }
      if (!later.empty() && later.size() <= 40 && !absl::StrContains(later, " ")) {
        // From the definition itself on: "이하 프로메테우스" is a mention too.
        aliases.push_back({std::string(later), static_cast<size_t>(later.data() - text_.data()), mi});
      }
    }
    // Later occurrences of each alias. An alias is scanned for once (from
    // its first definition), and not at all when the gazetteer already
    // knows it as a name of the same entity (마이크로소프트(MS)).
    absl::flat_hash_set<absl::string_view> scanned;
    for (const Alias& a : aliases) {
      const EntityMention m = mentions_[a.mention];
      if (!scanned.insert(a.text).second) continue;
      const absl::optional<uint32_t> known = g_.Lookup(a.text);
      if (known.has_value() && g_.entry(*known).canonical == m.canonical) continue;
      for (size_t pos = text_.find(a.text, a.from); pos != absl::string_view::npos;
           pos = text_.find(a.text, pos + 1)) {
        const size_t end = pos + a.text.size();
        if (!StartOk(pos) || !EndOk(pos, end)) continue;
        if (Add(pos, end, m.type, m.canonical, MatchMethod::kAlias, &m.metadata) >= 0) continue;
        // The document's own definition beats the gazetteer: after
        // "파라마운트 스카이댄스(이하 파라마운트)", 파라마운트 is that company.
        const int owner = owner_[pos];
        EntityMention& existing = mentions_[owner];
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

  // A later surname (베조스, 황 CEO, 이 회장) stands for the full name of a
  // person mentioned earlier in the document.
  void FindCoreferences() {
    struct Short {
      std::string canonical;
      size_t from;
      bool ambiguous;
      // For a Korean name found by pattern, the title seen after it: a
      // bare surname joins it only with the same title (장영달 의원 ... 장
      // 의원), never another 장 (장 교수) with no evidence they are one.
      bool needs_title = false;
      std::string title;
    };
    absl::flat_hash_map<std::string, Short> shorts;
    std::vector<int> order(mentions_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return mentions_[a].begin < mentions_[b].begin; });
    auto register_short = [&](const std::string& s, const std::string& canonical, size_t from,
                              bool needs_title = false, absl::string_view title = "") {
      auto [it, inserted] = shorts.emplace(s, Short{canonical, from, false, needs_title, std::string(title)});
      if (!inserted && it->second.canonical != canonical) it->second.ambiguous = true;
    };
    for (int mi : order) {
      EntityMention& m = mentions_[mi];
      if (m.type != EntityType::kPerson) continue;
      const absl::string_view surface = Slice(m.begin, m.end);
      auto it = shorts.find(surface);
      if (it != shorts.end() && !it->second.ambiguous && it->second.canonical == m.canonical &&
          surface != m.canonical) {
        m.method = MatchMethod::kCoreference;  // a gazetteer surname alias seen after the full name
        continue;
      }
      const std::vector<absl::string_view> parts = absl::StrSplit(m.canonical, ' ');
      if (parts.size() >= 2 && IsPureHangul(parts.back())) {
        register_short(std::string(parts.back()), m.canonical, m.end);
      } else if (parts.size() == 1 && IsPureHangul(parts[0]) &&
                 ((CountCodepoints(parts[0]) == 3 && IsKoreanSurname(CodepointAt(parts[0], 0))) ||
                  // A known Chinese name, surname first too: 시진핑 -> 시 주석, 리창 -> 리 총리.
                  (m.method == MatchMethod::kGazetteer && m.type == EntityType::kPerson &&
                   (CountCodepoints(parts[0]) == 2 || CountCodepoints(parts[0]) == 3)))) {  // 손정의 -> 손 회장
        const bool needs_title = m.method != MatchMethod::kGazetteer;
        register_short(std::string(parts[0].substr(0, 3)), m.canonical, m.end, needs_title,
                       needs_title ? TitleAfter(WordAt(m.begin)) : "");
      }
    }
    if (shorts.empty()) return;
    SyllableSet first;  // first syllables of the short forms
    for (const auto& [s, unused] : shorts) first.Insert(CodepointAt(s, 0));
    for (size_t wi = 0; wi < words_.size(); ++wi) {
      const Word& w = words_[wi];
      if (!first.Contains(CodepointAt(text_, w.begin)) || !Free(w.begin, w.end)) continue;
      const absl::string_view word = Slice(w.begin, w.end);
      for (size_t p : ParticleSplits(word)) {
        auto it = shorts.find(word.substr(0, p));
        if (it == shorts.end() || it->second.ambiguous || w.begin < it->second.from) continue;
        // A given name followed by a surname is someone else: 크리스 정.
        if (p == word.size() && wi + 1 < words_.size() &&
            OnlySpacesBetween(text_, w.end, words_[wi + 1].begin) &&
            words_[wi + 1].end - words_[wi + 1].begin == 3 &&
            IsKoreanSurname(CodepointAt(text_, words_[wi + 1].begin)) &&
            ForeignGivenNames().contains(word.substr(0, p))) {
          continue;
        }
        if (p == 3) {  // A one-syllable surname only right before a title: 황 CEO.
          static const StringSet* kAmbiguous = &List("ambiguous_surnames");
          if (kAmbiguous->contains(word.substr(0, 3))) continue;
          if (p != word.size() || !TitleFollows(wi)) continue;
          if (it->second.needs_title && (it->second.title.empty() || TitleAfter(wi) != it->second.title)) continue;
        }
        Add(w.begin, w.begin + p, EntityType::kPerson, it->second.canonical, MatchMethod::kCoreference);
        break;
      }
    }
  }

  const EntityExtractor& ex_;
  const Gazetteer& g_;
  absl::string_view text_;
  std::vector<Word> words_;
  std::vector<EntityMention> mentions_;
  std::vector<int> owner_;  // byte -> index of the mention covering it, or -1
};

EntityExtractor::EntityExtractor(std::unique_ptr<const Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {}

EntityExtractor::~EntityExtractor() = default;

absl::StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::Create(EntityExtractorOptions options) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
      Gazetteer::Load(options.gazetteer_paths, options.include_default_gazetteer);
  if (!gazetteer.ok()) return gazetteer.status();
  NameTaggerUse tagger;
  if (options.use_name_tagger) tagger.tagger = NameTagger::Default();
  return CreateWithGazetteer(*std::move(gazetteer), tagger);
}

absl::StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::CreateWithGazetteer(
    std::unique_ptr<const Gazetteer> gazetteer, NameTaggerUse tagger) {
  if (gazetteer == nullptr) return absl::InvalidArgumentError("null gazetteer");
  std::unique_ptr<EntityExtractor> extractor(new EntityExtractor(std::move(gazetteer)));
  extractor->tagger_ = tagger;
  absl::Status status = extractor->Init();
  if (!status.ok()) return status;
  return extractor;
}

absl::Status EntityExtractor::Init() {
  for (uint32_t i = 0; i < gazetteer_->size(); ++i) {
    const GazetteerEntry& e = gazetteer_->entry(i);
    ContextRule rule{i, "", {}};
    for (const auto& [key, value] : e.metadata) {
      if (key == "context") rule.context = value;
      if (key == "context_alias") {
        for (absl::string_view a : absl::StrSplit(value, '|', absl::SkipWhitespace()))
          rule.aliases.emplace_back(a);
      }
    }
    if (!rule.context.empty() && !rule.aliases.empty()) context_rules_.push_back(std::move(rule));
  }
  // Capitalised words ending in a corporate word: "Scale Labs", "Tiger Global Management".
  static constexpr absl::string_view kLatinWord = R"([A-Z][A-Za-z0-9&]*)";
  static constexpr absl::string_view kCorporateWord =
      R"((?:Inc|Corp|Corporation|Labs|Technologies|Capital|Ventures|Holdings|Systems|Partners|Robotics|)"
      R"(Biosciences|Therapeutics|Investments|University|Institute|Foundation|Securities|Advisors)\.?)";
  RE2::Options options;
  options.set_log_errors(false);
  latin_org_re_ = std::make_unique<const RE2>(
      absl::StrCat("(", kLatinWord, "(?: ", kLatinWord, ")* ", kCorporateWord, ")"), options);
  if (!latin_org_re_->ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad Latin organisation pattern: ", latin_org_re_->error()));
  }
  return absl::OkStatus();
}

std::vector<EntityMention> EntityExtractor::Extract(absl::string_view text,
                                                    absl::Span<const FlaggedRange> flagged) const {
  Document doc(*this, text);
  std::vector<EntityMention> rules = doc.Run(flagged);
  if (tagger_.tagger == nullptr) return rules;
  return MergeTaggedSpans(text, std::move(rules), tagger_, flagged);
}

std::vector<EntityMention> EntityExtractor::ExtractByRules(absl::string_view text) const {
  Document doc(*this, text);
  return doc.Run({});
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
