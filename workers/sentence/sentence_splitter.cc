#include "workers/sentence/sentence_splitter.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/base/attributes.h"
#include "absl/container/inlined_vector.h"
#include "absl/memory/memory.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

// ---------------------------------------------------------------------------
// UTF-8 decoding. Invalid bytes decode as kInvalid with length 1; they count
// as letters so that garbage never produces spurious boundaries.
constexpr char32_t kInvalid = 0x110000;
constexpr char32_t kEol = 0x110001;  // "no character": the edge of the line

// Decodes the code point starting at text[i], i < end. Sets *len.
inline char32_t DecodeAt(absl::string_view text, size_t i, size_t end,
                         size_t* len) {
  char32_t cp;
  const size_t n =
      text::DecodeUtf8Checked(absl::string_view(text.data(), end), i, &cp);
  *len = n == 0 ? 1 : n;
  return n == 0 ? kInvalid : cp;
}

// Decodes the code point that ends right before text[i], i > begin.
inline char32_t DecodeBefore(absl::string_view text, size_t begin, size_t i,
                             size_t* start) {
  size_t j = i - 1;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (j > begin && (s[j] & 0xC0) == 0x80 && i - j < 4) --j;
  size_t len;
  char32_t cp = DecodeAt(text, j, i, &len);
  if (j + len != i) {  // the bytes did not form one character ending at i
    *start = i - 1;
    return kInvalid;
  }
  *start = j;
  return cp;
}

// ---------------------------------------------------------------------------
// Character classes, written out explicitly (RE2's \s \w are ASCII-only).
inline bool IsSpace(char32_t c) { return text::IsUnicodeSpace(c); }
inline bool IsSpaceByte(unsigned char c) { return text::IsAsciiSpace(c); }
inline bool IsDigit(char32_t c) { return text::IsAsciiDigit(c); }
inline bool IsAsciiLetter(char32_t c) { return text::IsAsciiAlpha(c); }
inline bool IsUpper(char32_t c) { return text::IsAsciiUpper(c); }
inline bool IsLower(char32_t c) { return text::IsAsciiLower(c); }
inline bool IsLatin(char32_t c) { return text::IsLatinLetter(c); }
inline bool IsHangul(char32_t c) { return text::IsHangulLetter(c); }
inline bool IsHan(char32_t c) { return text::IsHanIdeograph(c); }
inline bool IsEmoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF);
}
// Letters and digits of any script we meet in news text.
inline bool IsWordChar(char32_t c) {
  return IsDigit(c) || IsLatin(c) || IsHangul(c) || IsHan(c) ||
         (c >= 0x3040 && c <= 0x30FF) ||   // kana
         (c >= 0x370 && c <= 0x52F) ||     // Greek, Cyrillic
         (c >= 0xFF10 && c <= 0xFF19) ||   // fullwidth digits
         (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
         c == kInvalid;
}
inline bool IsTerminal(char32_t c) {
  return c == '.' || c == '?' || c == '!' || c == 0x3002 || c == 0xFF1F ||
         c == 0xFF01;
}
inline bool IsQuestionOrBang(char32_t c) {
  return c == '?' || c == '!' || c == 0xFF1F || c == 0xFF01;
}
// `>` closes `<…>`, which Korean books use as a quotation mark
// (`<서비스 산업에 … 같다.>라고 말한다`).
inline bool IsClosingQuote(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0xBB ||
         c == 0x300D || c == 0x300F || c == 0x203A || c == '>';
}
inline bool IsClosingBracket(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == 0x3009 || c == 0x300B ||
         c == 0x3011 || c == 0x3015 || c == 0xFF09;
}
inline bool IsOpeningQuote(char32_t c) {
  return c == 0x201C || c == 0x2018 || c == '"' || c == '\'' || c == 0xAB ||
         c == 0x300C || c == 0x300E || c == 0x2039;
}
inline bool IsOpeningBracket(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == 0x3008 || c == 0x300A ||
         c == 0x3010 || c == 0x3014 || c == 0xFF08 || c == '<';
}
inline bool IsOpeningMark(char32_t c) {
  return IsOpeningQuote(c) || IsOpeningBracket(c);
}
// Geometric shapes that open news items and subheadings: `▶관련기사`,
// `■ 전문가 진단`, `● 주요 내용`, `◆`, `□`, `○`, `▷`.
inline bool IsBulletShape(char32_t c) {
  return c == 0x25A0 || c == 0x25A1 || c == 0x25B6 || c == 0x25B7 ||
         c == 0x25C6 || c == 0x25C7 || c == 0x25CB || c == 0x25CF ||
         c == 0x25C9 || c == 0x25AA;
}

// Characters that can open a sentence glued to the previous one
// (`전망이다.특히`, `다.‘인공지능`, `다.GPU`, `였다.50일`). A glued bracket
// does not: `…한다.”(요한 3:13)` cites, `다.[1]` is a footnote.
inline bool StartsSentence(char32_t c) {
  return IsWordChar(c) || IsOpeningQuote(c) || IsEmoji(c) || c == 0x25B2 ||
         c == 0x2022 || c == 0x203B || IsBulletShape(c);
}

// ---------------------------------------------------------------------------
// Quotation and bracket pairing. Kinds of marks that pair up.
enum class Mark : uint8_t {
  kParen, kSquare, kCurly, kDoubleQuote, kSingleQuote, kAsciiDouble,
  kAsciiSingle, kGuillemet, kCorner, kWhiteCorner, kAngle, kDoubleAngle,
  kLenticular, kTortoise, kFullParen, kAsciiAngle,
};
inline bool IsQuoteMark(Mark m) {
  return m == Mark::kDoubleQuote || m == Mark::kSingleQuote ||
         m == Mark::kAsciiDouble || m == Mark::kAsciiSingle ||
         m == Mark::kGuillemet || m == Mark::kCorner ||
         m == Mark::kWhiteCorner || m == Mark::kAsciiAngle;
}

struct OpenMark {
  Mark mark;
  size_t pos;
};

// A range [begin, end) of the line inside which terminals never end a
// sentence: a bracket, or a quotation that continues into its clause.
struct Range {
  size_t begin;
  size_t end;
};

// Particles after a closing quote that make the quotation part of the
// sentence (`…했다”고 말했다`, `…다”라며`). Each must be followed by a
// non-Hangul character, so `”고객들은` still starts a new sentence.
constexpr const char* kQuoteContinuations[] = {
    "고", "며", "는", "란", "라고", "라며", "라는", "라면서", "면서", "하고",
    "하며", "하는", "하면서", "이라고", "이라며", "이라는", "이란",
    "이라면서", "고는", "고도", "고요", "라고는", "라고도", "냐고", "냐며",
    "냐는", "느냐고", "자고", "자며", "자는", "와", "과", "를", "을", "에",
    "의", "도", "로", "으로", "가", "은", "라", "이라",
};

// Verb forms that continue a sentence after a quotation and a space:
// `“…거야.” 하며 어깨를 으쓱거렸다`.
constexpr const char* kSpacedQuoteContinuations[] = {
    "하며", "하고", "하면서", "하는", "하자", "하니", "하더니", "하듯",
    "하곤", "라고", "라며", "라는", "라면서", "이라고", "이라며", "이라는",
};

bool IsQuoteContinuation(absl::string_view text, size_t pos, size_t end);

// True when the text after a closing quotation mark at `after` is a space
// and then one of kSpacedQuoteContinuations.
bool IsSpacedQuoteContinuation(absl::string_view text, size_t after,
                               size_t end) {
  size_t k = after;
  while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
  if (k == after || k >= end) return false;
  for (const char* word : kSpacedQuoteContinuations) {
    const size_t n = std::strlen(word);
    if (k + n > end || text.compare(k, n, word) != 0) continue;
    if (k + n == end) return true;
    size_t len;
    const char32_t next = DecodeAt(text, k + n, end, &len);
    if (!IsHangul(next)) return true;
  }
  return false;
}

// Copulas and longer particles that glue a quotation into its sentence
// whatever follows them: `“…말자.”였다`, `“고맙다.”뿐이었다`, `“…다.”이다`,
// `“…”에서`. Since cleaned HTML can glue a paragraph to a quotation
// (`괜찮네요.”글로벌`), words that also start sentences are left out:
// `이에 따라`, `이야기`, `이란은`, `뿐만 아니라`, `라면을`, `하는 수 없이`.
constexpr const char* kQuoteContinuationPrefixes[] = {
    "였", "이었", "이다", "이며", "이고", "이지만", "입니", "예요", "뿐이",
    "뿐인", "처럼", "까지", "부터", "조차", "마저", "에서", "에게", "에는",
    "에도", "에선", "으로", "로서", "로써", "만큼", "이라", "라는", "라고",
    "라며", "라니", "라든", "한다", "했다", "했던",
};

bool IsQuoteContinuation(absl::string_view text, size_t pos, size_t end) {
  for (const char* prefix : kQuoteContinuationPrefixes) {
    const size_t n = std::strlen(prefix);
    if (pos + n <= end && text.compare(pos, n, prefix) == 0) return true;
  }
  for (const char* particle : kQuoteContinuations) {
    const size_t n = std::strlen(particle);
    if (pos + n > end || text.compare(pos, n, particle) != 0) continue;
    if (pos + n == end) return true;
    size_t len;
    const char32_t next = DecodeAt(text, pos + n, end, &len);
    if (!IsHangul(next)) return true;
  }
  return false;
}

// Words that go on after a `?` or `!` (spaced or glued), as in `되나? 싶었는데`,
// `뭐지?? 하고 검색했다`, `했다면?라는 상상`. `싶` never starts a sentence.
constexpr const char* kMarkContinuations[] = {
    "라는", "라고", "라며", "라면서", "하고", "하곤", "하며", "하는", "하면서",
    "하자", "하니", "하던", "이라는", "이라고", "이라며",
};

bool IsMarkContinuation(absl::string_view text, size_t pos, size_t end) {
  if (pos + 3 <= end && text.compare(pos, 3, "싶") == 0) return true;
  for (const char* word : kMarkContinuations) {
    const size_t n = std::strlen(word);
    if (pos + n > end || text.compare(pos, n, word) != 0) continue;
    if (pos + n == end) return true;
    size_t len;
    if (!IsHangul(DecodeAt(text, pos + n, end, &len))) return true;
  }
  return false;
}

inline bool IsSyllable(char32_t c) { return text::IsHangulSyllable(c); }
inline bool IsJamo(char32_t c) { return c >= 0x3131 && c <= 0x318E; }
// Reactions that trail a sentence: `ㅋㅋ`, `ㅠㅠ`, emoji, `^^`, `~`, `☆`.
inline bool IsReaction(char32_t c) {
  return IsJamo(c) || IsEmoji(c) || c == 0xFE0F || c == 0x200D || c == '^' ||
         c == '~' || c == 0x2665 || c == 0x2661;
}

// ASCII emoticons that trail a sentence like `ㅋㅋ` does (`좋았어요. :)`).
constexpr const char* kEmoticons[] = {
    ":-)", ":-(", ":-D", ":-P", ";-)", ":)", ":(", ":D", ":P", ":p", ";)",
    "=)", "^_^", "^-^", "^^;", "T_T", "T.T", "-_-;", "-_-", ">_<", "XD",
};

// Returns the end of an emoticon starting at `pos` and followed by a space or
// the line end, or `pos` when there is none.
size_t EmoticonEnd(absl::string_view text, size_t pos, size_t end) {
  if (pos >= end || std::strchr(":;=^T->X", text[pos]) == nullptr ||
      text[pos] == '\0') {
    return pos;  // the common case: a word follows the sentence end
  }
  for (const char* e : kEmoticons) {
    const size_t n = std::strlen(e);
    if (pos + n > end || text.compare(pos, n, e) != 0) continue;
    if (pos + n == end || IsSpaceByte(static_cast<unsigned char>(text[pos + n]))) {
      return pos + n;
    }
  }
  return pos;
}

// Returns how many bytes of spaces and tabs start text[pos, end).
size_t AfterSpaces(absl::string_view text, size_t pos, size_t end) {
  size_t k = pos;
  while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
  return k - pos;
}

// Returns the last byte before `pos` that is not a space or tab, or 0.
unsigned char NonSpaceBefore(absl::string_view text, size_t begin,
                             size_t pos) {
  while (pos > begin && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos > begin ? static_cast<unsigned char>(text[pos - 1]) : 0;
}

// True when text[b, e) holds nothing but spaces.
bool OnlySpaces(absl::string_view text, size_t b, size_t e) {
  for (size_t k = b; k < e; ++k) {
    if (!IsSpaceByte(static_cast<unsigned char>(text[k]))) return false;
  }
  return true;
}

// True when the syllable starting at `prev_start` stands alone: nothing but
// a space, a dot or the line edge before it.
bool IsLoneSyllable(absl::string_view text, size_t begin, size_t prev_start) {
  if (prev_start <= begin) return true;
  size_t ps;
  const char32_t before = DecodeBefore(text, begin, prev_start, &ps);
  return IsSpace(before) || before == '.';
}

// True when text[pos] is a Hangul syllable directly followed by a terminal.
bool SyllableThenTerminal(absl::string_view text, size_t pos, size_t end) {
  if (pos >= end) return false;
  size_t len;
  if (!IsSyllable(DecodeAt(text, pos, end, &len))) return false;
  if (pos + len >= end) return false;
  size_t len2;
  return IsTerminal(DecodeAt(text, pos + len, end, &len2));
}

inline bool IsWeekday(char32_t c) {
  return c == U'월' || c == U'화' || c == U'수' || c == U'목' || c == U'금' ||
         c == U'토' || c == U'일';
}

// Syllables that number items in Korean outlines (`가. 목적`, `나. 범위`).
inline bool IsListSyllable(char32_t c) {
  switch (c) {
    // `아`, `자` and `하` are left out: `아. 그렇군요`, `자. 시작하자`.
    case U'가': case U'나': case U'다': case U'라': case U'마': case U'바':
    case U'사': case U'차': case U'카': case U'타': case U'파':
      return true;
    default:
      return false;
  }
}

// Particles that attach to a Latin word ending in a dot: `Inc.는`.
bool IsParticleAfterLatin(absl::string_view text, size_t pos, size_t end) {
  static constexpr const char* kParticles[] = {
      "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "로", "도",
      "으로", "에서", "에게", "처럼", "보다", "까지", "부터", "만",
  };
  for (const char* p : kParticles) {
    const size_t n = std::strlen(p);
    if (pos + n > end || text.compare(pos, n, p) != 0) continue;
    if (pos + n == end) return true;
    size_t len;
    const char32_t after = DecodeAt(text, pos + n, end, &len);
    if (!IsSyllable(after)) return true;  // `는 `, `의,`
  }
  return false;
}

// Hangul syllables that end a sentence before an ellipsis (`했다... 그`).
inline bool IsFinalEnding(char32_t c) {
  return c == U'다' || c == U'요' || c == U'죠' || c == U'까' || c == U'네' ||
         c == U'걸' || c == U'듯';
}

// True when the syllable has the final consonant ㅆ, the mark of the past
// and future stems (`했`, `겠`, `있`) that only verbs carry.
inline bool HasSsangSiotFinal(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3 && (c - 0xAC00) % 28 == 20;
}

// True when the text before an ellipsis ending at `end` closes a sentence:
// a final ending (`했다...`), or an informal ending after a verb stem
// (`좋았어...`, `몰랐지...`, `늦었겠지...`, `힘들었음...`). A noun before
// an ellipsis (`아시아... 그`, `미래... 우리는`) does not end a sentence.
bool EndsBeforeEllipsis(absl::string_view text, size_t begin, size_t end) {
  if (end <= begin) return false;
  size_t last_start;
  const char32_t last = DecodeBefore(text, begin, end, &last_start);
  if (IsFinalEnding(last)) return true;
  switch (last) {
    case U'어': case U'아': case U'지': case U'야': case U'나': case U'니':
    case U'군': case U'음': case U'게': case U'냐': case U'래': case U'데':
      break;
    default:
      return false;
  }
  if (last_start <= begin) return false;
  size_t stem_start;
  return HasSsangSiotFinal(DecodeBefore(text, begin, last_start, &stem_start));
}

// Returns the mark that `c` opens, if any.
bool OpenerKind(char32_t c, Mark* m) {
  switch (c) {
    case '(': *m = Mark::kParen; return true;
    case '[': *m = Mark::kSquare; return true;
    case '{': *m = Mark::kCurly; return true;
    case 0x201C: *m = Mark::kDoubleQuote; return true;
    case 0x2018: *m = Mark::kSingleQuote; return true;
    case 0xAB: *m = Mark::kGuillemet; return true;
    case 0x300C: *m = Mark::kCorner; return true;
    case 0x300E: *m = Mark::kWhiteCorner; return true;
    case 0x3008: *m = Mark::kAngle; return true;
    case 0x300A: *m = Mark::kDoubleAngle; return true;
    case 0x3010: *m = Mark::kLenticular; return true;
    case 0x3014: *m = Mark::kTortoise; return true;
    case 0xFF08: *m = Mark::kFullParen; return true;
    case '<': *m = Mark::kAsciiAngle; return true;
    default: return false;
  }
}
bool CloserKind(char32_t c, Mark* m) {
  switch (c) {
    case ')': *m = Mark::kParen; return true;
    case ']': *m = Mark::kSquare; return true;
    case '}': *m = Mark::kCurly; return true;
    case 0x201D: *m = Mark::kDoubleQuote; return true;
    case 0x2019: *m = Mark::kSingleQuote; return true;
    case 0xBB: *m = Mark::kGuillemet; return true;
    case 0x300D: *m = Mark::kCorner; return true;
    case 0x300F: *m = Mark::kWhiteCorner; return true;
    case 0x3009: *m = Mark::kAngle; return true;
    case 0x300B: *m = Mark::kDoubleAngle; return true;
    case 0x3011: *m = Mark::kLenticular; return true;
    case 0x3015: *m = Mark::kTortoise; return true;
    case 0xFF09: *m = Mark::kFullParen; return true;
    case '>': *m = Mark::kAsciiAngle; return true;
    default: return false;
  }
}

// Byte tables for the two scans: bytes that may start a character the scan
// cares about. Everything else (Hangul, Latin letters, continuation bytes)
// is skipped without decoding.
struct ByteTables {
  bool mark[256] = {};      // quotation marks and brackets
  bool terminal[256] = {};  // terminals, separators, bullets, URL starts
  ByteTables() {
    for (unsigned char c : {'(', ')', '[', ']', '{', '}', '"', '\'', '<', '>'}) {
      mark[c] = true;
    }
    for (unsigned char c : {0xC2, 0xE2, 0xE3, 0xEF}) mark[c] = true;
    for (unsigned char c : {'.', '?', '!', '|', 'h', 'w'}) terminal[c] = true;
    for (unsigned char c : {0xE2, 0xE3, 0xEF, 0xF0}) terminal[c] = true;
  }
};
const ByteTables& Tables() {
  static const ByteTables tables;
  return tables;
}

using RangeVector = absl::InlinedVector<Range, 16>;

// Pairs quotation marks and brackets in text[begin, end) and appends the
// ranges inside which boundaries are suppressed: every bracket pair except
// one that holds whole sentences on its own, and every quotation that
// continues into its sentence (see `close` below).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline void FindSuppressedRanges(absl::string_view text, size_t begin, size_t end,
                          size_t max_bytes, RangeVector* ranges) {
  constexpr size_t kMaxDepth = 32;    // deeper nesting is ignored
  constexpr size_t kMaxSearch = 8;    // how far down a closer looks
  absl::InlinedVector<OpenMark, 16> stack;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());

  // Closes the innermost open `m` if one is near the top of the stack.
  auto close = [&](Mark m, size_t pos, size_t after) -> bool {
    for (size_t k = 0; k < stack.size() && k < kMaxSearch; ++k) {
      const size_t idx = stack.size() - 1 - k;
      if (stack[idx].mark != m) continue;
      const size_t open = stack[idx].pos;
      stack.resize(idx);
      if (after - open > max_bytes) return true;
      if (!IsQuoteMark(m)) {
        // A bracket that holds whole sentences on its own, `다. (자세한 내용은
        // 아래를 참조하라.) 다음`, is split like a standalone quotation; any
        // other bracket continues its sentence (`그는 (왜?) 떠났다`).
        if (pos > open && after <= end) {
          size_t ps;
          const char32_t last = DecodeBefore(text, open, pos, &ps);
          size_t nl;
          const char32_t next =
              after < end ? DecodeAt(text, after, end, &nl) : kEol;
          char32_t before = kEol;
          size_t b = open;
          while (b > begin) {
            size_t bs;
            before = DecodeBefore(text, begin, b, &bs);
            if (!IsSpace(before)) break;
            b = bs;
            before = kEol;
          }
          const bool opens_sentence =
              before == kEol ||
              (b < open && (IsTerminal(before) || IsClosingQuote(before) ||
                            IsClosingBracket(before)));
          if (IsTerminal(last) && opens_sentence &&
              (next == kEol || IsSpace(next))) {
            return true;
          }
        }
        ranges->push_back({open, pos});
        return true;
      }
      // A quotation is embedded when the text after it continues the
      // sentence: `…해보자”고 했다`, `…”라며`, `‘…’(…)`. It stands alone when
      // followed by a space, the line end, or a new sentence glued to a
      // quotation that itself ended with a terminal (`괜찮네요.”글로벌`).
      if (after >= end) return true;
      size_t len;
      const char32_t next = DecodeAt(text, after, end, &len);
      if (IsSpace(next) && IsSpacedQuoteContinuation(text, after, end)) {
        ranges->push_back({open, pos});
        return true;
      }
      // A citation may follow: `…한다.”(요한 3:13)`.
      if (IsSpace(next) || IsTerminal(next) || IsClosingQuote(next) ||
          IsClosingBracket(next) || IsOpeningBracket(next)) {
        return true;
      }
      size_t prev_start;
      const char32_t last = pos > open ? DecodeBefore(text, open, pos,
                                                      &prev_start)
                                       : kEol;
      if (IsTerminal(last) && StartsSentence(next) &&
          !IsQuoteContinuation(text, after, end)) {
        return true;
      }
      ranges->push_back({open, pos});
      return true;
    }
    return false;
  };
  auto push = [&](Mark m, size_t pos) {
    if (stack.size() < kMaxDepth) stack.push_back({m, pos});
  };
  auto has_open = [&](Mark m) {
    for (size_t k = 0; k < stack.size() && k < kMaxSearch; ++k) {
      if (stack[stack.size() - 1 - k].mark == m) return true;
    }
    return false;
  };

  const bool* const interesting = Tables().mark;
  size_t i = begin;
  while (i < end) {
    while (i < end && !interesting[s[i]]) ++i;
    if (i >= end) break;
    size_t len;
    const char32_t cp = DecodeAt(text, i, end, &len);
    const size_t after = i + len;
    Mark m;
    if (cp == '"' || cp == '\'' || cp == 0x2019) {
      size_t ps;
      const char32_t prev = i > begin ? DecodeBefore(text, begin, i, &ps)
                                      : kEol;
      size_t nl;
      const char32_t next = after < end ? DecodeAt(text, after, end, &nl)
                                        : kEol;
      // An apostrophe inside a word (`doesn't`, `Byju's`) pairs with
      // nothing.
      if (cp != '"' && IsLatin(prev) && IsLatin(next)) {
        i = after;
        continue;
      }
      if (cp == 0x2019) {
        close(Mark::kSingleQuote, i, after);
        i = after;
        continue;
      }
      const Mark kind = cp == '"' ? Mark::kAsciiDouble : Mark::kAsciiSingle;
      const bool prev_opens = prev == kEol || IsSpace(prev) ||
                              IsOpeningMark(prev);
      if (!prev_opens && has_open(kind)) {
        close(kind, i, after);
      } else if (prev_opens) {
        push(kind, i);
      } else if (!(next == kEol || IsSpace(next) || !StartsSentence(next))) {
        push(kind, i);
      }
      i = after;
      continue;
    }
    if (OpenerKind(cp, &m)) {
      push(m, i);
    } else if (CloserKind(cp, &m)) {
      close(m, i, after);
    }
    i = after;
  }
  std::sort(ranges->begin(), ranges->end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
}

// Answers "is position p inside a suppressed range?" for increasing p in
// amortised constant time.
class SuppressionCursor {
 public:
  explicit SuppressionCursor(const RangeVector& ranges) : ranges_(ranges) {}
  bool Inside(size_t p) {
    while (next_ < ranges_.size() && ranges_[next_].begin < p) {
      max_end_ = std::max(max_end_, ranges_[next_].end);
      ++next_;
    }
    return p < max_end_;
  }

 private:
  const RangeVector& ranges_;
  size_t next_ = 0;
  size_t max_end_ = 0;
};

bool StartsWith(absl::string_view text, size_t i, size_t end,
                absl::string_view prefix) {
  return i + prefix.size() <= end &&
         text.compare(i, prefix.size(), prefix) == 0;
}

// Returns the end of a URL starting at i (`http://`, `https://`, `www.`), or
// i when there is none. Trailing sentence punctuation is left outside.
size_t UrlEnd(absl::string_view text, size_t i, size_t end) {
  if (!StartsWith(text, i, end, "http://") &&
      !StartsWith(text, i, end, "https://") &&
      !StartsWith(text, i, end, "www.")) {
    return i;
  }
  size_t j = i;
  while (j < end && !IsSpaceByte(static_cast<unsigned char>(text[j])) &&
         static_cast<unsigned char>(text[j]) < 0x80) {
    ++j;
  }
  while (j > i && std::strchr(".?!,)]'\"", text[j - 1]) != nullptr) --j;
  return j;
}

constexpr const char* kAbbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Gov",
    "Sen", "Rep", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Rev", "Hon",
    "Pres", "vs", "Vs", "Vol", "vol", "Vols", "No", "Nos", "Fig", "fig",
    "Figs", "Eq", "Ch", "ch", "pp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Approx", "est",
    "Est", "dept", "Dept", "al", "cf", "Cf", "ca", "viz", "Ave", "Blvd",
    "Rd", "Ft", "Op", "Ed", "ed", "eds", "Eds", "Rev", "Univ", "Assn",
    // Taxonomic ranks inside Latin names: `Prunus serrulata var. spontanea`.
    "var", "subsp", "ssp", "spp", "cv", "aff",
};
// Abbreviations that stand before a number (`No. 7`, `Vol. 25`, `pp. 23`);
// before anything else the period ends a sentence (`No. I won't.`).
constexpr const char* kNumberAbbreviations[] = {
    "No", "Nos", "no", "Vol", "vol", "Vols", "Fig", "fig", "Figs", "Eq",
    "pp", "Ch", "ch", "Art", "Sec",
};
bool IsNumberAbbreviation(absl::string_view word) {
  for (const char* a : kNumberAbbreviations) {
    if (word == a) return true;
  }
  return false;
}

// Company suffixes end a sentence unless the text goes on in lower case.
constexpr const char* kCompanySuffixes[] = {"Inc", "Corp", "Co", "Ltd",
                                            "Bros", "LLC", "Plc"};

}  // namespace

SentenceSplitter::SentenceSplitter(SentenceSplitterOptions options)
    : options_(std::move(options)) {
  for (const char* a : kAbbreviations) abbreviations_.insert(a);
  for (const std::string& a : options_.extra_abbreviations) {
    abbreviations_.insert(a);
  }
}

absl::StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(
    SentenceSplitterOptions options) {
  if (options.max_quote_bytes == 0) {
    return absl::InvalidArgumentError("max_quote_bytes must be positive");
  }
  for (const std::string& a : options.extra_abbreviations) {
    if (a.empty() || a.back() == '.' ||
        a.find_first_of(" \t\r\n") != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("malformed abbreviation '", a,
                       "': give the word without spaces or its final dot"));
    }
  }
  return absl::WrapUnique(new SentenceSplitter(std::move(options)));
}

bool SentenceSplitter::IsAbbreviation(absl::string_view word) const {
  return abbreviations_.contains(word);
}

std::vector<SentenceSpan> SentenceSplitter::Split(
    absl::string_view text) const {
  std::vector<SentenceSpan> out;
  SplitRange(text, 0, text.size(), &out);
  return out;
}

void SentenceSplitter::SplitRange(absl::string_view text, size_t begin,
                                  size_t end,
                                  std::vector<SentenceSpan>* out) const {
  end = std::min(end, text.size());
  // Lines are always boundaries. CR, LF and CRLF all end a line.
  size_t line = begin;
  while (line < end) {
    const void* nl = std::memchr(text.data() + line, '\n', end - line);
    const size_t line_end =
        nl == nullptr ? end
                      : static_cast<size_t>(static_cast<const char*>(nl) -
                                            text.data());
    size_t piece = line;
    while (piece < line_end) {
      const void* cr = std::memchr(text.data() + piece, '\r', line_end - piece);
      const size_t piece_end =
          cr == nullptr ? line_end
                        : static_cast<size_t>(static_cast<const char*>(cr) -
                                              text.data());
      if (piece_end > piece) SplitLine(text, piece, piece_end, out);
      piece = piece_end + 1;
    }
    line = line_end + 1;
  }
}

void SentenceSplitter::SplitLine(absl::string_view text, size_t begin,
                                 size_t end,
                                 std::vector<SentenceSpan>* out) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());

  // Emits text[b, e) trimmed, unless it is empty or holds no word.
  const size_t line_first = out->size();
  // Emits text[b, e) trimmed, unless it is empty or holds no word. A segment
  // of reactions only (`😲😲`, `ㅋㅋ`, `^^`) after a sentence end joins that
  // sentence when `attach` is set.
  auto emit = [&](size_t b, size_t e, bool attach) {
    size_t len;
    while (b < e) {
      const char32_t c = DecodeAt(text, b, e, &len);
      if (!IsSpace(c)) break;
      b += len;
    }
    while (e > b) {
      size_t start;
      const char32_t c = DecodeBefore(text, b, e, &start);
      if (!IsSpace(c)) break;
      e = start;
    }
    if (b >= e) return;
    if (attach && out->size() > line_first) {
      bool reactions = true;
      for (size_t k = b; k < e && reactions; k += len) {
        const char32_t c = DecodeAt(text, k, e, &len);
        reactions = IsReaction(c) || (!IsWordChar(c) && !IsOpeningMark(c) &&
                                      !IsClosingBracket(c) && c != '|' &&
                                      c != '-' && c != 0x2022 && c != 0x25B2);
      }
      if (reactions) {
        out->back().end = e;
        return;
      }
    }
    if (options_.drop_punctuation_only) {
      bool has_word = false;
      for (size_t k = b; k < e && !has_word; k += len) {
        has_word = IsWordChar(DecodeAt(text, k, e, &len));
      }
      if (!has_word) return;
    }
    out->push_back({b, e});
  };

  RangeVector ranges;
  FindSuppressedRanges(text, begin, end, options_.max_quote_bytes, &ranges);
  SuppressionCursor suppressed(ranges);

  // Trailing table-cell borders (`… | |`) never belong to a sentence.
  size_t border_tail = end;
  while (border_tail > begin && (s[border_tail - 1] == ' ' ||
                                 s[border_tail - 1] == '\t' ||
                                 s[border_tail - 1] == '|')) {
    --border_tail;
  }

  const bool* const interesting = Tables().terminal;
  size_t seg = begin;
  bool after_terminal = false;  // seg starts right after a sentence end
  size_t i = begin;
  while (i < end) {
    while (i < end && !interesting[s[i]]) ++i;
    if (i >= end) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (c == 'h' || c == 'w') {
        if (i == begin || IsSpaceByte(s[i - 1]) || s[i - 1] == '(') {
          const size_t url_end = UrlEnd(text, i, end);
          if (url_end > i) {
            i = url_end;
            continue;
          }
        }
        ++i;
        continue;
      }
      if (c == '|') {
        const bool separated = (i == begin || IsSpaceByte(s[i - 1])) &&
                               (i + 1 == end || IsSpaceByte(s[i + 1]));
        if (separated && (options_.split_on_pipes || i >= border_tail)) {
          emit(seg, i, after_terminal);
          seg = i + 1;
          after_terminal = false;
        }
        ++i;
        continue;
      }
      if (c != '.' && c != '?' && c != '!') {
        ++i;
        continue;
      }
    } else if (c != 0xE2 && c != 0xE3 && c != 0xEF && c != 0xF0) {
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = DecodeAt(text, i, end, &len);
    if (!IsTerminal(cp)) {
      // Inline bullets and link markers start a new segment.
      if (options_.split_on_inline_bullets && (cp == 0x2022 || cp == 0x1F449) &&
          i > begin && IsSpaceByte(s[i - 1])) {
        emit(seg, i, after_terminal);
        seg = i;
        after_terminal = false;
      }
      i += len;
      continue;
    }

    // A run of terminals: `.`, `?!`, `...`.
    const size_t t0 = i;
    int dots = 0;
    int marks = 0;  // ? and !
    size_t t = i;
    while (t < end) {
      size_t l;
      const char32_t tc = DecodeAt(text, t, end, &l);
      if (!IsTerminal(tc)) break;
      if (IsQuestionOrBang(tc)) {
        ++marks;
      } else {
        ++dots;
      }
      t += l;
    }
    const size_t t1 = t;
    // Closing quotes and brackets right after the terminal belong to it.
    int closers = 0;
    bool quote_closer = false;
    bool footnote = false;
    while (t < end && closers < 6) {
      size_t l;
      const char32_t tc = DecodeAt(text, t, end, &l);
      if (tc == '[' || tc == '(') {
        // A short footnote or citation glued to the terminal belongs to its
        // sentence: `설립됐다.[1]`, `[4][5]`, `이다.[참고 2]`,
        // `한다.”(요한 3:13)`.
        // A weekday after a date is no citation: `2024. 10. 5.(토) 오후`.
        size_t weekday_len;
        if (tc == '(' && dots == 1 && marks == 0 && t0 > begin &&
            IsDigit(s[t0 - 1]) && t + 4 < end && s[t + 4] == ')' &&
            IsWeekday(DecodeAt(text, t + 1, end, &weekday_len))) {
          break;
        }
        const char close = tc == '[' ? ']' : ')';
        const size_t limit = tc == '[' ? 16 : 40;
        size_t k = t + 1;
        bool digits = true;
        while (k < end && k - t <= limit && s[k] != close && s[k] != '[' &&
               s[k] != '(' && s[k] != '.' && s[k] != '?' && s[k] != '!') {
          digits = digits && IsDigit(s[k]);
          ++k;
        }
        if (k > t + 1 && k < end && s[k] == close &&
            ((tc == '[' && digits) || k + 1 == end || IsSpaceByte(s[k + 1]) ||
             s[k + 1] == '[')) {
          footnote = true;
          ++closers;
          t = k + 1;
          continue;
        }
        break;
      }
      if (IsReaction(tc) && tc != '~') {
        // Glued reactions belong to the sentence: `면서여...?ㄷㄷ`, `다.^^`.
        // A glued emoji before text is a bullet of the next sentence
        // (`있다.👉① 엔비디아의`), so the run must end at a space.
        size_t k = t;
        char32_t after_run = kEol;
        while (k < end) {
          size_t kl;
          after_run = DecodeAt(text, k, end, &kl);
          if (!IsReaction(after_run)) break;
          k += kl;
          after_run = kEol;
        }
        if (after_run != kEol && !IsSpace(after_run)) break;
        footnote = true;
        ++closers;
        t = k;
        continue;
      }
      if (IsClosingQuote(tc)) {
        quote_closer = true;
      } else if (!IsClosingBracket(tc)) {
        break;
      }
      ++closers;
      t += l;
    }
    // Laughter after the sentence end and a space belongs to it too:
    // `웃겼다. ㅋㅋㅋ 다음`, `좋아요. ^^`.
    if (t < end && IsSpaceByte(s[t])) {
      size_t k = t + AfterSpaces(text, t, end);
      const size_t run = k;
      while (k < end) {
        size_t kl;
        const char32_t kc = DecodeAt(text, k, end, &kl);
        if (!IsJamo(kc) && kc != '^') break;
        k += kl;
      }
      if (k == run) k = EmoticonEnd(text, run, end);  // `좋았어요. :)`
      if (k > run && (k == end || IsSpaceByte(s[k]))) {
        t = k;
        ++closers;
        footnote = true;
      }
    }
    const size_t t2 = t;

    size_t prev_start = t0;
    const char32_t prev =
        t0 > begin ? DecodeBefore(text, begin, t0, &prev_start) : kEol;
    size_t next_len = 0;
    const char32_t next = t2 < end ? DecodeAt(text, t2, end, &next_len) : kEol;
    const bool spaced = next == kEol || IsSpace(next);
    // First character after the spaces, for dates (`2025. 12.`) and case.
    char32_t after_space = next;
    if (spaced && next != kEol) {
      size_t k = t2;
      after_space = kEol;
      while (k < end) {
        size_t l;
        const char32_t kc = DecodeAt(text, k, end, &l);
        if (!IsSpace(kc)) {
          after_space = kc;
          break;
        }
        k += l;
      }
    }

    bool boundary = false;
    if (IsOpeningMark(prev)) {
      boundary = false;  // `(?)`, `(!)`, `“…”`: a mark, not a sentence end
    } else if (dots == 1 && marks == 0 && (prev == kEol || IsSpace(prev)) &&
               ((!spaced && (IsLatin(next) || IsDigit(next))) ||
                after_space == '.' || NonSpaceBefore(text, begin, t0) == '.')) {
      // A dot opening a word is no sentence end (`.NET`, `.hwp`), nor are
      // the dots of a spaced ellipsis (`그래서 . . . 결국`).
      boundary = false;
    } else if (quote_closer && spaced &&
               IsSpacedQuoteContinuation(text, t2, end)) {
      boundary = false;  // `…거야.” 하며 어깨를`
    } else if (marks > 0 &&
               IsMarkContinuation(
                   text, spaced ? t2 + AfterSpaces(text, t2, end) : t2, end)) {
      boundary = false;  // `되나? 싶었는데`, `했다면?라는 상상`
    } else if (dots == 1 && closers == 0 && IsSyllable(prev) &&
               IsLoneSyllable(text, begin, prev_start) &&
               (SyllableThenTerminal(
                    text, spaced ? t2 + AfterSpaces(text, t2, end) : t2,
                    end) ||
                (!spaced && IsSyllable(next) && prev_start > begin &&
                 s[prev_start - 1] == '.'))) {
      boundary = false;  // spelled-out emphasis: `반.전.매.력`, `전. 부. 다.`
    } else if (dots == 1 && closers == 0 && spaced && after_space != kEol &&
               IsListSyllable(prev) && OnlySpaces(text, seg, prev_start)) {
      boundary = false;  // an outline number opening the segment: `가. 목적`
    } else if (marks > 0) {
      if (spaced) {
        boundary = true;
      } else if (closers > 0) {
        // `확장할까?’오픈AI가` ends; `Who?]가` does not.
        boundary = (quote_closer || footnote) && StartsSentence(next) &&
                   !IsQuoteContinuation(text, t2, end);
      } else {
        // `뭐지?그래서` ends; `?:` and `(?)` do not; `Yahoo!Japan` does not.
        boundary = IsHangul(next) || IsOpeningQuote(next) ||
                   (StartsSentence(next) && IsHangul(prev));
      }
    } else if (dots >= 2) {
      // `..`/`...` after a noun is an ellipsis in a title (`도박... 오픈AI`);
      // after a sentence-final ending it ends the sentence.
      // Glued Hangul after it starts the next sentence too (`좋았다..근데`).
      boundary = (spaced || IsHangul(next)) &&
                 EndsBeforeEllipsis(text, begin, t0);
    } else if (closers > 0) {
      if (spaced) {
        boundary = true;
      } else if (quote_closer || footnote) {
        // `괜찮네요.”글로벌` ends; `된다.”고 말했다` does not.
        boundary = StartsSentence(next) && !IsQuoteContinuation(text, t2, end);
      }
    } else if (!spaced) {
      if (IsDigit(prev) && IsDigit(next)) {
        boundary = false;  // decimals, `2025.11.25`
      } else if ((IsLatin(prev) || IsDigit(prev)) &&
                 (IsLatin(next) || IsDigit(next))) {
        boundary = false;  // domains, e-mail, `U.S`, `v1.2`, `No.1`
      } else if (IsLatin(prev) && !IsHangul(next)) {
        boundary = false;
      } else {
        boundary = StartsSentence(next);  // `이다.특히`, `)’.프로`
        if (boundary && IsLatin(prev)) {
          // A glued Hangul word after a Latin word starts a sentence unless
          // the word is an initial or abbreviation, or a particle follows
          // (`Apple Inc.는`, `U.S.의`).
          size_t w = t0;
          while (w > begin && IsAsciiLetter(s[w - 1])) --w;
          const absl::string_view word = text.substr(w, t0 - w);
          if (word.size() <= 1 || IsAbbreviation(word) ||
              IsParticleAfterLatin(text, t2, end)) {
            boundary = false;
          }
        }
      }
    } else if (IsDigit(prev)) {
      // `2025. 12. 19.` and numbering (`Issue 1.`) are not boundaries, a
      // longer number (`2698.01.`, `in 2019.`) is.
      size_t w = t0;
      int dots_in_number = 0;
      bool punct = false;
      while (w > begin && (IsDigit(s[w - 1]) || s[w - 1] == '.' ||
                           s[w - 1] == ',' || s[w - 1] == ':')) {
        if (!IsDigit(s[w - 1])) punct = true;
        if (s[w - 1] == '.') ++dots_in_number;
        --w;
      }
      // `2024.1.1.`: a dotted date (year first) goes on like `2025. 12. 19.`.
      const bool dotted_date = dots_in_number == 2 && t0 - w >= 8 &&
                               (text.compare(w, 2, "19") == 0 ||
                                text.compare(w, 2, "20") == 0) &&
                               w + 4 < t0 && s[w + 4] == '.';
      // `1988.9.17.~10.2. 서울에서`: a month and day closing a date range.
      const bool range_end_date =
          dots_in_number == 1 && t0 - w <= 5 && w > begin &&
          (s[w - 1] == '~' || s[w - 1] == '-');
      // A number glued to a word is a model name, not numbering: `GPT-4.`.
      const bool attached = w > begin && !IsSpaceByte(s[w - 1]) &&
                            s[w - 1] != '(' && s[w - 1] != '[';
      if (next == kEol || after_space == kEol) {
        boundary = true;
      } else if (IsDigit(after_space) || dotted_date || range_end_date) {
        boundary = false;
      } else {
        boundary = punct || attached || t0 - w >= 3;
      }
    } else if (IsLatin(prev)) {
      size_t w = t0;
      while (w > begin && IsAsciiLetter(s[w - 1])) --w;
      const absl::string_view word = text.substr(w, t0 - w);
      const bool company =
          std::find_if(std::begin(kCompanySuffixes), std::end(kCompanySuffixes),
                       [&](const char* x) { return word == x; }) !=
          std::end(kCompanySuffixes);
      // A one-letter word is an initial (`U.S.`, `J. Smith`, `a.m.`) when it
      // follows a dot, or is a capital standing alone; `%p.` and `/x.` end.
      const unsigned char before = w > begin ? s[w - 1] : ' ';
      const bool initial =
          word.size() == 1 &&
          (before == '.' || (IsUpper(prev) && (IsSpaceByte(before) ||
                                               before == '(' ||
                                               before == '"')));
      if (initial || (word.size() == 1 && IsDigit(after_space))) {
        boundary = false;  // also `p. 23`
      } else if (IsNumberAbbreviation(word)) {
        boundary = !(IsDigit(after_space) || after_space == '#');
      } else if (IsAbbreviation(word)) {
        boundary = false;
      } else if (company) {
        boundary = !(IsLower(after_space) || IsDigit(after_space));
      } else {
        boundary = true;
      }
    } else {
      boundary = true;  // Hangul, `)`, `%`, quotes, symbols
    }

    // Inside a bracket or an embedded quotation nothing ends.
    if (boundary && !suppressed.Inside(t0)) {
      emit(seg, t2, after_terminal);
      seg = t2;
      i = t2;
      after_terminal = true;
    } else {
      i = t1;
    }
  }
  emit(seg, end, after_terminal);
}

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
