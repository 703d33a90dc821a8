#include "workers/extract/attribution/attributor.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "services/common/status_macros.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace attribution {
namespace {

using amounts::Amount;
using amounts::AmountKind;
using entities::EntityMention;
using entities::EntityType;
using ::gleaner::text::DecodeUtf8;
using ::gleaner::text::DecodeUtf8Before;
using ::gleaner::text::IsHangulSyllable;
using ::gleaner::text::Utf8CharLength;

// How far (bytes) a cue may sit from its amount: about 20 Hangul syllables
// after it, 30 before it (a figure's name comes first: `매출은 ... A`).
constexpr size_t kCueAfterWindow = 60;
constexpr size_t kCueBeforeWindow = 90;
// A cue this close before the amount names it outright (`매출은 `, `시가총액 약 `).
constexpr size_t kAdjacentCue = 16;
// A forecast word this close names the amount (`월가 예상치 매출(A)`, `시장
// 규모가 10년 안에 A`).
constexpr size_t kEstimateWindow = 36;
// Words between an entity's figure (`엔비디아의 주가는`) and a later amount of
// the same sentence it still owns.
constexpr int kTopicGapWords = 12;
// Words allowed between an entity and the cue it owns (`엔비디아의 데이터 센터
// 사업의 2분기 매출`).
constexpr int kPossessiveGapWords = 4;
// The same for a bare name before its figure (`엔비디아 2분기 매출`).
constexpr int kCompoundGapWords = 1;
// The same for a subject-marked entity (`엔비디아는 3분기 매출은`): shorter,
// since a subject may be the reporter of another's figure.
constexpr int kSubjectPossessiveGapWords = 2;
// Words allowed between a relative-clause verb and its entity
// (`조달한 역노화 스타트업 알토스 랩스`).
constexpr int kRelativeGapWords = 3;

// What follows an entity mention.
enum class Marker {
  kNone,        // nothing that ties it to the clause (a bare name, a compound)
  kSubject,     // 이/가/은/는, or a headline's `X, ...`
  kPartner,     // 와/과
  kPossessive,  // 의
  kRecipient,   // 에/에게
  kObject,      // 을/를
  kSource,      // 로부터
  kReport,      // 에 따르면
};

// A mention of the sentence with what follows it.
struct Party {
  int index = -1;             // in the mentions
  size_t begin = 0, end = 0;  // the mention
  size_t marker_end = 0;      // one past its particle (or head noun and particle)
  Marker marker = Marker::kNone;
  bool reporter = false;  // a media or research firm
  bool product = false;   // a product: owns figures only by possessive
  bool place = false;     // a location: may own a figure, is no counterparty
  bool person = false;
  bool titled = false;       // the particle follows a title head noun (`의원에게`)
  bool affiliation = false;  // `박지원 민주당 의원에게`: 민주당 only qualifies the person
  int employer = -1;         // the affiliation of a titled person (`최수연 네이버 대표는`), in parties_
  bool public_body = false;  // a government, ministry, agency or place: spends public money
  bool anonymous = false;    // a bare surname of an unnamed person (`박모씨`): no owner
};

// A cue word found in the sentence.
struct CueHit {
  size_t begin = 0, end = 0;
  Relation relation = Relation::kOther;
  bool weak = false;
  bool penalty = false;
  bool payment = false;
  bool sale = false;
  bool per_unit = false;
};

char32_t CharAt(absl::string_view text, size_t i) {
  char32_t cp = 0;
  if (i >= text.size()) return 0;
  DecodeUtf8(text, i, &cp);
  return cp;
}

char32_t CharBefore(absl::string_view text, size_t i) {
  char32_t cp = 0;
  if (i == 0) return 0;
  DecodeUtf8Before(text, i, &cp);
  return cp;
}

bool IsClosingQuote(char32_t c) {
  return c == U'\'' || c == U'"' || c == U'’' || c == U'”' || c == U'」' || c == U'』';
}

// Returns the offset after a parenthetical right at `i` (`(AWS)`), or `i`.
size_t SkipParenthetical(absl::string_view text, size_t i, size_t limit) {
  if (i >= limit || text[i] != '(') return i;
  const size_t close = text.find(')', i);
  return close == absl::string_view::npos || close >= limit ? i : close + 1;
}

// Returns the number of space-separated words in text[begin, end).
int WordsBetween(absl::string_view text, size_t begin, size_t end) {
  if (end <= begin) return 0;
  int words = 0;
  bool in_word = false;
  for (size_t i = begin; i < end; ++i) {
    const bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Returns the length of the longest word of `words` at text[i] that no Hangul
// syllable follows (unless `open_end`), or 0.
size_t MatchWordAt(absl::string_view text, size_t i, size_t limit,
                   const std::vector<std::string>& words, bool open_end = false) {
  for (const std::string& word : words) {  // longest first
    if (i + word.size() > limit || text.compare(i, word.size(), word) != 0) continue;
    if (open_end || !IsHangulSyllable(CharAt(text, i + word.size()))) return word.size();
  }
  return 0;
}

// True when the last syllable of the word ending at `end` has the final
// consonant ㄴ: the adnominal ending of a verb (넘는, 인, 맺은).
bool EndsInAdnominal(absl::string_view text, size_t end) {
  const char32_t last = CharBefore(text, end);
  return IsHangulSyllable(last) && (last - 0xAC00) % 28 == 4;
}

// Returns the offset past a leading bracketed label and bullets
// (`[글로벌 핫이슈] `, `• `) of the text from `begin`.
size_t SkipLabel(absl::string_view text, size_t begin, size_t limit) {
  size_t i = begin;
  if (i < limit && text[i] == '[') {
    const size_t close = text.find(']', i);
    if (close != absl::string_view::npos && close < limit) i = close + 1;
  }
  while (i < limit && (text[i] == ' ' || text[i] == '-' ||
                       text.compare(i, 3, "\xE2\x80\xA2") == 0)) {  // U+2022
    i += text[i] == ' ' || text[i] == '-' ? 1 : 3;
  }
  return i;
}

bool Contains(const std::vector<std::string>& words, absl::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

// The rules over one sentence. Offsets are into the document's text.
class SentenceRules {
 public:
  SentenceRules(const AttributionLexicon& lexicon, absl::string_view text,
                SentenceRange sentence, absl::Span<const EntityMention> mentions,
                absl::Span<const Amount> amounts)
      : lex_(lexicon), text_(text), sentence_(sentence), amounts_(amounts) {
    FindQuotes();
    FindParties(mentions);
    FindCues();
  }

  // Returns the attributions of the sentence's money amounts.
  std::vector<Attribution> Run();

 private:
  void FindQuotes();
  // The quotation holding `at`, or nullptr.
  const std::pair<size_t, size_t>* QuoteAround(size_t at) const;
  void FindParties(absl::Span<const EntityMention> mentions);
  void JoinAffiliations();
  void ReadMarker(Party& party) const;
  bool JoinedByDot(size_t p) const;
  void ShareChainedRoles();
  void FindCues();
  // The span of amount `a` with the conversions that follow it.
  size_t AmountGroupEnd(int a, std::vector<int>* conversions) const;
  size_t GroupEnd(int a) const {
    std::vector<int> conversions;
    return AmountGroupEnd(a, &conversions);
  }
  const CueHit* ChooseCue(size_t before_limit, size_t begin, size_t end,
                          size_t after_limit) const;
  bool IsEstimate(size_t before_limit, size_t begin, size_t end) const;
  bool ClauseBreakBetween(size_t begin, size_t end) const;
  bool ContainsListWord(absl::string_view span, WordList list) const;
  bool WordEndingBetween(size_t begin, size_t end, WordList list) const;
  bool InRelativeClause(const Party& subject, size_t begin, const CueHit* cue) const;
  bool Coordinated(size_t end, size_t next_begin) const;
  bool EnumeratedSubject(size_t end, size_t next_begin) const;
  bool ParallelObjects(size_t end, size_t next_begin) const;
  bool TryCleft(size_t end, Attribution& out) const;
  bool TrySpeaker(size_t begin, Attribution& out) const;
  bool FigureSubjectBetween(size_t begin, size_t end, const CueHit* cue) const;
  void ChooseEntity(size_t before_limit, size_t begin, size_t end, const CueHit* cue,
                    Attribution& out) const;
  bool TryPossessive(size_t begin, const CueHit* cue, Attribution& out) const;
  bool TryPossessiveSubject(size_t begin, Attribution& out) const;
  bool ForecastOfAnother(size_t begin, size_t end, const Attribution& out) const;
  bool OtherSubjectBetween(size_t begin, size_t end) const;
  bool Imposes(const CueHit* cue) const;
  bool SubjectBlocked(const Party& subject, size_t begin, size_t end, const CueHit* cue) const;
  bool TryFollowing(size_t end, Attribution& out) const;
  bool TryParenthetical(size_t begin, Attribution& out) const;
  bool TryMarked(size_t begin, const CueHit* cue, Attribution& out) const;
  bool TryTopic(size_t begin, Attribution& out) const;
  // Sets the scope of the amount at `at`: the quotation holding it, else
  // the sentence (a speaker outside a quote is not the owner of its sums).
  void SetScope(size_t at);
  bool InScope(const Party& party) const {
    return party.begin >= scope_begin_ && party.end <= scope_end_ && !party.affiliation;
  }
  bool IsDenomination(size_t end) const;
  bool IsThreshold(size_t end) const;
  int Counterparty(int entity_party, size_t begin, size_t end, Relation relation) const;
  void SetCounterparty(size_t begin, size_t end, const CueHit* cue, Attribution& out) const;
  void Credit(int party, absl::string_view rule, double confidence, Attribution& out) const;
  void PublicSpending(const CueHit* cue, Attribution& out) const;
  void Unidentified(Attribution& out) const;
  void Distribute(const std::vector<int>& money, size_t m, Attribution& out) const;

  const AttributionLexicon& lex_;
  absl::string_view text_;
  SentenceRange sentence_;
  absl::Span<const Amount> amounts_;
  std::vector<Party> parties_;  // in text order, aliases in parentheses left out
  std::vector<CueHit> cues_;    // in text order
  std::vector<std::pair<size_t, size_t>> quotes_;  // [open, close] of quotations, in order
  size_t scope_begin_ = 0;      // the current amount's scope (SetScope)
  size_t scope_end_ = 0;
  size_t amount_end_ = 0;       // the current amount's group end
  size_t previous_end_ = 0;     // the previous money amount's end in the sentence, or 0
  // The investee or target named by a compound (`오픈AI 지분`) for the
  // current amount, or -1: the owner when no other party is (TryPossessive).
  mutable int investee_ = -1;
};

void SentenceRules::FindParties(absl::Span<const EntityMention> mentions) {
  const std::vector<std::string>& reporters = lex_.Words(WordList::kReporters);
  const std::vector<std::string>& authorities = lex_.Words(WordList::kAuthorities);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    if (m.begin < sentence_.begin || m.end > sentence_.end) continue;
    // An alias in parentheses right after a name is the same party: `(AWS)`.
    if (!parties_.empty() && CharBefore(text_, m.begin) == U'(' &&
        parties_.back().end + 1 == m.begin) {
      continue;
    }
    Party party;
    party.index = static_cast<int>(i);
    party.begin = m.begin;
    party.end = m.end;
    // Courts, prosecutors and police (`서울중앙지검은 ... A를 횡령한 혐의로`)
    // report and rule on others' sums, as media report them.
    party.reporter = Contains(reporters, m.canonical) ||
                     std::any_of(authorities.begin(), authorities.end(),
                                 [&](const std::string& a) { return absl::EndsWith(m.canonical, a); });
    party.product = m.type == EntityType::kProduct;
    party.place = m.type == EntityType::kLocation;
    party.person = m.type == EntityType::kPerson;
    // `박모씨`, `김모(45)씨`: the surname alone would merge every 박 of a
    // corpus into one owner; the sentence names no one.
    party.anonymous = party.person && IsHangulSyllable(CharAt(text_, m.begin)) &&
                      Utf8CharLength(text_, m.begin) == m.end - m.begin &&
                      MatchWordAt(text_, m.end, sentence_.end, lex_.Words(WordList::kAnonymous),
                                  /*open_end=*/true) > 0;
    const auto& publics = lex_.Words(WordList::kPublicBodies);
    // Only a place or an organisation: a person or product named …부/…청 is none.
    party.public_body = party.place || (m.type == EntityType::kOrganization &&
                                        std::any_of(publics.begin(), publics.end(), [&](const std::string& w) {
                                          return absl::EndsWith(m.canonical, w);
                                        }));
    ReadMarker(party);
    parties_.push_back(party);
  }
  JoinAffiliations();
  ShareChainedRoles();
}

// `박지원(71) 민주당 의원에게`: the organisation between a person and the
// person's title is an affiliation; the title's particle is the person's.
// `엔비디아 젠슨 황 CEO는`: an organisation right before a titled person is
// the person's employer.
void SentenceRules::JoinAffiliations() {
  for (size_t p = 0; p + 1 < parties_.size(); ++p) {
    Party& org = parties_[p];
    const Party& person = parties_[p + 1];
    if (!org.person && !org.place && !org.product && org.marker == Marker::kNone &&
        person.person && person.titled && org.end + 1 == person.begin && text_[org.end] == ' ') {
      parties_[p + 1].employer = static_cast<int>(p);
    }
  }
  for (size_t p = 0; p + 1 < parties_.size(); ++p) {
    Party& person = parties_[p];
    Party& title = parties_[p + 1];
    if (!person.person || person.marker != Marker::kNone || !title.titled) continue;
    const size_t gap = SkipParenthetical(text_, person.end, sentence_.end);
    if (gap + 1 != title.begin || text_[gap] != ' ') continue;
    person.marker = title.marker;
    person.marker_end = title.marker_end;
    person.titled = true;
    person.employer = static_cast<int>(p + 1);
    title.affiliation = true;
  }
}

void SentenceRules::FindQuotes() {
  size_t double_open = absl::string_view::npos, single_open = absl::string_view::npos;
  for (size_t i = sentence_.begin; i < sentence_.end; i += Utf8CharLength(text_, i)) {
    const char32_t c = CharAt(text_, i);
    // An apostrophe inside a Latin word (`OpenAI's`) is not a quote.
    const bool apostrophe = c == U'\'' && i > 0 && absl::ascii_isalpha(text_[i - 1]);
    size_t* open = nullptr;
    bool opens = false, closes = false;
    if (c == U'“' || c == U'”' || c == U'"') {
      open = &double_open;
      opens = c == U'“' || (c == U'"' && double_open == absl::string_view::npos);
      closes = c == U'”' || (c == U'"' && double_open != absl::string_view::npos);
    } else if (c == U'‘' || c == U'’' || (c == U'\'' && !apostrophe)) {
      open = &single_open;
      opens = c == U'‘' || (c == U'\'' && single_open == absl::string_view::npos);
      closes = c == U'’' || (c == U'\'' && single_open != absl::string_view::npos);
    }
    if (open == nullptr) continue;
    if (opens && !closes) {
      *open = i;
    } else if (closes && *open != absl::string_view::npos) {
      quotes_.emplace_back(*open, i);
      *open = absl::string_view::npos;
    }
  }
}

const std::pair<size_t, size_t>* SentenceRules::QuoteAround(size_t at) const {
  const std::pair<size_t, size_t>* inner = nullptr;
  for (const auto& quote : quotes_) {
    if (quote.first < at && at < quote.second &&
        (inner == nullptr || quote.second - quote.first < inner->second - inner->first)) {
      inner = &quote;
    }
  }
  return inner;
}

// True when parties p and p + 1 are joined by a middle dot (`애플·엔비디아`).
bool SentenceRules::JoinedByDot(size_t p) const {
  if (p + 1 >= parties_.size()) return false;
  const size_t gap_begin = SkipParenthetical(text_, parties_[p].end, sentence_.end);
  const absl::string_view gap =
      text_.substr(gap_begin, parties_[p + 1].begin - std::min(gap_begin, parties_[p + 1].begin));
  return gap == "\xC2\xB7" || gap == "\xE3\x83\xBB" || gap == "/";  // · ・ /
}

// Parties joined by dots share the last one's role; a chain that starts a
// headline and ends in a comma is its subject (`애플·엔비디아, 오픈AI에 ...`).
void SentenceRules::ShareChainedRoles() {
  for (size_t p = parties_.size(); p-- > 1;) {
    if (JoinedByDot(p - 1)) parties_[p - 1].marker = parties_[p].marker;
  }
  if (parties_.empty() ||
      parties_[0].begin != SkipLabel(text_, sentence_.begin, sentence_.end)) {
    return;
  }
  size_t last = 0;
  while (JoinedByDot(last)) ++last;
  const size_t after = SkipParenthetical(text_, parties_[last].end, sentence_.end);
  if (after < sentence_.end && text_[after] == ',') {
    for (size_t p = 0; p <= last; ++p) parties_[p].marker = Marker::kSubject;
  }
}

void SentenceRules::ReadMarker(Party& party) const {
  const size_t limit = sentence_.end;
  size_t i = party.end;
  while (i < limit && IsClosingQuote(CharAt(text_, i))) i += Utf8CharLength(text_, i);
  i = SkipParenthetical(text_, i, limit);
  while (i < limit && IsClosingQuote(CharAt(text_, i))) i += Utf8CharLength(text_, i);
  // `정씨는`, `A씨에게`: a suffix of the name comes before the particle.
  i += MatchWordAt(text_, i, limit, lex_.Words(WordList::kNameSuffixes), /*open_end=*/true);
  // A head noun between the name and its particle: `중국 당국이`, or a
  // former title: `강 전 감독은`.
  if (i < limit && text_[i] == ' ') {
    size_t head_at = i + 1;
    const size_t prefix = MatchWordAt(text_, head_at, limit, lex_.Words(WordList::kTitlePrefixes));
    if (prefix > 0 && head_at + prefix < limit && text_[head_at + prefix] == ' ') {
      head_at += prefix + 1;
    }
    const size_t head =
        MatchWordAt(text_, head_at, limit, lex_.Words(WordList::kHeadNouns), /*open_end=*/true);
    if (head == 0) {
      // `X 역시` is a subject; any other word after a space is not a particle.
      const size_t also = MatchWordAt(text_, i, limit, lex_.Words(WordList::kSubjectParticles));
      if (also > 0) {
        party.marker = Marker::kSubject;
        party.marker_end = i + also;
      } else {
        party.marker_end = i;
      }
      return;
    }
    i = SkipParenthetical(text_, head_at + head, limit);  // `최고재무책임자(CFO)는`
    party.titled = true;
  }
  // A headline's topic: `넷플릭스, 워너브러더스 106조 원에 인수`.
  if (i < limit && text_[i] == ',' && party.begin == SkipLabel(text_, sentence_.begin, limit)) {
    party.marker = Marker::kSubject;
    party.marker_end = i + 1;
    return;
  }
  // Lists in priority order; within a list the longest word wins.
  const std::pair<WordList, Marker> kLists[] = {
      {WordList::kReportParticles, Marker::kReport},
      {WordList::kSourceParticles, Marker::kSource},
      {WordList::kPartnerParticles, Marker::kPartner},
      {WordList::kSubjectParticles, Marker::kSubject},
      {WordList::kPossessives, Marker::kPossessive},
      {WordList::kRecipientParticles, Marker::kRecipient},
      {WordList::kObjectParticles, Marker::kObject},
  };
  for (const auto& [list, marker] : kLists) {
    const size_t length = MatchWordAt(text_, i, limit, lex_.Words(list));
    if (length > 0) {
      party.marker = marker;
      party.marker_end = i + length;
      return;
    }
  }
  party.marker_end = i;
}

void SentenceRules::FindCues() {
  const absl::string_view sentence =
      text_.substr(sentence_.begin, sentence_.end - sentence_.begin);
  std::vector<bool> taken(sentence.size(), false);
  for (const Cue& cue : lex_.cues()) {  // longest first: 영업이익 before 이익
    for (size_t at = sentence.find(cue.word); at != absl::string_view::npos;
         at = sentence.find(cue.word, at + 1)) {
      if (taken[at]) continue;
      const size_t begin = sentence_.begin + at;
      if (cue.prefix && IsHangulSyllable(CharBefore(text_, begin))) continue;
      std::fill(taken.begin() + at, taken.begin() + at + cue.word.size(), true);
      cues_.push_back({begin, begin + cue.word.size(), cue.relation, cue.weak, cue.penalty,
                       cue.payment, cue.sale, cue.per_unit});
    }
  }
  std::sort(cues_.begin(), cues_.end(),
            [](const CueHit& a, const CueHit& b) { return a.begin < b.begin; });
}

size_t SentenceRules::AmountGroupEnd(int a, std::vector<int>* conversions) const {
  size_t end = amounts_[a].end;
  for (size_t j = a + 1; j < amounts_.size() && amounts_[j].begin < sentence_.end; ++j) {
    if (amounts_[j].conversion_of != a) continue;
    conversions->push_back(static_cast<int>(j));
    end = std::max(end, amounts_[j].end);
  }
  if (!conversions->empty() && end < text_.size() && text_[end] == ')') ++end;
  return end;
}

// Picks the cue of the amount at [begin, end): one right before it, else the
// nearest after it in the same clause, else the nearest before it; weak cues
// only when there is no other.
const CueHit* SentenceRules::ChooseCue(size_t before_limit, size_t begin, size_t end,
                                       size_t after_limit) const {
  const CueHit* before = nullptr;
  const CueHit* after = nullptr;
  const CueHit* weak = nullptr;
  // A cue quoted elsewhere in the sentence (`'순이익 절반을 배당하겠다'고 속여
  // ... A를 받아`) is someone's words, not the name of the amount.
  const auto* amount_quote = QuoteAround(begin);
  const auto visible = [&](const CueHit& cue) { return QuoteAround(cue.begin) == amount_quote; };
  for (const CueHit& cue : cues_) {
    if (!visible(cue)) continue;
    if (cue.end <= begin && cue.begin >= before_limit && cue.end + kCueBeforeWindow >= begin) {
      // `매출과 A`: the cue is coordinated with the figure before A.
      if (MatchWordAt(text_, cue.end, begin, lex_.Words(WordList::kPartnerParticles)) > 0 ||
          ClauseBreakBetween(cue.end, begin)) {
        continue;
      }
      if (cue.weak) {
        if (weak == nullptr || weak->end <= begin) weak = &cue;
      } else {
        before = &cue;  // the last one before is the nearest
      }
    } else if (cue.begin >= end && cue.end <= after_limit &&
               cue.begin <= end + kCueAfterWindow && !ClauseBreakBetween(end, cue.begin)) {
      if (cue.weak) {
        if (weak == nullptr) weak = &cue;
      } else if (after == nullptr) {
        after = &cue;
      }
    }
  }
  // The head of a compound names it: `A 규모의 자주포 수출 계약` is a contract.
  while (after != nullptr && after->relation == Relation::kOther) {
    const CueHit* head = after + 1;
    if (head == cues_.data() + cues_.size() || head->weak || head->begin != after->end + 1 ||
        text_[after->end] != ' ' || head->end > after_limit) {
      break;
    }
    after = head;
  }
  // `A의 기업가치`: a cue the amount qualifies names it, before any other.
  if (after != nullptr && text_.substr(end, after->begin - std::min(end, after->begin)) ==
                              "\xEC\x9D\x98 ") {  // 의
    return after;
  }
  // `매출은 A`, `시가총액 약 A` name the amount; `투자를 위해 A`, `투자로 A의
  // 수익` do not.
  if (before != nullptr && before->end + kAdjacentCue >= begin &&
      MatchWordAt(text_, before->end, begin, lex_.Words(WordList::kObjectParticles)) == 0 &&
      MatchWordAt(text_, before->end, begin, lex_.Words(WordList::kRecipientParticles)) == 0 &&
      !WordEndingBetween(before->end, begin, WordList::kCueBreaks)) {
    return before;
  }
  if (after != nullptr) return after;
  if (before != nullptr) return before;
  // A generic word (투입, 규모) yields to a specific cue later in the clause:
  // `106조 원을 투입해 ... 스튜디오 부문과 HBO 맥스를 인수하기로`.
  for (const CueHit& cue : cues_) {
    if (visible(cue) && cue.begin >= end && cue.end <= after_limit && !cue.weak &&
        !ClauseBreakBetween(end, cue.begin)) {
      return &cue;
    }
  }
  return weak;
}

// True when a forecast word (예상치, 전망치) names the amount at [begin, end).
bool SentenceRules::IsEstimate(size_t before_limit, size_t begin, size_t end) const {
  for (const std::string& word : lex_.Words(WordList::kEstimates)) {
    const size_t from = std::max(before_limit, begin > kEstimateWindow ? begin - kEstimateWindow : 0);
    const absl::string_view near_before = text_.substr(from, begin - from);
    if (absl::StrContains(near_before, word)) return true;
    const size_t after = std::min(sentence_.end, end + kAdjacentCue);
    if (absl::StrContains(text_.substr(end, after - end), word)) return true;
  }
  return false;
}

bool SentenceRules::ClauseBreakBetween(size_t begin, size_t end) const {
  if (end <= begin) return false;
  return ContainsListWord(text_.substr(begin, end - begin), WordList::kClauseBreaks);
}

// True when `span` contains a word of `list` anywhere.
bool SentenceRules::ContainsListWord(absl::string_view span, WordList list) const {
  const auto& words = lex_.Words(list);
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& word) { return absl::StrContains(span, word); });
}

// True when a space-separated word of [begin, end) ends in a word of `list`:
// an adverbial particle after a cue (`cue_break`: the cue is a means or
// qualifies another noun, `요금 인상으로 A의 수익`, `합병 법인에 A를 출자`), or
// a source (`X는 Y로부터 주당 A의 인수 제안을 받았다`: the subject receives
// the offer; the bidder owns it).
//
// A word that starts with a digit (`1분기에`, `3월에`) or is a period word
// (`period`: 지난해에, 상반기에) dates the figure and breaks nothing:
// `매출은 1분기에 A, 영업이익은 B` keeps 매출 for A.
bool SentenceRules::WordEndingBetween(size_t begin, size_t end, WordList list) const {
  const auto& endings = lex_.Words(list);
  for (size_t i = begin; i < end;) {
    const size_t space = std::min(text_.find(' ', i), end);
    const absl::string_view word = text_.substr(i, space - i);
    i = space + 1;
    if (!word.empty() && absl::ascii_isdigit(static_cast<unsigned char>(word[0]))) continue;
    for (const std::string& ending : endings) {
      if (!absl::EndsWith(word, ending)) continue;
      if (Contains(lex_.Words(WordList::kPeriods), word.substr(0, word.size() - ending.size()))) {
        continue;
      }
      return true;
    }
  }
  return false;
}

// True when `subject` is the subject of a relative clause modifying the
// amount's noun phrase, and that clause's verb is not the amount's cue:
// `삼성물산은 카타르 정부가 발주한 A 규모의 사업을 수주했다` is the contractor's
// (수주), not the client's (발주한); `오픈AI가 유치한 A` stays the subject's.
bool SentenceRules::InRelativeClause(const Party& subject, size_t begin,
                                     const CueHit* cue) const {
  if (begin < 2 || text_[begin - 1] != ' ' || !EndsInAdnominal(text_, begin - 1)) return false;
  const size_t verb = text_.rfind(' ', begin - 2);
  const size_t verb_begin = verb == absl::string_view::npos ? 0 : verb + 1;
  // A noun ends in ㄴ as well (`같은 기간`, `연간`): only a verb's syllable.
  char32_t syllable = 0;
  const size_t start = DecodeUtf8Before(text_, begin - 1, &syllable);
  if (!Contains(lex_.Words(WordList::kRelativeVerbEnds),
                text_.substr(start, begin - 1 - start))) {
    return false;
  }
  if (verb_begin < subject.marker_end ||
      WordsBetween(text_, subject.marker_end, begin) > kRelativeGapWords ||
      ClauseBreakBetween(subject.end, begin)) {
    return false;
  }
  return cue == nullptr || cue->begin < subject.marker_end || cue->begin >= begin;
}

// True when the amount ending at `end` and the one at `next_begin` are
// coordinated (`A과 B를 출자했다`, `A, B를 각각`): they share the cue after both.
bool SentenceRules::Coordinated(size_t end, size_t next_begin) const {
  if (next_begin <= end) return false;
  const absl::string_view gap = text_.substr(end, next_begin - end);
  return gap == ", " || gap == " \xEB\xB0\x8F " ||  // 및
         (gap.size() > 1 && gap.back() == ' ' &&
          Contains(lex_.Words(WordList::kPartnerParticles), gap.substr(0, gap.size() - 1))) ||
         EnumeratedSubject(end, next_begin) || ParallelObjects(end, next_begin);
}

// True when [end, next_begin) is `을, X에 ` (a few words, no cue): parallel
// objects of one verb (`청주 공장에 A을, 용인 클러스터에 B을 투자한다`).
bool SentenceRules::ParallelObjects(size_t end, size_t next_begin) const {
  const size_t object = MatchWordAt(text_, end, next_begin, lex_.Words(WordList::kObjectParticles),
                                    /*open_end=*/true);
  if (object == 0 || text_.compare(end + object, 2, ", ") != 0) return false;
  const size_t from = end + object + 2;
  return next_begin > from && WordsBetween(text_, from, next_begin) <= 3 &&
         !ClauseBreakBetween(end, next_begin) &&
         std::none_of(cues_.begin(), cues_.end(), [&](const CueHit& c) {
           return c.begin < next_begin && c.end > from;
         });
}

// True when [end, next_begin) is `, W ` with W one word marked as a subject
// that is not a figure's name: the next amount is W's in an enumeration
// (`삼성물산이 A, DL이앤씨가 B, 포스코이앤씨가 C의 해외 수주`).
bool SentenceRules::EnumeratedSubject(size_t end, size_t next_begin) const {
  const absl::string_view gap = text_.substr(end, next_begin - end);
  if (gap.size() < 4 || !absl::StartsWith(gap, ", ") || gap.back() != ' ') return false;
  const size_t word_begin = end + 2, word_end = next_begin - 1;
  if (text_.substr(word_begin, word_end - word_begin).find(' ') != absl::string_view::npos) {
    return false;
  }
  const char32_t last = CharBefore(text_, word_end);
  if (last != U'이' && last != U'가' && last != U'은' && last != U'는') return false;
  return std::none_of(cues_.begin(), cues_.end(), [&](const CueHit& c) {
    return c.begin < word_end && c.end > word_begin;
  });
}

// True when the amount's own cue stands in [begin, end) with a subject
// particle (`미국 상무부는 9월 무역적자가 ... A`): the clause's subject is
// the figure, and the entity before it reports it.
bool SentenceRules::FigureSubjectBetween(size_t begin, size_t end, const CueHit* cue) const {
  if (cue == nullptr || cue->begin < begin || cue->end > end ||
      MatchWordAt(text_, cue->end, end, lex_.Words(WordList::kSubjectParticles)) == 0) {
    return false;
  }
  // Only in a reported clause (`... 528억 달러로 집계됐다고 밝혔다`); without
  // one, `엔비디아는 ... 주가가 A` is the double subject of one owner.
  return ContainsListWord(text_.substr(end, sentence_.end - end), WordList::kQuotatives);
}

void SentenceRules::SetScope(size_t at) {
  scope_begin_ = sentence_.begin;
  scope_end_ = sentence_.end;
  if (const auto* quote = QuoteAround(at)) {
    scope_begin_ = quote->first;
    scope_end_ = quote->second;
    return;
  }
  // `X에 따르면`, `X가 분석한 결과,`: what precedes is the news's source.
  const absl::string_view before = text_.substr(sentence_.begin, at - sentence_.begin);
  for (const std::string& word : lex_.Words(WordList::kReportClauses)) {
    const size_t found = before.rfind(word);
    if (found == absl::string_view::npos || QuoteAround(sentence_.begin + found) != nullptr) {
      continue;
    }
    scope_begin_ = std::max(scope_begin_, sentence_.begin + found + word.size());
  }
}

// `5만원권`: a banknote, no one's money.
bool SentenceRules::IsDenomination(size_t end) const {
  return MatchWordAt(text_, end, sentence_.end, lex_.Words(WordList::kDenominations),
                     /*open_end=*/true) > 0;
}

// `자산 A 이상 상장사`, `A 미만일 때`, `A 이상이면`: a limit that defines a
// class or a condition, no one's money; `A 이상의 일감`, `A 이상을 투자` and
// `A 이상 투자` are sums.
bool SentenceRules::IsThreshold(size_t end) const {
  if (end >= sentence_.end || text_[end] != ' ') return false;
  const size_t word = MatchWordAt(text_, end + 1, sentence_.end,
                                  lex_.Words(WordList::kThresholds), /*open_end=*/true);
  if (word == 0) return false;
  const size_t after = end + 1 + word;
  const char32_t next = CharAt(text_, after);
  if (next == U'인' || next == U'일' || (next == U'이' && CharAt(text_, after + 3) == U'면')) {
    return true;
  }
  if (next != U' ') return false;
  // `A 이상 상장사`: a noun, not a cue (`A 이상 투자`) nor a verb (`늘었다`).
  const size_t noun_end = std::min(text_.find(' ', after + 1), sentence_.end);
  const absl::string_view noun = text_.substr(after + 1, noun_end - after - 1);
  const bool cue = std::any_of(cues_.begin(), cues_.end(), [&](const CueHit& c) {
    return c.begin >= after && c.begin < noun_end;
  });
  const char32_t last = CharBefore(text_, noun_end);
  return !noun.empty() && !cue && last != U'다' && last != U'고' && last != U'며' &&
         last != U'해' && last != U'서' && last != U'.';
}

void SentenceRules::Credit(int party, absl::string_view rule, double confidence,
                           Attribution& out) const {
  out.entity = parties_[party].index;
  out.rule = std::string(rule);
  out.confidence = confidence;
}

// Tries, in order: a forecast (no owner), the entity the amount modifies,
// the entity whose parenthetical holds it, the owner of its cue word, and the
// entities the clause marks with particles.
void SentenceRules::ChooseEntity(size_t before_limit, size_t begin, size_t end,
                                 const CueHit* cue, Attribution& out) const {
  if (IsEstimate(before_limit, begin, end)) {
    out.rule = "estimate";
    return;
  }
  if (IsDenomination(amounts_[out.amount].end)) {
    out.rule = "denomination";
    return;
  }
  if (IsThreshold(amounts_[out.amount].end)) {
    out.rule = "threshold";
    return;
  }
  if (TryFollowing(end, out) || TryParenthetical(begin, out) || TryCleft(end, out) ||
      TryPossessive(begin, cue, out) || TryMarked(begin, cue, out) || TryTopic(begin, out) ||
      TrySpeaker(begin, out)) {
    if (ForecastOfAnother(begin, end, out)) {
      out.entity = -1;
      out.confidence = 0;
      out.rule = "forecast";
    }
    return;
  }
  // `엔비디아 지분 매각이 오픈AI 지분 확보(약 51조 원 투자)`: only the
  // investee is named; as in counterparty_only, it stands for the deal.
  if (investee_ >= 0) {
    Credit(investee_, "counterparty_only", 0.5, out);
    return;
  }
  out.rule = "none";
}

// True when the amount is a forecast (`... A에 이를 것으로 전망했다`) and its
// owner is not the one who makes it, the sentence's subject outside any
// quotation: `분석가들은 애플의 EPS가 A에 이를 것으로 예상했다` is no one's
// figure yet; `엔비디아는 3분기 매출은 A에 이를 것으로 전망했다` is 엔비디아's.
bool SentenceRules::ForecastOfAnother(size_t begin, size_t end, const Attribution& out) const {
  const absl::string_view rest = text_.substr(end, sentence_.end - end);
  // `하이브가 ... A를 회복할 것이라는 관측이 나온다`: the forecaster is unnamed.
  // Only in the amount's own clause: `하이브는 1분기 매출 A를 기록했으며, 2분기에도
  // ... 것이라는 전망이 나온다` keeps A the company's.
  for (const std::string& word : lex_.Words(WordList::kOthersForecasts)) {
    const size_t at = rest.find(word);
    if (at != absl::string_view::npos && !ClauseBreakBetween(end, end + at)) return true;
  }
  if (!ContainsListWord(rest, WordList::kForecasts)) return false;
  for (const Party& party : parties_) {
    if (party.marker != Marker::kSubject || party.reporter || party.product ||
        QuoteAround(party.begin) != nullptr) {
      continue;
    }
    // `가트너는 시장이 A 규모로 성장할 것으로 예측했다`: the forecaster's clause
    // has another subject, not one of its figures.
    const bool own = party.index == out.entity ||
                     (party.employer >= 0 && parties_[party.employer].index == out.entity);
    return !own || OtherSubjectBetween(party.marker_end, begin);
  }
  return true;
}

// True when a word of [begin, end) is marked 이/가 and is neither a party
// nor a figure's name (a cue that is not weak): the subject of an embedded
// clause (`시장이`, `피해액이`).
bool SentenceRules::OtherSubjectBetween(size_t begin, size_t end) const {
  for (size_t i = begin; i < end;) {
    const size_t space = std::min(text_.find(' ', i), end);
    const char32_t last = CharBefore(text_, space);
    const bool nominative = space > i + 3 && (last == U'이' || last == U'가');
    const bool party = std::any_of(parties_.begin(), parties_.end(), [&](const Party& p) {
      return p.begin < space && p.marker_end > i;
    });
    const bool figure = std::any_of(cues_.begin(), cues_.end(), [&](const CueHit& c) {
      return c.begin < space && c.end > i;
    });
    if (nominative && !party && !figure) return true;
    i = space + 1;
  }
  return false;
}

// `A의 영업이익을 낸 곳은 셀트리온이다`, `A를 투자하겠다고 나선 곳은 일본
// 도요타자동차였다`: a cleft names the owner as its predicate.
bool SentenceRules::TryCleft(size_t end, Attribution& out) const {
  const absl::string_view rest = text_.substr(end, scope_end_ - std::min(end, scope_end_));
  size_t head_end = absl::string_view::npos;
  for (const std::string& word : lex_.Words(WordList::kClefts)) {
    const size_t at = rest.find(" " + word + " ");
    if (at != absl::string_view::npos) head_end = end + at + word.size() + 2;
  }
  if (head_end == absl::string_view::npos || ClauseBreakBetween(end, head_end)) return false;
  for (size_t p = 0; p < parties_.size(); ++p) {
    const Party& party = parties_[p];
    if (party.begin < head_end || party.reporter || !InScope(party)) continue;
    const size_t after = SkipParenthetical(text_, party.end, scope_end_);
    if (MatchWordAt(text_, after, scope_end_, lex_.Words(WordList::kCopulas)) == 0) continue;
    Credit(static_cast<int>(p), "cleft", 0.7, out);
    return true;
  }
  return false;
}

// `최수연 네이버 대표는 "내년까지 ... A를 투자하겠다"고 말했다`: a quoted sum
// with no owner inside the quotation is the company of the titled speaker
// (not the speaker, and not the sums a bare speaker talks about).
bool SentenceRules::TrySpeaker(size_t begin, Attribution& out) const {
  const auto* quote = QuoteAround(begin);
  if (quote == nullptr) return false;
  for (const Party& party : parties_) {
    if (party.begin >= quote->first) break;
    if (party.marker != Marker::kSubject || party.employer < 0 ||
        QuoteAround(party.begin) != nullptr) {
      continue;
    }
    const Party& employer = parties_[party.employer];
    if (employer.reporter || employer.place || employer.product) return false;
    // `"경쟁사들이 AI에 A를 쏟아붓고 있다"`: the quotation names another subject.
    if (OtherSubjectBetween(quote->first, begin)) return false;
    Credit(party.employer, "speaker_company", 0.6, out);
    return true;
  }
  return false;
}

// `140억달러인 파라마운트가` (copula) and `30억달러를 조달한 ... 알토스 랩스`
// (relative clause): the amount describes the entity after it.
bool SentenceRules::TryFollowing(size_t end, Attribution& out) const {
  const size_t limit = std::min(sentence_.end, scope_end_);
  const auto cue_at = [&](size_t at) {
    for (const CueHit& cue : cues_) {
      if (cue.begin == at) return true;
    }
    return false;
  };
  const size_t copula = MatchWordAt(text_, end, limit, lex_.Words(WordList::kCopulaEndings));
  if (copula > 0) {
    for (size_t p = 0; p < parties_.size(); ++p) {
      if (parties_[p].begin < end + copula) continue;
      if (WordsBetween(text_, end + copula, parties_[p].begin) == 0 && !parties_[p].product &&
          InScope(parties_[p])) {
        Credit(static_cast<int>(p), "copula_modifier", 0.8, out);
        return true;
      }
      break;
    }
  }
  // `4000억달러가 넘는 넷플릭스에`: one adnominal verb, then the entity.
  size_t verb = end + MatchWordAt(text_, end, limit, lex_.Words(WordList::kSubjectParticles));
  if (verb < limit && text_[verb] == ' ') {
    const size_t verb_end = std::min(limit, text_.find(' ', verb + 1));
    if (EndsInAdnominal(text_, verb_end) && !cue_at(verb + 1)) {
      for (size_t p = 0; p < parties_.size(); ++p) {
        if (parties_[p].begin < verb_end) continue;
        if (parties_[p].begin == verb_end + 1 && !parties_[p].product &&
            !parties_[p].reporter && InScope(parties_[p])) {
          Credit(static_cast<int>(p), "adnominal", 0.7, out);
          return true;
        }
        break;
      }
    }
  }
  for (const CueHit& cue : cues_) {
    if (cue.begin < end || cue.begin > end + kAdjacentCue) continue;
    const size_t relative =
        MatchWordAt(text_, cue.end, limit, lex_.Words(WordList::kRelativeEndings));
    if (relative == 0) return false;
    for (size_t p = 0; p < parties_.size(); ++p) {
      const Party& party = parties_[p];
      if (party.begin < cue.end + relative) continue;
      if (party.product || party.reporter || !InScope(party) ||
          WordsBetween(text_, cue.end + relative, party.begin) > kRelativeGapWords) {
        return false;
      }
      Credit(static_cast<int>(p), "relative_clause", 0.7, out);
      return true;
    }
    return false;
  }
  return false;
}

// `마이크로소프트(MS·3조 1332억 달러)`, `애플(3조 4345억 달러)`.
bool SentenceRules::TryParenthetical(size_t begin, Attribution& out) const {
  const size_t from = begin > sentence_.begin + 24 ? begin - 24 : sentence_.begin;
  const size_t open = text_.rfind('(', begin);
  if (open == absl::string_view::npos || open < from) return false;
  const absl::string_view inside = text_.substr(open + 1, begin - open - 1);
  if (absl::StrContains(inside, " ") || absl::StrContains(inside, ")")) return false;
  for (size_t p = 0; p < parties_.size(); ++p) {
    if (parties_[p].end == open && !parties_[p].reporter && InScope(parties_[p])) {
      Credit(static_cast<int>(p), "parenthetical", 0.75, out);
      return true;
    }
  }
  return false;
}

// `엔비디아의 2분기 매출은 A`, `엔비디아 시총은 A`, `엔비디아는 3분기 매출은 A`:
// the entity right before the amount's cue owns the figure.
bool SentenceRules::TryPossessive(size_t begin, const CueHit* cue, Attribution& out) const {
  // `중국의 105조 원 규모 ...`: the entity's amount.
  int last = -1;
  for (size_t p = 0; p < parties_.size() && parties_[p].end <= begin; ++p) {
    last = static_cast<int>(p);
  }
  if (last >= 0 && InScope(parties_[last]) && parties_[last].marker == Marker::kPossessive &&
      WordsBetween(text_, parties_[last].marker_end, begin) == 0) {
    Credit(last, "possessive", 0.7, out);
    return true;
  }
  if (cue == nullptr || cue->end > begin) return TryPossessiveSubject(begin, out);
  int owner = -1;
  for (size_t p = 0; p < parties_.size() && parties_[p].end <= cue->begin; ++p) {
    owner = static_cast<int>(p);
  }
  if (owner < 0 || !InScope(parties_[owner])) return false;
  const Party& party = parties_[owner];
  if (ClauseBreakBetween(party.end, cue->begin)) return false;
  const int gap = WordsBetween(text_, party.marker_end, cue->begin);
  switch (party.marker) {
    case Marker::kPossessive:
      if (gap > kPossessiveGapWords) return false;
      Credit(owner, "possessive", 0.85, out);
      return true;
    case Marker::kNone:
      if (gap > kCompoundGapWords || party.reporter) return false;
      // `애플은 중국 시장에서 매출 A`: a place before the cue is the region of
      // an earlier subject's figure.
      if (party.place && std::any_of(parties_.begin(), parties_.begin() + owner,
                                     [&](const Party& p) {
                                       return p.marker == Marker::kSubject && !p.reporter &&
                                              !p.place && InScope(p);
                                     })) {
        return false;
      }
      if (cue->relation == Relation::kInvest || cue->relation == Relation::kAcquire) {
        // `Arm 지분`, `앤트로픽 투자액`: the name is the investee or target;
        // the owner is the possessive before it (`아마존의 앤트로픽 투자액`)
        // or the clause's subject (`소프트뱅크는 ... Arm 지분 25%를 A에`).
        const Party* investor = owner > 0 ? &parties_[owner - 1] : nullptr;
        if (investor != nullptr && investor->marker == Marker::kPossessive &&
            InScope(*investor) && !investor->reporter &&
            WordsBetween(text_, investor->marker_end, party.begin) == 0) {
          Credit(owner - 1, "possessive", 0.85, out);
          return true;
        }
        investee_ = owner;
        return false;
      }
      Credit(owner, "compound", 0.8, out);
      return true;
    case Marker::kSubject:
      if (gap > kSubjectPossessiveGapWords || party.reporter || party.product) return false;
      Credit(owner, "subject_figure", 0.75, out);
      return true;
    default:
      return false;
  }
}

// `버크셔해서웨이의 현금 보유액은 A`: without a cue, a possessive entity
// whose noun phrase is the subject right before the amount owns it.
bool SentenceRules::TryPossessiveSubject(size_t begin, Attribution& out) const {
  int last = -1;
  for (size_t p = 0; p < parties_.size() && parties_[p].end <= begin; ++p) {
    last = static_cast<int>(p);
  }
  if (last < 0) return false;
  const Party& party = parties_[last];
  if (party.marker != Marker::kPossessive || !InScope(party) || party.reporter ||
      WordsBetween(text_, party.marker_end, begin) > kSubjectPossessiveGapWords ||
      ClauseBreakBetween(party.end, begin) || begin < 1 || text_[begin - 1] != ' ') {
    return false;
  }
  const char32_t particle = CharBefore(text_, begin - 1);
  if (particle != U'은' && particle != U'는' && particle != U'이' && particle != U'가') return false;
  Credit(last, "possessive", 0.7, out);
  return true;
}

// True when `subject` does not own the amount at [begin, end): the amount's
// cue is the subject of a reported clause (`미국 상무부는 9월 무역적자가 ...
// A로 집계됐다고`), the amount itself is the subject of a finding (`경찰은
// ... A가 오간 것으로 파악했다`), or another subject names this amount in an
// enumeration (`한솔홀딩스가 A, 외부 투자자들이 나머지 B를`).
bool SentenceRules::SubjectBlocked(const Party& subject, size_t begin, size_t end,
                                   const CueHit* cue) const {
  if (FigureSubjectBetween(subject.marker_end, begin, cue)) return true;
  // `엔비디아가 인수를 추진 중인 이스라엘 스타트업의 몸값은 A`: a valuation or
  // market value is its possessor's, here not a party.
  if (cue != nullptr && cue->begin >= subject.marker_end + 4 && cue->end <= begin &&
      (cue->relation == Relation::kValuation || cue->relation == Relation::kMarketValue) &&
      text_.compare(cue->begin - 4, 4, "\xEC\x9D\x98 ") == 0 &&  // 의
      std::none_of(parties_.begin(), parties_.end(),
                   [&](const Party& p) { return p.marker_end == cue->begin - 1; })) {
    return true;
  }
  // `크래프톤은 인도 게임사에 A를 투자했으며 이 회사의 기업가치는 B`: a
  // valuation in a later clause is of the company invested in or bought.
  if (cue != nullptr && cue->relation == Relation::kValuation &&
      ClauseBreakBetween(subject.end, begin) &&
      std::any_of(cues_.begin(), cues_.end(), [&](const CueHit& c) {
        return (c.relation == Relation::kInvest || c.relation == Relation::kAcquire) &&
               c.begin >= subject.marker_end && ClauseBreakBetween(c.end, begin);
      })) {
    return true;
  }
  if (MatchWordAt(text_, end, sentence_.end, lex_.Words(WordList::kSubjectParticles)) > 0) {
    const absl::string_view rest = text_.substr(end, sentence_.end - end);
    for (const std::string& word : lex_.Words(WordList::kQuotatives)) {
      if (absl::StartsWith(word, "것으로") && absl::StrContains(rest, word)) return true;
    }
  }
  if (previous_end_ <= subject.end || previous_end_ >= begin) return false;
  if (EnumeratedSubject(previous_end_, begin)) return true;
  // A word marked as a subject between the previous amount and this one,
  // not a party and not a figure's name.
  for (size_t i = previous_end_; i < begin;) {
    const size_t space = std::min(text_.find(' ', i), begin);
    const bool party = std::any_of(parties_.begin(), parties_.end(), [&](const Party& p) {
      return p.begin < space && p.marker_end > i;
    });
    const bool figure = std::any_of(cues_.begin(), cues_.end(), [&](const CueHit& c) {
      return !c.weak && c.begin < space && c.end > i;
    });
    // A plural subject (`투자자들이`, `은행들은`): a bare 이/가/은/는 ends as
    // many other words (`추가`, `받는`).
    const absl::string_view word = text_.substr(i, space - i);
    const auto& plurals = lex_.Words(WordList::kPluralSubjects);
    const bool plural_subject = std::any_of(plurals.begin(), plurals.end(), [&](const std::string& p) {
      return absl::EndsWith(word, p);
    });
    if (!party && !figure && plural_subject) {
      return true;
    }
    i = space + 1;
  }
  return false;
}

// True when the amount is a fine and the sentence's verb imposes it
// (`공정위는 ... 제지업체들에 과징금 A를 부과했다`): its subject does not pay it.
bool SentenceRules::Imposes(const CueHit* cue) const {
  if (cue == nullptr || !cue->penalty) return false;
  const absl::string_view rest = text_.substr(cue->end, sentence_.end - cue->end);
  const auto& verbs = lex_.Words(WordList::kImpositions);
  return std::any_of(verbs.begin(), verbs.end(),
                     [&](const std::string& verb) { return absl::StrContains(rest, verb); });
}

// The clause's particles: an investor marked by 로부터, else the nearest
// subject before the amount, else a deal partner (와/과), else for an
// investment, acquisition or deal the only party named (its investee,
// target or partner).
bool SentenceRules::TryMarked(size_t begin, const CueHit* cue, Attribution& out) const {
  int source = -1, subject = -1, partner = -1, other = -1, recipient = -1, named = 0;
  int product_subject = -1;  // `디즈니플러스는 ... 제작비로 A를 투입했다`
  for (size_t p = 0; p < parties_.size() && parties_[p].end <= begin; ++p) {
    const Party& party = parties_[p];
    if (party.product && party.marker == Marker::kSubject && InScope(party) &&
        !ClauseBreakBetween(party.end, begin) && !SubjectBlocked(party, begin, amount_end_, cue)) {
      product_subject = static_cast<int>(p);
    }
    if (party.reporter || party.product || !InScope(party)) continue;
    ++named;
    // A place owns a figure by particle only when a cue says which
    // (`중국은 ... 보조금 A`); `동남아는 2달러에서 10달러로` is a destination's fare.
    if (party.place && cue == nullptr) continue;
    // A subject reaches over coordinated clauses (Korean drops a repeated
    // subject); the other roles stay inside their clause.
    if (party.marker != Marker::kSubject && ClauseBreakBetween(party.end, begin)) continue;
    const int index = static_cast<int>(p);
    switch (party.marker) {
      case Marker::kSource:
        source = index;
        break;
      case Marker::kSubject:
        // An outer subject is kept over the subject of a relative clause.
        if (!SubjectBlocked(party, begin, amount_end_, cue) && !Imposes(cue) &&
            !(out.relation == Relation::kAcquire && WordEndingBetween(party.marker_end, begin, WordList::kSourceParticles)) &&
            (subject < 0 || !InRelativeClause(party, begin, cue))) {
          subject = index;
        }
        break;
      case Marker::kPartner:
        partner = index;
        break;
      case Marker::kRecipient:
        recipient = index;
        // A place is a destination (`미국에 A를 투자`), never the other party.
        if (!party.place) other = index;
        break;
      case Marker::kObject:
        if (!party.place) other = index;
        break;
      default:
        break;
    }
  }
  if (source >= 0 && out.relation == Relation::kInvest) {
    Credit(source, "source", 0.75, out);
  } else if (cue != nullptr && cue->penalty && recipient >= 0) {
    // `검찰이 박지원 의원에게 벌금 500만원을 구형했다`: the fined one's.
    Credit(recipient, "penalized", 0.65, out);
  } else if (cue != nullptr && cue->sale && recipient >= 0) {
    // `그래프코어는 소프트뱅크에 A에 매각됐다`: the buyer's, not the seller's.
    Credit(recipient, "buyer", 0.6, out);
  } else if (subject >= 0) {
    Credit(subject, "subject_particle", 0.7, out);
  } else if (cue != nullptr && cue->payment && recipient >= 0) {
    // `법원은 피해자 A씨에게 위자료 A를 지급하라고`: no payer named.
    Credit(recipient, "payee", 0.55, out);
  } else if (partner >= 0 && out.relation == Relation::kContract) {
    Credit(partner, "deal_partner", 0.65, out);
  } else if (other >= 0 && named == 1 &&
             (out.relation == Relation::kInvest || out.relation == Relation::kAcquire ||
              out.relation == Relation::kContract)) {
    Credit(other, "counterparty_only", 0.5, out);
  } else if (product_subject >= 0 && named == 0) {
    Credit(product_subject, "product_subject", 0.5, out);
  } else {
    return false;
  }
  return true;
}

// `엔비디아의 주가는 20% 폭락했지만, ... 126달러에 머물러`, `엔비디아 주가는
// ... 130.00달러에 거래를 마쳤다`: an entity's figure as the sentence's
// topic owns a later amount with no owner of its own, across clauses; the
// amount takes the figure's relation when it has no specific cue.
bool SentenceRules::TryTopic(size_t begin, Attribution& out) const {
  for (size_t p = parties_.size(); p-- > 0;) {
    const Party& party = parties_[p];
    if (party.end > begin || party.reporter || !InScope(party)) continue;
    if (party.marker != Marker::kPossessive && party.marker != Marker::kNone) continue;
    for (const CueHit& cue : cues_) {
      if (cue.begin < party.marker_end || cue.end > begin) continue;
      if (WordsBetween(text_, party.marker_end, cue.begin) > 0) break;
      if (MatchWordAt(text_, cue.end, begin, lex_.Words(WordList::kSubjectParticles)) == 0 ||
          WordsBetween(text_, cue.end, begin) > kTopicGapWords) {
        break;
      }
      Credit(static_cast<int>(p), "figure_topic", 0.6, out);
      if (out.cue_end == out.cue_begin || out.relation == Relation::kOther) {
        out.relation = cue.relation;
        out.cue_begin = cue.begin;
        out.cue_end = cue.end;
      }
      return true;
    }
  }
  return false;
}

// Returns the party (index in parties_) on the other side: the investee or
// target (에, 을/를), the deal partner (와/과), the source of a raise (로부터),
// or the recipient of an investment credited to its source; -1 when none.
int SentenceRules::Counterparty(int entity_party, size_t begin, size_t end,
                                Relation relation) const {
  const Party& owner = parties_[entity_party];
  int found = -1;
  for (size_t p = 0; p < parties_.size(); ++p) {
    const Party& party = parties_[p];
    if (static_cast<int>(p) == entity_party || party.reporter || party.product ||
        party.place || !InScope(party)) {
      continue;
    }
    if (party.begin < std::min(owner.end, begin) || party.begin > end) continue;
    const size_t from = std::min(party.end, begin), to = std::max(party.begin, begin);
    if (ClauseBreakBetween(from, to)) continue;
    bool fits = false;
    switch (relation) {
      case Relation::kInvest:
        fits = party.marker == Marker::kRecipient || party.marker == Marker::kObject ||
               (owner.marker == Marker::kSource && party.marker == Marker::kSubject);
        break;
      case Relation::kAcquire:
        fits = party.marker == Marker::kObject;
        break;
      case Relation::kContract:
        fits = party.marker == Marker::kPartner;
        break;
      case Relation::kFund:
        fits = party.marker == Marker::kSource;
        break;
      default:
        fits = party.marker == Marker::kRecipient;
        break;
    }
    if (fits && (found < 0 || party.begin < begin)) found = static_cast<int>(p);
  }
  return found;
}

std::vector<Attribution> SentenceRules::Run() {
  std::vector<Attribution> found;
  std::vector<int> money;
  for (size_t a = 0; a < amounts_.size(); ++a) {
    const Amount& amount = amounts_[a];
    if (amount.begin < sentence_.begin || amount.end > sentence_.end) continue;
    if (amount.kind == AmountKind::kMoney && amount.conversion_of < 0) {
      money.push_back(static_cast<int>(a));
    }
  }
  size_t before_limit = sentence_.begin;
  for (size_t m = 0; m < money.size(); ++m) {
    Attribution out;
    out.amount = money[m];
    const size_t begin = amounts_[out.amount].begin;
    const size_t end = AmountGroupEnd(out.amount, &out.conversions);
    // The next amount bounds the cues after this one, unless it is the other
    // end of this range (`2000억 위안에서 5000억 위안에 이르는 보조금`).
    size_t next = m + 1;
    while (next < money.size() &&
           (amounts_[money[next]].range_partner == out.amount ||
            Coordinated(GroupEnd(money[next - 1]), amounts_[money[next]].begin))) {
      ++next;
    }
    const size_t after_limit = next < money.size() ? amounts_[money[next]].begin : sentence_.end;
    // Coordinated amounts share the cue after the last of them.
    const size_t cue_from = next > m + 1 ? GroupEnd(money[next - 1]) : end;
    SetScope(begin);
    // Cues before the amount may lie before an earlier amount (`주가는 6.25%(1만
    // 1200원) 빠진 16만 8100원`); the nearest still wins.
    const CueHit* cue = ChooseCue(sentence_.begin, begin, std::max(end, cue_from), after_limit);
    if (cue != nullptr) {
      out.relation = cue->relation;
      out.cue_begin = cue->begin;
      out.cue_end = cue->end;
    }
    out.per_unit = cue != nullptr && cue->per_unit;
    amount_end_ = end;
    investee_ = -1;
    previous_end_ = m > 0 ? before_limit : 0;
    if (m > 0 && found.back().amount == money[m - 1] &&
        text_.substr(before_limit, begin - before_limit) == "에서 ") {
      // `4500원에서 4700원으로`: the other end of a change is the same figure.
      const std::vector<int> conversions = std::move(out.conversions);
      out = found.back();
      out.amount = money[m];
      out.conversions = conversions;
    } else {
      ChooseEntity(before_limit, begin, end, cue, out);
      Distribute(money, m, out);
      SetCounterparty(begin, end, cue, out);
      PublicSpending(cue, out);
      Unidentified(out);
    }
    found.push_back(std::move(out));
    before_limit = end;
  }
  return found;
}

// `삼성전자와 LG전자는 각각 A과 B를 투자`: coordinated subjects and as many
// coordinated amounts, with a distributive word, pair up in order.
void SentenceRules::Distribute(const std::vector<int>& money, size_t m, Attribution& out) const {
  int last = -1;
  for (size_t p = 0; p < parties_.size(); ++p) {
    if (parties_[p].index == out.entity) last = static_cast<int>(p);
  }
  if (last < 0 || parties_[last].marker != Marker::kSubject) return;
  // The chain of partners before the subject, each with its own possessive
  // modifier left out (`AMD의 진 후 CFO와 인텔의 데이비드 진스너 CFO는`).
  std::vector<int> chain = {last};
  for (int p = last - 1; p >= 0; --p) {
    const Party& next = parties_[chain.back()];
    if (parties_[p].marker == Marker::kPossessive && parties_[p].marker_end + 1 == next.begin) {
      continue;
    }
    if (parties_[p].marker != Marker::kPartner) break;
    const int modifier = p + 1 < chain.back() ? p + 1 : -1;  // a possessive skipped
    const size_t next_begin = modifier >= 0 ? parties_[modifier].begin : next.begin;
    if (parties_[p].marker_end + 1 != next_begin) break;
    chain.push_back(p);
  }
  size_t group_begin = m, group_end = m + 1;  // the coordinated amounts around m
  while (group_begin > 0 && Coordinated(GroupEnd(money[group_begin - 1]),
                                        amounts_[money[group_begin]].begin)) {
    --group_begin;
  }
  while (group_end < money.size() &&
         Coordinated(GroupEnd(money[group_end - 1]), amounts_[money[group_end]].begin)) {
    ++group_end;
  }
  if (chain.size() < 2 || chain.size() != group_end - group_begin) return;
  const size_t from = parties_[last].marker_end, to = amounts_[money[group_begin]].begin;
  if (to <= from) return;
  const absl::string_view between = text_.substr(from, to - from);
  const auto& words = lex_.Words(WordList::kDistributives);
  if (std::none_of(words.begin(), words.end(),
                   [&](const std::string& w) { return absl::StrContains(between, w); })) {
    return;
  }
  Credit(chain[chain.size() - 1 - (m - group_begin)], "distributive", 0.7, out);
}

// An anonymised person (`박모씨`) chosen by a rule is no owner the views
// could list; the amount is kept without one (rule `anonymous`).
void SentenceRules::Unidentified(Attribution& out) const {
  for (const Party& party : parties_) {
    if (party.anonymous && party.index == out.counterparty) out.counterparty = -1;
    if (party.anonymous && party.index == out.entity) {
      out.entity = -1;
      out.counterparty = -1;
      out.confidence = 0;
      out.rule = "anonymous";
    }
  }
}

// What a government, ministry or city puts into something (`투입`, `지원한다`,
// a weak cue such as 규모) is public funding, not an investment; a sum with
// no cue at all (`국세청은 ... A를 징수했다`) keeps OTHER.
void SentenceRules::PublicSpending(const CueHit* cue, Attribution& out) const {
  if (out.entity < 0) return;
  const bool spending = out.relation == Relation::kInvest ||
                        (out.relation == Relation::kOther && cue != nullptr && cue->weak);
  if (!spending) return;
  for (const Party& party : parties_) {
    if (party.index == out.entity && party.public_body) out.relation = Relation::kFund;
  }
}

void SentenceRules::SetCounterparty(size_t begin, size_t end, const CueHit* cue,
                                    Attribution& out) const {
  if (out.entity < 0) return;
  int owner = -1;
  for (size_t p = 0; p < parties_.size(); ++p) {
    if (parties_[p].index == out.entity) owner = static_cast<int>(p);
  }
  if (owner < 0) return;
  // An investor marked by 로부터 leaves its investee anywhere in the clause.
  const size_t reach = parties_[owner].marker == Marker::kSource
                           ? sentence_.end
                           : std::max(end, cue != nullptr ? cue->end : end);
  const int other = Counterparty(owner, begin, reach, out.relation);
  if (other >= 0) out.counterparty = parties_[other].index;
}

absl::StatusOr<std::unique_ptr<Attributor>> Attributor::Create() {
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<const AttributionLexicon> lexicon,
                           AttributionLexicon::Default());
  return CreateWithLexicon(std::move(lexicon));
}

std::unique_ptr<Attributor> Attributor::CreateWithLexicon(
    std::unique_ptr<const AttributionLexicon> lexicon) {
  return std::unique_ptr<Attributor>(new Attributor(std::move(lexicon)));
}

std::vector<Attribution> Attributor::AttributeSentence(
    absl::string_view text, SentenceRange sentence, absl::Span<const EntityMention> mentions,
    absl::Span<const Amount> amounts) const {
  sentence.end = std::min(sentence.end, text.size());
  sentence.begin = std::min(sentence.begin, sentence.end);
  // Most sentences hold no sum of money: reading their parties and cues
  // (a search per cue word) would cost more than the rest of extraction.
  const bool has_money = std::any_of(amounts.begin(), amounts.end(), [&](const Amount& a) {
    return a.kind == AmountKind::kMoney && a.conversion_of < 0 && a.begin >= sentence.begin &&
           a.end <= sentence.end;
  });
  if (!has_money) return {};
  return SentenceRules(*lexicon_, text, sentence, mentions, amounts).Run();
}

std::vector<Attribution> Attributor::Attribute(absl::string_view text,
                                               absl::Span<const SentenceRange> sentences,
                                               absl::Span<const EntityMention> mentions,
                                               absl::Span<const Amount> amounts) const {
  std::vector<Attribution> found;
  std::vector<bool> done(amounts.size(), false);
  const auto take = [&](std::vector<Attribution> more) {
    for (Attribution& a : more) {
      if (done[a.amount]) continue;
      done[a.amount] = true;
      found.push_back(std::move(a));
    }
  };
  if (sentences.empty()) {
    take(AttributeSentence(text, {0, text.size()}, mentions, amounts));
  }
  for (const SentenceRange& sentence : sentences) {
    take(AttributeSentence(text, sentence, mentions, amounts));
  }
  // Amounts outside every sentence: their line is their sentence.
  for (size_t a = 0; a < amounts.size(); ++a) {
    if (done[a] || amounts[a].kind != AmountKind::kMoney || amounts[a].conversion_of >= 0) {
      continue;
    }
    const size_t newline = text.rfind('\n', amounts[a].begin);
    const size_t line_begin = newline == absl::string_view::npos ? 0 : newline + 1;
    const size_t line_end = std::min(text.find('\n', amounts[a].end), text.size());
    take(AttributeSentence(text, {line_begin, line_end}, mentions, amounts));
  }
  std::sort(found.begin(), found.end(),
            [](const Attribution& x, const Attribution& y) { return x.amount < y.amount; });
  return found;
}

}  // namespace attribution
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
