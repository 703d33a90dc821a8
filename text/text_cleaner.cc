#include "text/text_cleaner.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "re2/re2.h"
#include "text/char_class.h"
#include "text/hard_wrap.h"
#include "text/html_entities.h"
#include "text/utf8.h"

namespace gleaner {
namespace text {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr absl::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

// RE2 of this vintage takes re2::StringPiece, not absl::string_view.
inline re2::StringPiece Piece(absl::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// ---------------------------------------------------------------------------
// Encodings.

enum class Encoding { kUtf8, kCp949 };

absl::StatusOr<Encoding> ParseEncodingName(absl::string_view name) {
  std::string n = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  n.erase(std::remove(n.begin(), n.end(), '_'), n.end());
  n.erase(std::remove(n.begin(), n.end(), '-'), n.end());
  if (n == "utf8" || n == "unicode11utf8") return Encoding::kUtf8;
  // CP949 (Microsoft's UHC) is a superset of EUC-KR, so every alias of
  // either decodes with it.
  if (n == "cp949" || n == "euckr" || n == "uhc" || n == "ksc56011987" ||
      n == "windows949" || n == "xwindows949" || n == "ms949" ||
      n == "ksc5601" || n == "korean" || n == "cseuckr" || n == "ksx1001") {
    return Encoding::kCp949;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unsupported encoding '", name,
                   "': use utf-8, cp949 or euc-kr"));
}

// Finds a `<meta charset=...>` or `<meta http-equiv ... charset=...>`
// declaration near the start of an HTML page.
class MetaCharsetSniffer {
 public:
  MetaCharsetSniffer()
      : re_(R"((?i)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+))",
            Options()) {}
  bool Sniff(absl::string_view content, std::string* charset) const {
    return re_.ok() &&
           RE2::PartialMatch(Piece(content.substr(0, 4096)), re_, charset);
  }

 private:
  static RE2::Options Options() {
    RE2::Options o;
    o.set_log_errors(false);
    return o;
  }
  RE2 re_;
};

// Returns the offset of the first byte that is invalid UTF-8 or NUL, or
// npos. ASCII is checked eight bytes at a time.
size_t FindBadUtf8(absl::string_view data) {
  const auto* s = reinterpret_cast<const unsigned char*>(data.data());
  const size_t n = data.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      // No high bit set and no zero byte: eight plain ASCII characters.
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, s + i, 8);
        const bool high = (w & 0x8080808080808080ULL) != 0;
        const bool zero =
            ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
        if (high || zero) break;
        i += 8;
      }
      while (i < n && s[i] < 0x80) {
        if (s[i] == 0) return i;
        ++i;
      }
      continue;
    }
    // Hangul syllables and most CJK: a three-byte form with no overlong or
    // surrogate special case (leads E1..EC, EE, EF).
    if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && i + 2 < n &&
        (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const size_t len = Utf8CharLength(data, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string::npos;
}

// The result of decoding: UTF-8 text plus what is needed to map its offsets
// back to the source bytes.
struct Decoded {
  std::string owned;             // used when the text had to change
  absl::string_view text;        // the decoded UTF-8 text
  Encoding encoding = Encoding::kUtf8;
  size_t source_shift = 0;       // bytes dropped at the start (BOM)
  size_t replaced = 0;           // bytes replaced with U+FFFD
  std::vector<size_t> replacements;  // decoded offsets of each U+FFFD added
};

// Decodes UTF-8, replacing (or rejecting) invalid and NUL bytes. `bad` is
// FindBadUtf8(data), computed once by the caller.
absl::Status DecodeUtf8Source(absl::string_view data, size_t shift,
                              size_t bad, InvalidBytePolicy policy,
                              Decoded* out) {
  out->encoding = Encoding::kUtf8;
  out->source_shift = shift;
  if (bad == std::string::npos) {
    out->text = data;
    return absl::OkStatus();
  }
  if (policy == InvalidBytePolicy::kError) {
    if (data[bad] == '\0') {
      return absl::InvalidArgumentError(absl::StrCat(
          "NUL byte at byte offset ", bad + shift,
          ": the content looks like binary data, not text"));
    }
    return absl::InvalidArgumentError(
        absl::StrFormat("invalid UTF-8 byte 0x%02X at byte offset %d; declare "
                        "the encoding (e.g. cp949) or ask for replacement",
                        static_cast<unsigned char>(data[bad]), bad + shift));
  }
  const auto* s = reinterpret_cast<const unsigned char*>(data.data());
  std::string& o = out->owned;
  o.reserve(data.size() + 16);
  size_t i = 0;
  while (bad != std::string::npos) {
    o.append(data.data() + i, bad - i);
    out->replacements.push_back(o.size());
    o.append(kReplacementChar.data(), kReplacementChar.size());
    ++out->replaced;
    i = bad + 1;
    // Find the next bad byte from i.
    bad = std::string::npos;
    size_t j = i;
    const size_t n = data.size();
    while (j < n) {
      if (s[j] == 0) {
        bad = j;
        break;
      }
      const size_t len = Utf8CharLength(data, j);
      if (len == 0) {
        bad = j;
        break;
      }
      j += len;
    }
  }
  o.append(data.data() + i, data.size() - i);
  out->text = o;
  return absl::OkStatus();
}

// Decodes CP949 (a superset of EUC-KR) with glibc iconv. Every CP949
// character is one byte (ASCII) or two, which SourceMapper relies on.
absl::Status DecodeCp949(absl::string_view data, size_t shift,
                         InvalidBytePolicy policy, Decoded* out) {
  out->encoding = Encoding::kCp949;
  out->source_shift = shift;
  iconv_t cd = iconv_open("UTF-8", "CP949");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return absl::InternalError("iconv cannot convert from CP949");
  }
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string& o = out->owned;
  o.resize(data.size() * 3 / 2 + 16);
  size_t used = 0;
  size_t i = 0;
  // Writes U+FFFD for the byte at data[i] and steps over it.
  auto replace_byte = [&] {
    if (o.size() - used < 3) o.resize(used + 16);
    out->replacements.push_back(used);
    std::memcpy(&o[used], kReplacementChar.data(), 3);
    used += 3;
    ++out->replaced;
    ++i;
  };
  while (i < data.size()) {
    // NUL is valid CP949 but never text.
    const void* nul = std::memchr(data.data() + i, 0, data.size() - i);
    const size_t chunk_end =
        nul == nullptr ? data.size()
                       : static_cast<size_t>(static_cast<const char*>(nul) -
                                             data.data());
    while (i < chunk_end) {
      char* in = const_cast<char*>(data.data() + i);
      size_t in_left = chunk_end - i;
      if (o.size() - used < in_left * 2 + 8) o.resize(used + in_left * 2 + 8);
      char* outp = &o[used];
      size_t out_left = o.size() - used;
      const size_t rc = iconv(cd, &in, &in_left, &outp, &out_left);
      const int err = errno;
      used = o.size() - out_left;
      i = chunk_end - in_left;
      if (rc != static_cast<size_t>(-1)) break;
      if (err == E2BIG) continue;
      // EILSEQ or EINVAL (truncated pair at the end of the chunk).
      if (policy == InvalidBytePolicy::kError) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "invalid CP949 byte 0x%02X at byte offset %d",
            static_cast<unsigned char>(data[i]), i + shift));
      }
      replace_byte();
      iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
    }
    if (i < data.size() && data[i] == '\0') {
      if (policy == InvalidBytePolicy::kError) {
        return absl::InvalidArgumentError(absl::StrCat(
            "NUL byte at byte offset ", i + shift,
            ": the content looks like binary data, not text"));
      }
      replace_byte();
    }
  }
  o.resize(used);
  out->text = o;
  return absl::OkStatus();
}

// True when `data`, invalid as UTF-8, decodes cleanly as CP949 and reads as
// Korean: most non-ASCII characters are Hangul syllables.
bool LooksLikeCp949(absl::string_view data) {
  Decoded d;
  if (!DecodeCp949(data, 0, InvalidBytePolicy::kError, &d).ok()) return false;
  size_t hangul = 0;
  size_t other = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(d.text.data());
  for (size_t i = 0; i < d.text.size();) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    i += DecodeUtf8(d.text, i, &cp);
    if (IsHangulSyllable(cp)) {
      ++hangul;
    } else {
      ++other;
    }
  }
  return hangul >= 2 && hangul >= other;
}

// Maps offsets in the decoded text back to offsets in the original content.
// Calls must come with non-decreasing offsets (it walks forward); an earlier
// offset restarts the walk.
class SourceMapper {
 public:
  explicit SourceMapper(const Decoded& d) : d_(d) {}

  size_t Map(size_t dec) {
    if (d_.encoding == Encoding::kUtf8 && d_.replacements.empty()) {
      return dec + d_.source_shift;
    }
    if (dec < dp_) {
      dp_ = 0;
      sp_ = 0;
      rep_ = 0;
    }
    const auto* s = reinterpret_cast<const unsigned char*>(d_.text.data());
    const size_t n = d_.text.size();
    while (dp_ < dec && dp_ < n) {
      if (rep_ < d_.replacements.size() && d_.replacements[rep_] == dp_) {
        dp_ += 3;
        sp_ += 1;
        ++rep_;
        continue;
      }
      const unsigned char c = s[dp_];
      size_t len = c < 0x80 ? 1 : Utf8CharLength(d_.text, dp_);
      if (len == 0) len = 1;
      dp_ += len;
      sp_ += d_.encoding == Encoding::kCp949 ? (c < 0x80 ? 1 : 2) : len;
    }
    return sp_ + d_.source_shift;
  }

 private:
  const Decoded& d_;
  size_t dp_ = 0;
  size_t sp_ = 0;
  size_t rep_ = 0;
};

// ---------------------------------------------------------------------------
// HTML.

inline bool IsHtmlSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool NameIn(absl::string_view name, std::initializer_list<absl::string_view>
                                         names) {
  for (absl::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

// Elements whose content is never text.
bool IsRawSkipElement(absl::string_view name) {
  return NameIn(name, {"script", "style", "noscript", "template", "svg",
                       "math", "iframe", "object", "select", "textarea"});
}
// Elements that never have content or an end tag.
bool IsVoidElement(absl::string_view name) {
  return NameIn(name, {"area", "base", "br", "col", "embed", "hr", "img",
                       "input", "link", "meta", "param", "source", "track",
                       "wbr", "keygen"});
}
// Inline formatting elements: they do not end a text run, so a link or a
// bold word stays inside its sentence. (An image does end one: text on its
// two sides is a caption and a paragraph, not one sentence.)
bool IsInlineElement(absl::string_view name) {
  return NameIn(name, {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data",
                       "dfn", "em", "font", "i", "kbd", "mark", "q", "rp",
                       "rt", "ruby", "s", "samp", "small", "span", "strike",
                       "strong", "sub", "sup", "time", "tt", "u", "var",
                       "wbr", "label", "nobr", "ins", "del"});
}
// Elements that hold page chrome.
bool IsChromeElement(absl::string_view name) {
  return NameIn(name, {"nav", "footer", "aside", "form", "button", "menu"});
}

// Returns true when a class or id value names page chrome.
bool IsChromeClass(absl::string_view value) {
  static constexpr absl::string_view kWords[] = {
      "comment", "reply", "share", "sns", "footer", "nav", "gnb", "lnb",
      "menu", "breadcrumb", "related", "copyright", "subscribe", "banner",
      "advert", "sidebar", "popular", "ranking", "login", "social", "toolbar",
  };
  const std::string lower = absl::AsciiStrToLower(value);
  for (absl::string_view w : kWords) {
    if (absl::StrContains(lower, w)) return true;
  }
  return false;
}

// Reads the class and id attribute values in a start tag's attribute text.
bool TagHasChromeClass(absl::string_view attrs) {
  if (attrs.size() > 4096) attrs = attrs.substr(0, 4096);
  size_t i = 0;
  while (i < attrs.size()) {
    // Attribute name.
    while (i < attrs.size() && !IsAsciiAlpha(attrs[i])) {
      if (attrs[i] == '"' || attrs[i] == '\'') {
        const size_t q = attrs.find(attrs[i], i + 1);
        if (q == absl::string_view::npos) return false;
        i = q;
      }
      ++i;
    }
    const size_t name_begin = i;
    while (i < attrs.size() &&
           (IsAsciiAlnum(attrs[i]) || attrs[i] == '-' || attrs[i] == '_' ||
            attrs[i] == ':')) {
      ++i;
    }
    const std::string name =
        absl::AsciiStrToLower(attrs.substr(name_begin, i - name_begin));
    while (i < attrs.size() && IsHtmlSpace(attrs[i])) ++i;
    if (i >= attrs.size() || attrs[i] != '=') continue;
    ++i;
    while (i < attrs.size() && IsHtmlSpace(attrs[i])) ++i;
    size_t vb = i;
    size_t ve;
    if (i < attrs.size() && (attrs[i] == '"' || attrs[i] == '\'')) {
      const size_t q = attrs.find(attrs[i], i + 1);
      vb = i + 1;
      ve = q == absl::string_view::npos ? attrs.size() : q;
      i = ve + 1;
    } else {
      while (i < attrs.size() && !IsHtmlSpace(attrs[i]) && attrs[i] != '>') ++i;
      ve = i;
    }
    if ((name == "class" || name == "id") &&
        IsChromeClass(attrs.substr(vb, ve - vb))) {
      return true;
    }
  }
  return false;
}

// Returns true for a character reference that stands for white space the
// text keeps as one collapsible space: the HTML spaces (`&Tab;`, `&#32;`),
// the no-break space and the typographic spaces (`&nbsp;`, `&ensp;`,
// `&emsp;`, `&thinsp;`), which news pages use between words.
bool IsSpaceReference(const CharacterReference& ref) {
  if (ref.count != 1) return false;
  const char32_t c = ref.code_points[0];
  return (c < 0x80 && IsHtmlSpace(static_cast<unsigned char>(c))) ||
         c == 0xA0 || c == 0x2002 || c == 0x2003 || c == 0x2009;
}

// Builds the cleaned text of an HTML page: one line per text run.
class HtmlToText {
 public:
  HtmlToText(absl::string_view html, std::string* text,
             std::vector<TextBlock>* blocks)
      : html_(html), text_(*text), blocks_(*blocks) {}

  void Run() {
    const auto* s = reinterpret_cast<const unsigned char*>(html_.data());
    const size_t n = html_.size();
    size_t i = 0;
    while (i < n) {
      const unsigned char c = s[i];
      if (c == '<') {
        i = Tag(i);
        continue;
      }
      if (c == '&') {
        const CharacterReference ref = DecodeCharacterReference(html_, i);
        if (ref.length > 0) {
          if (IsSpaceReference(ref)) {
            Space();
          } else {
            std::string buf;
            for (int k = 0; k < ref.count; ++k) {
              AppendUtf8(ref.code_points[k], &buf);
            }
            Append(buf, i, i + ref.length);
          }
          i += ref.length;
          continue;
        }
        Append(html_.substr(i, 1), i, i + 1);
        ++i;
        continue;
      }
      if (IsHtmlSpace(c)) {
        Space();
        ++i;
        continue;
      }
      if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {  // raw NBSP
        Space();
        i += 2;
        continue;
      }
      // A run of ordinary bytes.
      size_t j = i + 1;
      while (j < n && s[j] != '<' && s[j] != '&' && !IsHtmlSpace(s[j]) &&
             s[j] != 0xC2) {
        ++j;
      }
      Append(html_.substr(i, j - i), i, j);
      i = j;
    }
    Break();
  }

 private:
  struct Open {
    std::string name;
    bool chrome;
  };

  void Space() {
    if (in_run_) pending_space_ = true;
  }

  void Append(absl::string_view bytes, size_t src_begin, size_t src_end) {
    if (!in_run_) {
      if (!text_.empty()) text_.push_back('\n');
      in_run_ = true;
      run_begin_ = text_.size();
      run_src_begin_ = src_begin;
      run_chrome_ = chrome_depth_ > 0;
    } else if (pending_space_) {
      text_.push_back(' ');
    }
    pending_space_ = false;
    text_.append(bytes.data(), bytes.size());
    run_src_end_ = src_end;
  }

  void Break() {
    if (!in_run_) return;
    TextBlock b;
    b.begin = run_begin_;
    b.end = text_.size();
    b.boilerplate = run_chrome_;
    b.source_begin = run_src_begin_;
    b.source_end = run_src_end_;
    blocks_.push_back(b);
    in_run_ = false;
    pending_space_ = false;
  }

  // Skips past the first `>` at or after i, honouring quoted attribute
  // values; returns n when there is none.
  size_t TagEnd(size_t i) const {
    const size_t n = html_.size();
    while (i < n) {
      const char c = html_[i];
      if (c == '>') return i + 1;
      if (c == '"' || c == '\'') {
        const size_t q = html_.find(c, i + 1);
        if (q == absl::string_view::npos) {
          // Unbalanced quote: fall back to the next `>`.
          const size_t gt = html_.find('>', i + 1);
          return gt == absl::string_view::npos ? n : gt + 1;
        }
        i = q + 1;
        continue;
      }
      ++i;
    }
    return n;
  }

  // Handles markup at html_[i] == '<' and returns where text resumes.
  size_t Tag(size_t i) {
    const size_t n = html_.size();
    if (i + 1 >= n) {
      Append(html_.substr(i, 1), i, i + 1);
      return i + 1;
    }
    const unsigned char c1 = html_[i + 1];
    // Comments, and the markup the HTML tokenizer reads as bogus comments
    // (`<!DOCTYPE>`, `<![CDATA[...]]>` outside SVG/MathML, `<?xml?>`,
    // `</ x>`), are invisible: they neither add text nor end a run.
    if (c1 == '!') {
      if (html_.compare(i, 4, "<!--") == 0) return CommentEnd(i + 4);
      return BogusCommentEnd(i + 2);
    }
    if (c1 == '?') return BogusCommentEnd(i + 2);
    const bool closing = c1 == '/';
    const size_t name_begin = i + (closing ? 2 : 1);
    if (name_begin >= n || !IsAsciiAlpha(html_[name_begin])) {
      if (closing) return BogusCommentEnd(name_begin);  // `</ >`, `</>`
      Append(html_.substr(i, 1), i, i + 1);   // a literal `<`, as in `a < b`
      return i + 1;
    }
    size_t j = name_begin;
    while (j < n && (IsAsciiAlnum(html_[j]) || html_[j] == '-' ||
                     html_[j] == ':' || html_[j] == '_')) {
      ++j;
    }
    std::string name = absl::AsciiStrToLower(html_.substr(name_begin,
                                                          j - name_begin));
    const size_t end = TagEnd(j);
    const bool inline_element = IsInlineElement(name);
    if (!inline_element) Break();
    if (closing) {
      PopElement(name);
      return end;
    }
    const bool self_closing = end >= 2 && html_[end - 2] == '/';
    if (IsRawSkipElement(name) && !self_closing) {
      const size_t resume = SkipRawText(name, end);
      if (resume != absl::string_view::npos) return resume;
      // No end tag: a browser would drop the rest after <script>/<style>;
      // for the others, keep the text that follows.
      return (name == "script" || name == "style") ? n : end;
    }
    if (!inline_element && !IsVoidElement(name) && !self_closing) {
      const bool chrome =
          IsChromeElement(name) ||
          TagHasChromeClass(html_.substr(j, end > j ? end - j : 0));
      PushElement(std::move(name), chrome);
    }
    return end;
  }

  // Returns where the comment whose text starts at html_[i] (after `<!--`)
  // ends: after `-->` or `--!>`; `<!-->` and `<!--->` are empty comments.
  size_t CommentEnd(size_t i) const {
    if (html_.compare(i, 1, ">") == 0) return i + 1;
    if (html_.compare(i, 2, "->") == 0) return i + 2;
    for (size_t j = html_.find("--", i); j != absl::string_view::npos;
         j = html_.find("--", j + 1)) {
      if (html_.compare(j + 2, 1, ">") == 0) return j + 3;
      if (html_.compare(j + 2, 2, "!>") == 0) return j + 4;
    }
    return html_.size();
  }

  // Returns where a bogus comment ends: after the first `>`, quotes or not.
  size_t BogusCommentEnd(size_t i) const {
    const size_t gt = html_.find('>', i);
    return gt == absl::string_view::npos ? html_.size() : gt + 1;
  }

  // Skips the content of a raw-text element up to its end tag; returns npos
  // when there is no end tag. Remembers names without one, so a page of
  // unclosed `<textarea>`s is not searched to the end again and again.
  size_t SkipRawText(absl::string_view name, size_t i) {
    for (const std::string& missing : missing_end_tags_) {
      if (missing == name) return absl::string_view::npos;
    }
    const size_t found =
        name == "script" ? FindScriptEnd(i) : FindRawTextEnd(name, i);
    if (found == absl::string_view::npos) {
      missing_end_tags_.emplace_back(name);
    }
    return found;
  }

  size_t FindRawTextEnd(absl::string_view name, size_t i) const {
    const size_t n = html_.size();
    while (i < n) {
      const size_t lt = html_.find("</", i);
      if (lt == absl::string_view::npos) return absl::string_view::npos;
      const size_t nb = lt + 2;
      if (nb + name.size() <= n) {
        bool match = true;
        for (size_t k = 0; k < name.size(); ++k) {
          if (absl::ascii_tolower(html_[nb + k]) != name[k]) {
            match = false;
            break;
          }
        }
        const size_t after = nb + name.size();
        if (match && (after == n || !IsAsciiAlnum(html_[after]))) {
          return TagEnd(after);
        }
      }
      i = lt + 2;
    }
    return absl::string_view::npos;
  }

  // Returns true if html_[i] starts `name` (lower case) as a tag name that
  // the tokenizer ends there: followed by white space, `/` or `>`.
  bool TagNameAt(size_t i, absl::string_view name) const {
    const size_t after = i + name.size();
    if (after >= html_.size()) return false;
    for (size_t k = 0; k < name.size(); ++k) {
      if (absl::ascii_tolower(html_[i + k]) != name[k]) return false;
    }
    const char c = html_[after];
    return IsHtmlSpace(c) || c == '/' || c == '>';
  }

  // Finds the end of a script's content as the HTML tokenizer's script data
  // states do: inside `<!-- ... -->` a `<script>` nests ("double escaped"),
  // so `document.write('<script>..</script>')` in an old-style commented
  // script does not end the outer one. Returns where text resumes, or npos.
  size_t FindScriptEnd(size_t i) const {
    enum class State { kData, kEscaped, kDoubleEscaped };
    State state = State::kData;
    for (size_t p = html_.find_first_of("<-", i); p != absl::string_view::npos;
         p = html_.find_first_of("<-", p + 1)) {
      if (html_[p] == '-') {
        if (state != State::kData && html_.compare(p, 3, "-->") == 0) {
          state = State::kData;
          p += 2;
        }
        continue;
      }
      if (html_.compare(p, 4, "<!--") == 0) {
        if (state == State::kData && html_.compare(p + 4, 1, ">") != 0) {
          state = State::kEscaped;
        }
        p += 3;
        continue;
      }
      if (html_.compare(p, 2, "</") == 0 && TagNameAt(p + 2, "script")) {
        if (state != State::kDoubleEscaped) return TagEnd(p + 8);
        state = State::kEscaped;
        continue;
      }
      if (state == State::kEscaped && TagNameAt(p + 1, "script")) {
        state = State::kDoubleEscaped;
      }
    }
    return absl::string_view::npos;
  }

  void PushElement(std::string name, bool chrome) {
    constexpr size_t kMaxDepth = 512;  // deeper nesting is not tracked
    if (stack_.size() >= kMaxDepth) return;
    if (chrome) ++chrome_depth_;
    stack_.push_back({std::move(name), chrome});
  }

  void PopElement(absl::string_view name) {
    constexpr size_t kMaxSearch = 64;  // bounds the work per end tag
    for (size_t k = 0; k < stack_.size() && k < kMaxSearch; ++k) {
      const size_t idx = stack_.size() - 1 - k;
      if (stack_[idx].name != name) continue;
      for (size_t m = idx; m < stack_.size(); ++m) {
        if (stack_[m].chrome) --chrome_depth_;
      }
      stack_.resize(idx);
      return;
    }
  }

  absl::string_view html_;
  std::string& text_;
  std::vector<TextBlock>& blocks_;
  std::vector<Open> stack_;
  std::vector<std::string> missing_end_tags_;
  int chrome_depth_ = 0;
  bool in_run_ = false;
  bool pending_space_ = false;
  bool run_chrome_ = false;
  size_t run_begin_ = 0;
  size_t run_src_begin_ = 0;
  size_t run_src_end_ = 0;
};

// Appends one block per non-empty line of plain text, trimmed.
void PlainTextBlocks(absl::string_view text, std::vector<TextBlock>* blocks) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t line = 0;
  while (line < n) {
    size_t e = line;
    while (e < n && s[e] != '\n' && s[e] != '\r') {
      const void* p = std::memchr(s + e, '\n', n - e);
      const size_t nl = p == nullptr ? n : static_cast<const unsigned char*>(p) - s;
      const void* q = std::memchr(s + e, '\r', nl - e);
      e = q == nullptr ? nl : static_cast<const unsigned char*>(q) - s;
    }
    size_t b = line;
    size_t t = e;
    // Trim ASCII whitespace, NBSP (C2 A0) and the ideographic space (E3 80 80).
    for (;;) {
      if (b < t && (s[b] == ' ' || s[b] == '\t' || s[b] == '\v' ||
                    s[b] == '\f')) {
        ++b;
      } else if (b + 1 < t && s[b] == 0xC2 && s[b + 1] == 0xA0) {
        b += 2;
      } else if (b + 2 < t && s[b] == 0xE3 && s[b + 1] == 0x80 &&
                 s[b + 2] == 0x80) {
        b += 3;
      } else {
        break;
      }
    }
    for (;;) {
      if (t > b && (s[t - 1] == ' ' || s[t - 1] == '\t' || s[t - 1] == '\v' ||
                    s[t - 1] == '\f')) {
        --t;
      } else if (t >= b + 2 && s[t - 2] == 0xC2 && s[t - 1] == 0xA0) {
        t -= 2;
      } else if (t >= b + 3 && s[t - 3] == 0xE3 && s[t - 2] == 0x80 &&
                 s[t - 1] == 0x80) {
        t -= 3;
      } else {
        break;
      }
    }
    if (t > b) {
      TextBlock block;
      block.begin = b;
      block.end = t;
      block.source_begin = b;
      block.source_end = t;
      blocks->push_back(block);
    }
    line = e + 1;
  }
}

// Builds the text of hard-wrapped plain text: `decoded` without the line
// breaks in `breaks` (in order), with blocks whose source offsets are in
// `decoded`'s coordinates like PlainTextBlocks' (SourceMapper maps them on).
void UnwrapPlainText(absl::string_view decoded,
                     const std::vector<LineBreak>& breaks, std::string* text,
                     std::vector<TextBlock>* blocks) {
  std::vector<size_t> at;       // where each deletion is, in `text`
  std::vector<size_t> removed;  // bytes deleted up to and including each
  text->reserve(decoded.size());
  size_t copied = 0, total = 0;
  for (const LineBreak& b : breaks) {
    text->append(decoded.data() + copied, b.begin - copied);
    at.push_back(text->size());
    total += b.end - b.begin;
    removed.push_back(total);
    copied = b.end;
  }
  text->append(decoded.data() + copied, decoded.size() - copied);
  PlainTextBlocks(*text, blocks);
  // A deletion lies inside a block, never at its edge (the line before it
  // is full and the line after it is not blank), so `<` and `<=` agree.
  auto to_source = [&](size_t pos) {
    const size_t k = std::lower_bound(at.begin(), at.end(), pos) - at.begin();
    return pos + (k == 0 ? 0 : removed[k - 1]);
  };
  for (TextBlock& block : *blocks) {
    block.source_begin = to_source(block.begin);
    block.source_end = to_source(block.end);
  }
}

// Text rules for page chrome, compiled once (CleanDocument is a free
// function, so a function-local static plays the role of Create()).
class BoilerplateRules {
 public:
  static const BoilerplateRules& Get() {
    static const BoilerplateRules* const rules = new BoilerplateRules();
    return *rules;
  }

  bool Matches(absl::string_view line) const {
    const re2::StringPiece piece = Piece(line);
    if (line.size() <= 120 && RE2::FullMatch(piece, *ui_)) return true;
    if (line.size() <= 300 && RE2::PartialMatch(piece, *short_)) return true;
    if (line.size() <= 1200 && RE2::PartialMatch(piece, *strong_)) return true;
    return false;
  }

 private:
  static std::unique_ptr<const RE2> Compile(absl::string_view pattern) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(false);
    auto re = std::make_unique<const RE2>(Piece(pattern), o);
    return re;
  }

  BoilerplateRules()
      // A whole line that is a UI word: navigation, share, login, paging.
      : ui_(Compile(
            R"(\s*(?:검색|검색어|최근\s*검색어|전체\s*삭제|로그인|로그아웃|)"
            R"(회원\s*가입|📬?\s*구독(?:하기)?|공유(?:하기)?|스크랩|인쇄|)"
            R"(목록|이전|다음|이전\s*글|다음\s*글|위로|맨\s*위로|top|닫기|)"
            R"(메뉴|전체\s*메뉴|홈|home|더\s*보기|좋아요|댓글|tags?|태그|)"
            R"(기사\s*목록|뒤로|본문\s*바로\s*가기|바로\s*가기|share|)"
            R"(facebook|twitter|kakao(?:talk)?|카카오톡|페이스북|트위터|)"
            R"(링크\s*복사|url\s*복사|subscribe|login|sign\s*in|menu|)"
            R"([\-|•·*=_~#>]+|)"
            // A bare date or count: list timestamps, result counters.
            R"(\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|)"
            R"([\d,]+|)"
            // A category crumb such as `- 포커스온` or `- IT/바이오`.
            R"(-\s*[^\s.?!]{1,12}(?:/[^\s.?!]{1,12})?)\s*)")),
        // Short lines: search-box text, subscribe links, footer addresses.
        short_(Compile(
            R"(검색\s*기록|검색어\s*저장|저장된\s*검색어|찾아보고\s*싶은\s*뉴스|)"
            R"(구독하기|뉴스레터\s*구독|기사\s*(?:공유|스크랩)|글자\s*크기|)"
            R"(많이\s*본\s*뉴스|인기\s*기사|실시간\s*인기|관련\s*기사\s*더\s*보기|)"
            R"(\bkorea\s+\d{5}\b|^\s*(?:copyright|ⓒ|©))")),
        // Phrases that only page chrome uses, at any reasonable length.
        strong_(Compile(
            R"(무단\s*전재|재배포\s*(?:및\s*)?금지|무단\s*복제|)"
            R"(all\s+rights\s+reserved|저작권자\s*[©ⓒ]|)"
            R"(등록된\s*댓글이\s*없습니다|로그인한\s*회원만|댓글을\s*입력|)"
            R"(unsubscribe|you\s+are\s+receiving\s+this|수신\s*거부|)"
            R"(구독\s*(?:해지|취소))")) {}

  std::unique_ptr<const RE2> ui_;
  std::unique_ptr<const RE2> short_;
  std::unique_ptr<const RE2> strong_;
};

}  // namespace

bool IsBoilerplateLine(absl::string_view line) {
  return BoilerplateRules::Get().Matches(line);
}

bool LooksLikeHtml(absl::string_view content) {
  // Known tag names after `<` or `</`; a page needs a few of them, or a
  // document-level marker, so `a <b> c` in prose is not HTML.
  static constexpr absl::string_view kTags[] = {
      "p", "div", "br", "span", "a", "img", "li", "ul", "ol", "table", "tr",
      "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
      "figure", "figcaption", "header", "footer", "nav", "script", "style",
      "meta", "link", "strong", "em", "b", "i", "blockquote", "body", "head",
      "html", "title", "form", "input", "button", "iframe", "main", "aside",
      "font", "center", "hr", "dl", "dt", "dd", "pre", "tbody", "thead",
  };
  const absl::string_view head = content.substr(0, 65536);
  int tags = 0;
  size_t i = 0;
  while ((i = head.find('<', i)) != absl::string_view::npos) {
    ++i;
    if (i >= head.size()) break;
    if (head[i] == '!') {
      const absl::string_view rest = head.substr(i + 1, 7);
      if (absl::StartsWithIgnoreCase(rest, "doctype") ||
          absl::StartsWith(rest, "--")) {
        tags += 2;
      }
      continue;
    }
    size_t j = i + (head[i] == '/' ? 1 : 0);
    const size_t nb = j;
    while (j < head.size() && IsAsciiAlnum(head[j])) ++j;
    if (j == nb || j >= head.size()) continue;
    if (head[j] != '>' && head[j] != ' ' && head[j] != '/' &&
        !IsHtmlSpace(head[j])) {
      continue;
    }
    const std::string name = absl::AsciiStrToLower(head.substr(nb, j - nb));
    for (absl::string_view t : kTags) {
      if (name == t) {
        tags += (name == "html" || name == "body" || name == "head") ? 3 : 1;
        break;
      }
    }
    if (tags >= 3) return true;
  }
  return tags >= 3;
}

absl::StatusOr<CleanedText> CleanDocument(absl::string_view content,
                                          const CleanOptions& options) {
  if (content.size() > options.max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("document of ", content.size(), " bytes exceeds the ",
                     options.max_bytes, "-byte limit"));
  }
  CleanedText result;
  result.source_encoding = "utf-8";
  result.content_type = options.content_type == ContentType::kHtml
                            ? ContentType::kHtml
                            : ContentType::kPlainText;
  if (content.empty()) return result;

  // 1. Encoding: BOM, then the declared name, then <meta charset>, then
  //    UTF-8 (or CP949 when the bytes only make sense that way).
  size_t shift = 0;
  absl::string_view body = content;
  if (absl::StartsWith(body, kUtf8Bom)) {
    shift = kUtf8Bom.size();
    body.remove_prefix(shift);
  } else if (absl::StartsWith(body, "\xFF\xFE") ||
             absl::StartsWith(body, "\xFE\xFF")) {
    return absl::InvalidArgumentError(
        "UTF-16 content (byte-order mark at offset 0) is not supported; "
        "send UTF-8, CP949 or EUC-KR");
  }
  Encoding encoding = Encoding::kUtf8;
  bool detect = false;
  if (shift == 0 && !options.encoding.empty()) {
    auto parsed = ParseEncodingName(options.encoding);
    if (!parsed.ok()) return parsed.status();
    encoding = *parsed;
  } else if (shift == 0) {
    detect = true;
    std::string charset;
    static const MetaCharsetSniffer* const sniffer = new MetaCharsetSniffer();
    if (options.content_type != ContentType::kPlainText &&
        sniffer->Sniff(body, &charset)) {
      auto parsed = ParseEncodingName(charset);
      // An unknown declared charset is ignored: the bytes decide. So is a
      // CP949 declaration on bytes that are valid UTF-8: crawlers transcode
      // pages without fixing the <meta>, and real CP949 Korean text is
      // practically never valid UTF-8.
      if (parsed.ok() &&
          !(*parsed == Encoding::kCp949 &&
            FindBadUtf8(body) == std::string::npos)) {
        encoding = *parsed;
        detect = false;
      }
    }
  } else if (!options.encoding.empty()) {
    // A BOM wins over the declared name, but the name must still be valid.
    auto parsed = ParseEncodingName(options.encoding);
    if (!parsed.ok()) return parsed.status();
  }

  Decoded decoded;
  const size_t bad =
      encoding == Encoding::kUtf8 ? FindBadUtf8(body) : std::string::npos;
  if (encoding == Encoding::kUtf8 && detect && bad != std::string::npos &&
      LooksLikeCp949(body)) {
    encoding = Encoding::kCp949;
  }
  if (encoding == Encoding::kUtf8) {
    absl::Status st =
        DecodeUtf8Source(body, shift, bad, options.invalid_bytes, &decoded);
    if (!st.ok()) return st;
  } else {
    absl::Status st = DecodeCp949(body, shift, options.invalid_bytes, &decoded);
    if (!st.ok()) return st;
  }
  result.source_encoding = encoding == Encoding::kUtf8 ? "utf-8" : "cp949";
  result.replaced_bytes = decoded.replaced;
  // Replacement is for stray bad bytes; content that is mostly undecodable
  // is binary, and turning it into U+FFFD soup would be silent garbage.
  if (decoded.replaced > 16 && decoded.replaced * 4 > body.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "content looks like binary data: ", decoded.replaced, " of ",
        body.size(), " bytes do not decode as ", result.source_encoding));
  }

  // 2. Content type.
  bool html = options.content_type == ContentType::kHtml;
  if (options.content_type == ContentType::kAuto) {
    html = LooksLikeHtml(decoded.text);
  }
  result.content_type = html ? ContentType::kHtml : ContentType::kPlainText;

  // 3. Text and blocks (block source offsets are in decoded coordinates
  //    until mapped below).
  if (html) {
    result.text.reserve(decoded.text.size() / 2);
    HtmlToText(decoded.text, &result.text, &result.blocks).Run();
  } else {
    const std::vector<LineBreak> breaks =
        options.unwrap_hard_wraps ? FindHardWrapBreaks(decoded.text)
                                  : std::vector<LineBreak>();
    if (breaks.empty()) {
      result.text.assign(decoded.text.data(), decoded.text.size());
      PlainTextBlocks(result.text, &result.blocks);
    } else {
      UnwrapPlainText(decoded.text, breaks, &result.text, &result.blocks);
      result.unwrapped_breaks = breaks.size();
    }
  }

  // 4. Boilerplate and source offsets.
  SourceMapper mapper(decoded);
  const absl::string_view text = result.text;
  for (TextBlock& b : result.blocks) {
    if (options.mark_boilerplate && !b.boilerplate) {
      b.boilerplate = IsBoilerplateLine(text.substr(b.begin, b.end - b.begin));
    }
    if (!options.mark_boilerplate) b.boilerplate = false;
    b.source_begin = mapper.Map(b.source_begin);
    b.source_end = mapper.Map(b.source_end);
  }
  return result;
}

}  // namespace text
}  // namespace gleaner
