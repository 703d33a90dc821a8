#include "workers/sentence/korean_endings.h"

#include <memory>
#include <ostream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::HasSubstr;

const KoreanEndings& Endings() {
  static const KoreanEndings* const endings =
      KoreanEndings::Create().value().release();
  return *endings;
}

struct KindCase {
  const char* word;
  FinalKind kind;
};

std::ostream& operator<<(std::ostream& os, const KindCase& c) {
  return os << c.word;
}

class ClassifyTest : public ::testing::TestWithParam<KindCase> {};

TEST_P(ClassifyTest, Classifies) {
  EXPECT_EQ(Endings().Classify(GetParam().word, /*opens_sentence=*/false),
            GetParam().kind);
}

INSTANTIATE_TEST_SUITE_P(
    Words, ClassifyTest,
    ::testing::Values(
        // Polite and formal ends.
        KindCase{"끝났어요", FinalKind::kFirm},
        KindCase{"했습니다", FinalKind::kFirm},
        KindCase{"갑니다", FinalKind::kFirm},      // ㅂ니다 after a vowel stem
        KindCase{"보십니까", FinalKind::kFirm},
        KindCase{"하세요", FinalKind::kFirm},
        KindCase{"맞죠", FinalKind::kFirm},
        KindCase{"해요", FinalKind::kFirm},        // two syllables suffice
        KindCase{"커요", FinalKind::kFirm},        // 요 after an open ㅓ
        KindCase{"저기요", FinalKind::kNone},      // but not after ㅣ
        KindCase{"죠", FinalKind::kNone},          // but a lone 죠 does not
        KindCase{"건요", FinalKind::kNone},        // `제 말은 건요` filler
        KindCase{"아니고요", FinalKind::kNone},    // -고요 goes on
        // Note style.
        KindCase{"확인함", FinalKind::kCasual},  // casual: 결함, 포함 are nouns
        KindCase{"변경됨", FinalKind::kFirm},
        KindCase{"올랐음", FinalKind::kFirm},
        KindCase{"예정임", FinalKind::kCasual},
        KindCase{"책임", FinalKind::kNone},        // a noun
        KindCase{"게임", FinalKind::kNone},
        KindCase{"마음", FinalKind::kNone},
        // Plain -다 and -까.
        KindCase{"끝났다", FinalKind::kPlain},
        KindCase{"늘린다", FinalKind::kPlain},
        KindCase{"쉽다", FinalKind::kPlain},
        KindCase{"전망이다", FinalKind::kPlain},
        KindCase{"대단하다", FinalKind::kPlain},   // see ChainsBeforePredicate
        KindCase{"리그3위다", FinalKind::kNone},   // a noun and 다: unknown
        KindCase{"먹다", FinalKind::kNone},        // `먹다 남은`
        KindCase{"바다", FinalKind::kNone},
        KindCase{"할까", FinalKind::kPlain},
        KindCase{"하니까", FinalKind::kNone},      // a connective
        // Casual.
        KindCase{"했어", FinalKind::kCasual},
        KindCase{"좋아", FinalKind::kCasual},
        KindCase{"늦어", FinalKind::kCasual},
        KindCase{"영어", FinalKind::kNone},        // a noun
        KindCase{"고마워", FinalKind::kCasual},
        KindCase{"타워", FinalKind::kNone},
        KindCase{"피곤해", FinalKind::kCasual},
        KindCase{"위해", FinalKind::kNone},
        KindCase{"양해", FinalKind::kNone},        // two-syllable nouns in 해
        KindCase{"했지", FinalKind::kCasual},
        KindCase{"유지", FinalKind::kNone},
        KindCase{"좋네", FinalKind::kCasual},
        KindCase{"동네", FinalKind::kNone},
        KindCase{"네네", FinalKind::kNone},
        KindCase{"회사야", FinalKind::kCasual},
        KindCase{"이제야", FinalKind::kNone},
        KindCase{"할게", FinalKind::kCasual},
        KindCase{"왔대", FinalKind::kCasual},
        KindCase{"분야", FinalKind::kNone},
        KindCase{"거야", FinalKind::kCasual},
        // Not Hangul at the end.
        KindCase{"GPU", FinalKind::kNone},
        KindCase{"2025", FinalKind::kNone}));

TEST(KoreanEndings, OpeningVocativeAndInterjectionEndNothing) {
  EXPECT_EQ(Endings().Classify("민수야", true), FinalKind::kNone);
  EXPECT_EQ(Endings().Classify("그래", true), FinalKind::kNone);
  EXPECT_EQ(Endings().Classify("그래", false), FinalKind::kCasual);
  EXPECT_EQ(Endings().Classify("괜찮아", true), FinalKind::kCasual);
}

TEST(KoreanEndings, ContinuesAfterQuotativeAndJoiner) {
  const FinalKind plain = FinalKind::kPlain;
  EXPECT_TRUE(Endings().Continues("괜찮다", plain, "하셨어요"));
  EXPECT_TRUE(Endings().Continues("좋았다", plain, "등"));
  EXPECT_TRUE(Endings().Continues("끝났어요", FinalKind::kFirm, "등,"));
  EXPECT_FALSE(Endings().Continues("좋았다", plain, "등산"));
  EXPECT_FALSE(Endings().Continues("좋았다", plain, "하지만"));
  EXPECT_FALSE(Endings().Continues("끝났어요", FinalKind::kFirm, "내일"));
  EXPECT_FALSE(Endings().Continues("됩니다", FinalKind::kFirm, "2시간"));
}

TEST(KoreanEndings, AuxiliaryContinuesOnlyCasualAndPlain) {
  const FinalKind casual = FinalKind::kCasual;
  EXPECT_TRUE(Endings().Continues("좋아", casual, "보인다"));
  EXPECT_TRUE(Endings().Continues("좋지", casual, "않았다"));
  EXPECT_FALSE(Endings().Continues("했어요", FinalKind::kFirm, "보인다"));
  EXPECT_FALSE(Endings().Continues("좋아", casual, "보통은"));
}

TEST(KoreanEndings, ChainsBeforePredicate) {
  // The -하다(가) connective and serial -어 verbs go on before a verb ...
  EXPECT_TRUE(Endings().Continues("도주하다", FinalKind::kPlain, "붙잡혔다"));
  EXPECT_TRUE(Endings().Continues("도주하다", FinalKind::kPlain, "붙잡혀"));
  EXPECT_TRUE(Endings().Continues("기념해", FinalKind::kCasual, "열렸다"));
  EXPECT_TRUE(Endings().Continues("데워", FinalKind::kCasual, "먹었음"));
  // ... and end before anything else, a copula included.
  EXPECT_FALSE(Endings().Continues("대단하다", FinalKind::kPlain, "부상"));
  EXPECT_FALSE(Endings().Continues("미안해", FinalKind::kCasual, "바로"));
  EXPECT_FALSE(Endings().Continues("도착했어", FinalKind::kCasual, "어디야?"));
}

TEST(KoreanEndings, NecessityGoesOnIntoHadaOrDoeda) {
  EXPECT_TRUE(Endings().Continues("해야", FinalKind::kCasual, "돼요"));
  EXPECT_TRUE(Endings().Continues("요청해야", FinalKind::kCasual, "함"));
}

TEST(KoreanEndings, Afterthoughts) {
  EXPECT_TRUE(Endings().IsAfterthought("사장님"));
  EXPECT_TRUE(Endings().IsAfterthought("이거?"));
  EXPECT_FALSE(Endings().IsAfterthought("님"));
  EXPECT_FALSE(Endings().IsAfterthought("내일"));
}

TEST(KoreanEndings, LineContinuesOnParticlesAndConnectives) {
  EXPECT_TRUE(Endings().LineContinues("때는"));
  EXPECT_TRUE(Endings().LineContinues("올라가니까"));
  EXPECT_TRUE(Endings().LineContinues("반신반의했지만"));
  EXPECT_TRUE(Endings().LineContinues("그리고,"));
  EXPECT_FALSE(Endings().LineContinues("있었다"));
  EXPECT_FALSE(Endings().LineContinues("결과"));   // a title ending in a noun
  EXPECT_FALSE(Endings().LineContinues("는"));     // no word before it
}

TEST(KoreanEndings, FromTextRejectsUnknownSection) {
  EXPECT_THAT(KoreanEndings::FromText("[verbs]\n먹다\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("unknown section")));
  EXPECT_THAT(KoreanEndings::FromText("먹다\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("before any")));
}

TEST(KoreanEndings, FromTextReadsOwnLists) {
  auto endings = KoreanEndings::FromText(
      "# comment\n[final_word]\n먹자\n[continuation]\n하고*\n");
  ASSERT_THAT(endings, IsOk());
  EXPECT_EQ((*endings)->Classify("먹자", false), FinalKind::kCasual);
  EXPECT_TRUE((*endings)->Continues("먹자", FinalKind::kCasual, "하고는"));
}

}  // namespace
}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
