// Held-out style checks for the sentence splitter: hand-written paragraphs in
// registers the development gold does not cover (news with reporting clauses,
// encyclopedic text, blogs, dialogue, English mixed in, URLs and numbers,
// headlines). Each case is written once, with `¦` marking every expected
// boundary, so the input and its segmentation cannot drift apart; the
// annotation rules are those of /work/shared/eval/README.md (punctuation,
// line breaks are boundaries, a quotation continuing into its reporting
// clause is one sentence, a standalone quotation is split inside), plus the
// default splitter's rule for unpunctuated informal text (issue 13): a final
// ending or a reaction (`ㅋㅋ`, `ㅠ`, `~`) before a new clause ends the
// sentence, so seven blog cases that kept `…했어요ㅋㅋ 다음엔 …` together under
// the punctuation-only rule now have a boundary there.
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/sentence/sentence_splitter.h"

namespace gleaner {
namespace workers {
namespace sentence {
namespace {

using ::testing::ElementsAreArray;

constexpr absl::string_view kMarker = "¦";

struct HeldoutCase {
  const char* category;  // names the test together with its index
  const char* marked;    // the paragraph, `¦` at each boundary
};

std::ostream& operator<<(std::ostream& os, const HeldoutCase& c) {
  return os << c.marked;
}

// Sentences are trimmed of the spaces and line breaks between them.
absl::string_view Trim(absl::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

const HeldoutCase kCases[] = {
    // --- News: quotations, reporting clauses, bylines.
    {"News", R"x(정부는 내년 예산안을 656조 원으로 편성했다고 28일 밝혔다.¦ 이는 올해보다 2.8% 늘어난 규모다.¦ 기획재정부 관계자는 "재정 건전성을 유지하면서도 민생 회복에 집중했다"고 설명했다.)x"},
    {"News", R"x(김 장관은 이날 기자간담회에서 “반도체 수출이 회복세에 들어섰다. 하반기에는 더 좋아질 것”이라며 “다만 대외 불확실성은 여전하다”고 말했다.¦ 업계는 신중한 반응을 보였다.)x"},
    {"News", R"x(“솔직히 많이 놀랐습니다.¦ 이렇게 빨리 성과가 날 줄은 몰랐어요.”¦ 박 대표는 인터뷰 내내 웃음을 감추지 못했다.)x"},
    {"News", R"x(한국은행은 기준금리를 연 3.50%로 동결했다.¦ 시장의 예상과 일치하는 결과다.¦ 이창용 총재는 "물가 안정에 대한 확신이 들 때까지 긴축 기조를 유지하겠다"며 "인하 시점을 논하기는 이르다"고 밝혔다.)x"},
    {"News", R"x((서울=연합뉴스) 홍길동 기자 = 서울 지역 아파트값이 5주 연속 올랐다.¦ 한국부동산원이 14일 발표한 주간 아파트 가격 동향에 따르면 서울 아파트값은 전주 대비 0.05% 상승했다.)x"},
    {"News", R"x(경찰에 따르면 A씨(45)는 지난 3일 오후 11시께 서울 강남구의 한 도로에서 음주운전을 하다 적발됐다.¦ 당시 A씨의 혈중알코올농도는 면허 취소 수치인 0.08%를 넘었던 것으로 조사됐다.)x"},
    {"News", R"x(회사 측은 "사실관계를 확인 중"이라는 입장만 내놨다.¦ 노조는 다음 달 총파업을 예고했다.)x"},
    {"News", R"x(이번 조치로 약 1만2000명이 혜택을 볼 것으로 예상된다.¦ 신청은 다음 달 1일부터 정부24(www.gov.kr)에서 할 수 있다.)x"},
    {"News", R"x(그는 “왜 지금이냐고요?”라고 되물은 뒤 “지금이 아니면 기회가 없기 때문”이라고 답했다.)x"},
    {"News", R"x(주가는 장중 한때 7.5% 급락했다.¦ 이후 낙폭을 일부 만회해 3.2% 하락한 5만8200원에 거래를 마쳤다.)x"},
    {"News", R"x(삼성전자는 31일 3분기 실적을 발표했다.¦ 매출 79조 원, 영업이익 9조1000억 원이다.¦ 반도체(DS) 부문이 실적을 견인했다.)x"},
    {"News", R"x(“이게 말이 됩니까?”¦ 한 주민은 목소리를 높였다.)x"},
    {"News", R"x(윤 의원은 "국민을 우롱하는 처사"라고 비판했다.¦ 반면 여당은 "정당한 절차를 거쳤다"며 반박했다.)x"},
    {"News", R"x(사고는 오전 8시 20분쯤 발생했다.¦ 소방 당국은 인력 120명과 장비 35대를 투입해 2시간 만에 불을 껐다.¦ 인명 피해는 없었다.)x"},
    {"News", R"x(미국 연방준비제도(Fed)는 기준금리를 0.25%포인트 인하했다.¦ 제롬 파월 의장은 "경제는 여전히 견조하다(The economy remains solid.)"고 말했다.)x"},
    {"News", R"x(정부 발표에 대해 전문가들의 평가는 엇갈린다.¦ 한 경제학자는 “방향은 맞다. 하지만 속도가 문제다”라고 지적했다.)x"},
    {"News", R"x(이 회사는 2019년 설립됐다.¦ 현재 직원 수는 약 300명이다.¦ 올해 매출 목표는 500억 원.)x"},
    {"News", R"x(그렇다면 해법은 무엇일까.¦ 전문가들은 규제 완화를 첫손에 꼽는다.)x"},
    {"News", R"x(대통령실은 "검토한 바 없다"고 선을 그었다.¦ 하지만 여권 내부에서는 다른 목소리도 나온다.)x"},
    {"News", R"x(발표 직후 코스피는 2,650선을 회복했다.¦ 외국인은 이날 하루에만 4,300억 원어치를 순매수했다.)x"},
    {"News", R"x(회의는 비공개로 진행됐다.¦ 참석자들에 따르면 이 자리에서 "더는 물러설 곳이 없다"는 말까지 나온 것으로 알려졌다.)x"},
    {"News", R"x(그는 기자들과 만나 “(합의가) 이번 주 안에 가능할 것”이라고 내다봤다.)x"},
    {"News", R"x(현장에는 ‘안전제일’이라고 적힌 현수막이 걸려 있었다.¦ 그러나 안전모를 쓴 작업자는 보이지 않았다.)x"},
    {"News", R"x(기자: 언제부터 준비하셨나요?¦ 김 대표: 3년 전부터요.¦ 처음엔 다들 말렸죠.)x"},
    {"News", R"x(법원은 "피고인의 죄질이 매우 나쁘다. 다만 초범인 점을 고려했다"며 징역 2년에 집행유예 3년을 선고했다.)x"},
    {"News", R"x(홍 대변인은 논평을 내고 “참으로 유감이다.”라고 밝혔다.¦ 이어 “재발 방지책을 내놓으라”고 요구했다.)x"},
    {"News", R"x(이번 합의는 ‘반쪽짜리’라는 비판을 받는다.¦ 핵심 쟁점이 빠졌기 때문이다.)x"},
    {"News", R"x(당국은 "추가 피해를 막기 위해 모든 조치를 하겠다"며 "주민들은 외출을 자제해 달라"고 당부했다.¦ 기상청은 11일까지 최대 200㎜의 비가 더 내릴 것으로 내다봤다.)x"},
    {"News", R"x(A사는 "B사의 주장은 사실이 아니다"라며 법적 대응을 예고했다.¦ B사는 "증거를 공개하겠다"고 맞섰다.)x"},
    {"News", R"x(그의 말은 이랬다.¦ "지금이 바로 그때입니다.")x"},
    {"News", R"x(그는 이렇게 말했다.¦ “우리는 이미 늦었다.¦ 그러나 포기할 수는 없다.”¦ 회의장은 잠시 조용해졌다.)x"},
    {"News", R"x(정부는 이날 '2025년 경제정책방향'을 발표했다.¦ 성장률 전망치는 2.2%에서 1.8%로 낮췄다.)x"},
    {"News", R"x(업계 관계자는 "당분간 관망세가 이어질 것"이라고 전망했다.¦ 그러면서 "금리 인하가 본격화하는 내년 2분기쯤 반등할 수 있다"고 덧붙였다.)x"},
    {"News", R"x(이른바 '먹통 사태'는 2022년 10월 15일 판교 데이터센터 화재로 시작됐다.¦ 서비스는 127시간 33분 동안 멈췄다.)x"},
    {"News", R"x(관계자는 "현재로선 드릴 말씀이 없다"며 말을 아꼈다.¦ 자세한 소식은 추후 전해드리겠습니다.)x"},
    {"News", R"x(“계약서에 서명하는 순간 끝난 겁니다.”¦ 한 협력업체 대표의 하소연이다.)x"},
    {"News", R"x(그는 “모든 책임은 제게 있습니다.”라며 고개를 숙였다.¦ 사퇴 여부에 대해서는 “고민해 보겠다”고만 했다.)x"},
    {"News", R"x(시민단체는 성명을 통해 “정부는 즉각 사과하라!”고 촉구했다.¦ 정부는 아직 답하지 않았다.)x"},
    {"News", R"x(그는 “글쎄요, 그걸 제가 어떻게 압니까?”라고 반문했다.)x"},
    {"News", R"x(올해 1~9월 누적 수출은 5,087억 달러로 집계됐다.¦ 전년 같은 기간보다 9.1% 많다.)x"},
    {"News", R"x(이 기사는 2024년 3월 5일 오후 4시 10분 수정됐다.¦ 제목 일부를 바로잡았습니다.)x"},
    {"News", R"x(“우리 동네에 이런 일이 생길 줄은 몰랐죠.”¦ 30년째 이곳에서 식당을 운영한 최모(62)씨는 한숨을 쉬었다.)x"},
    {"News", R"x(경제부총리는 "올해 성장률 2%대 달성은 충분히 가능하다"면서도 "하방 위험이 커지고 있다"고 했다.)x"},

    // --- Headlines and bylines: no final punctuation, one segment.
    {"Headline", R"x([단독] 배터리 업계, 美 공장 가동 연기 검토)x"},
    {"Headline", R"x(트럼프 “관세 더 올린다”…중국 “끝까지 맞설 것”)x"},
    {"Headline", R"x(코스피, 외국인 매도에 2%대 급락)x"},
    {"Headline", R"x("1년 만에 2배"...엔비디아 시총 5조 달러 돌파)x"},
    {"Headline", R"x(왜 지금 ‘K-방산’인가?¦ 수출 300억 달러 시대)x"},
    {"Headline", R"x([속보] 한은, 기준금리 0.25%p 인하…연 3.00%)x"},
    {"Headline", R"x(尹 "모든 책임 지겠다")x"},
    {"Headline", R"x(‘역대급 폭염’ 온열질환자 2천명 넘어)x"},
    {"Headline", R"x([인터뷰] 김OO 대표 "AI로 물류 혁신하겠다")x"},
    {"Headline", R"x("내 집 마련 꿈 멀어져"…청년층 한숨)x"},
    {"Headline", R"x(김철수 기자 kim.cs@news.co.kr)x"},
    {"Headline", R"x(저작권자 © 뉴스1코리아, 무단전재 및 재배포 금지)x"},
    {"Headline", R"x(서울 아파트값 5주 연속 상승
¦강남 3구 상승 폭 확대)x"},
    {"Headline", R"x(“금리 또 오르나?”¦ 대출자들 불안)x"},
    {"Headline", R"x(반도체 수출 14개월 만에 반등... 하반기 전망은)x"},

    // --- Encyclopedic text: dates, life spans, Latin names, footnotes.
    {"Wiki", R"x(서울특별시는 대한민국의 수도이다.¦ 한반도 중서부에 위치하며, 한강이 도시를 동서로 가로지른다.¦ 면적은 605.2㎢이다.)x"},
    {"Wiki", R"x(한국 전쟁은 1950년 6월 25일 북한의 남침으로 시작되었다.¦ 1953년 7월 27일 정전 협정이 체결되면서 전투는 멈추었다.)x"},
    {"Wiki", R"x(이중섭(李仲燮, 1916~1956)은 대한민국의 서양화가이다.¦ 평안남도 평원에서 태어났다.¦ 대표작으로 〈흰 소〉, 〈황소〉 등이 있다.)x"},
    {"Wiki", R"x(호랑이(Panthera tigris)는 고양잇과에 속하는 포유류이다.¦ 아종으로는 시베리아호랑이(P. t. altaica), 벵골호랑이(P. t. tigris) 등이 있다.)x"},
    {"Wiki", R"x(소나무(Pinus densiflora Siebold & Zucc.)는 소나무과의 상록 침엽 교목이다.¦ 높이는 약 35m까지 자란다.)x"},
    {"Wiki", R"x(아이작 뉴턴(Isaac Newton, 1643년 1월 4일~1727년 3월 31일)은 잉글랜드의 물리학자이다.¦ 그는 만유인력의 법칙을 발견하였다.)x"},
    {"Wiki", R"x(주요 수출품은 반도체, 자동차, 선박 등이다.¦ 주요 교역국은 중국, 미국, 일본 등.¦ 통화는 원(₩)을 사용한다.)x"},
    {"Wiki", R"x(이 문서는 2023년 5월 1일 (월) 09:30에 마지막으로 편집되었다.¦ 모든 문서는 크리에이티브 커먼즈 저작자표시-동일조건변경허락 4.0에 따라 사용할 수 있다.)x"},
    {"Wiki", R"x(세종(世宗, 1397년 5월 15일 ~ 1450년 3월 30일)은 조선의 제4대 국왕이다.¦ 재위 기간은 1418년부터 1450년까지이다.¦ 훈민정음을 창제하였다.)x"},
    {"Wiki", R"x(대한민국 헌법 제1조 제1항은 "대한민국은 민주공화국이다."라고 규정한다.¦ 제2항은 주권이 국민에게 있음을 밝힌다.)x"},
    {"Wiki", R"x(지구의 평균 반지름은 약 6,371km이다.¦ 태양으로부터의 평균 거리는 약 1억 4960만 km로, 이를 1 천문단위(AU)라 한다.)x"},
    {"Wiki", R"x(파이썬(Python)은 1991년 귀도 반 로섬(Guido van Rossum)이 발표한 프로그래밍 언어이다.¦ 최신 버전은 3.12.1이다.¦ 문법이 간결하여 교육용으로도 널리 쓰인다.)x"},
    {"Wiki", R"x(이 종은 1758년 린네(Linnaeus)가 처음 기재하였다.¦ 학명은 Canis lupus L.이다.)x"},
    {"Wiki", R"x(이 건물은 1926년에 완공되었다.[1]¦ 설계는 일본인 건축가가 맡았다.[2][3])x"},
    {"Wiki", R"x(고구려는 기원전 37년 주몽이 건국하였다.¦ 668년 나당 연합군에 의해 멸망하였다.)x"},
    {"Wiki", R"x(서울대학교(Seoul National University, SNU)는 1946년 개교하였다.¦ 관악구와 종로구 등에 캠퍼스를 두고 있다.)x"},
    {"Wiki", R"x(면적: 100.2㎢
¦인구: 약 35만 명 (2024년 기준))x"},
    {"Wiki", R"x(참고 문헌: 김철수 (2010).¦ 《한국사 개론》.¦ 서울: 한빛출판.)x"},
    {"Wiki", R"x(그는 1970년대 초 미국으로 건너가 하버드 대학교에서 박사 학위(Ph.D.)를 받았다.¦ 귀국 후 서울대 교수로 재직했다.)x"},
    {"Wiki", R"x(워싱턴 D.C.는 미국의 수도이다.¦ 컬럼비아 특별구라고도 한다.)x"},
    {"Wiki", R"x(1945년 8월 15일 광복을 맞았다.¦ 그러나 곧 38선을 경계로 남북이 분단되었다.)x"},
    {"Wiki", R"x(이 단백질은 약 300개의 아미노산으로 이루어져 있다(그림 1 참조).¦ 분자량은 약 33 kDa이다.)x"},
    {"Wiki", R"x(작가의 대표작은 「소나기」(1953), 「카인의 후예」(1954) 등이다.¦ 1974년 예술원상을 받았다.)x"},
    {"Wiki", R"x(동물계 > 척삭동물문 > 포유강 > 식육목)x"},
    {"Wiki", R"x(공식 웹사이트는 https://www.example.org/ko/index.html?lang=ko 이다.¦ 이메일 문의는 info@example.org로 하면 된다.)x"},
    {"Wiki", R"x(이 열차는 시속 최고 300㎞로 달린다.¦ 서울–부산 구간을 약 2시간 15분에 주파한다.)x"},
    {"Wiki", R"x(기원전 3000년경(B.C. 3000) 메소포타미아에서 문자가 등장하였다.¦ 이를 쐐기 문자라 한다.)x"},
    {"Wiki", R"x(이 화합물의 녹는점은 −39.8 °C이다.¦ 상온에서는 액체 상태로 존재한다.)x"},
    {"Wiki", R"x(원주율(π)은 약 3.14159이다.¦ 무리수임이 1761년에 증명되었다.)x"},
    {"Wiki", R"x(1919년 3월 1일, 서울 탑골공원에서 독립선언서가 낭독되었다.¦ 이후 만세 운동은 전국으로 퍼져 나갔다.)x"},
    {"Wiki", R"x(안중근(安重根, 1879년 9월 2일 ~ 1910년 3월 26일)은 대한제국의 독립운동가이다.¦ 1909년 하얼빈에서 이토 히로부미를 저격하였다.)x"},
    {"Wiki", R"x(이 영화는 2019년 칸 영화제에서 황금종려상을 받았다.[4]¦ 이듬해 아카데미상 4개 부문을 수상하였다.[5])x"},
    {"Wiki", R"x(마리 퀴리(Marie Curie)는 노벨상을 두 번 받은 최초의 인물이다.¦ 1903년 물리학상, 1911년 화학상을 받았다.)x"},

    // --- Blogs and informal writing.
    {"Blog", R"x(오늘은 성수동 카페 투어를 다녀왔어요!!¦ 날씨가 너무 좋아서 걷기 딱 좋았어요ㅎㅎ)x"},
    {"Blog", R"x(여기 진짜 맛집이에요.¦ 웨이팅은 좀 있었지만 기다릴 만했어요ㅋㅋ¦ 다음엔 친구들이랑 또 올 거예요!!)x"},
    {"Blog", R"x(헐 대박.¦ 이거 실화냐?! ㅋㅋㅋㅋ)x"},
    {"Blog", R"x(요즘 너무 바빠서 블로그를 못 썼네요^^; 다들 잘 지내셨죠?)x"},
    {"Blog", R"x(가격은 1인당 25,000원이에요.¦ 분위기가 좋아서 괜찮았어요.)x"},
    {"Blog", R"x(드디어 아이폰 16 샀습니다!!!¦ 색상은 데저트 티타늄으로 했어요~¦ 배터리는 확실히 오래 가네요.)x"},
    {"Blog", R"x(오늘의 교훈: 미리미리 하자.¦ 끝!)x"},
    {"Blog", R"x(여러분 이거 아셨어요?¦ 저만 몰랐나 봐요ㅋㅋㅋ)x"},
    {"Blog", R"x(아니 근데 진짜.. 이게 말이 돼?¦ 어이없어서 웃음밖에 안 나옴)x"},
    {"Blog", R"x(결론부터 말하자면, 비추입니다.¦ 이유는 세 가지예요.¦ 1. 가격이 비싸다.¦ 2. 양이 적다.¦ 3. 직원이 불친절하다.)x"},
    {"Blog", R"x(3줄 요약
¦1. 비싸다
¦2. 맛있다
¦3. 또 간다)x"},
    {"Blog", R"x(오랜만에 등산!¦ 북한산 백운대까지 왕복 5시간 걸렸어요.¦ 다리가 후들후들ㅋㅋ)x"},
    {"Blog", R"x(이거 보고 빵 터짐ㅋㅋㅋㅋ¦ 진짜 웃기다)x"},
    {"Blog", R"x(구매 링크는 여기 → https://smartstore.naver.com/abc/products/123 입니다.¦ 참고하세요!)x"},
    {"Blog", R"x(아 진짜??¦ 몰랐어!!¦ 고마워~)x"},
    {"Blog", R"x(오늘 날씨 미쳤다...¦ 밖에 나가자마자 땀이 줄줄)x"},
    {"Blog", R"x(제품 받은 지 일주일 됐는데요.¦ 솔직 후기 남깁니다.¦ 장점: 가볍다, 예쁘다.¦ 단점: 비싸다.)x"},
    {"Blog", R"x(다이어트 3일차.¦ 벌써 포기하고 싶다ㅠㅠ)x"},
    {"Blog", R"x(혹시 이 옷 어디 건지 아시는 분?¦ 알려주시면 감사하겠습니다🙏)x"},
    {"Blog", R"x(공부 시작!¦ 오늘 목표는 영단어 100개 외우기.)x"},
    {"Blog", R"x(와... 진짜 멋있다.)x"},
    {"Blog", R"x(가성비 최고!!👍¦ 재구매 의사 있어요.)x"},
    {"Blog", R"x(ㅋㅋㅋ 아 배아파 ㅋㅋㅋ)x"},
    {"Blog", R"x(그래서 결국 어떻게 됐냐고?¦ 합격했다!!!)x"},
    {"Blog", R"x(엄마가 "밥 먹었어?" 하고 물어보셨다.¦ 괜히 울컥했다.)x"},
    {"Blog", R"x(친구가 “너 그거 알아?”라고 했다.¦ 나는 “뭔데?”라고 되물었다.)x"},
    {"Blog", R"x(오늘 날씨: 맑음☀️ 기온: 25도)x"},
    {"Blog", R"x(이번 여행 경비는 총 150만원!¦ 항공권 60만원, 숙소 50만원, 식비 40만원이었다.)x"},
    {"Blog", R"x(뭐야 이거?ㅋㅋ¦ 완전 귀엽잖아)x"},
    {"Blog", R"x(후기 쓰는 걸 깜빡했네요.ㅎㅎ¦ 늦었지만 올려봅니다.)x"},
    {"Blog", R"x(이 책 강추합니다!!!!!¦ 꼭 읽어보세요.)x"},
    {"Blog", R"x(저는 개인적으로 B안이 더 나은 것 같아요(물론 제 생각일 뿐이지만요.).¦ 여러분은 어떻게 생각하세요?)x"},
    {"Blog", R"x(퇴근하고 집에 오니까 밤 11시.¦ 오늘도 고생했다 나 자신.)x"},
    {"Blog", R"x(진짜 별로였음.¦ 다신 안 감.)x"},
    {"Blog", R"x(사진이 좀 흔들렸네요ㅠ¦ 양해 부탁드려요!)x"},
    {"Blog", R"x(좋아요!¦다음에 또 봐요.)x"},
    {"Blog", R"x(맛있었어요.¦다음에는 파스타도 먹어볼게요.)x"},
    {"Blog", R"x(와 미쳤다!!!!😍😍¦ 이 가격에 이 퀄리티라니...)x"},
    {"Blog", R"x(오늘은 여기까지!¦ 다음 포스팅에서 만나요~^^)x"},
    {"Blog", R"x(너무 피곤하다… 그래도 내일은 출근해야지.)x"},
    {"Blog", R"x(사장님이 친절하세요.¦ 주차는 건물 뒤편에 2대 가능!¦ 참고하세요ㅎㅎ)x"},
    {"Blog", R"x(이번 주 운동 기록: 월 5km, 수 7km, 금 10km.¦ 다음 주엔 하프 도전!)x"},
    {"Blog", R"x(대박ㅋㅋㅋ¦ 이게 되네?¦ 혹시 몰라서 해봤는데 진짜 됨.)x"},
    {"Blog", R"x(정말 그랬다.¦ 그날 이후로 모든 게 달라졌다.)x"},
    {"Blog", R"x(아무튼 결론은?¦ 또 갈 거임ㅋㅋ)x"},

    // --- Quotations and dialogue.
    {"Quote", R"x(“어디 가니?”¦ “학교요.”¦ 엄마는 고개를 끄덕였다.)x"},
    {"Quote", R"x(그는 ‘이번이 마지막이다’라고 생각했다.¦ 하지만 그렇지 않았다.)x"},
    {"Quote", R"x(“선생님은 ‘포기하지 마라.’고 하셨어요.”¦ 그녀가 말했다.)x"},
    {"Quote", R"x(「나는 고양이로소이다」는 나쓰메 소세키의 소설이다.¦ 1905년에 발표되었다.)x"},
    {"Quote", R"x(「그만두겠습니다.」¦ 그는 짧게 말했다.)x"},
    {"Quote", R"x(그녀는 “정말요? 믿을 수가 없어요!”라며 눈물을 흘렸다.)x"},
    {"Quote", R"x(“내일 봐.”¦ “응, 잘 가.”)x"},
    {"Quote", R"x(아버지는 “‘천천히 가도 된다’는 말을 잊지 마라”고 당부하셨다.)x"},
    {"Quote", R"x(그는 "이게 끝이 아니다. 이제 시작이다."라고 힘주어 말했다.)x"},
    {"Quote", R"x(속담에 ‘가는 말이 고와야 오는 말이 곱다’는 말이 있다.¦ 말 한마디가 그만큼 중요하다는 뜻이다.)x"},
    {"Quote", R"x(공자는 “배우고 때때로 익히면 또한 기쁘지 아니한가?”라고 했다.)x"},
    {"Quote", R"x(간디는 이렇게 말했다.¦ "Be the change you wish to see in the world."¦ 이 말은 지금도 많은 사람에게 울림을 준다.)x"},
    {"Quote", R"x(“왜 그랬어?”¦ 그가 물었다.¦ “몰라.¦ 그냥 그렇게 됐어.”)x"},
    {"Quote", R"x(『82년생 김지영』은 2016년 출간됐다.¦ 100만 부 넘게 팔렸다.)x"},
    {"Quote", R"x(그의 좌우명은 “오늘 할 일을 내일로 미루지 말자.”였다.)x"},
    {"Quote", R"x(그녀는 "Thank you."라고 영어로 답했다.)x"},
    {"Quote", R"x(그는 말했다.¦ "Trust me.¦ I'm a doctor."¦ 모두 웃었다.)x"},
    {"Quote", R"x(‘과연 될까?’ 싶었지만 결과는 대성공이었다.)x"},
    {"Quote", R"x(“엄마!”¦ 아이가 소리쳤다.)x"},
    {"Quote", R"x(그는 “네가 ‘싫다.’고 했잖아.”라고 말했다.)x"},
    {"Quote", R"x(영화 〈기생충〉의 대사 “너는 계획이 다 있구나.”는 유행어가 됐다.)x"},
    {"Quote", R"x("좋아, 가자!"¦ 우리는 출발했다.)x"},
    {"Quote", R"x(A: 점심 뭐 먹을래?
¦B: 아무거나.
¦A: 그럼 짜장면!)x"},
    {"Quote", R"x(“이게 다예요?¦ 정말요?¦ 말도 안 돼!”)x"},
    {"Quote", R"x(그는 ‘왜?’라는 질문을 늘 던졌다.)x"},
    {"Quote", R"x(그때 누군가 "불이야!" 하고 외쳤다.)x"},
    {"Quote", R"x(이게 뭐지?하는 생각이 들었다.)x"},
    {"Quote", R"x(그가 왜?라는 표정을 지었다.)x"},
    {"Quote", R"x(됐나? 싶어서 다시 확인했다.)x"},
    {"Quote", R"x(그의 마지막 말은 “고맙다.”뿐이었다.)x"},
    {"Quote", R"x(이 책의 첫 문장은 “엄마를 잃어버린 지 일주일째다.”이다.)x"},
    {"Quote", R"x(“올해는 꼭 우승하겠습니다!”¦ 주장의 각오는 남달랐다.)x"},
    {"Quote", R"x(그녀는 “됐어. 이제 그만하자.”라고 말하고는 자리를 떴다.)x"},
    {"Quote", R"x(「춘향전」에서 이몽룡은 “금준미주는 천인혈이요”라고 읊는다.¦ 탐관오리를 꾸짖는 시다.)x"},
    {"Quote", R"x(“정말 가실 거예요?” 하고 묻자 그는 고개를 끄덕였다.)x"},
    {"Quote", R"x(그는 “다 끝났어.”라는 말만 남긴 채 떠났다.)x"},

    // --- English mixed in, abbreviations and initials.
    {"English", R"x(이 회사의 CEO인 Mr. Kim은 “We will grow.”라고 말했다.)x"},
    {"English", R"x(예를 들어(e.g. 사과, 배) 과일류가 이에 해당한다.¦ 채소류는 제외된다.)x"},
    {"English", R"x(U.S. 정부는 이번 조치를 환영했다.¦ 반면 EU는 우려를 표했다.)x"},
    {"English", R"x(이 제품은 No. 1 브랜드로 꼽힌다.¦ 점유율은 35%다.)x"},
    {"English", R"x(The meeting ended at 5 p.m. on Friday.¦ No agreement was reached.)x"},
    {"English", R"x(I can't believe it!¦ This is amazing.¦ 정말 놀라운 결과다.)x"},
    {"English", R"x(Dr. Lee는 서울대 의대 교수다.¦ 그는 “It's a game changer.”라고 평가했다.)x"},
    {"English", R"x(OpenAI의 GPT-4o는 2024년 5월 공개됐다.¦ 이어 o1, o3 등이 나왔다.)x"},
    {"English", R"x(Apple Inc.는 9일(현지시간) 신제품을 발표했다.¦ 주가는 2.1% 올랐다.)x"},
    {"English", R"x(해당 논문(Kim et al., 2023)은 Nature에 실렸다.¦ 연구진은 새로운 물질을 발견했다.)x"},
    {"English", R"x(“Stay hungry, stay foolish.”¦ 스티브 잡스의 유명한 말이다.)x"},
    {"English", R"x(The deadline is Jan. 31, 2025.¦ Please apply early.)x"},
    {"English", R"x(그는 St. Louis 출신이다.¦ 고등학교를 마치고 뉴욕으로 이주했다.)x"},
    {"English", R"x(이 법안은 H.R. 3684로 불린다.¦ 2021년 11월 서명됐다.)x"},
    {"English", R"x(그녀는 J.K. 롤링의 열혈 팬이다.¦ 해리 포터 시리즈를 10번 넘게 읽었다.)x"},
    {"English", R"x(Q. 배송은 얼마나 걸리나요?¦ A. 보통 2~3일 소요됩니다.)x"},
    {"English", R"x(한국 vs. 일본 경기는 2-1로 끝났다.¦ 관중은 5만 명이었다.)x"},
    {"English", R"x(결과는 Table 2에 정리했다.¦ 자세한 방법은 Fig. 3을 참고하라.)x"},
    {"English", R"x(Hello, world!¦ 프로그래밍을 처음 배우면 누구나 이 문장을 출력한다.)x"},
    {"English", R"x(이 제품의 정식 명칭은 Galaxy S24 Ultra다.¦ 출고가는 169만8400원이다.)x"},
    {"English", R"x(그는 "I'm fine, thank you. And you?"라고 답했다.)x"},
    {"English", R"x(Mr. Smith went to Washington.¦ He met Sen. Johnson at 10 a.m. on Monday.)x"},
    {"English", R"x(핵심은 AI.¦ 그러나 데이터가 없으면 소용없다.)x"},
    {"English", R"x(The U.S. economy grew 2.1% in Q3.¦ Analysts expect more.)x"},
    {"English", R"x(그는 Samsung Electronics Co., Ltd.의 미국 법인장이다.¦ 올해로 3년째다.)x"},
    {"English", R"x(It's not over yet.¦ 아직 끝나지 않았다.)x"},
    {"English", R"x(What's next?¦ 다음 단계는 상용화다.)x"},

    // --- URLs, e-mail, versions.
    {"Url", R"x(자세한 내용은 www.korea.kr에서 확인할 수 있다.¦ 문의는 help@korea.kr로 하면 된다.)x"},
    {"Url", R"x(최신 버전은 v2.0.1이다.¦ 이전 버전(v1.9.8)의 보안 취약점을 고쳤다.)x"},
    {"Url", R"x(다운로드: https://github.com/example/repo/releases.¦ 설치 방법은 README.md를 참고하세요.)x"},
    {"Url", R"x(이메일(kim.minsu@example.co.kr)로 이력서를 보내주세요.¦ 마감은 3월 31일입니다.)x"},
    {"Url", R"x(파이썬 3.11.4에서 테스트했다.¦ Node.js 20.x에서도 동작한다.)x"},
    {"Url", R"x(자세한 내용은 blog.naver.com/abc123 참고!¦ 질문은 댓글로 남겨주세요~)x"},
    {"Url", R"x(접속 주소는 192.168.0.1이다.¦ 기본 비밀번호는 admin이다.)x"},
    {"Url", R"x(공식 홈페이지(https://www.example.com)를 방문하세요.¦ 회원가입은 무료입니다.)x"},
    {"Url", R"x(파일명은 report_2024.v3.final.pdf로 저장했다.¦ 용량은 2.5MB다.)x"},
    {"Url", R"x(문의: support@gleaner.ai.¦ 평일 오전 9시부터 오후 6시까지 답변합니다.)x"},
    {"Url", R"x(https://news.example.com/article/2024/05/01/12345?utm_source=twitter)x"},
    {"Url", R"x(카카오톡 채널(pf.kakao.com/_abc)로 문의 주세요!¦ 빠르게 답변드릴게요.)x"},

    // --- Numbers, dates, lists.
    {"Number", R"x(행사는 2024. 10. 5.(토) 오후 2시에 열린다.¦ 장소는 코엑스 3층이다.)x"},
    {"Number", R"x(접수 기간: 2025.3.1.~2025.3.31.)x"},
    {"Number", R"x(1. 재료를 준비한다.¦ 2. 물을 끓인다.¦ 3. 면을 넣고 4분간 삶는다.)x"},
    {"Number", R"x(원/달러 환율은 1,385.5원에 마감했다.¦ 전날보다 4.3원 올랐다.)x"},
    {"Number", R"x(성공률은 99.9%에 달한다.¦ 오차 범위는 ±0.1%p다.)x"},
    {"Number", R"x(총 3단계로 진행된다: ① 서류 심사 ② 면접 ③ 최종 발표.¦ 결과는 개별 통보한다.)x"},
    {"Number", R"x(시즌 성적은 12승 3패.¦ 평균자책점은 2.45다.)x"},
    {"Number", R"x(그는 2019. 3. 2. 입사했다.¦ 현재 과장이다.)x"},
    {"Number", R"x(지난해 매출은 1조 2,345억 원.¦ 전년 대비 12.5% 증가했다.)x"},
    {"Number", R"x(Step 1. 계정을 만든다.¦ Step 2. 로그인한다.)x"},
    {"Number", R"x(점수는 95.5점.¦ 역대 최고다.)x"},
    {"Number", R"x(1위는 삼성전자(25.3%), 2위는 애플(18.1%)이다.¦ 3위는 샤오미다.)x"},
    {"Number", R"x(새벽 3시.¦ 도시는 잠들어 있었다.)x"},
    {"Number", R"x(1) 신청서를 작성한다.¦ 2) 서류를 첨부한다.¦ 3) 제출 버튼을 누른다.)x"},
    {"Number", R"x(가. 목적 이 규정은 안전 관리에 필요한 사항을 정한다.)x"},
    {"Number", R"x(제3조(정의) 이 법에서 사용하는 용어의 뜻은 다음과 같다.)x"},
    {"Number", R"x(경기는 3:2로 끝났다.¦ 결승골은 후반 45+2분에 터졌다.)x"},

    // --- Ellipses, markers, brackets and odd punctuation.
    {"Misc", R"x(그런데… 아무도 대답하지 않았다.)x"},
    {"Misc", R"x(생각해보니 그럴 수도 있겠다...¦ 이해가 되기 시작했다.)x"},
    {"Misc", R"x(시장은 혼조세⋯ 투자자들은 관망)x"},
    {"Misc", R"x(▲매출 10조 원 ▲영업이익 1조 원 ▲순이익 8000억 원을 기록했다.)x"},
    {"Misc", R"x(※ 본 기사는 투자 권유가 아닙니다.¦ 투자 판단은 본인의 책임입니다.)x"},
    {"Misc", R"x([사진=연합뉴스] 24일 서울 광화문광장에서 시민들이 행진하고 있다.)x"},
    {"Misc", R"x((왼쪽부터) 김철수, 이영희 대표.¦ 두 사람은 대학 동기다.)x"},
    {"Misc", R"x(그 결과는 놀라웠다(?).¦ 아무도 예상하지 못했다.)x"},
    {"Misc", R"x(이른바 ‘빚투’(빚내서 투자)가 다시 늘고 있다.¦ 금융당국은 경고에 나섰다.)x"},
    {"Misc", R"x(문제는 비용이다.¦비용을 줄이지 못하면 살아남기 어렵다.)x"},
    {"Misc", R"x(참 좋은 날이었다.¦내일도 오늘만 같아라!)x"},
    {"Misc", R"x(그는 (왜 그랬는지 모르지만) 끝내 입을 열지 않았다.¦ 재판은 연기됐다.)x"},
    {"Misc", R"x(그녀는 웃었다.¦ (그 웃음의 의미를 아는 사람은 없었다.)¦ 그리고 떠났다.)x"},
    {"Misc", R"x(■ 실적 개선 기대감 삼성전자는 이날 3% 올랐다.¦ 외국인이 순매수했다.)x"},
    {"Misc", R"x(Q&A 무엇이 달라지나?¦ 내년부터 적용된다.)x"},
    {"Misc", R"x(【서울=뉴시스】 정부가 대책을 발표했다.¦ 시장은 냉담했다.)x"},
    {"Misc", R"x(결국 이렇게 됐다..¦ 다들 예상했겠지만.)x"},
    {"Misc", R"x(중요한 건 속도다!¦ 늦으면 끝이다.)x"},
    {"Misc", R"x(어떻게 이럴 수가?!¦ 믿을 수 없다.)x"},
    {"Misc", R"x(답은 간단하다: 더 많이 읽어라.¦ 그리고 더 많이 써라.)x"},
    {"Misc", R"x(― 다음은 일문일답.¦ 왜 출마했나?)x"},
    {"Misc", R"x(비는 오후 늦게 그칠 전망이다.(기상청 제공))x"},

    // --- Second batch: informal ellipses, emoticons, glued markers,
    // abbreviations that need a number, taxonomic ranks.
    {"Informal", R"x(너무 좋았어...¦ 다음에 또 가자.)x"},
    {"Informal", R"x(진짜 몰랐지...¦ 이렇게 될 줄은.)x"},
    {"Informal", R"x(이미 늦었겠지...¦ 그래도 해 봐야지.)x"},
    {"Informal", R"x(좋았다..¦근데 너무 비쌌다.)x"},
    {"Informal", R"x(벌써 끝났네...¦ 아쉽다.)x"},
    {"Informal", R"x(오늘 진짜 힘들었음...¦ 내일은 쉬어야지.)x"},
    {"Informal", R"x(아시아... 그 넓은 땅)x"},
    {"Informal", R"x(반도체... 다시 봄이 오나)x"},
    {"Informal", R"x(엔비디아... 어디까지 오를까)x"},
    {"Informal", R"x(미래... 우리는 준비됐나)x"},
    {"Informal", R"x(오늘 정말 즐거웠어요. :)¦ 다음에 또 만나요!)x"},
    {"Informal", R"x(맛있게 먹었습니다. ^_^)x"},
    {"Informal", R"x(시험 망했다. T_T¦ 다음엔 잘 보자.)x"},
    {"Informal", R"x(주말에 뭐 하세요?ㅎㅎ¦ 저는 캠핑 가요!)x"},
    {"Informal", R"x(#서울맛집 #성수동카페 #주말나들이)x"},
    {"Marker", R"x(정부가 대책을 내놨다.¦▶관련기사 집값 잡힐까)x"},
    {"Marker", R"x(시장 반응은 싸늘했다.¦■ 전문가 진단 대부분 효과가 제한적이라고 봤다.)x"},
    {"Marker", R"x(회의는 끝났다.¦● 주요 결정 사항은 다음과 같다.)x"},
    {"Marker", R"x(행사가 열렸다.¦◆ 참가 신청은 무료다.)x"},
    {"Marker", R"x(그는 무려(!) 10억 원을 기부했다.¦ 익명이었다.)x"},
    {"Abbrev", R"x(No.¦ I won't do that.)x"},
    {"Abbrev", R"x(He said no.¦ Then he left.)x"},
    {"Abbrev", R"x(그가 받은 등번호는 No. 7이다.¦ 팬들은 환호했다.)x"},
    {"Abbrev", R"x(학명은 Prunus serrulata var. spontanea이다.¦ 산벚나무라고도 한다.)x"},
    {"Abbrev", R"x(이 균주(Bacillus subtilis subsp. natto)는 낫토를 만든다.¦ 일본에서 주로 쓴다.)x"},
    {"Abbrev", R"x(Martin Luther King Jr. 목사는 1968년 암살됐다.¦ 그의 연설은 지금도 회자된다.)x"},
    {"Abbrev", R"x(Prof. Park은 “데이터가 핵심”이라고 했다.¦ 공감하는 사람이 많았다.)x"},
    {"Abbrev", R"x(영국(U.K.)과 유럽연합(E.U.)은 협상을 재개했다.¦ 결론은 나지 않았다.)x"},
    {"Abbrev", R"x(그는 World War II 당시 태어났다.¦ 전쟁은 1945년에 끝났다.)x"},
    {"Abbrev", R"x(Mt. Everest의 높이는 8,848m다.¦ 세계에서 가장 높다.)x"},
    {"Quote2", R"x(“가자.”¦“어디로?”¦ 둘은 한참을 걸었다.)x"},
    {"Quote2", R"x(“그건…….”¦ 그녀가 말끝을 흐렸다.)x"},
    {"Quote2", R"x(“글쎄…”라며 그는 말을 흐렸다.)x"},
    {"Quote2", R"x(그는 “정말 그럴까?”며 의문을 제기했다.)x"},
    {"Quote2", R"x(“좋습니다. 해 봅시다.” 라고 그가 답했다.)x"},
    {"Quote2", R"x(그 책의 제목은 ‘왜 지금인가?’였다.)x"},
    {"Quote2", R"x(그는 ‘다시는 오지 않겠다.’라고 일기에 적었다.¦ 그러나 이듬해 다시 왔다.)x"},
    {"Quote2", R"x(그녀는 "괜찮아."라고 했지만 괜찮지 않았다.)x"},
    {"Quote2", R"x("오늘은 쉽니다."¦ 가게 문에는 안내문이 붙어 있었다.)x"},
    {"Quote2", R"x(그가 말한 “최선을 다했다.”에는 많은 뜻이 담겨 있다.)x"},
    {"Quote2", R"x(“왜?”¦ “그냥.”¦ “그냥이 어딨어?”)x"},
    {"Number2", R"x(생몰년은 (1543?~1592)로 추정된다.)x"},
    {"Number2", R"x(접수는 09:00~18:00.¦ 점심시간에는 받지 않는다.)x"},
    {"Number2", R"x(올해 성장률은 3%.¦ 2분기에는 2.5%였다.)x"},
    {"Number2", R"x(3.1절 기념식이 열렸다.¦ 5.18 민주화운동 기념식은 광주에서 열린다.)x"},
    {"Number2", R"x(가격은 $1.5 billion.¦ 원화로 약 2조 원이다.)x"},
    {"Number2", R"x(발표는 다음 달에 있다.¦2023년에는 없었다.)x"},
    {"Number2", R"x(나. 적용 범위 이 지침은 모든 임직원에게 적용한다.)x"},

    // --- Third batch, written after the rules above were tuned, to measure
    // how the splitter does on unseen text.
    {"News3", R"x(이 후보는 “정치를 바꾸겠다”며 출마를 선언했다.¦ 그는 “국민이 주인인 나라를 만들겠다. 반드시 이기겠다”고 했다.)x"},
    {"News3", R"x(“수출이 살아나야 경제가 산다”는 게 정부의 판단이다.¦ 하지만 현실은 녹록지 않다.)x"},
    {"News3", R"x(그는 "AI 투자는 선택이 아닌 필수"라고 강조했다.¦ 이어 "한국이 뒤처지면 안 된다"고 덧붙였다.)x"},
    {"News3", R"x(김 씨는 “사고 당시 아무런 안내도 없었다”고 주장했다.¦ 반면 회사 측은 “매뉴얼대로 대응했다”는 입장이다.)x"},
    {"News3", R"x(‘돈 잔치’ 논란이 일자 은행들은 부랴부랴 대책을 내놨다.¦ 금융당국은 “미흡하다”고 평가했다.)x"},
    {"News3", R"x(사진은 지난 1일 서울 여의도 국회에서 열린 본회의 모습.¦ [사진=뉴스1])x"},
    {"News3", R"x(한 시민이 우산을 쓰고 걸어가고 있다.¦ /연합뉴스)x"},
    {"News3", R"x(그러면서도 “아직 결정된 건 없다”고 여지를 남겼다.¦ 최종 발표는 다음 주로 예정돼 있다.)x"},
    {"News3", R"x(문 대표는 “우리 제품은 세계 최고 수준입니다. 자신 있습니다.”라고 말했다.)x"},
    {"News3", R"x(회사 측 설명은 이렇다.¦ “공급망 문제가 해소되면 가격을 내릴 계획입니다.¦ 시점은 3분기로 보고 있습니다.”)x"},
    {"News3", R"x(―회사를 소개해 달라.¦ “2015년 설립한 핀테크 기업이다.¦ 직원은 120명이다.”)x"},
    {"News3", R"x(기자가 “언제쯤 가능하냐”고 묻자 그는 “곧”이라고만 답했다.)x"},
    {"News3", R"x(한 관계자는 익명을 요구하며 “윗선의 지시가 있었다”고 털어놨다.¦ 의혹은 커지고 있다.)x"},
    {"News3", R"x(미 국무부는 성명에서 "북한의 도발을 강력히 규탄한다(strongly condemns)"고 밝혔다.)x"},
    {"News3", R"x(주최 측 추산 10만 명(경찰 추산 3만 명)이 모였다.¦ 집회는 밤늦게까지 이어졌다.)x"},
    {"News3", R"x(이날 오후 2시 현재 서울의 기온은 35.2도.¦ 올해 들어 가장 높다.)x"},
    {"News3", R"x(이번 사태의 책임은 누구에게 있나.¦ 전문가들은 구조적 문제를 지적한다.)x"},
    {"News3", R"x(재판부는 “증거가 부족하다”며 무죄를 선고했다.¦ 검찰은 즉각 항소했다.)x"},
    {"Wiki3", R"x(베토벤(Ludwig van Beethoven, 1770년 12월 17일 ~ 1827년 3월 26일)은 독일의 작곡가이다.¦ 청력을 잃은 뒤에도 작곡을 계속하였다.)x"},
    {"Wiki3", R"x(부산광역시는 대한민국 제2의 도시이다.¦ 인구는 약 330만 명(2023년 기준)이다.)x"},
    {"Wiki3", R"x(이 이론은 아인슈타인(A. Einstein)이 1905년에 발표하였다.¦ 특수 상대성 이론이라 불린다.)x"},
    {"Wiki3", R"x(학명: Felis catus Linnaeus, 1758)x"},
    {"Wiki3", R"x(대한민국의 국화는 무궁화(Hibiscus syriacus L.)이다.¦ 여름에서 가을까지 꽃이 핀다.)x"},
    {"Wiki3", R"x(그는 『삼국사기』를 편찬하였다(1145년).¦ 이는 현존하는 가장 오래된 역사서이다.)x"},
    {"Wiki3", R"x(인구 밀도는 약 16,000명/㎢이다.¦ 이는 세계 최고 수준이다.)x"},
    {"Wiki3", R"x(이 섬의 면적은 1,849.2 km²이다.¦ 최고봉은 한라산(1,947 m)이다.)x"},
    {"Blog3", R"x(요즘 날씨 너무 좋죠?¦ 저는 주말마다 한강에 가요ㅎㅎ)x"},
    {"Blog3", R"x(이건 좀 아닌 듯...¦ 다들 어떻게 생각함?)x"},
    {"Blog3", R"x(완전 강추!!! ⭐⭐⭐⭐⭐)x"},
    {"Blog3", R"x(근데 왜 이렇게 비싸요??¦ 말이 돼요??¦ 진짜 화나네요.)x"},
    {"Blog3", R"x(오늘 저녁은 삼겹살!!!¦ 역시 최고ㅋㅋ)x"},
    {"Blog3", R"x(어제 산 신발이 벌써 찢어졌어요ㅡㅡ¦ 환불 받을 수 있을까요?)x"},
    {"Blog3", R"x(하... 진짜 모르겠다.)x"},
    {"Blog3", R"x(드디어 합격!!!!!!!!¦ 부모님께 제일 먼저 알렸다.)x"},
    {"Blog3", R"x(첫 번째 사진은 입구.¦ 두 번째는 내부.¦ 세 번째는 메뉴판이에요.)x"},
    {"Blog3", R"x(주차 가능?¦ 네 가능합니다.)x"},
    {"Blog3", R"x(다음 주 화요일(3/12) 오픈 예정!¦ 많이 와주세요~)x"},
    {"Blog3", R"x(간만에 여유로운 주말~~ 커피 한 잔의 여유☕)x"},
    {"Blog3", R"x(ㅠㅠ 오늘 진짜 최악이었다.¦ 버스 놓치고, 비 맞고...)x"},
    {"Blog3", R"x(제가 알기로는 그렇습니다(틀릴 수도 있음).¦ 정확한 건 공식 홈페이지를 확인하세요.)x"},
    {"Blog3", R"x(배송 완료!¦ 포장 상태 굿굿👍👍)x"},
    {"Blog3", R"x(2시간 기다림... 결국 못 먹음ㅠ)x"},
    {"Blog3", R"x(좋았던 점: 친절함.¦ 아쉬운 점: 주차.)x"},
    {"Quote3", R"x(“자네, 혹시 김 선생 아닌가?”¦ 노인이 물었다.¦ “네, 그렇습니다만…”)x"},
    {"Quote3", R"x(그녀가 “진짜?”라고 묻자 나는 “그럼!”이라고 대답했다.)x"},
    {"Quote3", R"x(“살려 주세요!”¦ 다급한 목소리가 들렸다.)x"},
    {"Quote3", R"x(『어린 왕자』에는 “가장 중요한 것은 눈에 보이지 않아.”라는 구절이 있다.)x"},
    {"Quote3", R"x(선생님께서는 “공부는 엉덩이로 하는 거다.”라고 늘 말씀하셨다.¦ 그 말이 이제야 이해된다.)x"},
    {"Quote3", R"x(그는 잠시 머뭇거렸다.¦ “저… 사실은요.¦ 제가 그랬어요.”)x"},
    {"Quote3", R"x('Just do it.'¦ 나이키의 슬로건이다.)x"},
    {"Quote3", R"x(그녀는 "내일 보자"며 웃었다.¦ "꼭 와야 해!")x"},
    {"English3", R"x(According to the report, sales rose 5%.¦ 보고서에 따르면 매출은 5% 늘었다.)x"},
    {"English3", R"x(Ms. Choi joined the firm in 2015.¦ She is now a partner.)x"},
    {"English3", R"x(이 약의 성분명은 acetaminophen이다.¦ 상품명은 Tylenol®이다.)x"},
    {"English3", R"x(그는 MIT(Massachusetts Institute of Technology)에서 Ph.D.를 받았다.¦ 전공은 컴퓨터 과학이다.)x"},
    {"English3", R"x(우승팀은 L.A. 다저스다.¦ 4승 1패로 시리즈를 끝냈다.)x"},
    {"English3", R"x(He's the No. 1 seed.¦ 그는 1번 시드다.)x"},
    {"English3", R"x(미국 텍사스주 오스틴(Austin, TX)에 본사를 둔다.¦ 설립자는 Michael S. Dell이다.)x"},
    {"Url3", R"x(신청은 온라인(apply.go.kr)으로만 받는다.¦ 방문 접수는 불가하다.)x"},
    {"Url3", R"x(영상은 유튜브(youtu.be/abc123)에서 볼 수 있다!¦ 구독 부탁드려요.)x"},
    {"Url3", R"x(이메일: press@company.com / 전화: 02-123-4567)x"},
    {"Url3", R"x(자료 출처: 통계청(kostat.go.kr).¦ 2024년 기준.)x"},
    {"Number3", R"x(2024.12.31. 기준 가입자는 1,200만 명이다.¦ 전년 말보다 8% 늘었다.)x"},
    {"Number3", R"x(24. 1. 15.(월) 오전 10시)x"},
    {"Number3", R"x(배당금은 주당 1,444원.¦ 시가배당률은 2.1%다.)x"},
    {"Number3", R"x(2. 본론
¦3. 결론)x"},
    {"Number3", R"x(○ 신청 자격: 만 19세 이상)x"},
    {"Number3", R"x(그는 100m를 9.58초에 달렸다.¦ 세계 신기록이다.)x"},
    {"Number3", R"x(1등 상금은 1억 원!¦ 2등은 5천만 원이다.)x"},
    {"Number3", R"x(기온은 영하 12.5℃까지 떨어졌다.¦ 올겨울 들어 가장 춥다.)x"},
    {"Number3", R"x(이 대회는 1988.9.17.~10.2. 서울에서 열렸다.)x"},
    {"Misc3", R"x([기자수첩] 누구를 위한 개혁인가)x"},
    {"Misc3", R"x(<편집자 주> 이 기사는 시리즈의 3회차입니다.¦ 1회차는 지난주에 실렸다.)x"},
    {"Misc3", R"x(모든 게 순조로웠다.¦ 적어도 그때까지는.)x"},
    {"Misc3", R"x(이익은 늘었다.¦ 그러나 매출은 줄었다.¦ 왜일까?)x"},
    {"Misc3", R"x(결국 ‘그날’이 왔다.¦ 2024년 4월 10일.¦ 총선이었다.)x"},
    {"Misc3", R"x(오늘의 명언: “시작이 반이다.”)x"},
    {"Misc3", R"x(왜냐고?¦ 간단하다.)x"},
    {"Misc3", R"x(한 줄 평: 기대 이하.¦ 별점: 2/5)x"},
    {"Misc3", R"x(다음은 주요 내용.¦ △가계대출 규제 강화 △전세사기 피해 지원 △청년 주거 지원 확대.)x"},
    {"Misc3", R"x(결론: 사지 마세요.¦ (진심))x"},
    {"Misc3", R"x(이 드라마는 tvN에서 방영됐다.¦ 최고 시청률은 17.4%였다.)x"},
    {"Misc3", R"x(회사는 ㈜한빛이다.¦ 대표는 김한빛 씨다.)x"},
    {"Misc3", R"x(그 결과 A형이 30%, B형이 25%, O형이 28%, AB형이 17%였다.¦ 차이는 크지 않았다.)x"},

    // --- Fourth batch, also written before any fix for it.
    {"Fresh4", R"x(이 서비스는 .NET 기반으로 개발됐다.¦ 소스 코드는 공개하지 않았다.)x"},
    {"Fresh4", R"x(확장자가 .hwp인 파일은 열리지 않는다.¦ 한글 프로그램이 필요하다.)x"},
    {"Fresh4", R"x(그래서 . . . 결국 아무 일도 없었다.)x"},
    {"Fresh4", R"x(“그게 최선이었다. 다른 방법은 없었다”는데 정말 그랬을까.¦ 의문은 남는다.)x"},
    {"Fresh4", R"x(그는 “나는 몰랐다. 보고받은 적도 없다”면서 책임을 부인했다.)x"},
    {"Fresh4", R"x(“일단 해 보자. 안 되면 그때 가서 생각하자”지만 현실은 달랐다.)x"},
    {"Fresh4", R"x(이 기자 hong@yna.co.kr)x"},
    {"Fresh4", R"x(정부는 10일 이 같은 내용의 대책을 발표했다.¦ 홍길동 기자 hong@example.co.kr)x"},
    {"Fresh4", R"x(그가 태어난 해는 1950.¦ 그해 전쟁이 일어났다.)x"},
    {"Fresh4", R"x(한국전쟁은 1950. 6. 25. 새벽에 시작되었다.)x"},
    {"Fresh4", R"x(A.I. 기술은 빠르게 발전하고 있다.¦ 규제는 뒤처져 있다.)x"},
    {"Fresh4", R"x(본명은 김철수(金哲洙)이며, 호는 소월(素月)이다.¦ 시인으로 활동하였다.)x"},
    {"Fresh4", R"x(이 문서는 가수에 관한 것입니다.¦ 다른 뜻에 대해서는 김민수 (동음이의) 문서를 참고하십시오.)x"},
    {"Fresh4", R"x(고마워요~!¦ 덕분에 살았어요ㅠㅠ)x"},
    {"Fresh4", R"x(“가자.”¦ — 그가 말했다.)x"},
    {"Fresh4", R"x(He said, "It's over."¦ She cried.)x"},
    {"Fresh4", R"x(- 첫째, 가격이 싸다.¦ - 둘째, 품질이 좋다.)x"},
    {"Fresh4", R"x(봄이 왔다 / 꽃이 핀다)x"},
    {"Fresh4", R"x(전화번호는 010.1234.5678이다.¦ 문자로 연락 주세요.)x"},
    {"Fresh4", R"x(…했다던 그 사람이다.¦ 기억나?)x"},
    {"Fresh4", R"x(오늘의 환율: 1달러=1,380원.¦ 어제보다 5원 올랐다.)x"},
    {"Fresh4", R"x(그는 “정말 그렇게 생각하세요?”라고 물으며 웃었다.¦ 나는 대답하지 못했다.)x"},
    {"Fresh4", R"x(발표자: 김철수(한국대 교수).¦ 토론자: 이영희(서울연구원 연구위원).)x"},
    {"Fresh4", R"x(올해 노벨 문학상은 한강 작가에게 돌아갔다.¦ 한국인 최초다.¦ 스웨덴 한림원은 “역사적 트라우마에 맞서는 강렬한 시적 산문”이라고 평가했다.)x"},
    {"Fresh4", R"x(그녀는 말끝을 흐렸다.¦ “그건… 잘 모르겠어요.”)x"},
    {"Fresh4", R"x(자세한 사항은 홈페이지 공지사항을 참고하시기 바랍니다.¦ ※문의: 02-000-0000)x"},
    {"Fresh4", R"x(1. 개요 이 보고서는 2024년 실적을 다룬다.)x"},
    {"Fresh4", R"x(이미 예약 마감!¦ 아쉽지만 다음 기회에ㅠ)x"},
    {"Fresh4", R"x(AI 시대, 일자리는 어떻게 바뀔까?¦ 전문가 5인에게 물었다.)x"},
    {"Fresh4", R"x(김 교수(52)는 “솔직히 놀랐다”며 “이렇게 빨리 올 줄은 몰랐다”고 했다.¦ 그는 이어 “준비가 필요하다.¦ 지금부터라도 서둘러야 한다.”)x"},

    // --- Words that open a sentence glued to a quotation or an outline
    // letter that is an interjection.
    {"Guard", R"x(“협상은 끝났다.”¦이란은 곧바로 반발했다.)x"},
    {"Guard", R"x(“그게 전부였다.”¦이야기는 거기서 끝났다.)x"},
    {"Guard", R"x(“모두 고생했다.”¦이에 따라 회의는 마무리됐다.)x"},
    {"Guard", R"x(“가격을 올리겠다.”¦뿐만 아니라 물량도 줄인다.)x"},
    {"Guard", R"x(아.¦ 그렇군요.)x"},
    {"Guard", R"x(자.¦ 이제 시작해 볼까요?)x"},
    {"Guard", R"x(다. 결론 이 사업은 계속 추진한다.)x"},

    // --- Fifth batch, written before any fix for it.
    {"Fresh5", R"x(애플은 지난 9일(현지시간) 미국 캘리포니아주 쿠퍼티노 본사에서 신제품 발표회를 열었다.¦ 팀 쿡 CEO는 “역대 최고의 아이폰”이라고 소개했다.¦ 가격은 799달러(약 107만 원)부터다.)x"},
    {"Fresh5", R"x(“이번엔 다를 겁니다.”¦“지난번에도 그렇게 말씀하셨잖아요.”¦ 두 사람의 대화는 평행선을 달렸다.)x"},
    {"Fresh5", R"x(조사 결과 응답자의 62.3%가 ‘그렇다’고 답했다.¦ ‘아니다’는 27.1%, ‘모르겠다’는 10.6%였다.)x"},
    {"Fresh5", R"x(이순신(李舜臣, 1545년 4월 28일 ~ 1598년 12월 16일)은 조선 중기의 무신이다.¦ 본관은 덕수(德水), 자는 여해(汝諧), 시호는 충무(忠武)이다.)x"},
    {"Fresh5", R"x(태양계의 행성은 수성, 금성, 지구, 화성, 목성, 토성, 천왕성, 해왕성 등 8개이다.¦ 명왕성은 2006년 왜소행성으로 재분류되었다.)x"},
    {"Fresh5", R"x(DNA(deoxyribonucleic acid)는 유전 정보를 담고 있다.¦ 1953년 왓슨(J. D. Watson)과 크릭(F. H. C. Crick)이 이중 나선 구조를 밝혔다.)x"},
    {"Fresh5", R"x(어제 본 영화 진짜 대박이었음!!¦ 특히 마지막 10분은 소름ㄷㄷ¦ 강추합니다.)x"},
    {"Fresh5", R"x(음... 어디서부터 얘기해야 할지 모르겠네요.¦ 일단 결론부터!)x"},
    {"Fresh5", R"x(그는 ‘한국의 스티브 잡스’로 불린다.¦ 하지만 본인은 “과찬”이라며 손사래를 쳤다.)x"},
    {"Fresh5", R"x(연구팀은 “이번 결과는 예비적(preliminary)이다.”라고 밝혔다.¦ 후속 연구가 필요하다는 뜻이다.)x"},
    {"Fresh5", R"x(Netflix는 2007년 스트리밍 서비스를 시작했다.¦ 현재 190여 개국에서 서비스 중이다.)x"},
    {"Fresh5", R"x(회의록에는 “추후 논의”라고만 적혀 있었다.¦ 구체적인 일정은 없었다.)x"},
    {"Fresh5", R"x(시장에서는 ‘9만전자’ 회복 여부에 관심이 쏠린다.¦ 삼성전자 주가는 이날 8만7000원에 마감했다.)x"},
    {"Fresh5", R"x(국내 연구진이 세계 최초로 개발에 성공했다.(사진=KAIST)¦ 연구 결과는 국제 학술지에 실렸다.)x"},
    {"Fresh5", R"x(대표 메뉴는 김치찌개(9,000원), 제육볶음(10,000원) 등.¦ 점심시간엔 줄이 길다.)x"},
    {"Fresh5", R"x(제1차 세계 대전(1914~1918)은 유럽을 중심으로 벌어졌다.¦ 약 900만 명의 군인이 사망하였다.)x"},
    {"Fresh5", R"x(“Hey, what's up?”¦ 그가 영어로 인사했다.)x"},
    {"Fresh5", R"x(결국 계약은 무산됐다.¦왜 이렇게 됐을까?¦양측의 입장을 들어봤다.)x"},
    {"Fresh5", R"x(그녀는 “이게 정말 최선인가요?”라고 반문한 뒤, “다시 생각해 보세요.”라고 덧붙였다.)x"},
    {"Fresh5", R"x(당신은 어떤가요?¦ 혹시 ‘나도 그렇다’고 생각했다면, 이 글을 끝까지 읽어 보세요.)x"},
    {"Fresh5", R"x(총 상금은 50만 달러(약 6억 7천만 원).¦ 우승자는 그중 절반을 가져간다.)x"},
    {"Fresh5", R"x(본 자료는 2025년 1월 기준이며, 변경될 수 있습니다.¦ (자료: 한국은행))x"},
    {"Fresh5", R"x(기념식은 오전 10시 정각에 시작됐다.¦ 참석자들은 묵념으로 희생자를 기렸다.¦ 행사는 1시간가량 이어졌다.)x"},
    {"Fresh5", R"x(밥 먹었어?ㅋㅋ¦ 아직이면 같이 먹자!)x"},

    // --- Sixth batch: straight quotes, which pair by guesswork, and
    // broadcast transcripts; written before any fix for it.
    {"Straight6", R"x(그는 "좋다. 하지만 아직 멀었다"고 했다.¦ "더 노력하겠다"는 말도 덧붙였다.)x"},
    {"Straight6", R"x("이건 아니다."¦ 그가 잘라 말했다.¦ "다시 하자.")x"},
    {"Straight6", R"x('AI 강국'을 꿈꾼다.¦ 그러나 '인재'가 없다.)x"},
    {"Straight6", R"x(A사는 '문제없다'는 입장이다.¦ B사는 '검토 중'이라고 했다.)x"},
    {"Straight6", R"x(그는 "'안 된다'는 말만 들었다"고 했다.)x"},
    {"Straight6", R"x("왜요?"¦ "그냥요.")x"},
    {"Straight6", R"x(그는"좋다"고 했다.¦ 모두 놀랐다.)x"},
    {"Straight6", R"x(그는 "2.5% 성장은 가능하다."며 "내년엔 3%도 노려볼 만하다"고 말했다.)x"},
    {"Straight6", R"x(그는 "It's time. Let's go."라고 외쳤다.)x"},
    {"Straight6", R"x(Korea's GDP grew 2.6%.¦ That's good news.)x"},
    {"Straight6", R"x('다시 시작하자.'라는 구호가 울려 퍼졌다.)x"},
    {"Straight6", R"x([앵커] 오늘 첫 소식입니다.¦ 정부가 새 부동산 대책을 내놨습니다.)x"},
    {"Straight6", R"x(<앵커> 기록적인 폭우가 이어지고 있습니다.¦ 피해 상황 알아보겠습니다.)x"},
    {"Straight6", R"x([기자] 네, 저는 지금 여의도에 나와 있습니다.¦ 이곳은 비가 그쳤습니다.)x"},
    {"Straight6", R"x("그게 다야?"¦ "응, 그게 다야."¦ 그는 짧게 대답했다.)x"},

    // --- Seventh batch: captions, notes, interviews, lists; written before
    // any fix for it.
    {"Fresh7", R"x(그는 여러 상을 받았다(1990년 대종상, 1995년 청룡영화상 등).)x"},
    {"Fresh7", R"x(이 법은 1948년 제정되었다(법률 제1호).¦ 이후 여러 차례 개정되었다.)x"},
    {"Fresh7", R"x(He was born in St. Petersburg, Russia.¦ He moved to the U.S. in 1990.)x"},
    {"Fresh7", R"x(―언제 귀국하나.¦ “다음 달쯤이다.”¦ ―계획은.¦ “아직 없다.”)x"},
    {"Fresh7", R"x(Q: 가장 힘들었던 순간은?¦ A: 첫 공연 때였어요.¦ 너무 떨렸거든요.)x"},
    {"Fresh7", R"x(그래프 1. 연도별 매출 추이)x"},
    {"Fresh7", R"x([그림 3] 실험 결과 모식도)x"},
    {"Fresh7", R"x(주: 1) 잠정치 2) 전년 동기 대비)x"},
    {"Fresh7", R"x(출처: 통계청, 「2024 인구동향」.)x"},
    {"Fresh7", R"x(ⓒ 2025 Gleaner.¦ All rights reserved.)x"},
    {"Fresh7", R"x(하지만—그리고 이것이 중요한데—아무도 몰랐다.)x"},
    {"Fresh7", R"x(첫째, 비용이다.¦ 둘째, 시간이다.¦ 셋째, 사람이다.)x"},
    {"Fresh7", R"x('뭐라고?'¦ 나는 귀를 의심했다.)x"},
    {"Fresh7", R"x(그는 “가겠다”고 했고, 나는 “가지 마라”고 했다.)x"},
    {"Fresh7", R"x(요즘 MZ세대는 '갓생'을 산다.¦ 갓생이란 '신(God)'과 '인생'의 합성어다.)x"},
    {"Fresh7", R"x(삼성전자(005930)는 이날 2.3% 올랐다.¦ SK하이닉스(000660)도 1.5% 상승했다.)x"},
    {"Fresh7", R"x(문의 ☎ 02-123-4567)x"},
    {"Fresh7", R"x(매출액 1조2000억원(전년比 +15%).)x"},
    {"Fresh7", R"x(가격: 1만 원.¦ 위치: 서울 마포구.¦ 영업시간: 11:00~21:00.)x"},
    {"Fresh7", R"x(결과는?¦ 대성공이었다.)x"},
    {"Fresh7", R"x(이 사건은 ‘제2의 n번방’으로 불린다.¦ 경찰은 수사에 착수했다.)x"},
};

class HeldoutTest : public ::testing::TestWithParam<HeldoutCase> {};

TEST_P(HeldoutTest, SplitsAsAnnotated) {
  static const SentenceSplitter* const splitter =
      SentenceSplitter::Create().value().release();
  const HeldoutCase& c = GetParam();
  const std::string text = absl::StrReplaceAll(c.marked, {{kMarker, ""}});
  std::vector<std::string> expected;
  for (absl::string_view part : absl::StrSplit(c.marked, kMarker)) {
    expected.emplace_back(Trim(part));
  }
  std::vector<std::string> actual;
  for (const SentenceSpan& s : splitter->Split(text)) {
    actual.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  EXPECT_THAT(actual, ElementsAreArray(expected)) << text;
}

INSTANTIATE_TEST_SUITE_P(
    Heldout, HeldoutTest, ::testing::ValuesIn(kCases),
    [](const ::testing::TestParamInfo<HeldoutCase>& info) {
      return std::string(info.param.category) + "_" +
             std::to_string(info.index);
    });

}  // namespace
}  // namespace sentence
}  // namespace workers
}  // namespace gleaner
