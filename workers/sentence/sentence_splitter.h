// Rule-based sentence splitter for Korean news text (with embedded English).
//
// No model files: a hand-written byte scanner with explicit UTF-8 character
// classes decides each boundary from the punctuation and the characters
// around it (one pass pairs quotation marks and brackets, one pass judges
// each run of terminals), so it runs in linear time on any input.
//
// Lines are boundaries (a trailing ` |` cell border is dropped), except that
// by default a line ending mid-clause (`도착했을 때는`) goes on into the next.
// Inside a line a sentence ends at `.`, `?` or `!`, together with the
// closing quotes and brackets, footnote marks (`[1]`), citations
// (`”(요한 3:13)`) and reactions (`ㅋㅋ`, emoji) right after it, also when
// the next sentence follows with no space (`전망이다.특히`, `괜찮네요.”글로벌`,
// `다.▶관련`); trailing emoticons (`:)`, `^_^`) stay with their sentence.
// It does not end at decimals, dotted dates and times (`2025.11.25`, `2025. 12. 19.`),
// numbering (`Issue 1.`), abbreviations and initials (`U.S.`, `Dr.`, `Vol.`),
// URLs and e-mail addresses, file extensions (`.NET`), outline letters
// (`가. 목적`), weekdays after dates (`2024. 10. 5.(토)`), ellipses after a
// noun (`도박... 오픈AI`; after a verb ending, `좋았어...`, they do end), `…`,
// `(?)`, `?:`, inside brackets that continue the sentence, inside a quotation
// that continues into a reporting clause or copula (`“…해보자”고 했다.`,
// `“…말자.”였다`), or before words that continue it (`되나? 싶었는데`,
// `…거야.” 하며`). `No.`, `Vol.`, `pp.` and the like hold only before a
// number (`No. 7`; `No. I won't.` ends). A
// standalone quotation holding several sentences is split inside.
//
// By default (split_on_endings) a sentence also ends without punctuation,
// as blogs, comments, chats and transcripts write: after a Korean final
// ending when the next word starts a new clause (`끝났어요 내일`, not
// `도주하다 붙잡혀` or `간다고`), and after laughter, emoticons or emoji
// (`대박 ㅋㅋ 이게`), never inside quotations or brackets. In a line where
// a sentence ends with a period only polite and note-style endings count,
// and a whole unpunctuated line that ends in a noun (a title) keeps its
// plain -다 inside, so edited news splits as by punctuation alone. The word
// lists are data/sentence/endings.txt (korean_endings.h).
//
//   GLEANER_ASSIGN_OR_RETURN(auto splitter, SentenceSplitter::Create());
//   for (const SentenceSpan& s : splitter->Split(text)) {
//     absl::string_view sentence = text.substr(s.begin, s.end - s.begin);
//   }
#ifndef GLEANER_WORKERS_SENTENCE_SENTENCE_SPLITTER_H_
#define GLEANER_WORKERS_SENTENCE_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "workers/sentence/korean_endings.h"

namespace gleaner {
namespace workers {
namespace sentence {

// One sentence: UTF-8 byte offsets into the split text, [begin, end), with
// surrounding whitespace trimmed.
struct SentenceSpan {
  size_t begin = 0;
  size_t end = 0;
};

struct SentenceSplitterOptions {
  // Treat every `|` with whitespace (or a line edge) on both sides as a
  // boundary, as in newsletter cells `2025. 12. 19. | Vol. 25-47` (false:
  // the annotation rules only look at punctuation). A trailing cell border
  // `… |` at the end of a line is always left out of the sentence.
  bool split_on_pipes = false;
  // Treat a `•` bullet or a `👉` link marker that follows whitespace inside a
  // line as the start of a new segment (false: like `▲`, an inline marker
  // does not end a sentence by the annotation rules, which only look at
  // punctuation; bullets that start a line are line boundaries anyway).
  bool split_on_inline_bullets = false;
  // Drop segments without any letter or digit, e.g. lines holding only `-`
  // or `|` (true). Such segments carry no sentence.
  bool drop_punctuation_only = true;
  // A quotation or bracket longer than this many bytes does not suppress the
  // boundaries inside it; this bounds the damage of an unbalanced mark (2048).
  size_t max_quote_bytes = 2048;
  // Extra abbreviations (case-sensitive, without the final dot) after which a
  // period never ends a sentence, added to the built-in list (`Dr`, `Mr`,
  // `Vol`, `No`, `vs`, `Jan`, ...).
  std::vector<std::string> extra_abbreviations;
  // Also end sentences that carry no punctuation (true), as blogs, comments,
  // chats and transcripts write them: after a Korean final ending when the
  // next word starts a new clause (`끝났어요 내일`, `확인함 다음`), and after
  // laughter or emoticons (`대박 ㅋㅋ 이게`); and let a line that ends
  // mid-clause (`도착했을 때는`) go on into the next. false is the stricter
  // mode for text known to be edited news: only `.`, `?`, `!` and line
  // breaks end sentences.
  bool split_on_endings = true;
};

// Splits text into sentences. Thread-safe after Create (Split is const and
// keeps no state). Not copyable.
class SentenceSplitter {
 public:
  // Validates `options` and builds the splitter.
  // Returns kInvalidArgument for a zero max_quote_bytes or a malformed
  // abbreviation (empty, or containing whitespace or a dot at its end).
  static absl::StatusOr<std::unique_ptr<SentenceSplitter>> Create(
      SentenceSplitterOptions options = {});

  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Returns the sentences of `text` in order, as byte offsets into `text`.
  // Never fails: invalid UTF-8 bytes are treated as opaque letters.
  std::vector<SentenceSpan> Split(absl::string_view text) const;

  // Appends the sentences of text[begin, end) to `out`, with offsets into
  // `text`. Lets callers split one block of a larger document.
  void SplitRange(absl::string_view text, size_t begin, size_t end,
                  std::vector<SentenceSpan>* out) const;

 private:
  SentenceSplitter(SentenceSplitterOptions options,
                   std::unique_ptr<const KoreanEndings> endings);

  void SplitLine(absl::string_view text, size_t begin, size_t end,
                 std::vector<SentenceSpan>* out) const;
  bool IsAbbreviation(absl::string_view word) const;

  const SentenceSplitterOptions options_;
  absl::flat_hash_set<std::string> abbreviations_;
  // The ending lists; null unless options_.split_on_endings.
  const std::unique_ptr<const KoreanEndings> endings_;
};

}  // namespace sentence
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_SENTENCE_SENTENCE_SPLITTER_H_
