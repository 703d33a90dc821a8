#include "workers/extract/entities/entity_extractor.h"
#include "workers/extract/entities/entity_test_util.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::Pair;

class ExtractTest : public ::testing::TestWithParam<MentionCase> {};

TEST_P(ExtractTest, FindsExactlyTheExpectedMentions) {
  const MentionCase& c = GetParam();
  EXPECT_THAT(RenderMentions(c.text, SharedExtractor().Extract(c.text)), ElementsAreArray(c.want)) << c.text;
}

// Types: organisations, people, places and products from the gazetteer.
INSTANTIATE_TEST_SUITE_P(Types, ExtractTest,
                         ::testing::ValuesIn(std::vector<MentionCase>{
                             {"엔비디아", {"엔비디아|ORG|엔비디아"}},
                             {"삼성전자", {"삼성전자|ORG|삼성전자"}},
                             {"SK하이닉스", {"SK하이닉스|ORG|SK하이닉스"}},
                             {"한국은행", {"한국은행|ORG|한국은행"}},
                             {"미국 연방준비제도", {"미국 연방준비제도|ORG|미국 연방준비제도"}},
                             {"연준", {"연준|ORG|미국 연방준비제도"}},
                             {"과기정통부", {"과기정통부|ORG|과학기술정보통신부"}},
                             {"서울대", {"서울대|ORG|서울대학교"}},
                             {"블랙록", {"블랙록|ORG|블랙록"}},
                             {"로이터", {"로이터|ORG|로이터"}},
                             {"IMF", {"IMF|ORG|국제통화기금"}},
                             {"젠슨 황", {"젠슨 황|PER|젠슨 황"}},
                             {"샘 올트먼", {"샘 올트먼|PER|샘 올트먼"}},
                             {"이재용", {"이재용|PER|이재용"}},
                             {"리사 수", {"리사 수|PER|리사 수"}},
                             {"미국", {"미국|LOC|미국"}},
                             {"대한민국", {"대한민국|LOC|한국"}},
                             {"캘리포니아주", {"캘리포니아주|LOC|캘리포니아"}},
                             {"텍사스", {"텍사스|LOC|텍사스"}},
                             {"샌프란시스코", {"샌프란시스코|LOC|샌프란시스코"}},
                             {"실리콘밸리", {"실리콘밸리|LOC|실리콘밸리"}},
                             {"중동", {"중동|LOC|중동"}},
                             {"판교", {"판교|LOC|판교"}},
                             {"월가", {"월가|LOC|월가"}},
                             {"H200", {"H200|PRD|H200"}},
                             {"블랙웰", {"블랙웰|PRD|블랙웰"}},
                             {"챗GPT", {"챗GPT|PRD|챗GPT"}},
                             {"제미나이 3", {"제미나이 3|PRD|제미나이 3"}},
                             {"GB200", {"GB200|PRD|GB200"}},
                             {"네모트론3", {"네모트론3|PRD|Nemotron 3"}},
                             {"TPU", {"TPU|PRD|TPU"}},
                             {"안드로이드", {"안드로이드|PRD|안드로이드"}},
                         }));

// Canonical names: aliases, English names, tickers and spacing variants.
INSTANTIATE_TEST_SUITE_P(Canonical, ExtractTest,
                         ::testing::ValuesIn(std::vector<MentionCase>{
                             {"MS", {"MS|ORG|마이크로소프트"}},
                             {"Microsoft", {"Microsoft|ORG|마이크로소프트"}},
                             {"마이크로소프트(MSFT)",
                              {"마이크로소프트|ORG|마이크로소프트", "MSFT|ORG|마이크로소프트"}},
                             {"엔비디아(NVDA)", {"엔비디아|ORG|엔비디아", "NVDA|ORG|엔비디아"}},
                             {"NVIDIA", {"NVIDIA|ORG|엔비디아"}},
                             {"Nvidia", {"Nvidia|ORG|엔비디아"}},
                             {"오픈 AI", {"오픈 AI|ORG|오픈AI"}},
                             {"OpenAI", {"OpenAI|ORG|오픈AI"}},
                             {"로이터통신", {"로이터통신|ORG|로이터"}},
                             {"로이터 통신", {"로이터 통신|ORG|로이터"}},
                             {"WSJ", {"WSJ|ORG|월스트리트저널"}},
                             {"법무부", {"법무부|ORG|미국 법무부"}},
                             {"DOJ", {"DOJ|ORG|미국 법무부"}},
                             {"상무부", {"상무부|ORG|미국 상무부"}},
                             {"민주당", {"민주당|ORG|미국 민주당"}},
                             {"스케드MD", {"스케드MD|ORG|SchedMD"}},
                             {"타이거", {"타이거|ORG|타이거 글로벌"}},
                             {"젠슨황", {"젠슨황|PER|젠슨 황"}},
                             {"Jensen Huang", {"Jensen Huang|PER|젠슨 황"}},
                             {"트럼프", {"트럼프|PER|도널드 트럼프"}},
                             {"Gemini 3", {"Gemini 3|PRD|제미나이 3"}},
                             {"Infiniband", {"Infiniband|PRD|InfiniBand"}},
                             {"텐서처리장치", {"텐서처리장치|PRD|TPU"}},
                             {"슬럼", {"슬럼|PRD|Slurm"}},
                             {"AWS", {"AWS|ORG|아마존웹서비스"}},
                             {"美", {"美|LOC|미국"}},
                             {"타이완", {"타이완|LOC|대만"}},
                             {"터키", {"터키|LOC|튀르키예"}},
                         }));

// Particles and copulas are left out of the span; names ending in the same
// syllables keep them.
INSTANTIATE_TEST_SUITE_P(Particles, ExtractTest,
                         ::testing::ValuesIn(std::vector<MentionCase>{
                             {"엔비디아가", {"엔비디아|ORG|엔비디아"}},
                             {"오픈AI는", {"오픈AI|ORG|오픈AI"}},
                             {"오라클의", {"오라클|ORG|오라클"}},
                             {"구글과", {"구글|ORG|구글"}},
                             {"삼성전자에서", {"삼성전자|ORG|삼성전자"}},
                             {"엔비디아로부터", {"엔비디아|ORG|엔비디아"}},
                             {"오픈AI라는", {"오픈AI|ORG|오픈AI"}},
                             {"애플은", {"애플|ORG|애플"}},
                             {"애플을", {"애플|ORG|애플"}},
                             {"AMD와", {"AMD|ORG|AMD"}},
                             {"인텔이", {"인텔|ORG|인텔"}},
                             {"메타도", {"메타|ORG|메타"}},
                             {"테슬라까지", {"테슬라|ORG|테슬라"}},
                             {"아마존에게", {"아마존|ORG|아마존"}},
                             {"중국으로", {"중국|LOC|중국"}},
                             {"미국에서는", {"미국|LOC|미국"}},
                             {"일본보다", {"일본|LOC|일본"}},
                             {"한국처럼", {"한국|LOC|한국"}},
                             {"엔비디아와의", {"엔비디아|ORG|엔비디아"}},
                             {"구글이었다", {"구글|ORG|구글"}},
                             {"오픈AI발", {"오픈AI|ORG|오픈AI"}},
                             {"엔비디아측은", {"엔비디아|ORG|엔비디아"}},
                             {"머스크는", {"머스크|PER|일론 머스크"}},
                             {"젠슨 황의", {"젠슨 황|PER|젠슨 황"}},
                             {"블랙웰을", {"블랙웰|PRD|블랙웰"}},
                             {"챗GPT와", {"챗GPT|PRD|챗GPT"}},
                             {"시리아는", {"시리아|LOC|시리아"}},
                             {"인도네시아의", {"인도네시아|LOC|인도네시아"}},
                             {"코리아", {}},
                             {"나이지리아가", {"나이지리아|LOC|나이지리아"}},
                             {"브로드컴이", {"브로드컴|ORG|브로드컴"}},
                             {"WSJ는", {"WSJ|ORG|월스트리트저널"}},
                             {"뉴욕 증시", {"뉴욕|LOC|뉴욕"}},
                             {"뉴욕증시", {"뉴욕|LOC|뉴욕"}},
                             {"미국정부는", {"미국|LOC|미국"}},
                         }));

// Derived words and look-alikes are not mentions of the name inside them.
INSTANTIATE_TEST_SUITE_P(Derived, ExtractTest,
                         ::testing::ValuesIn(std::vector<MentionCase>{
                             {"중국산", {}},
                             {"인도판", {}},
                             {"나이지리아판", {}},
                             {"미국인", {}},
                             {"한국어", {}},
                             {"영국계", {}},
                             {"미국식", {}},
                             {"인도적", {}},
                             {"애플리케이션", {}},
                             {"메타버스", {}},
                             {"인텔리전스", {}},
                             {"구글링", {}},
                             {"인도하다", {}},
                             {"말리다", {}},
                             {"비오는 날", {}},
                             {"달리 말하면", {}},
                             {"매출 신장", {}},
                             {"경기 침체", {}},
                             {"10ms", {}},
                             {"SMSA", {}},
                             {"GPT-4o", {"GPT-4o|PRD|GPT-4o"}},
                             {"중국산 H20", {"H20|PRD|H20"}},
                             {"인도판 트위터", {"트위터|ORG|트위터"}},
                         }));

// Generic nouns, bare titles, section heads and dates are not entities.
INSTANTIATE_TEST_SUITE_P(NotEntities, ExtractTest,
                         ::testing::ValuesIn(std::vector<MentionCase>{
                             {"정부", {}},
                             {"기업", {}},
                             {"시장", {}},
                             {"CEO", {}},
                             {"최고경영자", {}},
                             {"회장은", {}},
                             {"대표", {}},
                             {"[Key Insights]", {}},
                             {"💡 에디터의 코멘트", {}},
                             {"2026년 1월 15일", {}},
                             {"15日", {}},
                             {"인공지능(AI)", {}},
                             {"그래픽처리장치(GPU)", {}},
                             {"대형언어모델(LLM)", {}},
                             {"국내 증권사", {}},
                             {"시중은행", {}},
                             {"자문위원회", {}},
                             {"S&P500", {}},
                             {"AIME25", {}},
                             {"이번 대표", {}},
                             {"신임 대표가", {}},
                             {"대표 주자로", {}},
                             {"유망한 스타트업 창업자", {}},
                             {"가진 사람이 사장이", {}},
                             {"정책을 총괄하고", {}},
                             {"거래일보다", {}},
                         }));

// Unseen people by pattern: titles before or after, romanisation.
INSTANTIATE_TEST_SUITE_P(
    PersonPatterns, ExtractTest,
    ::testing::ValuesIn(std::vector<MentionCase>{
        {"김철수 대표는", {"김철수|PER|김철수"}},
        {"박영희 교수", {"박영희|PER|박영희"}},
        {"최민수 연구원은", {"최민수|PER|최민수"}},
        {"정대호 기자", {"정대호|PER|정대호"}},
        {"한지영 애널리스트는", {"한지영|PER|한지영"}},
        {"윤서연 박사", {"윤서연|PER|윤서연"}},
        {"강동원 사장이", {"강동원|PER|강동원"}},
        {"오세훈 부회장", {"오세훈|PER|오세훈"}},
        {"임지훈 이코노미스트", {"임지훈|PER|임지훈"}},
        {"서지현 장관", {"서지현|PER|서지현"}},
        {"삼성전자 김철수 사장", {"삼성전자|ORG|삼성전자", "김철수|PER|김철수"}},
        {"창업자 김범진은", {"김범진|PER|김범진"}},
        {"설립자 홍길동이", {"홍길동|PER|홍길동"}},
        {"창업자 마이클 스미스는", {"마이클 스미스|PER|마이클 스미스"}},
        {"대표 마이클 잭슨의", {"마이클 잭슨|PER|마이클 잭슨"}},
        {"대표 상품은", {}},
        {"데이비드 진스너 CFO는", {"데이비드 진스너|PER|데이비드 진스너"}},
        {"브라이언 마스트 하원의원", {"브라이언 마스트|PER|브라이언 마스트"}},
        {"마리나 코스타 최고재무책임자", {"마리나 코스타|PER|마리나 코스타"}},
        {"마이클 페롤리 이코노미스트는", {"마이클 페롤리|PER|마이클 페롤리"}},
        {"토마스 쿠리안(Thomas Kurian)",
         {"토마스 쿠리안|PER|토마스 쿠리안", "Thomas Kurian|PER|토마스 쿠리안"}},
        {"카를로스 몬테마요르(Carlos Montemayor)",
         {"카를로스 몬테마요르|PER|카를로스 몬테마요르", "Carlos Montemayor|PER|카를로스 몬테마요르"}},
        {"이민호(Lee Min-ho)", {"이민호|PER|이민호", "Lee Min-ho|PER|이민호"}},
        {"스마트 시티(Smart City)", {}},
        {"단일 표준(One Rulebook)", {}},
        {"제제로 크레이터(Jezero Crater)", {}},
        {"엔비디아 젠슨 황 CEO", {"엔비디아|ORG|엔비디아", "젠슨 황|PER|젠슨 황"}},
        {"젠슨 황 엔비디아 최고경영자(CEO)가", {"젠슨 황|PER|젠슨 황", "엔비디아|ORG|엔비디아"}},
        {"아마존 창업자 제프 베조스가", {"아마존|ORG|아마존", "제프 베조스|PER|제프 베조스"}},
    }));

// Unseen organisations by suffix.
INSTANTIATE_TEST_SUITE_P(OrgPatterns, ExtractTest,
                         ::testing::ValuesIn(std::vector<MentionCase>{
                             {"가나다전자는", {"가나다전자|ORG|가나다전자"}},
                             {"한빛증권에서", {"한빛증권|ORG|한빛증권"}},
                             {"새솔은행", {"새솔은행|ORG|새솔은행"}},
                             {"누리통신과", {"누리통신|ORG|누리통신"}},
                             {"바다그룹의", {"바다그룹|ORG|바다그룹"}},
                             {"다온홀딩스가", {"다온홀딩스|ORG|다온홀딩스"}},
                             {"미래경제연구소는", {"미래경제연구소|ORG|미래경제연구소"}},
                             {"한마음대학교", {"한마음대학교|ORG|한마음대학교"}},
                             {"미국소비자기술협회", {"미국소비자기술협회|ORG|미국소비자기술협회"}},
                             {"금융통화위원회", {"금융통화위원회|ORG|금융통화위원회"}},
                             {"베타나랩스", {"베타나랩스|ORG|베타나랩스"}},
                             {"노스윈드캐피털은", {"노스윈드캐피털|ORG|노스윈드캐피털"}},
                             {"Zenith Labs", {"Zenith Labs|ORG|Zenith Labs"}},
                             {"Northwind Capital", {"Northwind Capital|ORG|Northwind Capital"}},
                             {"국내은행", {}},
                             {"해외증권", {}},
                             {"전자", {}},
                             {"그룹", {}},
                         }));

// Aliases defined in the document and coreference.
INSTANTIATE_TEST_SUITE_P(
    DocumentAliases, ExtractTest,
    ::testing::ValuesIn(std::vector<MentionCase>{
        {"가나다기술협회(GTA)는 ... GTA가 밝혔다",
         {"가나다기술협회|ORG|가나다기술협회", "GTA|ORG|가나다기술협회", "GTA|ORG|가나다기술협회"}},
        {"아마존웹서비스(AWS)와 AWS의",
         {"아마존웹서비스|ORG|아마존웹서비스", "AWS|ORG|아마존웹서비스", "AWS|ORG|아마존웹서비스"}},
        {"프로젝트 프로메테우스(Project Prometheus, 이하 프로메테우스). 프로메테우스는",
         {"프로젝트 프로메테우스|ORG|프로젝트 프로메테우스", "Project Prometheus|ORG|프로젝트 프로메테우스",
          "프로메테우스|ORG|프로젝트 프로메테우스", "프로메테우스|ORG|프로젝트 프로메테우스"}},
        {"GTA가 먼저 나오면 별명이 아니다. 가나다기술협회(GTA)",
         {"가나다기술협회|ORG|가나다기술협회", "GTA|ORG|가나다기술협회"}},
        {"엔비디아 최고경영자(CEO)는 CEO로서", {"엔비디아|ORG|엔비디아"}},
        {"퀸메리 칼리지 런던(QMCL) 연구진. QMCL은", {"런던|LOC|런던"}},
    }));

INSTANTIATE_TEST_SUITE_P(
    Coreference, ExtractTest,
    ::testing::ValuesIn(std::vector<MentionCase>{
        {"젠슨 황 엔비디아 CEO는 말했다. 황 CEO는",
         {"젠슨 황|PER|젠슨 황", "엔비디아|ORG|엔비디아", "황|PER|젠슨 황"}},
        {"래리 엘리슨 회장. 엘리슨은", {"래리 엘리슨|PER|래리 엘리슨", "엘리슨|PER|래리 엘리슨"}},
        {"제프 베조스가 돌아왔다. 베조스의 복귀", {"제프 베조스|PER|제프 베조스", "베조스|PER|제프 베조스"}},
        {"브라이어니 호건 연구원은 말했다. 호건은",
         {"브라이어니 호건|PER|브라이어니 호건", "호건|PER|브라이어니 호건"}},
        {"김철수 대표는 말했다. 김 대표는", {"김철수|PER|김철수", "김|PER|김철수"}},
        {"김철수 대표는 말했다. 김은 금속이다", {"김철수|PER|김철수"}},
        // Not joined backwards: the earlier bare surname is its own person.
                             {"황 CEO는 먼저 나왔다. 젠슨 황", {"황|PER|황", "젠슨 황|PER|젠슨 황"}},
        {"전영현 부회장. 전 회장은", {"전영현|PER|전영현"}},
        {"손정의 소프트뱅크 회장. 손 회장은",
         {"손정의|PER|손정의", "소프트뱅크|ORG|소프트뱅크", "손|PER|손정의"}},
        {"임형규 전 사장은 말했다. 임 전 사장은", {"임형규|PER|임형규", "임|PER|임형규"}},
        {"김철수 대표. 김 전 회계 담당", {"김철수|PER|김철수"}},
        {"알렉스 크리스 페이팔 CEO. 크리스 정 2025.10.28",
         {"알렉스 크리스|PER|알렉스 크리스", "페이팔|ORG|페이팔"}},
        {"알렉스 크리스 페이팔 CEO. 크리스 정 기자",
         {"알렉스 크리스|PER|알렉스 크리스", "페이팔|ORG|페이팔", "크리스 정|PER|크리스 정"}},
        {"토마스 쿠리안(Thomas Kurian) CEO. 쿠리안은",
         {"토마스 쿠리안|PER|토마스 쿠리안", "Thomas Kurian|PER|토마스 쿠리안", "쿠리안|PER|토마스 쿠리안"}},
    }));

// Mentions in realistic sentences.
INSTANTIATE_TEST_SUITE_P(
    Sentences, ExtractTest,
    ::testing::ValuesIn(std::vector<MentionCase>{
        {"오픈AI와 엔비디아의 파트너십이 균열을 보인다.", {"오픈AI|ORG|오픈AI", "엔비디아|ORG|엔비디아"}},
        {"구글·앤트로픽 등과 경쟁", {"구글|ORG|구글", "앤트로픽|ORG|앤트로픽"}},
        {"AMD, 브로드컴, 마이크로소프트(MS)와의 파트너십",
         {"AMD|ORG|AMD", "브로드컴|ORG|브로드컴", "마이크로소프트|ORG|마이크로소프트",
          "MS|ORG|마이크로소프트"}},
        {"수십만 개의 GB200, GB300 칩을 아마존 EC2 울트라서버를 통해",
         {"GB200|PRD|GB200", "GB300|PRD|GB300", "아마존 EC2 울트라서버|PRD|아마존 EC2 울트라서버"}},
        {"카타르 월드컵이 2만 대의 카메라", {"카타르|LOC|카타르"}},
        {"멕시코도 CCTV와 IoT 센서를", {"멕시코|LOC|멕시코"}},
        {"FTX 파산, 인도의 에듀테크 거인 Byju's의 몰락",
         {"FTX|ORG|FTX", "인도|LOC|인도", "Byju's|ORG|Byju's"}},
        {"하드웨어(GPU)와 네트워크(Infiniband)에 이어 Slurm을",
         {"Infiniband|PRD|InfiniBand", "Slurm|PRD|Slurm"}},
        {"자율주행 연구용 모델(Alpamayo-R1)", {"Alpamayo-R1|PRD|Alpamayo-R1"}},
        {"트럼프 대통령이 행정명령에 서명", {"트럼프|PER|도널드 트럼프"}},
        {"구글의 제미나이에게 추월을 허락했다", {"구글|ORG|구글", "제미나이|PRD|제미나이"}},
        {"제미나이 기반의 차세대 시리를", {"제미나이|PRD|제미나이", "시리|PRD|시리"}},
        {"뉴욕타임스에 따르면", {"뉴욕타임스|ORG|뉴욕타임스"}},
        {"Copyright © 디지털타임스. 무단전재", {"디지털타임스|ORG|디지털타임스"}},
        {"그리스 신화에서", {"그리스|LOC|그리스"}},
        {"SK텔레콤(SKT)과 람다", {"SK텔레콤|ORG|SK텔레콤", "SKT|ORG|SK텔레콤", "람다|ORG|람다"}},
        {"美 법무부는", {"美 법무부|ORG|미국 법무부"}},
        {"美中 갈등", {"美|LOC|미국", "中|LOC|중국"}},
        {"라마 4는 메타의 모델", {"라마 4|PRD|라마 4", "메타|ORG|메타"}},
        {"챗GPT 3년 만에", {"챗GPT|PRD|챗GPT"}},
        {"Nemotron 3가 '에이전트' 기능에", {"Nemotron 3|PRD|Nemotron 3"}},
        {"네모트론3 나노 모델은", {"네모트론3 나노|PRD|Nemotron 3 Nano"}},
        {"징위안 첸 교수", {"징위안 첸|PER|징위안 첸"}},
    }));

// Further shapes of unseen names, and their look-alikes.
INSTANTIATE_TEST_SUITE_P(
    MorePatterns, ExtractTest,
    ::testing::ValuesIn(std::vector<MentionCase>{
        {"진성준(57) 의원은", {"진성준|PER|진성준"}},
        {"임형규(사진·71) 전 사장", {"임형규|PER|임형규"}},
        {"정부가(57)", {}},
        {"에릭 서먼 전 구글 CEO", {"에릭 서먼|PER|에릭 서먼", "구글|ORG|구글"}},
        {"알렉스 크로스, 페이팔 CEO는", {"알렉스 크로스|PER|알렉스 크로스", "페이팔|ORG|페이팔"}},
        {"짐 코발스키 골드만삭스 수석 애널리스트는",
         {"짐 코발스키|PER|짐 코발스키", "골드만삭스|ORG|골드만삭스"}},
        {"티이스 판데흐라프 겐트대 국제정치학 교수는",
         {"티이스 판데흐라프|PER|티이스 판데흐라프", "겐트대|ORG|겐트대"}},
        {"영국 워릭 대학교의 교수", {"영국|LOC|영국", "워릭 대학교|ORG|워릭 대학교"}},
        {"국내 대학교", {}},
        {"미·중 기술 패권", {"미|LOC|미국", "중|LOC|중국"}},
        {"한·미·일 정상이", {"한|LOC|한국", "미|LOC|미국", "일|LOC|일본"}},
        {"미·중의 갈등", {"미|LOC|미국", "중|LOC|중국"}},
        {"송·배전 설비", {}},
        {"발전·송전·배전", {}},
        {"대·중소기업", {}},
        {"겐트대 국제정치학 교수는", {"겐트대|ORG|겐트대"}},
        {"미시간대 연구팀은", {"미시간대|ORG|미시간대"}},
        {"최대 교수", {}},
        {"새로운 시대 연구팀", {}},
        {"파라마운트 스카이댄스(이하 파라마운트)는 파라마운트 측에",
         {"파라마운트 스카이댄스|ORG|파라마운트 스카이댄스", "파라마운트|ORG|파라마운트 스카이댄스",
          "파라마운트|ORG|파라마운트 스카이댄스"}},
        {"베타 바이오사이언스(Beta Biosciences)에",
         {"베타 바이오사이언스|ORG|베타 바이오사이언스", "Beta Biosciences|ORG|베타 바이오사이언스"}},
        {"투자적격등급(Investment Grade) 채권", {}},
        {"S&P 500 지수", {}},
        {"스탠더드앤드푸어스(S&P)500 지수는", {}},
        {"나스닥 100", {}},
        {"닛케이(日本經濟新聞)와", {"닛케이|ORG|닛케이"}},
        {"日 리켄", {"日|LOC|일본", "리켄|ORG|이화학연구소"}},
        {"트레이니엄3 칩", {"트레이니엄3|PRD|트레이니엄 3"}},
        {"어센드 910C는", {"어센드 910C|PRD|어센드 910C"}},
        {"제미나이 3개", {"제미나이|PRD|제미나이"}},
        {"Gemini 2.5 Pro는", {"Gemini 2.5 Pro|PRD|제미나이 2.5 프로"}},
        {"아이폰 17 프로를", {"아이폰 17 프로|PRD|아이폰 17 프로"}},
        {"아이폰 프로그램", {"아이폰|PRD|아이폰"}},
        {"GPT-5 mini", {"GPT-5 mini|PRD|GPT-5 mini"}},
        {"오는 말리다", {}},
        {"메타의 라마 모델이나 중국의 딥시크와 비슷하다",
         {"메타|ORG|메타", "라마|PRD|라마", "중국|LOC|중국", "딥시크|PRD|딥시크"}},
        {"DeepSeek 등 중국 기업들이 모델을", {"DeepSeek|ORG|딥시크", "중국|LOC|중국"}},
        {"네모트론3는 '나노', '슈퍼', '울트라'로 나뉜다. 나노 모델은",
         {"네모트론3|PRD|Nemotron 3", "나노|PRD|Nemotron 3 Nano", "슈퍼|PRD|Nemotron 3 Super",
          "울트라|PRD|Nemotron 3 Ultra", "나노|PRD|Nemotron 3 Nano"}},
        {"나노 기술과 슈퍼 사이클", {}},
        {"Nemotron 3 lineup: Nano, Super, Ultra",
         {"Nemotron 3|PRD|Nemotron 3", "Nano|PRD|Nemotron 3 Nano", "Super|PRD|Nemotron 3 Super",
          "Ultra|PRD|Nemotron 3 Ultra"}},
        {"알리는 장면", {}},
        {"본디 그랬다", {}},
    }));

TEST(EntityExtractorTest, OffsetsAreUtf8BytesWithoutParticles) {
  const std::string text = "오늘 엔비디아가 H200을 공개했다";
  std::vector<EntityMention> m = SharedExtractor().Extract(text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].begin, 7u);  // "오늘 " is 7 bytes
  EXPECT_EQ(m[0].end, 19u);   // 엔비디아: 4 syllables x 3 bytes
  EXPECT_EQ(m[1].begin, 23u);
  EXPECT_EQ(m[1].end, 27u);
  EXPECT_EQ(text.substr(m[1].begin, m[1].end - m[1].begin), "H200");
}

TEST(EntityExtractorTest, MentionsAreSortedAndDoNotOverlap) {
  const std::string text =
      "아마존웹서비스(AWS)와 아마존 EC2 울트라서버, 젠슨 황 엔비디아 CEO와 황 CEO, 마이크로소프트(MS)";
  std::vector<EntityMention> m = SharedExtractor().Extract(text);
  ASSERT_FALSE(m.empty());
  for (size_t i = 1; i < m.size(); ++i) EXPECT_LE(m[i - 1].end, m[i].begin);
}

TEST(EntityExtractorTest, ReportsHowEachMentionWasFound) {
  const std::string text = "젠슨 황 엔비디아 CEO와 가나다기술협회(GTA)의 김철수 대표. 황 CEO는 GTA와 만났다.";
  std::vector<std::string> got;
  for (const EntityMention& m : SharedExtractor().Extract(text)) {
    got.push_back(absl::StrCat(text.substr(m.begin, m.end - m.begin), ":", MatchMethodName(m.method)));
  }
  EXPECT_THAT(got, ElementsAre("젠슨 황:GAZETTEER", "엔비디아:GAZETTEER", "가나다기술협회:PATTERN",
                               "GTA:ALIAS", "김철수:PATTERN", "황:COREFERENCE", "GTA:ALIAS"));
}

TEST(EntityExtractorTest, SurnameAliasAfterFullNameIsCoreference) {
  const std::string text = "일론 머스크 테슬라 CEO. 머스크는";
  std::vector<EntityMention> m = SharedExtractor().Extract(text);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].method, MatchMethod::kGazetteer);
  EXPECT_EQ(m[2].method, MatchMethod::kCoreference);
  EXPECT_EQ(m[2].canonical, "일론 머스크");
}

TEST(EntityExtractorTest, MethodNames) {
  EXPECT_EQ(MatchMethodName(MatchMethod::kGazetteer), "GAZETTEER");
  EXPECT_EQ(MatchMethodName(MatchMethod::kPattern), "PATTERN");
  EXPECT_EQ(MatchMethodName(MatchMethod::kAlias), "ALIAS");
  EXPECT_EQ(MatchMethodName(MatchMethod::kCoreference), "COREFERENCE");
}

TEST(EntityExtractorTest, CarriesGazetteerMetadata) {
  std::vector<EntityMention> m = SharedExtractor().Extract("마이크로소프트");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_THAT(m[0].metadata, ElementsAre(Pair("ticker", "MSFT"), Pair("country", "US")));
}

TEST(EntityExtractorTest, FlagsMentionsInBoilerplateAndDuplicateBlocks) {
  const std::string text = "엔비디아가 발표했다. Copyright © 디지털타임스. 엔비디아";
  const size_t boiler = text.find("Copyright");
  const size_t dup = text.rfind("엔비디아");
  const FlaggedRange flagged[] = {{boiler, dup - 1}, {dup, text.size()}};
  std::vector<EntityMention> m = SharedExtractor().Extract(text, flagged);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_FALSE(m[0].flagged);
  EXPECT_TRUE(m[1].flagged);
  EXPECT_EQ(m[1].canonical, "디지털타임스");
  EXPECT_TRUE(m[2].flagged);
}

TEST(EntityExtractorTest, EmptyAndNonKoreanInput) {
  EXPECT_TRUE(SharedExtractor().Extract("").empty());
  EXPECT_TRUE(SharedExtractor().Extract("   \n\t").empty());
  EXPECT_TRUE(SharedExtractor().Extract("\xff\xfe\xfd").empty());
  std::vector<EntityMention> m = SharedExtractor().Extract("Nvidia and Microsoft");
  EXPECT_EQ(m.size(), 2u);
}

TEST(EntityExtractorTest, UserGazetteerAddsNames) {
  const std::string path = ::testing::TempDir() + "/extra_names.tsv";
  {
    std::ofstream out(path);
    out << "글리너\tPRODUCT\tGleaner\tvendor=example\n엔비디아\tORG\t녹색 팀\n";
  }
  EntityExtractorOptions options;
  options.gazetteer_paths = {path};
  auto extractor = EntityExtractor::Create(options);
  ASSERT_THAT(extractor, IsOk());
  const std::string text = "글리너는 녹색 팀의 칩을 쓴다";
  EXPECT_THAT(RenderMentions(text, (*extractor)->Extract(text)),
              ElementsAre("글리너|PRD|글리너", "녹색 팀|ORG|엔비디아"));
  std::remove(path.c_str());
}

TEST(EntityExtractorTest, WithoutDefaultGazetteerOnlyUserNamesAndPatterns) {
  auto gazetteer = Gazetteer::FromString("오픈AI\tORG\n", "t");
  ASSERT_THAT(gazetteer, IsOk());
  auto extractor = EntityExtractor::CreateWithGazetteer(*std::move(gazetteer));
  ASSERT_THAT(extractor, IsOk());
  const std::string text = "오픈AI와 엔비디아, 김철수 대표";
  EXPECT_THAT(RenderMentions(text, (*extractor)->Extract(text)),
              ElementsAre("오픈AI|ORG|오픈AI", "김철수|PER|김철수"));
}

// Names that are also common words carry metadata saying when they are the
// common word: after a Latin word (AI 대전: a contest) or before a phrase
// (구미를 당기다: appetite).
TEST(EntityExtractorTest, HomographMetadataVetoesTheCommonWord) {
  auto gazetteer = Gazetteer::FromString(
      "대전\tLOC\t\tnot_after_latin=1\n구미\tLOC\t\tnot_before=를 당|가 당\n", "t");
  ASSERT_THAT(gazetteer, IsOk());
  auto extractor = EntityExtractor::CreateWithGazetteer(*std::move(gazetteer));
  ASSERT_THAT(extractor, IsOk());
  for (const char* text : {"스마트폰 AI 대전이 시작됐다", "투자자의 구미를 당기는 호재"}) {
    EXPECT_THAT((*extractor)->Extract(text), ::testing::IsEmpty()) << text;
  }
  const std::string text = "대전에서 구미로 옮긴다";
  EXPECT_THAT(RenderMentions(text, (*extractor)->Extract(text)), ElementsAre("대전|LOC|대전", "구미|LOC|구미"));
}

// A six-digit Korea Exchange code in the ticker metadata is an alias.
TEST(EntityExtractorTest, KoreanTickerInParentheses) {
  auto gazetteer = Gazetteer::FromString("삼성전자\tORG\t\tticker=005930\n", "t");
  ASSERT_THAT(gazetteer, IsOk());
  auto extractor = EntityExtractor::CreateWithGazetteer(*std::move(gazetteer));
  ASSERT_THAT(extractor, IsOk());
  const std::string text = "삼성전자(005930)는 올랐다";
  EXPECT_THAT(RenderMentions(text, (*extractor)->Extract(text)),
              ElementsAre("삼성전자|ORG|삼성전자", "005930|ORG|삼성전자"));
}

// A bare 민주당 is the US party unless the story is about Korean politics.
TEST(EntityExtractorTest, BareDemocraticPartyFollowsThePoliticsOfTheStory) {
  const std::string korean = "민주당은 국회에서 예산안을 처리했다";
  EXPECT_THAT(RenderMentions(korean, SharedExtractor().Extract(korean)),
              ElementsAre("민주당|ORG|더불어민주당", "국회|ORG|국회"));
  const std::string us = "민주당과 공화당이 맞섰다";
  EXPECT_THAT(RenderMentions(us, SharedExtractor().Extract(us)),
              ElementsAre("민주당|ORG|미국 민주당", "공화당|ORG|미국 공화당"));
}

// A user's lexicon file adds entries to the shipped word lists: a title
// makes the name before it a person, an organisation suffix makes a word an
// organisation, in this extractor only.
TEST(EntityExtractorTest, UserLexiconAddsTitlesAndSuffixes) {
  const std::string text = "박지훈 주무관은 한빛재건단이 맡는다고 설명했다";
  EXPECT_THAT(SharedExtractor().Extract(text), ::testing::IsEmpty());
  const std::string path = ::testing::TempDir() + "/extra_lexicon.tsv";
  {
    std::ofstream out(path);
    out << "# my lists\ntitles\t주무관\norg_suffixes\t재건단\n";
  }
  EntityExtractorOptions options;
  options.lexicon_paths = {path};
  auto extractor = EntityExtractor::Create(options);
  ASSERT_THAT(extractor, IsOk());
  EXPECT_THAT(RenderMentions(text, (*extractor)->Extract(text)),
              ElementsAre("박지훈|PER|박지훈", "한빛재건단|ORG|한빛재건단"));
  // The shipped lists are still there.
  const std::string shipped = "신동빈 회장이 말했다";
  EXPECT_THAT(RenderMentions(shipped, (*extractor)->Extract(shipped)), ElementsAre("신동빈|PER|신동빈"));
  std::remove(path.c_str());
}

TEST(EntityExtractorTest, BadUserLexiconFailsCreate) {
  const std::string path = ::testing::TempDir() + "/bad_lexicon.tsv";
  {
    std::ofstream out(path);
    out << "titles\t주무관\n주무관\n";
  }
  EntityExtractorOptions options;
  options.lexicon_paths = {path};
  EXPECT_THAT(EntityExtractor::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(":2: want `list<TAB>entry`")));
  std::remove(path.c_str());
  options.lexicon_paths = {"/nonexistent_lexicon.tsv"};
  EXPECT_THAT(EntityExtractor::Create(options),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nonexistent_lexicon")));
}

TEST(EntityExtractorTest, BadUserGazetteerFailsCreate) {
  const std::string path = ::testing::TempDir() + "/bad_names.tsv";
  {
    std::ofstream out(path);
    out << "이름\tTHING\n";
  }
  EntityExtractorOptions options;
  options.gazetteer_paths = {path};
  EXPECT_THAT(EntityExtractor::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(":1: unknown type 'THING'")));
  std::remove(path.c_str());
  options.gazetteer_paths = {"/nonexistent.tsv"};
  EXPECT_THAT(EntityExtractor::Create(options),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nonexistent")));
}

TEST(EntityExtractorTest, PathologicalInputsStayLinear) {
  // One enormous word full of names, and many unclosed parentheses: each
  // match looks at a bounded neighbourhood, so this finishes at once.
  std::string glued;
  for (int i = 0; i < 20000; ++i) glued += "미국";
  EXPECT_TRUE(SharedExtractor().Extract(glued).size() <= 1u);
  std::string parens;
  for (int i = 0; i < 20000; ++i) parens += "엔비디아(";
  EXPECT_EQ(SharedExtractor().Extract(parens).size(), 20000u);
}

TEST(EntityExtractorTest, ConcurrentExtractIsSafe) {
  const std::string text = "젠슨 황 엔비디아 CEO는 말했다. 황 CEO는 오픈AI를 언급했다.";
  const std::vector<EntityMention> want = SharedExtractor().Extract(text);
  std::vector<std::thread> threads;
  std::vector<size_t> sizes(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) sizes[t] = SharedExtractor().Extract(text).size();
    });
  }
  for (auto& th : threads) th.join();
  for (size_t s : sizes) EXPECT_EQ(s, want.size());
}

}  // namespace
}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
