// The attribution rules' words as data: relation cue words and the particle
// and clause word lists, read from data/attribution/*.tsv (embedded at build
// time by the attribution_data_cc genrule).
//
//   GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<const AttributionLexicon> lex,
//                            AttributionLexicon::Default());
//   for (const Cue& cue : lex->cues()) ...        // 투자 invest, 매출 revenue
//   lex->Words(WordList::kSubjectParticles);      // 이, 가, 은, 는
//
// File formats (tab-separated, '#' starts a comment line, blank lines
// ignored):
//   relations.tsv:  relation  cue  [flags]
//     relation is one of invest, acquire, contract, revenue, profit_loss,
//     valuation, fund, market_value, price, other; the cue is a word that
//     names it (투자, 인수, 매출액). flags, a comma list or '-': `prefix`
//     matches the cue as a word start only (투자 in 투자했다), otherwise it
//     may also end a compound (총투자); `weak` marks a cue that gives the
//     relation only when no other cue is near (규모, 자금); `penalty` a fine
//     (the one it is imposed on owns it); `payment` a payment (the payer,
//     else the named recipient, owns it); `sale` a sale (the buyer, marked
//     에, owns it); `per_unit` a figure per share or unit (EPS), not summed.
//   words.tsv:      list  word
//     list is one of the WordList names below (in parentheses).
#ifndef GLEANER_WORKERS_EXTRACT_ATTRIBUTION_ATTRIBUTION_LEXICON_H_
#define GLEANER_WORKERS_EXTRACT_ATTRIBUTION_ATTRIBUTION_LEXICON_H_

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "data/embedded_file.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace attribution {

// What an amount is to its entity (v1::AmountRelation).
enum class Relation {
  kInvest,
  kAcquire,
  kContract,
  kRevenue,
  kProfitLoss,
  kValuation,
  kFund,
  kMarketValue,
  kPrice,
  kOther,
};

// Returns the data-file name of `relation` ("invest", "profit_loss", ...).
absl::string_view RelationName(Relation relation);
// Returns the relation named `name`, or kInvalidArgument.
absl::StatusOr<Relation> RelationFromName(absl::string_view name);

// A word that names a relation.
struct Cue {
  std::string word;  // as written, UTF-8
  Relation relation = Relation::kOther;
  bool prefix = false;  // matches only at a word start
  bool weak = false;    // used only when no other cue is near
  bool penalty = false;  // a fine: owned by the one it is imposed on (에게), if named
  bool payment = false;  // 위자료, 지급: the payer's, else the named recipient's
  bool sale = false;     // 매각: the buyer's (marked 에), not the seller's
  bool per_unit = false;  // EPS, 주당순이익: per share, listed but not summed
};

// Word lists of words.tsv (the list name in the file in parentheses).
enum class WordList {
  kSubjectParticles,    // (subject) 이 가 은 는 도: the entity whose money it is
  kPartnerParticles,    // (partner) 와 과: the other party of a deal
  kPossessives,         // (possessive) 의: 엔비디아의 매출
  kRecipientParticles,  // (recipient) 에 에게: the investee, 앤트로픽에 투자
  kObjectParticles,     // (object) 을 를: the target, 스케드MD를 인수
  kSourceParticles,     // (source) 로부터: the investor, MS로부터 투자를 유치
  kReportParticles,     // (report) 에 따르면: a source of the news, never an owner
  kClauseBreaks,        // (clause_break) 했고 하며 반면: a subject does not reach past them
  kHeadNouns,           // (head) 당국 측 주주들: nouns between an entity and its particle
  kRelativeEndings,     // (relative) 한 하는 했던: a cue verb modifying the entity after it
  kCopulaEndings,       // (copula) 인 였던: `140억달러인 파라마운트`
  kEstimates,           // (estimate) 예상치 전망치: others' forecasts, owned by no one
  kReporters,           // (reporter) canonical names of media and research firms
  kQuotatives,          // (quotative) 다고 라고: the clause is someone's report
  kReportClauses,       // (report_clause) 따르면 결과,: what precedes is the news's source
  kNameSuffixes,        // (name_suffix) 씨: between a name and its particle (정씨는)
  kTitlePrefixes,       // (title_prefix) 전: before a title head noun (강 전 감독은)
  kDenominations,       // (denomination) 권: `5만원권`, a note, no one's money
  kInstrumentals,       // (instrumental) 로 으로: `투자로 A의 수익`, a cue used as a means
  kForecasts,           // (forecast) 것으로 전망했: the amount is someone's forecast
  kPluralSubjects,      // (plural_subject) 들이 들은: a group as another subject (투자자들이)
  kAuthorities,         // (authority) 법원 검찰: a canonical name ending so rules on others' sums
  kPublicBodies,        // (public_body) 정부 부 청: a canonical name ending so spends public money
  kCueBreaks,           // (cue_break) 에 로 에서: `합병 법인에 A`, the cue qualifies another noun
  kClefts,              // (cleft) 곳은: `A를 투자한 곳은 X였다`, X owns A
  kCopulas,             // (cleft_copula) 이다 였다: ends the cleft's predicate `X였다`
  kOthersForecasts,     // (forecast_by_others) 것이라는 관측: a forecast whose maker is unnamed
  kImpositions,         // (impose) 부과했: the subject imposes the fine, does not pay it
  kThresholds,          // (threshold) 이상 미만: `자산 A 이상 상장사`, a class, no one's money
  kAnonymous,           // (anonymous) 모: after a surname (`박모씨`), a person left unnamed
  kDistributives,       // (distributive) 각각: `X와 Y는 각각 A과 B를`, the i-th sum the i-th party's
  kRelativeVerbEnds,    // (relative_verb_end) 한 된 낸: last syllables of a relative clause's verb
  kPeriods,             // (period) 지난해 상반기: `매출은 지난해에 A`, dates the figure, breaks no cue
  kCount,
};

// Returns the files of data/attribution/ as embedded at build time, named
// "data/attribution/<file>".
absl::Span<const EmbeddedFile> DefaultAttributionFiles();

// Immutable after parsing; thread-safe; not copyable.
class AttributionLexicon {
 public:
  // Parses the embedded files.
  static absl::StatusOr<std::unique_ptr<const AttributionLexicon>> Default();
  // Parses `files` (relations.tsv and words.tsv, by base name); an unknown
  // file name, relation, list or flag is kInvalidArgument with
  // "name:LINE: reason".
  static absl::StatusOr<std::unique_ptr<const AttributionLexicon>> Parse(
      absl::Span<const EmbeddedFile> files);

  AttributionLexicon(const AttributionLexicon&) = delete;
  AttributionLexicon& operator=(const AttributionLexicon&) = delete;

  // Returns the cue words, longest first (so 영업이익 is tried before 이익).
  const std::vector<Cue>& cues() const { return cues_; }
  // Returns the words of `list`, longest first.
  const std::vector<std::string>& Words(WordList list) const {
    return words_[static_cast<int>(list)];
  }

 private:
  AttributionLexicon() = default;
  absl::Status ParseRelations(absl::string_view name, absl::string_view contents);
  absl::Status ParseWords(absl::string_view name, absl::string_view contents);

  std::vector<Cue> cues_;
  std::array<std::vector<std::string>, static_cast<int>(WordList::kCount)> words_;
};

}  // namespace attribution
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ATTRIBUTION_ATTRIBUTION_LEXICON_H_
