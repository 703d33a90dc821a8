#include "workers/extract/amounts/amount_lexicon.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

// words.tsv list names, in WordList order.
constexpr absl::string_view kListNames[] = {
    "unit_suffixes", "money_suffixes", "strict_suffixes",  "touching_prefixes", "duration_after",
    "year_words",    "date_words",     "span_words",       "not_minutes",       "clock_words",
    "not_seconds",   "not_age",        "not_weeks",        "level_after",       "degree_words",
    "machine_nouns", "index_words",    "device_particles", "band_after",        "band_before",
    "pay_words",     "pay_nouns",      "money_nouns",      "money_after",       "not_range",
    "glosses",       "range_end",      "full_house_after", "product_names",
};
static_assert(sizeof(kListNames) / sizeof(kListNames[0]) == static_cast<size_t>(WordList::kCount),
              "one name per WordList");

absl::Status RowError(absl::string_view file, int line, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(file, ":", line, ": ", why));
}

bool ParseKind(absl::string_view s, AmountKind* kind) {
  if (s == "money") {
    *kind = AmountKind::kMoney;
  } else if (s == "percent") {
    *kind = AmountKind::kPercent;
  } else if (s == "point") {
    *kind = AmountKind::kPercentPoint;
  } else if (s == "quantity") {
    *kind = AmountKind::kQuantity;
  } else {
    return false;
  }
  return true;
}

bool ParseFlags(absl::string_view s, int* flags) {
  static constexpr struct {
    absl::string_view name;
    int flag;
  } kFlags[] = {{"strict", kStrict},         {"attached", kAttached}, {"ascii", kAscii},
                {"hundredths", kHundredths}, {"sub", kSubUnitOnly},   {"large", kLarge},
                {"spelled", kSpelled}};
  *flags = 0;
  if (s == "-") return true;
  for (absl::string_view f : absl::StrSplit(s, ',')) {
    bool known = false;
    for (const auto& k : kFlags) {
      if (k.name == f) {
        *flags |= k.flag;
        known = true;
      }
    }
    if (!known) return false;
  }
  return true;
}

bool ParseMeaning(absl::string_view s, QualifierDef* q) {
  if (s == "approx") {
    q->approximate = true;
  } else if (s == "ge") {
    q->bound = AmountBound::kLowerInclusive;
  } else if (s == "gt") {
    q->bound = AmountBound::kLowerExclusive;
  } else if (s == "le") {
    q->bound = AmountBound::kUpperInclusive;
  } else if (s == "lt") {
    q->bound = AmountBound::kUpperExclusive;
  } else if (s == "per_unit") {
    q->per_unit = true;
  } else {
    return false;
  }
  return true;
}

}  // namespace

absl::string_view AmountLexicon::Own(std::string s) {
  owned_.push_back(std::move(s));
  return owned_.back();
}

absl::Status AmountLexicon::ParseFile(const LexiconFile& file) {
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(file.contents, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    if (file.name == "words.tsv") {
      if (f.size() != 2 || f[1].empty()) return RowError(file.name, line_no, "want list<TAB>word");
      size_t i = 0;
      while (i < static_cast<size_t>(WordList::kCount) && kListNames[i] != f[0]) ++i;
      if (i == static_cast<size_t>(WordList::kCount)) {
        return RowError(file.name, line_no, absl::StrCat("unknown list \"", f[0], "\""));
      }
      words_[i].push_back(f[1]);
    } else if (file.name == "symbols.tsv") {
      if (f.size() != 2) return RowError(file.name, line_no, "want surface<TAB>code");
      symbols_.push_back({f[0], f[1]});
    } else if (file.name == "subunits.tsv") {
      if (f.size() != 2) return RowError(file.name, line_no, "want code<TAB>surface");
      sub_units_.push_back({f[0], f[1]});
    } else if (file.name == "qualifiers.tsv") {
      QualifierDef q;
      if (f.size() != 4 || (f[0] != "before" && f[0] != "after") || !ParseMeaning(f[2], &q) ||
          (f[3] != "-" && f[3] != "span")) {
        return RowError(file.name, line_no, "want before|after<TAB>word<TAB>meaning<TAB>flags");
      }
      q.word = f[1];
      q.in_span = f[3] == "span";
      (f[0] == "before" ? before_ : after_).push_back(q);
    } else {
      UnitDef u;
      if (f.size() != 4 || f[0].empty() || !ParseKind(f[1], &u.kind) ||
          !ParseFlags(f[3], &u.flags)) {
        return RowError(file.name, line_no, "want surface<TAB>kind<TAB>code<TAB>flags");
      }
      u.code = f[2] == "-" ? absl::string_view() : f[2];
      const size_t plus = f[0].find('+');
      if (plus == absl::string_view::npos) {
        u.surface = f[0];
        units_.push_back(u);
      } else {
        for (absl::string_view joint : {"", " "}) {
          u.surface = Own(absl::StrCat(f[0].substr(0, plus), joint, f[0].substr(plus + 1)));
          units_.push_back(u);
        }
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<AmountLexicon>> AmountLexicon::Parse(
    absl::Span<const LexiconFile> files) {
  std::unique_ptr<AmountLexicon> lex(new AmountLexicon());
  for (const LexiconFile& file : files) {
    absl::Status s = lex->ParseFile(file);
    if (!s.ok()) return s;
  }
  return lex;
}

absl::StatusOr<const AmountLexicon*> AmountLexicon::Default() {
  static const absl::StatusOr<std::unique_ptr<AmountLexicon>>* const kLexicon =
      new absl::StatusOr<std::unique_ptr<AmountLexicon>>(Parse(DefaultLexiconFiles()));
  if (!kLexicon->ok()) return kLexicon->status();
  return kLexicon->value().get();
}

WordSpan Words(WordList list) {
  absl::StatusOr<const AmountLexicon*> lex = AmountLexicon::Default();
  return lex.ok() ? (*lex)->Words(list) : WordSpan();
}

}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
