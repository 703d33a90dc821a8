#include "workers/extract/entities/document.h"

#include <algorithm>

#include "absl/strings/match.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

// CJK unified ideographs (Hanja).
bool IsHanja(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

bool HasAsciiAlnum(absl::string_view s) {
  for (char c : s) {
    if (IsAsciiAlnum(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// Returns the byte length of the character at `i` and whether it is a word
// character (IsWordChar). DecodeAt decodes ASCII and Hangul syllables,
// nearly every byte of Korean news, inline.
inline size_t CharAt(absl::string_view text, size_t i, bool* word_char) {
  char32_t c;
  const size_t len = DecodeAt(text, i, &c);
  *word_char = IsWordChar(c);
  return len;
}

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 8);  // Korean news has a word per 10 bytes: no regrowth, little waste
  size_t i = 0;
  bool word_char;
  while (i < text.size()) {
    size_t len = CharAt(text, i, &word_char);
    if (!word_char) {
      i += len;
      continue;
    }
    const size_t begin = i;
    i += len;
    while (i < text.size()) {
      len = CharAt(text, i, &word_char);
      const char c = text[i];
      if (word_char) {
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

}  // namespace

Document::Document(absl::string_view text, const Gazetteer& gazetteer, const EntityLexicon& lexicon)
    : text_(text), gazetteer_(gazetteer), lexicon_(lexicon), words_(SplitWords(text)), owner_(text.size(), -1) {}

int Document::Add(size_t b, size_t e, EntityType type, std::string canonical, MatchMethod method,
                  const Metadata* metadata) {
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

int Document::AddEntry(size_t b, size_t e, uint32_t entry, MatchMethod method) {
  const GazetteerEntry& g = gazetteer_.entry(entry);
  return Add(b, e, DualType(g, b), g.canonical, method, &g.metadata);
}

EntityType Document::DualType(const GazetteerEntry& g, size_t b) const {
  bool dual = false;
  for (const auto& [key, value] : g.metadata) dual |= key == "dual_type" && value == "PRODUCT";
  if (!dual) return g.type;
  static constexpr size_t kLookBack = 120;
  absl::string_view before = Slice(b > kLookBack ? b - kLookBack : 0, b);
  const size_t stop = before.find_last_of(".!?\n");  // this sentence only
  if (stop != absl::string_view::npos) before.remove_prefix(stop + 1);
  for (absl::string_view cue : lexicon_.dual_type_cues()) {
    if (absl::StrContains(before, cue)) return EntityType::kProduct;
  }
  return g.type;
}

void Document::Remove(int index) {
  EntityMention& m = mentions_[index];
  for (size_t i = m.begin; i < m.end; ++i) owner_[i] = -1;
  m.begin = m.end = 0;
}

std::vector<EntityMention> Document::TakeMentions(absl::Span<const FlaggedRange> flagged) {
  std::vector<EntityMention> out;
  for (EntityMention& m : mentions_) {
    if (m.end > m.begin) out.push_back(std::move(m));  // removed mentions are empty
  }
  mentions_.clear();
  owner_.clear();
  words_.clear();
  text_ = absl::string_view();
  std::sort(out.begin(), out.end(), [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
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

size_t Document::FindClose(size_t open, size_t max_len) const {
  return text_.substr(0, std::min(text_.size(), open + max_len)).find(')', open);
}

bool Document::EndOk(size_t b, size_t e) const {
  const char32_t last = CodepointBefore(text_, e);
  const char32_t next = CodepointAt(text_, e);
  // 日 names Japan, but not inside 日本經濟新聞.
  if (IsHanja(last) && IsHanja(next) && !lexicon_.IsCountryHanja(next)) return false;
  if (FollowedByIndexNumber(e)) return false;
  if (IsAsciiAlnum(last)) {
    if (IsAsciiAlnum(next)) return false;
    if ((next == '-' || next == '.') && IsAsciiAlnum(CodepointAt(text_, e + 1))) return false;
  }
  if (!IsHangul(next)) return true;
  const absl::string_view tail = Tail(e);
  if (korean().IsParticleTail(tail)) return true;
  // A number glued to a non-particle is a count (제미나이 3개), not a version.
  if (IsAsciiDigit(last)) return false;
  if (korean().StartsWithDerivedSuffix(tail)) return false;
  if (korean().StartsWithCompoundHead(tail)) return true;
  // Long names stay names inside compounds (엔비디아칩); short ones
  // would also hit ordinary words (애플리케이션, 메타버스).
  const absl::string_view name = Slice(b, e);
  return CountCodepoints(name) >= 4 || (HasAsciiAlnum(name) && CountCodepoints(name) >= 3);
}

// A number may follow after a space or a parenthesised abbreviation:
// S&P 500, 스탠더드앤드푸어스(S&P)500. Indices are not entities.
bool Document::FollowedByIndexNumber(size_t e) const {
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
  if (!lexicon_.IsIndexNumber(text_.substr(i, j - i))) return false;
  const absl::string_view tail = Tail(j);
  return tail.empty() || korean().IsParticleTail(tail) || absl::StartsWith(tail, "지수");
}

bool Document::StartOk(size_t b) const {
  const char32_t first = CodepointAt(text_, b);
  size_t prev_start;
  const char32_t prev = CodepointBefore(text_, b, &prev_start);
  if (IsAsciiAlnum(first)) {
    // A Latin name glued to a Hangul word ends a longer name (블루오벌SK,
    // 한국IBM), which is not the shorter entity.
    if (IsAsciiAlnum(prev) || IsHangul(prev)) return false;
    if ((prev == '-' || prev == '.' || prev == '_') && IsAsciiAlnum(CodepointBefore(text_, prev_start))) return false;
    return true;
  }
  if (IsHangul(first)) return !IsHangul(prev);
  // 美 법무부 and 美中, but not 15日 or 本日.
  return !IsWordChar(prev) && (!IsHanja(prev) || lexicon_.IsCountryHanja(prev));
}

bool Document::CommaGap(size_t a, size_t b) const {
  return a < b && text_[a] == ',' && (a + 1 == b || OnlySpacesBetween(a + 1, b));
}

size_t Document::WordAt(size_t b) const {
  return static_cast<size_t>(
      std::lower_bound(words_.begin(), words_.end(), b, [](const Word& w, size_t pos) { return w.begin < pos; }) -
      words_.begin());
}

absl::string_view Document::TitleAfter(size_t wi) const {
  for (size_t k = wi + 1; k < words_.size() && k <= wi + 2; ++k) {
    if (!OnlySpacesBetween(words_[k - 1].end, words_[k].begin)) return "";
    const absl::string_view next = WordText(k);
    const size_t len = korean().TitlePrefixLength(next);
    if (len > 0) return next.substr(0, len);
    if (!lexicon_.IsTitleModifier(next)) return "";
  }
  return "";
}

bool Document::NextWordIsHonorific(size_t wi) const {
  if (wi + 1 >= words_.size() || !OnlySpacesBetween(words_[wi].end, words_[wi + 1].begin)) return false;
  const absl::string_view next = WordText(wi + 1);
  return absl::StartsWith(next, "씨") && korean().IsParticleTail(next.substr(3));
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
