// The state of one extraction: the text, its words, and the mentions the
// recognisers have found so far, with a byte map of what they cover. Each
// recogniser (recognizers.h) reads and extends one Document in turn; the
// first mention to claim bytes keeps them (Add refuses an overlap).
//
//   Document doc(text, gazetteer, lexicon);
//   for (const auto& r : pipeline) r->Run(&doc);
//   std::vector<EntityMention> mentions = doc.TakeMentions(flagged);
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_DOCUMENT_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "workers/extract/entities/entity_mention.h"
#include "workers/extract/entities/entity_lexicon.h"
#include "workers/extract/entities/gazetteer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// A word: a maximal run of Hangul syllables, ASCII letters and digits, with
// inner '-', '&' and '\'' joining (Alpamayo-R1, AT&T, Byju's).
struct Word {
  size_t begin, end;
};

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Returns true if mention `m` has gazetteer metadata `key` (iso: a country).
inline bool HasMetadataKey(const EntityMention& m, absl::string_view key) {
  for (const auto& kv : m.metadata) {
    if (kv.first == key) return true;
  }
  return false;
}

// Not thread-safe: one per Extract() call. `text`, `gazetteer` and `lexicon`
// must outlive it.
class Document {
 public:
  Document(absl::string_view text, const Gazetteer& gazetteer, const EntityLexicon& lexicon);
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  absl::string_view text() const { return text_; }
  const std::vector<Word>& words() const { return words_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  const EntityLexicon& lexicon() const { return lexicon_; }
  const KoreanWords& korean() const { return lexicon_.korean(); }
  absl::string_view Slice(size_t b, size_t e) const { return text_.substr(b, e - b); }
  absl::string_view WordText(size_t wi) const { return Slice(words_[wi].begin, words_[wi].end); }

  // The mentions so far, in the order found; a removed one is empty
  // (begin == end). Recognisers may change a mention's type, canonical,
  // method or metadata, not its bytes.
  std::vector<EntityMention>& mentions() { return mentions_; }
  const std::vector<EntityMention>& mentions() const { return mentions_; }
  // Returns the index of the mention covering byte `i`, or -1.
  int Owner(size_t i) const { return owner_[i]; }
  // Returns true if no mention covers a byte of [b, e).
  bool Free(size_t b, size_t e) const {
    for (size_t i = b; i < e; ++i) {
      if (owner_[i] >= 0) return false;
    }
    return true;
  }
  // Adds a mention over [b, e) if the bytes are free; returns its index or -1.
  int Add(size_t b, size_t e, EntityType type, std::string canonical, MatchMethod method,
          const Metadata* metadata = nullptr);
  // Adds a mention of gazetteer entry `entry` over [b, e) (see DualType).
  int AddEntry(size_t b, size_t e, uint32_t entry, MatchMethod method);
  // Drops mention `index` (merged into a longer one) and frees its bytes.
  void Remove(int index);
  // Returns the mention that covers exactly the word [b, word_end) (a
  // particle may follow it inside the word when `allow_tail`), or -1.
  int MentionAt(size_t b, size_t word_end, bool allow_tail) const {
    if (b >= owner_.size() || owner_[b] < 0) return -1;
    const EntityMention& m = mentions_[owner_[b]];
    if (m.begin != b) return -1;
    if (m.end == word_end || (allow_tail && korean().IsParticleTail(Slice(m.end, word_end)))) return owner_[b];
    return -1;
  }
  // Returns the mentions that remain, sorted by offset, each flagged if it
  // overlaps a range of `flagged`. Leaves the document empty (no text, no
  // words, no mentions).
  std::vector<EntityMention> TakeMentions(absl::Span<const FlaggedRange> flagged);

  // Returns true if a name may start at byte `b` (not inside a word).
  bool StartOk(size_t b) const;
  // Returns true if a name may end at `e`: the next characters are not
  // letters of the same word, or they are Korean particles; a derived word
  // (중국산) or an unknown compound glued to a short name is rejected.
  bool EndOk(size_t b, size_t e) const;
  // Returns the Hangul syllables that follow byte `e` in the same word, at
  // most 48 bytes (and one syllable more, which no particle sequence
  // matches, so a pathological input cannot make every match scan to the
  // end of the text).
  absl::string_view Tail(size_t e) const {
    static constexpr size_t kMaxTail = 48;
    return Slice(e, e + HangulRunEnd(text_.substr(e, kMaxTail + 3), 0));
  }
  // Returns the position of the ')' closing a '(' at `open`, searching at
  // most `max_len` bytes, or npos.
  size_t FindClose(size_t open, size_t max_len) const;
  // Returns true if text[a, b) is only spaces (one or more).
  bool OnlySpacesBetween(size_t a, size_t b) const {
    if (a >= b) return false;
    for (size_t i = a; i < b; ++i) {
      if (text_[i] != ' ' && text_[i] != '\t') return false;
    }
    return true;
  }
  // Returns true if text[a, b) is a comma followed by spaces.
  bool CommaGap(size_t a, size_t b) const;
  // Returns the index of the word that starts at or after byte `b`.
  size_t WordAt(size_t b) const;
  // Returns the title (particles stripped) right after word `wi`, possibly
  // after one modifier (임 전 사장), or "".
  absl::string_view TitleAfter(size_t wi) const;
  // Returns true if a title follows word `wi`, possibly after one modifier.
  bool TitleFollows(size_t wi) const { return !TitleAfter(wi).empty(); }
  // Returns true if the word after word `wi` is 씨 (with particles).
  bool NextWordIsHonorific(size_t wi) const;

 private:
  // Returns true if a market index number follows `e` (S&P 500, 나스닥 100).
  bool FollowedByIndexNumber(size_t e) const;
  // The type of a mention of `g` at `b`: a company named like its model
  // (metadata dual_type=PRODUCT: 딥시크) is the product where the sentence
  // talks about models before it ("라마 모델이나 중국의 딥시크와").
  EntityType DualType(const GazetteerEntry& g, size_t b) const;

  absl::string_view text_;
  const Gazetteer& gazetteer_;
  const EntityLexicon& lexicon_;
  std::vector<Word> words_;
  std::vector<EntityMention> mentions_;
  std::vector<int> owner_;  // byte -> index of the mention covering it, or -1
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_DOCUMENT_H_
