#include "workers/metadata/page_metadata.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "services/common/status_macros.h"
#include "workers/extract/dates/dates_data.h"

namespace gleaner {
namespace workers {
namespace metadata {
namespace {

using extract::dates::DateExpression;
using extract::dates::Form;
using extract::dates::Grain;

// Bytes of the page searched for header lines and date labels: they sit
// at the top.
constexpr size_t kHeadBytes = 4096;
// Titles from the text are at most this long; longer first lines are body.
constexpr size_t kMaxTitleBytes = 300;
constexpr size_t kMinTitleBytes = 10;

// Debian's RE2 speaks re2::StringPiece, not absl::string_view.
re2::StringPiece Piece(absl::string_view s) { return re2::StringPiece(s.data(), s.size()); }
absl::string_view View(re2::StringPiece s) { return absl::string_view(s.data(), s.size()); }

// Whether `text` contains `lower_word` (lower-case ASCII) in any ASCII case,
// without the lower-cased copy of every line that AsciiStrToLower makes.
bool ContainsIgnoringAsciiCase(absl::string_view text, absl::string_view lower_word) {
  if (lower_word.empty()) return true;
  for (size_t i = 0; i + lower_word.size() <= text.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(text[i])) == lower_word[0] &&
        absl::EqualsIgnoreCase(text.substr(i, lower_word.size()), lower_word)) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<std::unique_ptr<const RE2>> Compile(absl::string_view pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<const RE2>(Piece(pattern), options);
  if (!re->ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad pattern ", pattern, ": ", re->error()));
  }
  return re;
}

// The few entities that appear in attribute values and titles.
std::string DecodeEntities(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"&amp;", "&"},
                                 {"&lt;", "<"},
                                 {"&gt;", ">"},
                                 {"&quot;", "\""},
                                 {"&#39;", "'"},
                                 {"&#x27;", "'"},
                                 {"&nbsp;", " "}});
}

// Entities decoded, runs of whitespace collapsed, ends trimmed.
std::string CleanValue(absl::string_view s) {
  std::string decoded = DecodeEntities(s);
  std::string out;
  bool space = false;
  for (char c : decoded) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void Set(MetadataValue& field, std::string value, Source source,
         std::string key, size_t begin = 0, size_t end = 0) {
  if (field.found() || value.empty()) return;  // the first source wins
  field.value = std::move(value);
  field.source = source;
  field.key = std::move(key);
  field.begin = begin;
  field.end = end;
}

// The first non-empty capture of a match with alternative groups.
absl::string_view Either(re2::StringPiece a, re2::StringPiece b) {
  return View(a.data() != nullptr ? a : b);
}

}  // namespace

std::string PublicationValue(const DateExpression& e,
                             std::optional<int> year_hint) {
  const extract::dates::DateFields& f = e.fields;
  if (f.month == 0 || f.day == 0 || (e.grain != Grain::kDay && e.grain != Grain::kTime)) {
    return "";
  }
  const int year = f.year != 0 ? f.year : year_hint.value_or(0);
  std::string out = year != 0 ? absl::StrFormat("%04d-%02d-%02d", year, f.month, f.day)
                              : absl::StrFormat("--%02d-%02d", f.month, f.day);
  if (e.grain == Grain::kTime && f.hour >= 0 && year != 0) {
    absl::StrAppendFormat(&out, "T%02d:%02d:%02d", f.hour, std::max(f.minute, 0),
                          std::max(f.second, 0));
    // A page that names no zone is read as Korean time.
    absl::StrAppend(&out, e.utc_offset.empty() ? "+09:00" : e.utc_offset);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<PageMetadataReader>> PageMetadataReader::Create() {
  std::unique_ptr<PageMetadataReader> r(new PageMetadataReader());
  GLEANER_ASSIGN_OR_RETURN(r->dates_, extract::dates::DateExtractor::Create());
  using extract::dates::DatesDataFile;
  using extract::dates::ReadWordList;
  using extract::dates::WordListRow;
  GLEANER_ASSIGN_OR_RETURN(absl::string_view labels, DatesDataFile("date_labels.tsv"));
  GLEANER_ASSIGN_OR_RETURN(std::vector<WordListRow> rows,
                           ReadWordList("date_labels.tsv", labels, 2));
  for (const WordListRow& row : rows) {
    if (row.fields[1] != "published" && row.fields[1] != "updated") {
      return absl::InvalidArgumentError(absl::StrCat(
          "date_labels.tsv:", row.line, ": meaning must be published or updated"));
    }
    r->labels_.emplace_back(std::string(row.fields[0]), row.fields[1] == "published");
  }
  std::stable_sort(r->labels_.begin(), r->labels_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  GLEANER_ASSIGN_OR_RETURN(absl::string_view titles, DatesDataFile("byline_titles.tsv"));
  GLEANER_ASSIGN_OR_RETURN(rows, ReadWordList("byline_titles.tsv", titles, 1));
  for (const WordListRow& row : rows) r->byline_titles_.emplace_back(row.fields[0]);
  std::stable_sort(r->byline_titles_.begin(), r->byline_titles_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  std::vector<std::string> quoted_titles;
  for (const std::string& title : r->byline_titles_) quoted_titles.push_back(RE2::QuoteMeta(title));
  GLEANER_ASSIGN_OR_RETURN(r->any_byline_title_re_, Compile(absl::StrJoin(quoted_titles, "|")));

  // Attribute values in single or double quotes: two alternative groups.
  constexpr absl::string_view kQuoted = R"re((?:"([^"]*)"|'([^']*)'))re";
  GLEANER_ASSIGN_OR_RETURN(r->title_re_, Compile(R"((?is)<title[^>]*>(.*?)</title>)"));
  GLEANER_ASSIGN_OR_RETURN(r->meta_re_, Compile(R"re((?is)(<meta\s[^>]*>))re"));
  GLEANER_ASSIGN_OR_RETURN(
      r->attr_name_re_,
      Compile(R"re((?i)\b(?:property|name|itemprop)\s*=\s*["']?([A-Za-z:_.\-]+))re"));
  GLEANER_ASSIGN_OR_RETURN(r->content_re_,
                           Compile(absl::StrCat(R"((?is)\bcontent\s*=\s*)", kQuoted)));
  GLEANER_ASSIGN_OR_RETURN(r->link_re_, Compile(R"re((?is)(<link\s[^>]*>))re"));
  GLEANER_ASSIGN_OR_RETURN(r->rel_canonical_re_, Compile(R"((?i)\brel\s*=\s*["']?canonical)"));
  GLEANER_ASSIGN_OR_RETURN(r->href_re_, Compile(absl::StrCat(R"((?is)\bhref\s*=\s*)", kQuoted)));
  GLEANER_ASSIGN_OR_RETURN(
      r->html_lang_re_,
      Compile(R"re((?is)<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*))re"));
  GLEANER_ASSIGN_OR_RETURN(
      r->json_ld_re_, Compile(R"((?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>)"));
  // After a header date: `| Vol. 25-47`, `No. 112`, `제112호`.
  GLEANER_ASSIGN_OR_RETURN(
      r->volume_re_,
      Compile(R"re((?i)^[\s|·]*(?:(?:vol|no)\.?\s*([0-9][0-9A-Za-z.\-]*)|제\s*([0-9]+)\s*호))re"));
  // `Copyright © 디지털타임스.`, `ⓒ 더밀크`, `(c) 2025 The Miilk. All rights`.
  GLEANER_ASSIGN_OR_RETURN(
      r->copyright_re_,
      Compile(R"re((?i)(?:copyright\s*)?(?:©|ⓒ|\(c\))\s*(?:[0-9]{4}\s*)?([^.|\n]{2,40}?)\s*(?:\.|all rights|무단|$))re"));
  // A date in a URL path or file name: 202602/01, 2026/02/01, 20260201.
  GLEANER_ASSIGN_OR_RETURN(
      r->url_date_re_, Compile(R"re((?:/|\b)(20[0-9]{2})/?(0[1-9]|1[0-2])/?([0-3][0-9]))re"));
  // `김영욱 기자`, then an optional e-mail address; the title must end the
  // word (`기자들과` is no byline).
  GLEANER_ASSIGN_OR_RETURN(
      r->byline_re_,
      Compile(absl::StrCat(R"((?:^|[^가-힣])([가-힣]{2,4}) ?(?:)",
                           absl::StrJoin(r->byline_titles_, "|"),
                           R"()(?:[^가-힣]|$)\s*([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+)?)")));
  GLEANER_ASSIGN_OR_RETURN(
      r->iso_re_,
      Compile(R"(^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?\s*(Z|[+\-][0-9]{2}:?[0-9]{2})?)?)"));
  return r;
}

PageMetadata PageMetadataReader::Read(const PageInput& page) const {
  PageMetadata meta;
  if (page.html) ReadHtml(page.raw, meta);
  ReadHeaderAndLabels(page, meta);
  ReadByline(page, meta);
  ReadCopyright(page, meta);
  ReadFirstLine(page, meta);
  ReadFallbacks(page, meta);
  return meta;
}

void PageMetadataReader::ReadHtml(absl::string_view raw, PageMetadata& meta) const {
  ReadJsonLd(raw, meta);
  ReadMetaTags(raw, meta);
  re2::StringPiece title;
  if (RE2::PartialMatch(Piece(raw), *title_re_, &title)) {
    Set(meta.title, CleanValue(View(title)), Source::kHtmlTitle, "title");
  }
  re2::StringPiece input = Piece(raw), tag;
  while (RE2::FindAndConsume(&input, *link_re_, &tag)) {
    re2::StringPiece a, b;
    if (RE2::PartialMatch(tag, *rel_canonical_re_) && RE2::PartialMatch(tag, *href_re_, &a, &b)) {
      Set(meta.canonical_url, CleanValue(Either(a, b)), Source::kHtmlMeta, "link:canonical");
    }
  }
  re2::StringPiece lang;
  if (RE2::PartialMatch(Piece(raw), *html_lang_re_, &lang)) {
    const absl::string_view code = View(lang);
    Set(meta.language, absl::AsciiStrToLower(code.substr(0, code.find_first_of("-_"))),
        Source::kHtmlMeta, "html:lang");
  }
}

void PageMetadataReader::ReadMetaTags(absl::string_view raw, PageMetadata& meta) const {
  re2::StringPiece input = Piece(raw), tag;
  while (RE2::FindAndConsume(&input, *meta_re_, &tag)) {
    re2::StringPiece name, a, b;
    if (!RE2::PartialMatch(tag, *attr_name_re_, &name) ||
        !RE2::PartialMatch(tag, *content_re_, &a, &b)) {
      continue;
    }
    const std::string key = absl::AsciiStrToLower(View(name));
    std::string value = CleanValue(Either(a, b));
    const Source source = absl::StartsWith(key, "og:") ? Source::kOpenGraph : Source::kHtmlMeta;
    if (key == "og:title" || key == "twitter:title") {
      Set(meta.title, value, source, key);
    } else if (key == "article:published_time" || key == "pubdate" || key == "publish-date" ||
               key == "datepublished" || key == "og:published_time") {
      Set(meta.published, IsoDateTime(value), source, key);
    } else if (key == "author" || key == "article:author" || key == "dable:author") {
      Set(meta.author, value, source, key);
    } else if (key == "og:site_name" || key == "article:publisher" || key == "publisher") {
      Set(meta.publisher, value, source, key);
    } else if (key == "og:url") {
      Set(meta.canonical_url, value, source, key);
    } else if (key == "og:locale") {
      Set(meta.language, absl::AsciiStrToLower(value.substr(0, value.find_first_of("-_"))),
          source, key);
    }
  }
}

void PageMetadataReader::ReadJsonLd(absl::string_view raw, PageMetadata& meta) const {
  static const LazyRE2 kHeadline = {R"re("headline"\s*:\s*"((?:[^"\\]|\\.)*)")re"};
  static const LazyRE2 kPublished = {R"re("datePublished"\s*:\s*"([^"]*)")re"};
  static const LazyRE2 kAuthor = {
      R"re("author"\s*:\s*(?:\[\s*)?(?:\{[^}]*?"name"\s*:\s*"([^"]*)"|"([^"]*)"))re"};
  static const LazyRE2 kPublisher = {R"re("publisher"\s*:\s*\{[^}]*?"name"\s*:\s*"([^"]*)")re"};
  static const LazyRE2 kType = {R"re("@type"\s*:\s*"(?:News|Reportage|Analysis)?Article")re"};
  re2::StringPiece input = Piece(raw), block;
  while (RE2::FindAndConsume(&input, *json_ld_re_, &block)) {
    if (!RE2::PartialMatch(block, *kType)) continue;
    re2::StringPiece v, w;
    if (RE2::PartialMatch(block, *kHeadline, &v)) {
      Set(meta.title, CleanValue(absl::StrReplaceAll(View(v), {{"\\\"", "\""}})), Source::kJsonLd,
          "NewsArticle.headline");
    }
    if (RE2::PartialMatch(block, *kPublished, &v)) {
      Set(meta.published, IsoDateTime(View(v)), Source::kJsonLd, "NewsArticle.datePublished");
    }
    if (RE2::PartialMatch(block, *kAuthor, &v, &w)) {
      Set(meta.author, CleanValue(Either(v, w)), Source::kJsonLd, "NewsArticle.author");
    }
    if (RE2::PartialMatch(block, *kPublisher, &v)) {
      Set(meta.publisher, CleanValue(View(v)), Source::kJsonLd, "NewsArticle.publisher");
    }
  }
}

std::string PageMetadataReader::IsoDateTime(absl::string_view value) const {
  std::string y, m, d, hh, mm, ss, zone;
  if (!RE2::PartialMatch(Piece(value), *iso_re_, &y, &m, &d, &hh, &mm, &ss, &zone)) return "";
  std::string iso = absl::StrCat(y, "-", m, "-", d);
  if (hh.empty()) return iso;
  if (zone == "Z") zone = "+00:00";
  if (zone.size() == 5) zone.insert(3, ":");  // +0900
  absl::StrAppend(&iso, "T", hh, ":", mm, ":", ss.empty() ? "00" : ss,
                  zone.empty() ? "+09:00" : zone);  // no zone: Korean time
  return iso;
}

std::optional<int> PageMetadataReader::YearFromUrls(absl::string_view raw, int month,
                                                    int day) const {
  re2::StringPiece input = Piece(raw);
  int y = 0, m = 0, d = 0;
  while (RE2::FindAndConsume(&input, *url_date_re_, &y, &m, &d)) {
    if (m == month && d == day) return y;
  }
  return std::nullopt;
}

// A newsletter header in the first lines (`2025. 12. 19. | Vol. 25-47`),
// then date labels (`작성일 02-01`) in the first article lines.
void PageMetadataReader::ReadHeaderAndLabels(const PageInput& page,
                                             PageMetadata& meta) const {
  const absl::string_view text = page.text;
  for (const Block& b : page.blocks) {
    if (b.begin >= kHeadBytes) break;
    if (b.begin >= b.end || !absl::ascii_isdigit(static_cast<unsigned char>(text[b.begin]))) {
      continue;
    }
    std::optional<DateExpression> e = dates_->ParseAt(text, b.begin);
    if (!e || e->end > b.end || e->fields.year == 0) continue;
    absl::string_view rest = text.substr(e->end, b.end - e->end);
    re2::StringPiece vol, issue;
    if (!RE2::PartialMatch(Piece(rest), *volume_re_, &vol, &issue)) continue;
    Set(meta.published, PublicationValue(*e), Source::kText, "newsletter_header", b.begin,
        e->end);
    const absl::string_view number = Either(vol, issue);
    const size_t at = static_cast<size_t>(number.data() - text.data());
    Set(meta.volume, std::string(number), Source::kText, "newsletter_header", at,
        at + number.size());
    break;
  }
  ReadDateLabels(page, meta);
}

bool PageMetadataReader::HasLabel(absl::string_view s) const {
  for (const auto& label : labels_) {
    if (absl::StrContains(s, label.first)) return true;
  }
  return false;
}

void PageMetadataReader::ReadDateLabels(const PageInput& page, PageMetadata& meta) const {
  const absl::string_view text = page.text;
  MetadataValue updated;
  int article_blocks = 0;
  for (const Block& b : page.blocks) {
    if (b.boilerplate || b.begin >= kHeadBytes || ++article_blocks > 3) continue;
    const absl::string_view line = text.substr(b.begin, b.end - b.begin);
    for (const auto& [label, is_published] : labels_) {
      for (size_t at = line.find(label); at != absl::string_view::npos;
           at = line.find(label, at + 1)) {
        if (at > 0 && line[at - 1] != ' ' && line[at - 1] != '|' && line[at - 1] != '[') continue;
        size_t p = b.begin + at + label.size();
        while (p < b.end && (text[p] == ' ' || text[p] == ':')) ++p;
        std::optional<DateExpression> e = dates_->ParseAt(text, p);
        if (!e || e->fields.year == 0) e = dates_->ParseMonthDayAt(text, p);
        if (!e || e->end > b.end) continue;
        std::string key = "date_label";
        std::optional<int> year;
        if (e->fields.year == 0) {
          year = YearFromUrls(page.raw, e->fields.month, e->fields.day);
          if (year) key = "date_label+url_date";
        }
        if (!year && e->fields.year == 0) {
          auto ref = page.client.find("reference_date");
          if (ref != page.client.end()) {
            if (auto day = extract::dates::ParseIsoDay(ref->second)) {
              year = static_cast<int>(day->year());
              key = "date_label+reference_date";
            }
          }
        }
        Set(is_published ? meta.published : updated, PublicationValue(*e, year), Source::kText,
            key, b.begin + at, e->end);
        // A headline printed on the label's line, before it.
        if (at >= kMinTitleBytes && at <= kMaxTitleBytes && !HasLabel(line.substr(0, at))) {
          Set(meta.title, CleanValue(line.substr(0, at)), Source::kText, "before_date_label",
              b.begin, b.begin + at);
        }
      }
    }
  }
  if (updated.found()) Set(meta.published, updated.value, updated.source, updated.key,
                           updated.begin, updated.end);
}

// `김영욱 기자 wook95@dt.co.kr`: the first byline with an e-mail address,
// else the first byline, in article text.
void PageMetadataReader::ReadByline(const PageInput& page, PageMetadata& meta) const {
  if (meta.author.found()) return;
  std::optional<MetadataValue> first;
  for (const Block& b : page.blocks) {
    if (b.boilerplate) continue;
    const absl::string_view line = page.text.substr(b.begin, b.end - b.begin);
    // Cheap test first: most lines hold no title word at all.
    if (!RE2::PartialMatch(Piece(line), *any_byline_title_re_)) continue;
    re2::StringPiece input = Piece(line);
    re2::StringPiece name, email;
    while (RE2::FindAndConsume(&input, *byline_re_, &name, &email)) {
      MetadataValue v;
      v.value = std::string(View(name));
      v.source = Source::kText;
      v.key = "byline";
      v.begin = static_cast<size_t>(name.data() - page.text.data());
      v.end = static_cast<size_t>(input.data() - page.text.data());
      if (!email.empty()) {
        meta.author = v;
        return;
      }
      if (!first) first = v;
    }
  }
  if (first) meta.author = *first;
}

void PageMetadataReader::ReadCopyright(const PageInput& page, PageMetadata& meta) const {
  if (meta.publisher.found()) return;
  for (const Block& b : page.blocks) {
    const absl::string_view line = page.text.substr(b.begin, b.end - b.begin);
    re2::StringPiece name;
    if (!absl::StrContains(line, "©") && !absl::StrContains(line, "ⓒ") &&
        !ContainsIgnoringAsciiCase(line, "copyright")) {
      continue;
    }
    if (!RE2::PartialMatch(Piece(line), *copyright_re_, &name)) continue;
    const std::string value = CleanValue(View(name));
    if (value.empty()) continue;
    const size_t at = static_cast<size_t>(name.data() - page.text.data());
    Set(meta.publisher, value, Source::kText, "copyright", at, at + name.size());
    return;
  }
}

// The first article line as the title, when short enough to be one and not
// the header.
void PageMetadataReader::ReadFirstLine(const PageInput& page, PageMetadata& meta) const {
  if (meta.title.found()) return;
  for (const Block& b : page.blocks) {
    if (b.begin >= kHeadBytes) return;
    const size_t size = b.end - b.begin;
    if (b.boilerplate || size < kMinTitleBytes ||
        absl::ascii_isdigit(static_cast<unsigned char>(page.text[b.begin]))) {
      continue;
    }
    if (size > kMaxTitleBytes) return;  // the body starts without a title
    Set(meta.title, CleanValue(page.text.substr(b.begin, size)), Source::kText, "first_line",
        b.begin, b.end);
    return;
  }
}

// What the client gave, and the language from the script.
void PageMetadataReader::ReadFallbacks(const PageInput& page, PageMetadata& meta) const {
  static constexpr std::pair<const char*, MetadataValue PageMetadata::*> kClientKeys[] = {
      {"title", &PageMetadata::title},         {"published", &PageMetadata::published},
      {"author", &PageMetadata::author},       {"publisher", &PageMetadata::publisher},
      {"url", &PageMetadata::canonical_url},   {"language", &PageMetadata::language}};
  for (const auto& [key, field] : kClientKeys) {
    auto it = page.client.find(key);
    if (it != page.client.end()) Set(meta.*field, it->second, Source::kClient, key);
  }
  if (absl::StartsWith(page.source, "http://") || absl::StartsWith(page.source, "https://")) {
    Set(meta.canonical_url, std::string(page.source), Source::kClient, "source");
  }
  if (meta.language.found()) return;
  size_t hangul = 0, latin = 0;
  for (size_t i = 0; i < page.text.size() && i < 2 * kHeadBytes; ++i) {
    const unsigned char c = static_cast<unsigned char>(page.text[i]);
    if (c >= 0xEA && c <= 0xED) ++hangul;  // lead byte of a syllable
    if (absl::ascii_isalpha(c)) ++latin;
  }
  // A syllable is one lead byte but stands for a word-sized share of text:
  // count it as three letters.
  if (hangul * 3 >= latin && hangul > 0) {
    Set(meta.language, "ko", Source::kInferred, "script");
  } else if (latin > 0) {
    Set(meta.language, "en", Source::kInferred, "script");
  }
}

}  // namespace metadata
}  // namespace workers
}  // namespace gleaner
