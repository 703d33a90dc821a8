#include "workers/sentence/sentence_splitter.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/sentence/sentence_test_util.h"
#include "text/text_cleaner.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using text::CleanDocument;
using text::CleanOptions;

std::unique_ptr<SentenceSplitter> Default() {
  auto splitter = SentenceSplitter::Create();
  EXPECT_THAT(splitter, IsOk());
  return std::move(splitter).value();
}

struct SplitCase {
  const char* name;
  std::string text;
  std::vector<std::string> sentences;
};

std::ostream& operator<<(std::ostream& os, const SplitCase& c) {
  return os << c.name;
}

class SplitTableTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitTableTest, Splits) {
  static const SentenceSplitter* const splitter = Default().release();
  const SplitCase& c = GetParam();
  EXPECT_THAT(SentenceTexts(*splitter, c.text), ElementsAreArray(c.sentences))
      << c.text;
}

const SplitCase kSplitCases[] = {
    // --- Basic Korean endings.
    {"TwoSentences", "비가 온다. 바람이 분다.", {"비가 온다.", "바람이 분다."}},
    {"Question", "왜 그럴까? 이유가 있다.", {"왜 그럴까?", "이유가 있다."}},
    {"Exclamation", "정말 놀랍다! 대단하다.", {"정말 놀랍다!", "대단하다."}},
    {"PolitePlain", "좋습니다. 감사합니다.", {"좋습니다.", "감사합니다."}},
    {"InterrobangRun", "정말?! 그렇다.", {"정말?!", "그렇다."}},
    {"BangRun", "와!!! 멋지다.", {"와!!!", "멋지다."}},
    {"NoFinalPunctuation", "현재는 제미나이가 입지를 확고히 하고 있다",
     {"현재는 제미나이가 입지를 확고히 하고 있다"}},
    {"LastWithoutPunctuation", "첫 문장이다. 둘째는 끝이 없다",
     {"첫 문장이다.", "둘째는 끝이 없다"}},
    {"NounFinalPeriod", "공항에서 호텔, 그리고 경기장까지. 멕시코는 움직인다.",
     {"공항에서 호텔, 그리고 경기장까지.", "멕시코는 움직인다."}},
    {"TypoEnding", "투자를 유치했습니. 다비다가 계약했다.",
     {"투자를 유치했습니.", "다비다가 계약했다."}},
    {"CopyrightLine", "Copyright © 디지털타임스. 무단전재 및 재배포 금지.",
     {"Copyright © 디지털타임스.", "무단전재 및 재배포 금지."}},
    {"QaPrompt", "-엔지니어에 대한 매력도를 높이려면. “뛰어난 엔지니어다.”",
     {"-엔지니어에 대한 매력도를 높이려면.", "“뛰어난 엔지니어다.”"}},
    {"QaDashKept", "- AI 규제 전쟁, 빅테크를 위한 특혜인가?",
     {"- AI 규제 전쟁, 빅테크를 위한 특혜인가?"}},
    {"PercentThenPeriod", "주가는 4% 급등했다. 이어 3%.", {"주가는 4% 급등했다.", "이어 3%."}},
    {"PercentPointThenPeriod", "금리는 0.25%p. 다음 소식.", {"금리는 0.25%p.", "다음 소식."}},

    // --- No space after the terminal.
    {"GluedHangul", "전망이다.특히 이번에는 다르다.", {"전망이다.", "특히 이번에는 다르다."}},
    {"GluedLatin", "등극시켰다.GPU(그래픽처리장치)를 쓴다.",
     {"등극시켰다.", "GPU(그래픽처리장치)를 쓴다."}},
    {"GluedDigit", "추세였다.50일 이평선은 지표다.", {"추세였다.", "50일 이평선은 지표다."}},
    {"GluedAfterQuoteAndParen", "‘프로젝트(이하 프로메테우스)’.프로메테우스는 크다.",
     {"‘프로젝트(이하 프로메테우스)’.", "프로메테우스는 크다."}},
    {"GluedClosingDoubleQuote", "꽤 괜찮네요.”글로벌 플랫폼이다.",
     {"꽤 괜찮네요.”", "글로벌 플랫폼이다."}},
    {"GluedQuestionSingleQuote", "‘AI 제국, 어디까지 확장할까?’오픈AI가 계약했다.",
     {"‘AI 제국, 어디까지 확장할까?’", "오픈AI가 계약했다."}},
    {"GluedQuestionDigit", "‘선반영이 또?”28일 발표됐다.", {"‘선반영이 또?”", "28일 발표됐다."}},
    {"GluedOpeningQuote", "풀어드립니다.‘인공지능(AI)은 과연 돈이 되는가.’ AI가 스며든다.",
     {"풀어드립니다.", "‘인공지능(AI)은 과연 돈이 되는가.’", "AI가 스며든다."}},
    {"GluedQuestionHangul", "뭐지?그래서 왔다.", {"뭐지?", "그래서 왔다."}},
    {"GluedQuoteCustomerNotParticle", "만족했다.”고객들은 떠났다.",
     {"만족했다.”", "고객들은 떠났다."}},

    // --- Numbers, dates and times.
    {"Decimal", "주가가 2.17% 상승했다.", {"주가가 2.17% 상승했다."}},
    {"DecimalWithUnit", "뇌가 4.5분전 급강하했다. 다음이다.",
     {"뇌가 4.5분전 급강하했다.", "다음이다."}},
    {"DottedDateTime", "박원익 2025.11.25 09:06 PDT", {"박원익 2025.11.25 09:06 PDT"}},
    {"SpacedDate", "2025. 12. 19. 발표했다.", {"2025. 12. 19. 발표했다."}},
    {"SpacedDateMidSentence", "정부는 2025. 12. 19. 법을 공포했다. 끝.",
     {"정부는 2025. 12. 19. 법을 공포했다.", "끝."}},
    {"Numbering", "Issue 1. 트럼프의 선언: 규칙은 필요 없다",
     {"Issue 1. 트럼프의 선언: 규칙은 필요 없다"}},
    {"Volume", "Vol. 25-47 소식", {"Vol. 25-47 소식"}},
    {"VolumeGlued", "Vol.25 소식", {"Vol.25 소식"}},
    {"NumberGlued", "No.1 기업이다.", {"No.1 기업이다."}},
    {"IndexLevelEnds", "코스피는 2698.01. 다음 소식이다.", {"코스피는 2698.01.", "다음 소식이다."}},
    {"YearThenEnglish", "It started in 2019. The end.", {"It started in 2019.", "The end."}},
    {"ClockTimeEnds", "회의는 10:30. 늦지 마라.", {"회의는 10:30.", "늦지 마라."}},
    {"DigitAtLineEnd", "순위는 2.", {"순위는 2."}},
    {"Thousands", "매출은 1,234.5억원이다.", {"매출은 1,234.5억원이다."}},
    {"Version", "버전 v1.2.3을 배포했다.", {"버전 v1.2.3을 배포했다."}},
    {"ModelNumberEnds", "오픈AI는 GPT-4. 구글은 제미나이 3.", {"오픈AI는 GPT-4.", "구글은 제미나이 3."}},
    {"QaLetters", "Q. 왜 그런가? A. 이유가 있다.", {"Q. 왜 그런가?", "A. 이유가 있다."}},
    {"InlineNumberedList", "1. 첫째 항목 2. 둘째 항목", {"1. 첫째 항목 2. 둘째 항목"}},
    {"RankEnds", "순위는 1위. 다음은 2위.", {"순위는 1위.", "다음은 2위."}},

    // --- Abbreviations, initials, English.
    {"USInitials", "U.S. 정부가 발표했다.", {"U.S. 정부가 발표했다."}},
    {"USAInitials", "U.S.A. 대표팀이 이겼다.", {"U.S.A. 대표팀이 이겼다."}},
    {"DoctorTitle", "Dr. Kim met Mr. Lee. They talked.",
     {"Dr. Kim met Mr. Lee.", "They talked."}},
    {"InitialName", "J. Smith said hello. He left.", {"J. Smith said hello.", "He left."}},
    {"EnglishTwo", "He left. She stayed.", {"He left.", "She stayed."}},
    {"EnglishQuestion", "Is it true? Yes it is!", {"Is it true?", "Yes it is!"}},
    {"EnglishInKorean", "그는 말했다. The market fell. 시장은 하락했다.",
     {"그는 말했다.", "The market fell.", "시장은 하락했다."}},
    {"EnglishThenKorean", "It was sold out. 매진됐다.", {"It was sold out.", "매진됐다."}},
    {"Dollars", "The price is $3.50. It rose.", {"The price is $3.50.", "It rose."}},
    {"AmPm", "We met at 9 a.m. on Monday.", {"We met at 9 a.m. on Monday."}},
    {"EgAbbreviation", "e.g. 예시를 보자.", {"e.g. 예시를 보자."}},
    {"PhD", "그는 Ph.D. 학위를 받았다.", {"그는 Ph.D. 학위를 받았다."}},
    {"CompanyWithParticle", "Apple Inc.는 크다. 다음.", {"Apple Inc.는 크다.", "다음."}},
    {"LatinWordThenGluedSentence", "모델은 Gemini.이번에는 다르다.", {"모델은 Gemini.", "이번에는 다르다."}},
    {"CompanyLowercase", "Apple Inc. is big.", {"Apple Inc. is big."}},
    {"CompanyThenSentence", "He joined Apple Inc. The deal closed.",
     {"He joined Apple Inc.", "The deal closed."}},
    {"VersusAbbreviation", "Korea vs. Japan 경기가 열렸다.", {"Korea vs. Japan 경기가 열렸다."}},
    {"EnglishApostrophe", "He doesn't know. 그는 몰랐다.", {"He doesn't know.", "그는 몰랐다."}},
    {"PossessiveApostrophe", "Byju's collapse was fast. 끝났다.",
     {"Byju's collapse was fast.", "끝났다."}},
    {"YahooBang", "Yahoo!Japan 서비스가 종료됐다.", {"Yahoo!Japan 서비스가 종료됐다."}},
    {"EnglishQuoteWithPeriod", "He said \"no.\" Then he left.",
     {"He said \"no.\"", "Then he left."}},
    {"FullWidthStop", "今日は晴れ。明日は雨。", {"今日は晴れ。", "明日は雨。"}},
    {"FullWidthQuestion", "정말？ 그렇다！", {"정말？", "그렇다！"}},

    // --- URLs and e-mail.
    {"Domain", "경기스타트업플랫폼(gsp.or.kr)을 통해 신청한다.",
     {"경기스타트업플랫폼(gsp.or.kr)을 통해 신청한다."}},
    {"BareDomain", "자세한 내용은 gsp.or.kr 에서 본다.", {"자세한 내용은 gsp.or.kr 에서 본다."}},
    {"Email", "김영욱 기자 wook95@dt.co.kr", {"김영욱 기자 wook95@dt.co.kr"}},
    {"EmailThenSentence", "문의는 help@example.com. 감사합니다.",
     {"문의는 help@example.com.", "감사합니다."}},
    {"Url", "링크는 https://example.com/a.b?c=d!e 이다. 끝.",
     {"링크는 https://example.com/a.b?c=d!e 이다.", "끝."}},
    {"UrlAtEnd", "여기를 보라 https://example.com/x. 다음 문장.",
     {"여기를 보라 https://example.com/x.", "다음 문장."}},
    {"WwwUrl", "www.naver.com?q=1 에서 검색했다.", {"www.naver.com?q=1 에서 검색했다."}},

    // --- Ellipses and special marks.
    {"EllipsisAfterNoun", "👉① 엔비디아의 전략적 도박... 오픈AI에 140조원을 거는 이유",
     {"👉① 엔비디아의 전략적 도박... 오픈AI에 140조원을 거는 이유"}},
    {"EllipsisAfterEnding", "그렇게 끝났다... 그러나 다시 시작됐다.",
     {"그렇게 끝났다...", "그러나 다시 시작됐다."}},
    {"TwoDotsBeforeQuote", "호실적에도..“이 정도론 부족해” [서울 이테원]",
     {"호실적에도..“이 정도론 부족해” [서울 이테원]"}},
    {"UnicodeEllipsis", "시장…왜 사라졌나", {"시장…왜 사라졌나"}},
    {"MidlineEllipsis", "\"잠은 '추락'이다\"⋯뇌, 스위치 꺼지듯 4.5분전 '급강하'",
     {"\"잠은 '추락'이다\"⋯뇌, 스위치 꺼지듯 4.5분전 '급강하'"}},
    {"TriangleBullets", "과정은 ▲GPU 딥러닝 ▲데이터 실습 등이다.",
     {"과정은 ▲GPU 딥러닝 ▲데이터 실습 등이다."}},
    {"QuestionInParens", "실적은 예상대로(?) 좋았다.", {"실적은 예상대로(?) 좋았다."}},
    {"QuestionColon", "Slurm이 뭐길래?: 표준 소프트웨어입니다.",
     {"Slurm이 뭐길래?: 표준 소프트웨어입니다."}},
    {"QuestionInBracketSeries", "유지로 기울까 [주간 여의도 Who?]가 분석했다.",
     {"유지로 기울까 [주간 여의도 Who?]가 분석했다."}},
    {"OnlyDots", "......", {}},

    // --- Quotations and brackets.
    {"EmbeddedQuoteReporting",
     "그는 “그래야 방법을 고민한다. 진짜 한 번 해보자”고 했다. 다음 문장.",
     {"그는 “그래야 방법을 고민한다. 진짜 한 번 해보자”고 했다.", "다음 문장."}},
    {"NestedReportedSpeech",
     "그는 “투자 협약이 구속력이 없다고 강조해왔다”고 말했다고 소식통들은 전했다.",
     {"그는 “투자 협약이 구속력이 없다고 강조해왔다”고 말했다고 소식통들은 전했다."}},
    {"EmbeddedQuoteRamyeo", "그는 “A다. B다”라며 웃었다.", {"그는 “A다. B다”라며 웃었다."}},
    {"PeriodInsideQuoteThenGo", "그는 \"이건 안 된다.\"고 말했다. 끝.",
     {"그는 \"이건 안 된다.\"고 말했다.", "끝."}},
    {"PeriodInsideCurlyQuoteThenGo", "그는 “이건 안 된다.”고 말했다.",
     {"그는 “이건 안 된다.”고 말했다."}},
    {"StandaloneQuoteSplitInside", "“그렇다. 본질은 사람이다.” -다음 질문은.",
     {"“그렇다.", "본질은 사람이다.”", "-다음 질문은."}},
    {"StandaloneAsciiQuote", "간섭 없는 자본: 요구하지 않았습니다. \"돈은 줄게, 경영은 알아서 해.\" 꿈같은 제안이었습니다.",
     {"간섭 없는 자본: 요구하지 않았습니다.", "\"돈은 줄게, 경영은 알아서 해.\"",
      "꿈같은 제안이었습니다."}},
    {"QuoteEndingWithQuestion", "‘열심히 하면 될까?’ 요새는 안 통한다.",
     {"‘열심히 하면 될까?’", "요새는 안 통한다."}},
    {"QuotedWordWithParticle", "화웨이는 '클라우드매트릭스 384'를 내놓았다.",
     {"화웨이는 '클라우드매트릭스 384'를 내놓았다."}},
    {"QuoteWithParenRamyeo", "수요가 \"차트를 벗어날 정도(off the charts)\"라며 반박했다.",
     {"수요가 \"차트를 벗어날 정도(off the charts)\"라며 반박했다."}},
    {"ParenthesesHoldPeriod", "(사진=연합뉴스. 자료 제공) 본문이다.",
     {"(사진=연합뉴스. 자료 제공) 본문이다."}},
    {"PeriodAfterParen", "62억달러(약 9조원)를 확보했다. 다음.", {"62억달러(약 9조원)를 확보했다.", "다음."}},
    {"QuoteAfterPeriodInParens", "격언이다 \"소문에 사서 뉴스에 팔라(Buy the rumor, sell the news).\" 주식 시장이다.",
     {"격언이다 \"소문에 사서 뉴스에 팔라(Buy the rumor, sell the news).\"", "주식 시장이다."}},
    {"UnbalancedOpenQuote", "“열린 따옴표만 있다. 다음 문장이다.",
     {"“열린 따옴표만 있다.", "다음 문장이다."}},
    {"UnbalancedCloseQuote", "닫는 따옴표만 있다” 그리고. 끝이다.",
     {"닫는 따옴표만 있다” 그리고.", "끝이다."}},
    {"NestedQuotes", "그는 “그녀가 ‘좋다. 가자’라고 했다”고 전했다.",
     {"그는 “그녀가 ‘좋다. 가자’라고 했다”고 전했다."}},
    {"QuoteFollowedByComma", "“좋다. 가자”, “싫다”라는 말이 오갔다.",
     {"“좋다. 가자”, “싫다”라는 말이 오갔다."}},
    {"GuillemetQuote", "«좋다. 가자»고 했다.", {"«좋다. 가자»고 했다."}},
    {"CornerBrackets", "「좋다. 가자」고 했다.", {"「좋다. 가자」고 했다."}},
    {"ParenthesisSentenceEnd", "그는 떠났다(사진). 다음이다.", {"그는 떠났다(사진).", "다음이다."}},
    {"BracketWrappedEnd", "(자세한 내용은 아래를 참조하라.) 다음이다.",
     {"(자세한 내용은 아래를 참조하라.)", "다음이다."}},
    {"BracketSentencesAfterSentence", "끝났다. (자세한 내용은 참조하라. 문의는 여기로.) 다음이다.",
     {"끝났다.", "(자세한 내용은 참조하라.", "문의는 여기로.)", "다음이다."}},
    {"QuestionInMidSentenceParens", "그는 (왜?) 떠났다.", {"그는 (왜?) 떠났다."}},
    {"PeriodInMidSentenceParens", "그는 (이유는 모른다.) 떠났다.", {"그는 (이유는 모른다.) 떠났다."}},
    {"FootnoteAfterTerminal", "서울은 수도이다.[1] 인구가 많다.[23]",
     {"서울은 수도이다.[1]", "인구가 많다.[23]"}},
    {"FootnoteGlued", "서울은 수도이다.[1]인구가 많다.", {"서울은 수도이다.[1]", "인구가 많다."}},
    {"DemonstrativeAfterQuote", "그가 말했다 “좋다.”이 발언은 화제였다.",
     {"그가 말했다 “좋다.”", "이 발언은 화제였다."}},
    {"DottedDateBeforeHangul", "2024.1.15. 기준 자료다.", {"2024.1.15. 기준 자료다."}},
    {"PageAbbreviation", "자료는 p. 23에 있다.", {"자료는 p. 23에 있다."}},
    {"FootnotesRun", "최고 기록이었다.[4][5] 다음 경기다.", {"최고 기록이었다.[4][5]", "다음 경기다."}},
    {"FootnoteWithLabel", "학자인 자퍼이다.[참고 2] 코프먼은 재구했다.",
     {"학자인 자퍼이다.[참고 2]", "코프먼은 재구했다."}},
    {"FootnoteBeforePeriod", "회고했다[2]. 케플러는 알았다.", {"회고했다[2].", "케플러는 알았다."}},
    {"CitationAfterQuote", "\"사람의 아들도 높이 들려야 한다.\"(요한 3:13) 다음이다.",
     {"\"사람의 아들도 높이 들려야 한다.\"(요한 3:13)", "다음이다."}},
    {"SpacedHamyeoAfterQuote", "호야는 \"문제없어. 반드시 성공할 수 있어! 우선 가 보는 거야.\" 하며 으쓱거렸다.",
     {"호야는 \"문제없어. 반드시 성공할 수 있어! 우선 가 보는 거야.\" 하며 으쓱거렸다."}},
    {"AngleBracketQuote", "그는 <종이는 콜레스테롤과 같다. 나쁜 종이는 물질이다.>라고 말한다.",
     {"그는 <종이는 콜레스테롤과 같다. 나쁜 종이는 물질이다.>라고 말한다."}},
    {"AngleBracketStandalone", "<죽자. 그냥 지금 죽자.> 그가 떨었다.",
     {"<죽자.", "그냥 지금 죽자.>", "그가 떨었다."}},
    {"MathComparisonNotQuote", "a < b 이다. c > d 이다.", {"a < b 이다.", "c > d 이다."}},
    {"QuotedQuestionsListed", "하지만 \"힘드셨죠?\", \"인사법이라면서요?\"라면서 맞추려 한다.",
     {"하지만 \"힘드셨죠?\", \"인사법이라면서요?\"라면서 맞추려 한다."}},
    {"ParenWithSentencesMidSentence", "끝마치기를(숟가락을 쑤셔넣을지도 몰랐다. 흔한 일이다) 기다렸다.",
     {"끝마치기를(숟가락을 쑤셔넣을지도 몰랐다. 흔한 일이다) 기다렸다."}},
    {"QuestionThenSipda", "이런게 중독이 되나? 싶었는데 재미있었다.",
     {"이런게 중독이 되나? 싶었는데 재미있었다."}},
    {"QuestionThenHago", "이게 뭐지?? 하고 검색을 해봅니다.", {"이게 뭐지?? 하고 검색을 해봅니다."}},
    {"QuestionGluedRaneun", "내가 도박을 했다면?라는 상상을 해봤다.",
     {"내가 도박을 했다면?라는 상상을 해봤다."}},
    {"BangThenRaneun", "이 부분을 읽고 나돈데! 라는 생각을 했다.", {"이 부분을 읽고 나돈데! 라는 생각을 했다."}},
    {"SpelledOutGlued", "반.전.매.력 보여줌☆★", {"반.전.매.력 보여줌☆★"}},
    {"SpelledOutSpaced", "저희는 전. 부. 다. 요!!! 하곤 웃었다.", {"저희는 전. 부. 다. 요!!! 하곤 웃었다."}},
    {"OneSyllableAnswer", "네. 좋아요.", {"네.", "좋아요."}},
    {"TrailingEmojiJoins", "한다고 하니까요. 😲😲😲", {"한다고 하니까요. 😲😲😲"}},
    {"TrailingLaughJoins", "정말 웃겼다. ㅋㅋㅋ 다음 날이다.", {"정말 웃겼다. ㅋㅋㅋ", "다음 날이다."}},
    {"GluedJamoJoins", "추가해야된다면서여...?ㄷㄷ", {"추가해야된다면서여...?ㄷㄷ"}},
    {"GluedCaretsJoin", "좋았어요!^^ 또 갈게요.", {"좋았어요!^^", "또 갈게요."}},
    {"GluedBulletEmojiStartsNext", "바꾸고 있다.👉① 전략적 도박", {"바꾸고 있다.", "👉① 전략적 도박"}},
    {"EmbeddedQuoteNoFinalEnding", "\"잠자고 있던 저항력을 일깨워줍니다. 바쁜 피부를 소중히\"에 이르러서는 실소가 나온다.",
     {"\"잠자고 있던 저항력을 일깨워줍니다. 바쁜 피부를 소중히\"에 이르러서는 실소가 나온다."}},

    // --- Headings, bylines, bullets, separators.
    {"BracketHeadingAttached", "[Key Insights] 중국의 반도체 굴기는 선언이다.",
     {"[Key Insights] 중국의 반도체 굴기는 선언이다."}},
    {"QuestionThenLabel", "🤔 왜 지금 '오픈소스'인가? (The Big Picture)",
     {"🤔 왜 지금 '오픈소스'인가?", "(The Big Picture)"}},
    {"TitleWithQuotes", "트럼프의 'AI One Rule' : \"주정부는 빠져라\"",
     {"트럼프의 'AI One Rule' : \"주정부는 빠져라\""}},
    {"Byline", "박원익 2025.11.25 09:06 PDT", {"박원익 2025.11.25 09:06 PDT"}},
    {"Address", "4F, Startup Campus Building #3, 20, Pangyo-ro 289, Bundang, Seongnam, Korea 13488",
     {"4F, Startup Campus Building #3, 20, Pangyo-ro 289, Bundang, Seongnam, Korea 13488"}},
    {"PipeSeparators", "2025. 12. 19. | Vol. 25-47 | 📬구독하기 |",
     {"2025. 12. 19. | Vol. 25-47 | 📬구독하기"}},
    {"TrailingPipeWithoutPunctuation", "트럼프의 선언 |  ", {"트럼프의 선언"}},
    {"TrailingPipes", "트럼프의 선언 | |", {"트럼프의 선언"}},
    {"TrailingPipe", "- AI 규제 전쟁, 특혜인가? |", {"- AI 규제 전쟁, 특혜인가?"}},
    {"PipeInsideWord", "A|B 테스트를 했다.", {"A|B 테스트를 했다."}},
    {"LinkLineAfterSentence", "보여준다. 👉관련 기사: [기고] 면역의 의미",
     {"보여준다.", "👉관련 기사: [기고] 면역의 의미"}},
    {"InlineLinkMarker", "오늘의 기사 👉 링크 모음", {"오늘의 기사 👉 링크 모음"}},
    {"InlineBullet", "메뉴 • 항목 하나 • 항목 둘", {"메뉴 • 항목 하나 • 항목 둘"}},
    {"LeadingBullet", "  • 엔비디아 2분기 매출, 예상 넘은 300억 달러",
     {"• 엔비디아 2분기 매출, 예상 넘은 300억 달러"}},
    {"DashOnlyLine", "-", {}},
    {"PipeOnlyLine", "|", {}},

    // --- Lines and whitespace.
    {"LineBreaks", "첫째 줄\n둘째 줄", {"첫째 줄", "둘째 줄"}},
    {"CrLf", "첫째 문장이다.\r\n둘째 문장이다.\r\n", {"첫째 문장이다.", "둘째 문장이다."}},
    {"LoneCr", "첫째\r둘째", {"첫째", "둘째"}},
    {"BlankLines", "\n\n가나다\n\n\n라마바\n", {"가나다", "라마바"}},
    {"TrimsSpacesAndTabs", "  \t 가나다.   라마바.  ", {"가나다.", "라마바."}},
    {"NbspTrimmed", "\xC2\xA0가나다.\xC2\xA0라마바.", {"가나다.", "라마바."}},
    {"IdeographicSpace", "가나다.\xE3\x80\x80라마바.", {"가나다.", "라마바."}},
    {"Empty", "", {}},
    {"OnlySpaces", "   \n\t \r\n", {}},
    {"LeadingPeriod", ". 다음 문장이다.", {"다음 문장이다."}},

    // --- Damaged input never breaks the scanner.
    {"InvalidByte", "가\xFF나. 다라.", {"가\xFF나.", "다라."}},
    {"TruncatedAtEnd", "가나다. 라\xEA\xB0", {"가나다.", "라\xEA\xB0"}},
    // A NUL is neither space nor a letter: no boundary, no crash.
    {"NulByte", std::string("가.\0나.", 8), {std::string("가.\0나.", 8)}},
    {"LoneContinuationBytes", "\x80\x80. 가.", {"\x80\x80.", "가."}},
};

INSTANTIATE_TEST_SUITE_P(Table, SplitTableTest, ::testing::ValuesIn(kSplitCases),
                         [](const ::testing::TestParamInfo<SplitCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(SentenceSplitterTest, OffsetsAreBytesIntoText) {
  auto splitter = Default();
  const std::string text = "  가나다.  Abc. ";
  const std::vector<SentenceSpan> spans = splitter->Split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(spans[0].end, 2u + 10u);  // three syllables and a period
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "Abc.");
}

TEST(SentenceSplitterTest, SplitRangeUsesOffsetsOfWholeText) {
  auto splitter = Default();
  const std::string text = "머리말\n본문 하나. 본문 둘.\n꼬리말";
  const size_t begin = text.find("본문");
  const size_t end = text.find("\n꼬리말");
  std::vector<SentenceSpan> spans;
  splitter->SplitRange(text, begin, end, &spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "본문 하나.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin),
            "본문 둘.");
}

TEST(SentenceSplitterTest, KeepsPunctuationOnlySegmentsWhenAsked) {
  SentenceSplitterOptions options;
  options.drop_punctuation_only = false;
  auto splitter = SentenceSplitter::Create(options);
  ASSERT_THAT(splitter, IsOk());
  EXPECT_THAT(SentenceTexts(**splitter, "-\n가나다"), ElementsAre("-", "가나다"));
}

TEST(SentenceSplitterTest, PipesSplitWhenAsked) {
  SentenceSplitterOptions options;
  options.split_on_pipes = true;
  auto splitter = SentenceSplitter::Create(options);
  ASSERT_THAT(splitter, IsOk());
  EXPECT_THAT(SentenceTexts(**splitter, "2025. 12. 19. | Vol. 25-47 | 📬구독하기 |"),
              ElementsAre("2025. 12. 19.", "Vol. 25-47", "📬구독하기"));
  EXPECT_THAT(SentenceTexts(**splitter, "A|B 테스트"), ElementsAre("A|B 테스트"));
}

TEST(SentenceSplitterTest, InlineBulletsSplitWhenAsked) {
  SentenceSplitterOptions options;
  options.split_on_inline_bullets = true;
  auto splitter = SentenceSplitter::Create(options);
  ASSERT_THAT(splitter, IsOk());
  EXPECT_THAT(SentenceTexts(**splitter, "메뉴 • 항목 하나 • 항목 둘"),
              ElementsAre("메뉴", "• 항목 하나", "• 항목 둘"));
  EXPECT_THAT(SentenceTexts(**splitter, "오늘의 기사 👉 링크 모음"),
              ElementsAre("오늘의 기사", "👉 링크 모음"));
}

TEST(SentenceSplitterTest, LongQuotationDoesNotSuppressBoundaries) {
  SentenceSplitterOptions options;
  options.max_quote_bytes = 16;
  auto splitter = SentenceSplitter::Create(options);
  ASSERT_THAT(splitter, IsOk());
  EXPECT_THAT(SentenceTexts(**splitter, "“첫째 문장이다. 둘째 문장이다”고 했다."),
              ElementsAre("“첫째 문장이다.", "둘째 문장이다”고 했다."));
}

TEST(SentenceSplitterTest, ExtraAbbreviations) {
  SentenceSplitterOptions options;
  options.extra_abbreviations = {"Fa"};
  auto splitter = SentenceSplitter::Create(options);
  ASSERT_THAT(splitter, IsOk());
  EXPECT_THAT(SentenceTexts(**splitter, "Fa. Cup 결승이다."),
              ElementsAre("Fa. Cup 결승이다."));
}

TEST(SentenceSplitterTest, RejectsZeroQuoteLimit) {
  SentenceSplitterOptions options;
  options.max_quote_bytes = 0;
  EXPECT_THAT(SentenceSplitter::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("max_quote_bytes")));
}

TEST(SentenceSplitterTest, RejectsMalformedAbbreviation) {
  SentenceSplitterOptions options;
  options.extra_abbreviations = {"Corp."};
  EXPECT_THAT(SentenceSplitter::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("malformed abbreviation 'Corp.'")));
  options.extra_abbreviations = {""};
  EXPECT_THAT(SentenceSplitter::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("malformed")));
}

TEST(SentenceSplitterTest, TenMegabyteLineWithoutPunctuation) {
  auto splitter = Default();
  std::string text;
  while (text.size() < (10u << 20)) text += "가나다 라마 ";
  const std::vector<SentenceSpan> spans = splitter->Split(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].begin, 0u);
  EXPECT_EQ(spans[0].end, text.size() - 1);
}

TEST(SentenceSplitterTest, TenMegabyteLineOfSentences) {
  auto splitter = Default();
  std::string text;
  while (text.size() < (10u << 20)) text += "“가나다. 라마바”고 했다. ";
  const std::vector<SentenceSpan> spans = splitter->Split(text);
  EXPECT_EQ(spans.size(), text.size() / std::string("“가나다. 라마바”고 했다. ").size());
}

TEST(SentenceSplitterTest, ManyUnbalancedMarksStayLinear) {
  auto splitter = Default();
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "((“‘[가. ";
  const std::vector<SentenceSpan> spans = splitter->Split(text);
  EXPECT_EQ(spans.size(), 200000u);
}

// The examples of issue 13: unpunctuated informal text.
TEST(SentenceSplitterTest, SplitsAfterFinalEndingsAndReactions) {
  auto splitter = Default();
  EXPECT_THAT(SentenceTexts(*splitter, "오늘 회의 끝났어요 내일 다시 연락드릴게요"),
              ElementsAre("오늘 회의 끝났어요", "내일 다시 연락드릴게요"));
  EXPECT_THAT(
      SentenceTexts(*splitter,
                "오늘 날씨 대박 ㅋㅋ 점심은 국밥 먹음 ^^ 배불러서 졸려 ㅋㅋㅋ "
                "이따 카페 갈 사람 ^^ 나는 라테 ㅎㅎ"),
      ElementsAre("오늘 날씨 대박 ㅋㅋ", "점심은 국밥 먹음 ^^",
                  "배불러서 졸려 ㅋㅋㅋ", "이따 카페 갈 사람 ^^",
                  "나는 라테 ㅎㅎ"));
}

TEST(SentenceSplitterTest, LineEndingMidClauseGoesOn) {
  auto splitter = Default();
  // Offsets stay bytes into the text, the line break inside the sentence.
  EXPECT_THAT(SentenceTexts(*splitter,
                        "현장에 도착했을 때는\r\n이미 불길이 번졌다\n"
                        "다행히 다친 사람은 없었다"),
              ElementsAre("현장에 도착했을 때는\r\n이미 불길이 번졌다",
                          "다행히 다친 사람은 없었다"));
  // A blank line, a bullet or a speaker label on the next line still ends it.
  EXPECT_THAT(SentenceTexts(*splitter, "저는요\n\n다음 질문은요"),
              ElementsAre("저는요", "다음 질문은요"));
  EXPECT_THAT(SentenceTexts(*splitter, "준비물은\n- 여권"),
              ElementsAre("준비물은", "- 여권"));
  EXPECT_THAT(SentenceTexts(*splitter, "기자: 원인은\n관계자: 모릅니다"),
              ElementsAre("기자: 원인은", "관계자: 모릅니다"));
}

TEST(SentenceSplitterTest, PunctuationOnlyModeKeepsEditedNewsRules) {
  SentenceSplitterOptions options;
  options.split_on_endings = false;
  auto splitter = SentenceSplitter::Create(options);
  ASSERT_THAT(splitter, IsOk());
  EXPECT_THAT(SentenceTexts(**splitter, "오늘 회의 끝났어요 내일 다시 연락드릴게요"),
              ElementsAre("오늘 회의 끝났어요 내일 다시 연락드릴게요"));
  EXPECT_THAT(SentenceTexts(**splitter, "현장에 도착했을 때는\n이미 번졌다"),
              ElementsAre("현장에 도착했을 때는", "이미 번졌다"));
  EXPECT_THAT(SentenceTexts(**splitter, "대박 ㅋㅋ 이게 되네. 좋다."),
              ElementsAre("대박 ㅋㅋ 이게 되네.", "좋다."));
}

TEST(SentenceSplitterTest, OnlyNulBytes) {
  auto splitter = Default();
  const std::string text(1000, '\0');
  EXPECT_THAT(splitter->Split(text), IsEmpty());
}

TEST(SentenceSplitterTest, SplitsCleanedHtml) {
  auto splitter = Default();
  CleanOptions options;
  auto cleaned = CleanDocument(
      "<div><p> 첫 문장이다. 둘째 문장이다.</p><p>셋째&nbsp;문장.</p>"
      "<script>var a = 'x. y.';</script></div>",
      options);
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_THAT(SentenceTexts(*splitter, cleaned->text),
              ElementsAre("첫 문장이다.", "둘째 문장이다.", "셋째 문장."));
}

}  // namespace
}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
