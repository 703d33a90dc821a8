// A test bed for one recogniser at a time: a tiny lexicon and a tiny
// gazetteer written in the test, never the shipped data, so that editing
// data/entities or data/gazetteer cannot break a rule's table test.
//
//   const RecognizerTestBed bed({{"titles", "회장\n"}}, "");
//   RecognizerPtr r = NewTitledPersonRecognizer(bed.lexicons());
//   EXPECT_THAT(bed.Run("신동빈 회장이", {r.get()}), ElementsAre("신동빈|PER|신동빈"));
#ifndef GLEANER_WORKERS_EXTRACT_ENTITIES_RECOGNIZER_TEST_UTIL_H_
#define GLEANER_WORKERS_EXTRACT_ENTITIES_RECOGNIZER_TEST_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/entities/document.h"
#include "workers/extract/entities/entity_lexicon.h"
#include "workers/extract/entities/entity_test_util.h"
#include "workers/extract/entities/gazetteer.h"
#include "workers/extract/entities/lexicon.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

// The lists most rules lean on, kept small: a handful of particles, titles,
// surnames and stop words. A test adds the lists of its recogniser.
inline std::vector<Lexicons::Source> BaseTestLists() {
  return {
      {"tail_morphemes", "은\n는\n이\n가\n을\n를\n의\n에\n에서\n와\n과\n도\n로\n으로\n"},
      {"titles", "회장\n교수\n의원\n대표\nCEO\n장관\n씨\n"},
      {"title_modifiers", "전\n공동\n"},
      {"korean_surnames", "김\n이\n박\n장\n최\n정\n윤\n신\n진\n황\n"},
      {"name_stop_words", "이번\n정부\n이사회\n"},
      {"name_particles", "은\n는\n이\n가\n의\n와\n과\n"},
  };
}

// One table row: a text and every mention expected, rendered
// "surface|TYPE|canonical" in text order; an empty list is a negative.
struct RecognizerCase {
  const char* text;
  std::vector<std::string> want;
};

class RecognizerTestBed {
 public:
  // `lists` are added to BaseTestLists() (a list named in both gets both's
  // entries); `gazetteer_tsv` is a gazetteer file's text (may be empty).
  RecognizerTestBed(std::vector<Lexicons::Source> lists, absl::string_view gazetteer_tsv) {
    std::vector<Lexicons::Source> all = BaseTestLists();
    for (Lexicons::Source& s : lists) {
      bool merged = false;
      for (Lexicons::Source& base : all) {
        if (base.name == s.name) {
          absl::StrAppend(&base.text, "\n", s.text);
          merged = true;
        }
      }
      if (!merged) all.push_back(std::move(s));
    }
    lexicons_ = Lexicons::FromSources(all);
    lexicon_ = std::make_unique<EntityLexicon>(*lexicons_);
    auto gazetteer = Gazetteer::FromString(gazetteer_tsv, "test.tsv");
    if (!gazetteer.ok()) {
      std::fprintf(stderr, "%s\n", gazetteer.status().ToString().c_str());
      std::abort();
    }
    gazetteer_ = *std::move(gazetteer);
  }

  const Lexicons& lexicons() const { return *lexicons_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }

  // Runs `recognizers` in order over `text`; returns the rendered mentions.
  std::vector<std::string> Run(absl::string_view text, std::initializer_list<const Recognizer*> recognizers) const {
    Document doc(text, *gazetteer_, *lexicon_);
    for (const Recognizer* r : recognizers) r->Run(&doc);
    return RenderMentions(text, doc.TakeMentions({}));
  }
  // Checks every row of `cases` against Run(row.text, recognizers).
  void ExpectTable(const std::vector<RecognizerCase>& cases,
                   std::initializer_list<const Recognizer*> recognizers) const {
    for (const RecognizerCase& c : cases) {
      EXPECT_THAT(Run(c.text, recognizers), ::testing::ElementsAreArray(c.want)) << c.text;
    }
  }
  // The same for a whole pipeline.
  std::vector<std::string> RunAll(absl::string_view text, const std::vector<RecognizerPtr>& pipeline) const {
    Document doc(text, *gazetteer_, *lexicon_);
    for (const RecognizerPtr& r : pipeline) r->Run(&doc);
    return RenderMentions(text, doc.TakeMentions({}));
  }

 private:
  std::unique_ptr<Lexicons> lexicons_;
  std::unique_ptr<EntityLexicon> lexicon_;
  std::unique_ptr<Gazetteer> gazetteer_;
};

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner

#endif  // GLEANER_WORKERS_EXTRACT_ENTITIES_RECOGNIZER_TEST_UTIL_H_
