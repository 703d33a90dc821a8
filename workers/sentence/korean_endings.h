// Korean sentence-final endings for splitting text without punctuation.
//
// Classifies a space-delimited word by its end: a sentence-final ending
// (`끝났어요`, `했습니다`, `확인함`, `했어`, `좋다`) or not (`바다`, `책임`,
// `도주하다`, `있는데`), says whether the next word goes on with the clause
// (`괜찮다 하셨어요`, `좋아 보인다`), and whether a line that ends with a
// word continues on the next line (`도착했을 때는`). Syllable rules (a past ㅆ
// stem before 다/어/지/음, ㅂ니다, ㄹ까, ㄹ게) are code; the word lists come
// from data/sentence/endings.txt, embedded at build time.
//
//   GLEANER_ASSIGN_OR_RETURN(auto endings, KoreanEndings::Create());
//   if (endings->Classify("끝났어요") != FinalKind::kNone) { ... }
#ifndef GLEANER_WORKERS_SENTENCE_KOREAN_ENDINGS_H_
#define GLEANER_WORKERS_SENTENCE_KOREAN_ENDINGS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gleaner {
namespace workers {
namespace sentence {

// How a word ends.
enum class FinalKind : uint8_t {
  kNone,    // not a sentence end: nouns, connectives, modifiers
  kPlain,   // plain -다 and -까 (`늘린다`, `할까`), which headlines use too
  kCasual,  // casual forms that double as connectives (`좋아`, `했지`,
            // `피곤해`): an auxiliary after them continues the clause
  kFirm,    // polite and note-style ends (`-요`, `-습니다`, `-세요`, `-죠`,
            // `-음`, `-함`, `-임`), and reactions (`ㅋㅋ`)
};

// The embedded ending lists. Thread-safe (const after Create); not copyable.
class KoreanEndings {
 public:
  // Parses the embedded data/sentence/endings.txt.
  static absl::StatusOr<std::unique_ptr<KoreanEndings>> Create();
  // Parses lists in the endings.txt format. Returns kInvalidArgument for an
  // entry outside a known section or an unknown section.
  static absl::StatusOr<std::unique_ptr<KoreanEndings>> FromText(
      absl::string_view text);

  KoreanEndings(const KoreanEndings&) = delete;
  KoreanEndings& operator=(const KoreanEndings&) = delete;

  // False when no final ending (no firm one, when `firm_only`) ends in
  // `syllable` (U+AC00..U+D7A3), so that a word ending in it needs no
  // Classify: the common case, one look-up.
  bool MayEndIn(char32_t syllable, bool firm_only) const {
    return (last_syllables_[syllable - 0xAC00] &
            (firm_only ? kMayEndFirm : kMayEnd)) != 0;
  }

  // Returns how `word` ends; `opens_sentence` when it is the first word of
  // its sentence (a vocative, `민수야`, then ends none). REQUIRES: `word`
  // holds no whitespace and ends with its last letter (trailing reactions
  // and `~` removed).
  FinalKind Classify(absl::string_view word, bool opens_sentence) const;

  // True when `next`, the word after `word` that ends as `kind`, goes on
  // with the same clause: a spaced quotative or joiner (`하셨어요`, `등`), an
  // auxiliary after a casual form (`보인다` after `좋아`), or a predicate
  // after the -하다/-해 connective (`도주하다 붙잡혔다`, `기념해 열렸다`).
  bool Continues(absl::string_view word, FinalKind kind,
                 absl::string_view next) const;

  // True when `word`, the last word of a sentence after its final ending,
  // is an afterthought that stays with it: a vocative or a postposed word
  // (`안녕하세요 사장님`, `뭐야 이거`).
  bool IsAfterthought(absl::string_view word) const;

  // True when a line whose last word is `word` ends mid-clause, on a
  // particle or connective ending (`때는`, `올라가니까`), so that the
  // sentence goes on on the next line.
  bool LineContinues(absl::string_view word) const;

 private:
  KoreanEndings() = default;

  // True when `word` ends like a verb: a final ending or a connective
  // (`붙잡혀`, `열렸다`, `이겨내고`).
  bool LooksLikePredicate(absl::string_view word) const;

  // Word lists, one per section of endings.txt. Prefix entries (`하는*`) are
  // kept without the star in the *_prefixes sets.
  absl::flat_hash_set<std::string> final_suffixes_;
  absl::flat_hash_set<std::string> final_words_;
  absl::flat_hash_set<std::string> not_final_;
  absl::flat_hash_set<std::string> continuations_;
  absl::flat_hash_set<std::string> continuation_prefixes_;
  absl::flat_hash_set<std::string> auxiliaries_;
  absl::flat_hash_set<std::string> auxiliary_prefixes_;
  absl::flat_hash_set<std::string> line_continues_;
  absl::flat_hash_set<std::string> afterthoughts_;
  absl::flat_hash_set<std::string> interjections_;
  // Indexed by syllable - U+AC00: kMayEnd for the last syllable of any
  // final ending, kMayEndFirm also when a firm one may end in it.
  static constexpr uint8_t kMayEnd = 1;
  static constexpr uint8_t kMayEndFirm = 2;
  std::vector<uint8_t> last_syllables_;
};

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_KOREAN_ENDINGS_H_
