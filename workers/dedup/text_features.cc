#include "workers/dedup/text_features.h"

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "text/char_class.h"
#include "text/utf8.h"
#include "workers/dedup/hashing.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

// If text[pos] starts a markup tag, returns its length, else 0. A tag is '<'
// followed by a letter, '/' or '!' and ends at the next '>' (on any line), so
// "3 < 5" and "<3" in prose are left alone.
size_t TagLength(absl::string_view text, size_t pos) {
  if (text[pos] != '<' || pos + 1 >= text.size()) return 0;
  const char next = text[pos + 1];
  if (!absl::ascii_isalpha(static_cast<unsigned char>(next)) && next != '/' &&
      next != '!') {
    return 0;
  }
  const size_t close = text.find('>', pos + 1);
  if (close == absl::string_view::npos) return 0;
  return close - pos + 1;
}

// If text[pos] starts a character entity, stores its code point and returns
// its length, else 0.
size_t EntityLength(absl::string_view text, size_t pos, uint32_t* cp) {
  if (text[pos] != '&') return 0;
  static constexpr struct {
    absl::string_view name;
    uint32_t cp;
  } kNamed[] = {{"&nbsp;", 0xA0}, {"&amp;", '&'},  {"&lt;", '<'},
                {"&gt;", '>'},    {"&quot;", '"'}, {"&apos;", '\''},
                {"&middot;", 0xB7}, {"&hellip;", 0x2026}};
  const absl::string_view rest = text.substr(pos);
  for (const auto& e : kNamed) {
    if (absl::StartsWith(rest, e.name)) {
      *cp = e.cp;
      return e.name.size();
    }
  }
  if (rest.size() >= 4 && rest[1] == '#') {
    size_t i = 2;
    int base = 10;
    if (rest[i] == 'x' || rest[i] == 'X') {
      base = 16;
      ++i;
    }
    uint32_t value = 0;
    const size_t digits_begin = i;
    while (i < rest.size() && i < digits_begin + 7) {
      const char c = rest[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (base == 16 && absl::ascii_isxdigit(static_cast<unsigned char>(c))) {
        d = absl::ascii_tolower(static_cast<unsigned char>(c)) - 'a' + 10;
      } else {
        break;
      }
      value = value * base + d;
      ++i;
    }
    if (i > digits_begin && i < rest.size() && rest[i] == ';' && value > 0 &&
        value <= 0x10FFFF) {
      *cp = value;
      return i + 1;
    }
  }
  return 0;
}

inline bool IsDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

// Bullets, arrows and bars that start list items (after folding).
bool IsBlockMarker(uint32_t cp) {
  switch (cp) {
    case '-': case '*': case '>': case '|': case 0x00B7: case 0x2022:
    case 0x2023: case 0x2043: case 0x203B: case 0x25AA: case 0x25AB:
    case 0x25A0: case 0x25A1: case 0x25B6: case 0x25B7: case 0x25BA:
    case 0x25B8: case 0x25C6: case 0x25C7: case 0x25CB: case 0x25CF:
    case 0x25E6: case 0x2605: case 0x2606: case 0x2713: case 0x2714:
    case 0x2192: case 0x27A4:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsLetter(uint32_t cp) {
  return text::IsLatinLetter(cp) || text::IsHangulLetter(cp) ||
         text::IsHanIdeograph(cp) || text::IsKana(cp);
}

namespace {

}  // namespace

bool IsSpace(uint32_t cp) { return text::IsUnicodeSpace(cp); }

std::string NormalizeContent(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  // Bytes [run_begin, pos) are kept as they are; copying them in one append
  // instead of one code point at a time is most of this function's speed.
  size_t run_begin = 0;
  size_t pos = 0;
  auto flush = [&]() {
    if (pos > run_begin) out.append(text.data() + run_begin, pos - run_begin);
  };
  auto start_token = [&]() {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
  };
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c == '<' || c == '&') {
      if (const size_t tag = c == '<' ? TagLength(text, pos) : 0; tag > 0) {
        // A tag separates words ("<br>", "</p><p>"): treat it as white space.
        flush();
        pending_space = true;
        pos += tag;
        run_begin = pos;
        continue;
      }
      uint32_t cp;
      if (const size_t len = c == '&' ? EntityLength(text, pos, &cp) : 0; len > 0) {
        flush();
        if (IsSpace(cp)) {
          pending_space = true;
        } else {
          start_token();
          text::AppendUtf8(cp, &out);
        }
        pos += len;
        run_begin = pos;
        continue;
      }
    }
    uint32_t cp;
    const size_t len = c < 0x80 ? (cp = c, 1) : DecodeUtf8(text, pos, &cp);
    if (IsSpace(cp)) {
      flush();
      pending_space = true;
      pos += len;
      run_begin = pos;
      continue;
    }
    if (pos == run_begin) start_token();  // first code point of a run
    if (cp == 0xFFFD && len == 1) {
      // A malformed byte: emit the replacement character instead.
      flush();
      text::AppendUtf8(cp, &out);
      pos += len;
      run_begin = pos;
      continue;
    }
    pos += len;
  }
  flush();
  return out;
}

uint32_t FoldCodePointSlow(uint32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
    if (cp == '\'' || cp == '`') return '"';
    if (cp <= ' ' || cp == 0x7F) return 0;
    return cp;
  }
  if (IsSpace(cp)) return 0;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return FoldCodePoint(cp - 0xFEE0);
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C:
    case 0x201D: case 0x201E: case 0x201F: case 0x2032: case 0x2033:
    case 0x00AB: case 0x00BB: case 0x00B4: case 0x300C: case 0x300D:
    case 0x300E: case 0x300F:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return '-';
    case 0x223C: case 0x301C: case 0xFF5E:
      return '~';
    case 0x22EF:
      return 0x2026;
    case 0x00B7: case 0x30FB: case 0x318D: case 0x2027: case 0x2219:
      return 0x00B7;
    default:
      return cp;
  }
}

void AppendShingleCodePoints(absl::string_view text, std::vector<uint32_t>* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    uint32_t cp;
    pos += DecodeUtf8(text, pos, &cp);
    cp = FoldCodePoint(cp);
    if (cp != 0) out->push_back(cp);
  }
}

NumberSketch ComputeNumberSketch(absl::string_view text) {
  NumberSketch sketch;
  std::string number;
  auto flush = [&]() {
    // A trailing '.' ends a sentence, not a decimal.
    while (!number.empty() && number.back() == '.') number.pop_back();
    if (number.size() >= 2) {
      const uint64_t bit = StableHash64(number, 0x6e756d) & 127;
      sketch.bits[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
    number.clear();
  };
  size_t pos = 0;
  uint32_t prev = 0;
  while (pos < text.size()) {
    uint32_t cp;
    const size_t len = DecodeUtf8(text, pos, &cp);
    cp = FoldCodePoint(cp);
    pos += len;
    if (IsDigit(cp)) {
      number.push_back(static_cast<char>(cp));
    } else if ((cp == ',' || cp == '.') && IsDigit(prev) && pos < text.size()) {
      uint32_t next;
      DecodeUtf8(text, pos, &next);
      next = FoldCodePoint(next);
      if (!IsDigit(next)) {
        flush();
      } else if (cp == '.') {
        number.push_back('.');
      }  // ',' grouping is dropped: "1,000" == "1000".
    } else {
      flush();
    }
    prev = cp;
  }
  flush();
  return sketch;
}

std::vector<Block> SplitBlocks(absl::string_view text, uint64_t seed) {
  std::vector<Block> blocks;
  std::vector<uint32_t> folded;
  struct Unit {
    size_t pos, len;
    uint32_t cp;
  };
  std::vector<Unit> units;
  size_t line_begin = 0;
  while (line_begin <= text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == absl::string_view::npos) line_end = text.size();
    const absl::string_view line = text.substr(0, line_end);
    units.clear();
    for (size_t pos = line_begin; pos < line_end;) {
      uint32_t cp;
      const unsigned char c = static_cast<unsigned char>(line[pos]);
      const size_t len = c < 0x80 ? (cp = c, 1) : DecodeUtf8(line, pos, &cp);
      const uint32_t folded_cp = FoldCodePoint(cp);
      if (folded_cp != 0) units.push_back({pos, len, folded_cp});
      pos += len;
    }
    // List bullets and table bars are layout, not content: "• 제목" printed
    // in a list and "제목" printed as a heading are the same block.
    size_t first = 0, last = units.size();
    while (first < last && IsBlockMarker(units[first].cp)) ++first;
    while (last > first && units[last - 1].cp == '|') --last;
    if (first < last) {
      Block block;
      block.begin = units[first].pos;
      block.end = units[last - 1].pos + units[last - 1].len;
      folded.clear();
      for (size_t i = first; i < last; ++i) {
        folded.push_back(units[i].cp);
        ++block.code_points;
        if (IsLetter(units[i].cp)) ++block.letters;
      }
      // Hash the code points' little-endian bytes (stable on every host
      // that runs this: x86-64 and aarch64).
      block.hash = StableHash64(
          absl::string_view(reinterpret_cast<const char*>(folded.data()),
                            folded.size() * sizeof(uint32_t)),
          seed);
      blocks.push_back(block);
    }
    line_begin = line_end + 1;
  }
  return blocks;
}

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
