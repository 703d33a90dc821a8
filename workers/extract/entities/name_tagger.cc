#include "workers/extract/entities/name_tagger.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "text/char_class.h"
#include "text/utf8.h"
#include "workers/extract/entities/default_gazetteer_data.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

constexpr absl::string_view kHeader = "gleaner-name-tagger\t1";
constexpr absl::string_view kModelName = "data/entities/name_tagger.model";
constexpr uint64_t kBos = 1, kEos = 2;  // stand-ins for characters before and after the text

// Feature templates; each feature hashes its template with its values.
enum Template : uint64_t {
  kBias = 1, kUni, kUniPrev, kUniNext, kUniPrev2, kUniNext2, kBiPrev, kBiNext, kBiPrev2,
  kBiNext2, kTri, kClasses, kPosChar, kWordPrefix, kWord, kRest, kTailParticle, kNextWord,
  kPrevWord, kNextTitle, kPrevTitle, kSurnameStart, kRule, kRulePrev, kRuleNext, kRulePos,
  kNextWordFull, kPrevWordEnd, kPosBigram, kWordShape, kRuleChar,
};

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h;
}

inline uint32_t Row(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return static_cast<uint32_t>(h) & (NameTagger::kRows - 1);
}

// Character classes: Hangul syllable, Latin upper, Latin lower, digit, space,
// Han, other.
uint64_t ClassOf(char32_t c) {
  if (text::IsHangulSyllable(c)) return 1;
  if (text::IsAsciiUpper(c)) return 2;
  if (text::IsAsciiLower(c)) return 3;
  if (text::IsAsciiDigit(c)) return 4;
  if (text::IsUnicodeSpace(c)) return 5;
  if (text::IsHanIdeograph(c)) return 6;
  return 7;
}

// Words (eojeols): maximal runs of non-space characters, by character index.
struct WordSpan {
  int begin = 0, end = 0;
  bool is_title = false;       // the word, or it without a particle, is a title
  bool is_introducer = false;  // an occupation written before a name (배우)
};

uint64_t HashChars(absl::Span<const char32_t> cps, int b, int e) {
  uint64_t h = 0x51ED;
  for (int i = b; i < e; ++i) h = Mix(h, cps[i]);
  return h;
}

// The rules' tag of each character: 0 none, else 1 + 2*type + inside, with 8
// added for a gazetteer mention.
std::vector<uint8_t> RuleTags(const std::vector<size_t>& offsets, absl::Span<const RuleSpan> rules) {
  std::vector<uint8_t> tags(offsets.size() - 1, 0);
  size_t i = 0;
  for (const RuleSpan& r : rules) {  // rules are sorted and do not overlap
    while (i < tags.size() && offsets[i] < r.begin) ++i;
    for (size_t j = i; j < tags.size() && offsets[j] < r.end; ++j) {
      tags[j] = static_cast<uint8_t>(1 + 2 * static_cast<int>(r.type) + (j > i ? 1 : 0) +
                                     (r.from_gazetteer ? 8 : 0));
    }
  }
  return tags;
}

}  // namespace

NameTagger::NameTagger(const Lexicons& lexicons)
    : lexicons_(lexicons),
      weights_(static_cast<size_t>(kRows) * kNumNameTags, 0.f),
      transitions_(kNumNameTags * kNumNameTags, 0.f) {}

absl::StatusOr<std::unique_ptr<NameTagger>> NameTagger::Parse(absl::string_view text,
                                                              const Lexicons& lexicons) {
  auto tagger = std::make_unique<NameTagger>(lexicons);
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  if (lines.size() < 2 || lines[0] != kHeader) {
    return absl::InvalidArgumentError(absl::StrCat("1: expected the header \"", kHeader, "\""));
  }
  auto parse_weights = [](absl::string_view list, float* out, size_t n) {
    std::vector<absl::string_view> parts = absl::StrSplit(list, ' ', absl::SkipEmpty());
    if (parts.size() != n) return false;
    for (size_t i = 0; i < n; ++i) {
      int v;
      if (!absl::SimpleAtoi(parts[i], &v)) return false;
      out[i] = static_cast<float>(v) / 1000.f;
    }
    return true;
  };
  std::pair<absl::string_view, absl::string_view> first = absl::StrSplit(lines[1], '\t');
  if (first.first != "transitions" ||
      !parse_weights(first.second, tagger->transitions_.data(), tagger->transitions_.size())) {
    return absl::InvalidArgumentError("2: expected transitions<TAB>49 weights");
  }
  std::pair<absl::string_view, absl::string_view> outside =
      absl::StrSplit(lines.size() > 2 ? lines[2] : "", '\t');
  int penalty;
  if (outside.first != "outside" || !absl::SimpleAtoi(outside.second, &penalty)) {
    return absl::InvalidArgumentError("3: expected outside<TAB>penalty");
  }
  tagger->outside_penalty_ = static_cast<float>(penalty) / 1000.f;
  for (size_t n = 3; n < lines.size(); ++n) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(lines[n], '\t');
    uint32_t row;
    if (!absl::SimpleAtoi(kv.first, &row) || row >= kRows ||
        !parse_weights(kv.second, &tagger->weights_[static_cast<size_t>(row) * kNumNameTags],
                       kNumNameTags)) {
      return absl::InvalidArgumentError(absl::StrCat(n + 1, ": expected row<TAB>7 weights"));
    }
  }
  return tagger;
}

const NameTagger* NameTagger::Default() {
  static const NameTagger* const tagger = []() -> const NameTagger* {
    for (const EmbeddedFile& f : DefaultNameTaggerFiles()) {
      if (f.name != kModelName) continue;
      absl::StatusOr<std::unique_ptr<NameTagger>> t = Parse(f.contents, Lexicons::Default());
      return t.ok() ? t->release() : nullptr;
    }
    return nullptr;
  }();
  return tagger;
}

TaggerInput NameTagger::Featurize(absl::string_view text, absl::Span<const RuleSpan> rules) const {
  TaggerInput in;
  std::vector<char32_t> cps;
  for (size_t i = 0; i < text.size();) {
    char32_t c;
    size_t n = text::DecodeUtf8(text, i, &c);
    in.offsets.push_back(i);
    cps.push_back(c);
    i += n;
  }
  in.offsets.push_back(text.size());
  const int n = static_cast<int>(cps.size());
  const std::vector<uint8_t> rule = RuleTags(in.offsets, rules);
  const WordSet& titles = lexicons_.Get("titles");
  const WordSet& introducers = lexicons_.Get("name_introducers");
  const WordSet& tails = lexicons_.Get("tail_morphemes");
  const WordSet& surnames = lexicons_.Get("korean_surnames");
  auto sub = [&](int b, int e) { return text.substr(in.offsets[b], in.offsets[e] - in.offsets[b]); };

  // Words and what the lists say of them.
  std::vector<WordSpan> words;
  std::vector<int> word_of(n, -1);
  for (int i = 0; i < n;) {
    if (text::IsUnicodeSpace(cps[i])) {
      ++i;
      continue;
    }
    WordSpan w{i, i};
    while (w.end < n && !text::IsUnicodeSpace(cps[w.end])) word_of[w.end++] = static_cast<int>(words.size());
    for (int cut = 0; cut <= 2 && w.end - cut > w.begin && !w.is_title; ++cut) {
      w.is_title = titles.contains(sub(w.begin, w.end - cut)) &&
                   (cut == 0 || tails.contains(sub(w.end - cut, w.end)));
    }
    w.is_introducer = introducers.contains(sub(w.begin, w.end));
    words.push_back(w);
    i = w.end;
  }

  auto cp = [&](int i) -> uint64_t { return i < 0 ? kBos : i >= n ? kEos : cps[i]; };
  auto rt = [&](int i) -> uint64_t { return i < 0 || i >= n ? 99 : rule[i]; };
  in.features.resize(n);
  for (int i = 0; i < n; ++i) {
    std::vector<uint32_t>& f = in.features[i];
    f.reserve(34);
    auto add = [&](uint64_t h) { f.push_back(Row(h)); };
    const uint64_t c = cp(i), p = cp(i - 1), q = cp(i + 1), p2 = cp(i - 2), q2 = cp(i + 2);
    add(kBias);
    add(Mix(kUni, c));
    add(Mix(kUniPrev, p));
    add(Mix(kUniNext, q));
    add(Mix(kUniPrev2, p2));
    add(Mix(kUniNext2, q2));
    add(Mix(Mix(kBiPrev, p), c));
    add(Mix(Mix(kBiNext, c), q));
    add(Mix(Mix(kBiPrev2, p2), p));
    add(Mix(Mix(kBiNext2, q), q2));
    add(Mix(Mix(Mix(kTri, p), c), q));
    const uint64_t cls = ClassOf(static_cast<char32_t>(c));
    add(Mix(Mix(Mix(kClasses, i > 0 ? ClassOf(cps[i - 1]) : 0), cls), i + 1 < n ? ClassOf(cps[i + 1]) : 0));
    const uint64_t r = rt(i);
    add(Mix(kRule, r));
    add(Mix(Mix(kRulePrev, rt(i - 1)), r));
    add(Mix(Mix(kRuleNext, r), rt(i + 1)));
    const int wi = word_of[i];
    if (wi < 0) {  // a space
      add(Mix(kPosChar, 0));
      continue;
    }
    const WordSpan& w = words[wi];
    const int len = w.end - w.begin, at = i - w.begin;
    const uint64_t pos = len == 1 ? 1 : at == 0 ? 2 : i == w.end - 1 ? 3 : 4;
    add(Mix(Mix(kPosChar, pos), c));
    add(Mix(Mix(kRulePos, r), pos));
    add(Mix(Mix(kRuleChar, r), c));
    add(Mix(Mix(Mix(kPosBigram, pos), p), c));
    add(Mix(Mix(Mix(kWordShape, std::min(len, 8)), at), cls));
    if (at < 6) add(Mix(kWordPrefix, HashChars(cps, w.begin, i + 1)));
    if (len <= 8) add(Mix(kWord, HashChars(cps, w.begin, w.end)));
    const int rest = w.end - i - 1;
    add(Mix(kRest, rest <= 3 ? HashChars(cps, i + 1, w.end) : 7));
    if (rest > 0 && rest <= 3) add(Mix(kTailParticle, tails.contains(sub(i + 1, w.end)) ? 1 : 2));
    const WordSpan* next = wi + 1 < static_cast<int>(words.size()) ? &words[wi + 1] : nullptr;
    const WordSpan* prev = wi > 0 ? &words[wi - 1] : nullptr;
    add(Mix(kNextWord, next ? HashChars(cps, next->begin, std::min(next->begin + 2, next->end)) : 3));
    add(Mix(kPrevWord, prev && prev->end - prev->begin <= 4 ? HashChars(cps, prev->begin, prev->end) : 3));
    if (next && next->end - next->begin <= 5) add(Mix(kNextWordFull, HashChars(cps, next->begin, next->end)));
    add(Mix(kPrevWordEnd, prev ? HashChars(cps, std::max(prev->begin, prev->end - 2), prev->end) : 3));
    add(Mix(Mix(kNextTitle, next && next->is_title ? 1 : 0), pos));
    add(Mix(Mix(kPrevTitle, prev && (prev->is_title || prev->is_introducer) ? 1 : 0), pos));
    if (at == 0 && len >= 2 && len <= 5) add(Mix(Mix(kSurnameStart, surnames.contains(sub(i, i + 1))), len));
  }
  return in;
}

std::vector<NameTag> NameTagger::Decode(const TaggerInput& input) const {
  const size_t n = input.features.size();
  std::vector<NameTag> tags(n, kTagO);
  if (n == 0) return tags;
  // An I- tag (even) must follow its own B- or I- tag.
  auto allowed = [](int prev, int next) {
    if (next == kTagO || next % 2 == 1) return true;
    return prev == next || prev == next - 1;
  };
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * kNumNameTags);
  std::vector<uint8_t> back(n * kNumNameTags, 0);
  for (size_t i = 0; i < n; ++i) {
    float emit[kNumNameTags] = {-outside_penalty_, 0, 0, 0, 0, 0, 0};
    for (uint32_t row : input.features[i]) {
      const float* w = &weights_[static_cast<size_t>(row) * kNumNameTags];
      for (int t = 0; t < kNumNameTags; ++t) emit[t] += w[t];
    }
    for (int t = 0; t < kNumNameTags; ++t) {
      if (i == 0) {
        score[t] = allowed(kTagO, t) ? emit[t] : kNever;
        continue;
      }
      float best = kNever;
      uint8_t arg = 0;
      for (int s = 0; s < kNumNameTags; ++s) {
        if (!allowed(s, t)) continue;
        const float v = score[(i - 1) * kNumNameTags + s] + transitions_[s * kNumNameTags + t];
        if (v > best) best = v, arg = static_cast<uint8_t>(s);
      }
      score[i * kNumNameTags + t] = best + emit[t];
      back[i * kNumNameTags + t] = arg;
    }
  }
  int t = static_cast<int>(std::max_element(&score[(n - 1) * kNumNameTags], &score[n * kNumNameTags]) -
                           &score[(n - 1) * kNumNameTags]);
  for (size_t i = n; i-- > 0;) {
    tags[i] = static_cast<NameTag>(t);
    t = back[i * kNumNameTags + t];
  }
  return tags;
}

std::vector<TaggedSpan> SpansFromTags(const TaggerInput& input, absl::Span<const NameTag> tags) {
  static constexpr EntityType kTypes[] = {EntityType::kPerson, EntityType::kOrganization,
                                          EntityType::kLocation};
  std::vector<TaggedSpan> spans;
  for (size_t i = 0; i < tags.size();) {
    if (tags[i] == kTagO || tags[i] % 2 == 0) {
      ++i;
      continue;
    }
    const int begin_tag = tags[i];
    size_t j = i + 1;
    while (j < tags.size() && tags[j] == begin_tag + 1) ++j;
    spans.push_back({input.offsets[i], input.offsets[j], kTypes[(begin_tag - 1) / 2]});
    i = j;
  }
  return spans;
}

std::vector<TaggedSpan> NameTagger::Tag(absl::string_view text, absl::Span<const RuleSpan> rules) const {
  const TaggerInput input = Featurize(text, rules);
  return SpansFromTags(input, Decode(input));
}

std::string NameTagger::Serialize(float min_weight) const {
  auto thousandths = [](float w) { return static_cast<int>(std::lround(w * 1000.f)); };
  std::string out = absl::StrCat(kHeader, "\ntransitions\t");
  for (size_t i = 0; i < transitions_.size(); ++i) {
    absl::StrAppend(&out, i ? " " : "", thousandths(transitions_[i]));
  }
  absl::StrAppend(&out, "\noutside\t", thousandths(outside_penalty_), "\n");
  for (uint32_t row = 0; row < kRows; ++row) {
    const float* w = &weights_[static_cast<size_t>(row) * kNumNameTags];
    float largest = 0;
    for (int t = 0; t < kNumNameTags; ++t) largest = std::max(largest, std::abs(w[t]));
    if (largest < min_weight || largest == 0) continue;
    absl::StrAppend(&out, row, "\t");
    for (int t = 0; t < kNumNameTags; ++t) absl::StrAppend(&out, t ? " " : "", thousandths(w[t]));
    out += "\n";
  }
  return out;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
