#include "workers/extract/attribution/attribution_lexicon.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/common/status_macros.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace attribution {
namespace {

constexpr std::pair<Relation, absl::string_view> kRelationNames[] = {
    {Relation::kInvest, "invest"},
    {Relation::kAcquire, "acquire"},
    {Relation::kContract, "contract"},
    {Relation::kRevenue, "revenue"},
    {Relation::kProfitLoss, "profit_loss"},
    {Relation::kValuation, "valuation"},
    {Relation::kFund, "fund"},
    {Relation::kMarketValue, "market_value"},
    {Relation::kPrice, "price"},
    {Relation::kOther, "other"},
};

constexpr std::pair<WordList, absl::string_view> kListNames[] = {
    {WordList::kSubjectParticles, "subject"},
    {WordList::kPartnerParticles, "partner"},
    {WordList::kPossessives, "possessive"},
    {WordList::kRecipientParticles, "recipient"},
    {WordList::kObjectParticles, "object"},
    {WordList::kSourceParticles, "source"},
    {WordList::kReportParticles, "report"},
    {WordList::kClauseBreaks, "clause_break"},
    {WordList::kHeadNouns, "head"},
    {WordList::kRelativeEndings, "relative"},
    {WordList::kCopulaEndings, "copula"},
    {WordList::kEstimates, "estimate"},
    {WordList::kReporters, "reporter"},
    {WordList::kQuotatives, "quotative"},
    {WordList::kReportClauses, "report_clause"},
    {WordList::kNameSuffixes, "name_suffix"},
    {WordList::kTitlePrefixes, "title_prefix"},
    {WordList::kDenominations, "denomination"},
    {WordList::kInstrumentals, "instrumental"},
    {WordList::kForecasts, "forecast"},
    {WordList::kPluralSubjects, "plural_subject"},
    {WordList::kAuthorities, "authority"},
    {WordList::kPublicBodies, "public_body"},
    {WordList::kCueBreaks, "cue_break"},
    {WordList::kClefts, "cleft"},
    {WordList::kCopulas, "cleft_copula"},
    {WordList::kOthersForecasts, "forecast_by_others"},
    {WordList::kImpositions, "impose"},
    {WordList::kThresholds, "threshold"},
    {WordList::kAnonymous, "anonymous"},
    {WordList::kDistributives, "distributive"},
    {WordList::kRelativeVerbEnds, "relative_verb_end"},
    {WordList::kPeriods, "period"},
};

absl::Status LineError(absl::string_view file, int line, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(file, ":", line, ": ", reason));
}

// Calls `row` with the tab-separated fields of each line that is neither
// blank nor a comment, and its 1-based number.
template <typename RowFn>
absl::Status ForEachRow(absl::string_view contents, RowFn row) {
  int number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++number;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    GLEANER_RETURN_IF_ERROR(row(fields, number));
  }
  return absl::OkStatus();
}

bool LongerFirst(absl::string_view a, absl::string_view b) {
  return a.size() != b.size() ? a.size() > b.size() : a < b;
}

}  // namespace

absl::string_view RelationName(Relation relation) {
  for (const auto& [value, name] : kRelationNames) {
    if (value == relation) return name;
  }
  return "other";
}

absl::StatusOr<Relation> RelationFromName(absl::string_view name) {
  for (const auto& [value, known] : kRelationNames) {
    if (known == name) return value;
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown relation '", name, "'"));
}

absl::StatusOr<std::unique_ptr<const AttributionLexicon>> AttributionLexicon::Default() {
  return Parse(DefaultAttributionFiles());
}

absl::StatusOr<std::unique_ptr<const AttributionLexicon>> AttributionLexicon::Parse(
    absl::Span<const EmbeddedFile> files) {
  std::unique_ptr<AttributionLexicon> lexicon(new AttributionLexicon());
  for (const EmbeddedFile& file : files) {
    const absl::string_view base = file.name.substr(file.name.rfind('/') + 1);
    if (base == "relations.tsv") {
      GLEANER_RETURN_IF_ERROR(lexicon->ParseRelations(file.name, file.contents));
    } else if (base == "words.tsv") {
      GLEANER_RETURN_IF_ERROR(lexicon->ParseWords(file.name, file.contents));
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown attribution data file ", file.name));
    }
  }
  std::sort(lexicon->cues_.begin(), lexicon->cues_.end(),
            [](const Cue& a, const Cue& b) { return LongerFirst(a.word, b.word); });
  for (std::vector<std::string>& words : lexicon->words_) {
    std::sort(words.begin(), words.end(), LongerFirst);
  }
  return std::unique_ptr<const AttributionLexicon>(std::move(lexicon));
}

absl::Status AttributionLexicon::ParseRelations(absl::string_view name,
                                                absl::string_view contents) {
  return ForEachRow(contents, [&](const std::vector<absl::string_view>& fields,
                                  int line) -> absl::Status {
    if (fields.size() < 2 || fields.size() > 3 || fields[1].empty()) {
      return LineError(name, line, "want: relation<TAB>cue[<TAB>flags]");
    }
    absl::StatusOr<Relation> relation = RelationFromName(fields[0]);
    if (!relation.ok()) return LineError(name, line, relation.status().message());
    Cue cue;
    cue.word = std::string(fields[1]);
    cue.relation = *relation;
    if (fields.size() == 3 && fields[2] != "-") {
      for (absl::string_view flag : absl::StrSplit(fields[2], ',')) {
        if (flag == "prefix") {
          cue.prefix = true;
        } else if (flag == "weak") {
          cue.weak = true;
        } else if (flag == "penalty") {
          cue.penalty = true;
        } else if (flag == "payment") {
          cue.payment = true;
        } else if (flag == "sale") {
          cue.sale = true;
        } else if (flag == "per_unit") {
          cue.per_unit = true;
        } else {
          return LineError(name, line, absl::StrCat("unknown flag '", flag, "'"));
        }
      }
    }
    cues_.push_back(std::move(cue));
    return absl::OkStatus();
  });
}

absl::Status AttributionLexicon::ParseWords(absl::string_view name,
                                            absl::string_view contents) {
  return ForEachRow(contents, [&](const std::vector<absl::string_view>& fields,
                                  int line) -> absl::Status {
    if (fields.size() != 2 || fields[1].empty()) {
      return LineError(name, line, "want: list<TAB>word");
    }
    for (const auto& [list, list_name] : kListNames) {
      if (list_name == fields[0]) {
        words_[static_cast<int>(list)].emplace_back(fields[1]);
        return absl::OkStatus();
      }
    }
    return LineError(name, line, absl::StrCat("unknown word list '", fields[0], "'"));
  });
}

}  // namespace attribution
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
