#include "workers/extract/entities/entity_extractor.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "workers/extract/entities/document.h"
#include "workers/extract/entities/korean_text.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

bool IsNameType(EntityType t) { return t != EntityType::kProduct; }

// The rules' mentions as the tagger's features.
std::vector<RuleSpan> RuleSpans(const std::vector<EntityMention>& mentions) {
  std::vector<RuleSpan> spans;
  spans.reserve(mentions.size());
  for (const EntityMention& m : mentions) {
    spans.push_back({m.begin, m.end, m.type, m.method != MatchMethod::kPattern});
  }
  return spans;
}

// Returns false for a tagged span a name cannot have: one that starts or
// ends inside a word (other than before a particle tail: 최운정|은), at a
// space or a punctuation mark, or that is a title or a stop word. A title
// closing a span (황 CEO) is cut off.
bool PlausibleTaggedSpan(const KoreanWords& korean, absl::string_view text, TaggedSpan* s) {
  size_t last_word = s->end;
  while (last_word > s->begin && text[last_word - 1] != ' ') --last_word;
  if (last_word > s->begin + 1 && korean.IsPersonTitle(text.substr(last_word, s->end - last_word))) {
    s->end = last_word - 1;
  }
  const char32_t first = CodepointAt(text, s->begin), last = CodepointBefore(text, s->end);
  if (!IsWordChar(first) || !IsWordChar(last)) return false;
  const char32_t before = CodepointBefore(text, s->begin), after = CodepointAt(text, s->end);
  auto same_script = [](char32_t a, char32_t b) {
    return (IsHangul(a) && IsHangul(b)) || (IsAsciiAlnum(a) && IsAsciiAlnum(b));
  };
  if (same_script(before, first) || (IsAsciiAlnum(last) && IsAsciiAlnum(after))) return false;
  if (IsHangul(last) && IsHangul(after) &&
      !korean.IsParticleTail(text.substr(s->end, HangulRunEnd(text, s->end) - s->end))) {
    return false;
  }
  const absl::string_view span = text.substr(s->begin, s->end - s->begin);
  return !korean.IsPersonTitle(span) && !korean.IsNameStopWord(span);
}

// Joins the tagger's spans to the rules' mentions (see TaggerJoin).
std::vector<EntityMention> MergeTaggedSpans(const KoreanWords& korean, absl::string_view text,
                                            std::vector<EntityMention> rules, const NameTaggerUse& use,
                                            absl::Span<const FlaggedRange> flagged) {
  std::vector<TaggedSpan> tagged;
  for (TaggedSpan& s : use.tagger->Tag(text, RuleSpans(rules))) {
    if (PlausibleTaggedSpan(korean, text, &s)) tagged.push_back(s);
  }
  auto overlap = [](size_t b1, size_t e1, size_t b2, size_t e2) { return b1 < e2 && b2 < e1; };
  auto overlaps_tagged = [&](const EntityMention& m) {
    for (const TaggedSpan& s : tagged) {
      if (overlap(s.begin, s.end, m.begin, m.end)) return true;
    }
    return false;
  };
  std::vector<EntityMention> out;
  out.reserve(rules.size() + tagged.size());
  for (EntityMention& m : rules) {
    bool keep = true;
    if (use.join == TaggerJoin::kConfirmPatterns) {
      keep = !(m.method == MatchMethod::kPattern && IsNameType(m.type)) || overlaps_tagged(m);
    } else if (use.join == TaggerJoin::kTaggerFirst && IsNameType(m.type) &&
               m.method == MatchMethod::kPattern) {
      for (const TaggedSpan& s : tagged) {
        if (overlap(s.begin, s.end, m.begin, m.end) && (s.begin != m.begin || s.end != m.end)) keep = false;
      }
    }
    if (keep) out.push_back(std::move(m));
  }
  const size_t kept = out.size();
  for (const TaggedSpan& s : tagged) {
    bool free = true;
    for (size_t i = 0; i < kept && free; ++i) free = !overlap(s.begin, s.end, out[i].begin, out[i].end);
    if (!free) continue;
    EntityMention m;
    m.begin = s.begin;
    m.end = s.end;
    m.type = s.type;
    m.canonical = std::string(text.substr(s.begin, s.end - s.begin));
    m.method = MatchMethod::kPattern;
    for (const FlaggedRange& r : flagged) m.flagged = m.flagged || overlap(m.begin, m.end, r.begin, r.end);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace

EntityExtractor::EntityExtractor(std::unique_ptr<const Gazetteer> gazetteer, std::unique_ptr<const Lexicons> lexicons)
    : gazetteer_(std::move(gazetteer)), owned_lexicons_(std::move(lexicons)) {}

EntityExtractor::~EntityExtractor() = default;

absl::StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::Create(EntityExtractorOptions options) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
      Gazetteer::Load(options.gazetteer_paths, options.include_default_gazetteer);
  if (!gazetteer.ok()) return gazetteer.status();
  std::unique_ptr<const Lexicons> lexicons;
  if (!options.lexicon_paths.empty()) {
    absl::StatusOr<std::unique_ptr<Lexicons>> loaded = Lexicons::Load(options.lexicon_paths);
    if (!loaded.ok()) return loaded.status();
    lexicons = *std::move(loaded);
  }
  NameTaggerUse tagger;
  if (options.use_name_tagger) tagger.tagger = NameTagger::Default();
  return CreateWith(*std::move(gazetteer), std::move(lexicons), tagger);
}

absl::StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::CreateWithGazetteer(
    std::unique_ptr<const Gazetteer> gazetteer, NameTaggerUse tagger) {
  return CreateWith(std::move(gazetteer), nullptr, tagger);
}

absl::StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::CreateWith(
    std::unique_ptr<const Gazetteer> gazetteer, std::unique_ptr<const Lexicons> lexicons, NameTaggerUse tagger) {
  if (gazetteer == nullptr) return absl::InvalidArgumentError("null gazetteer");
  std::unique_ptr<EntityExtractor> extractor(new EntityExtractor(std::move(gazetteer), std::move(lexicons)));
  extractor->tagger_ = tagger;
  const Lexicons& lists = extractor->owned_lexicons_ != nullptr ? *extractor->owned_lexicons_ : Lexicons::Default();
  extractor->lexicon_ = std::make_unique<const EntityLexicon>(lists);
  absl::StatusOr<std::vector<RecognizerPtr>> pipeline = DefaultPipeline(lists, *extractor->gazetteer_);
  if (!pipeline.ok()) return pipeline.status();
  extractor->pipeline_ = *std::move(pipeline);
  return extractor;
}

std::vector<EntityMention> EntityExtractor::Extract(absl::string_view text,
                                                    absl::Span<const FlaggedRange> flagged) const {
  if (tagger_.tagger == nullptr) return RunRules(text, flagged);
  return MergeTaggedSpans(lexicon_->korean(), text, RunRules(text, flagged), tagger_, flagged);
}

std::vector<EntityMention> EntityExtractor::ExtractByRules(absl::string_view text) const { return RunRules(text, {}); }

std::vector<EntityMention> EntityExtractor::RunRules(absl::string_view text,
                                                     absl::Span<const FlaggedRange> flagged) const {
  Document doc(text, *gazetteer_, *lexicon_);
  for (const RecognizerPtr& recognizer : pipeline_) recognizer->Run(&doc);
  return doc.TakeMentions(flagged);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
