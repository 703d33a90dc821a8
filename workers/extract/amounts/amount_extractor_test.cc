#include "workers/extract/amounts/amount_extractor.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/extract/amounts/amount_test_util.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

using ::gleaner::testing::IsOk;


// One positive row: in `text`, an amount spans exactly `span` with this kind,
// value (empty for vague) and currency (money) or unit as written (others).
struct FoundCase {
  const char* text;
  const char* span;
  AmountKind kind;
  const char* value;
  const char* code;
};

void PrintTo(const FoundCase& c, std::ostream* os) { *os << c.text; }

class AmountFoundTest : public ::testing::TestWithParam<FoundCase> {};

TEST_P(AmountFoundTest, ExtractsSpanKindValueAndUnit) {
  const FoundCase& c = GetParam();
  const std::vector<Amount> got = Extractor().Extract(c.text);
  const Amount* a = FindSpan(c.text, got, c.span);
  ASSERT_NE(a, nullptr) << "want [" << c.span << "] got " << Describe(c.text, got);
  EXPECT_EQ(a->kind, c.kind) << AmountKindName(a->kind);
  EXPECT_EQ(a->value, c.value);
  if (c.kind == kMoney) {
    EXPECT_EQ(a->currency, c.code);
  } else {
    EXPECT_EQ(a->unit, c.code);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Money, AmountFoundTest,
    ::testing::Values(
        FoundCase{"이미 62억달러라는 자금을 확보했다.", "62억달러", kMoney, "6200000000", "USD"},
        FoundCase{"200억 달러 규모", "200억 달러", kMoney, "20000000000", "USD"},
        FoundCase{"1천억 위안을 투입", "1천억 위안", kMoney, "100000000000", "CNY"},
        FoundCase{"가격은 $30이다", "$30", kMoney, "30", "USD"},
        FoundCase{"US$ 1,200 수준", "US$ 1,200", kMoney, "1200", "USD"},
        FoundCase{"US$30을 냈다", "US$30", kMoney, "30", "USD"},
        FoundCase{"총 1조 4000억 달러를 투자", "1조 4000억 달러", kMoney, "1400000000000", "USD"},
        FoundCase{"300억 4000만 달러의 매출", "300억 4000만 달러", kMoney, "30040000000", "USD"},
        FoundCase{"비트코인은 8만 7000달러 선이 붕괴", "8만 7000달러", kMoney, "87000", "USD"},
        FoundCase{"1억8000만달러를 투자했고", "1억8000만달러", kMoney, "180000000", "USD"},
        FoundCase{"2천억 원 규모", "2천억 원", kMoney, "200000000000", "KRW"},
        FoundCase{"5천만 원을 받았다", "5천만 원", kMoney, "50000000", "KRW"},
        FoundCase{"3만5천원짜리 점심", "3만5천원", kMoney, "35000", "KRW"},
        // 여 between a number and its big scale: "and some" (300여만원 = 300만원 and more).
        FoundCase{"현금 300여만원을 챙겼다", "300여만원", kMoney, "3000000", "KRW"},
        FoundCase{"현금 1억5천여만원을 받아", "1억5천여만원", kMoney, "150000000", "KRW"},
        FoundCase{"총 3억4천200여만원을 빼돌려", "3억4천200여만원", kMoney, "342000000", "KRW"},
        FoundCase{"10여억원이 묶여", "10여억원", kMoney, "1000000000", "KRW"},
        FoundCase{"연봉 오천만 원을 제시", "오천만 원", kMoney, "50000000", "KRW"},
        FoundCase{"이십일조 원의 예산", "이십일조 원", kMoney, "21000000000000", "KRW"},
        FoundCase{"십억 달러 이상", "십억 달러", kMoney, "1000000000", "USD"},
        FoundCase{"주당 27.75달러를 받게 된다", "27.75달러", kMoney, "27.75", "USD"},
        FoundCase{"0.68달러(909원)의 주당순이익", "0.68달러", kMoney, "0.68", "USD"},
        FoundCase{"0.68달러(909원)의 주당순이익", "909원", kMoney, "909", "KRW"},
        FoundCase{"122.860달러에 마감", "122.860달러", kMoney, "122.86", "USD"},
        FoundCase{"2경9000조 원에 이를 것", "2경9000조 원", kMoney, "29000000000000000", "KRW"},
        FoundCase{"약 1조 87억원어치", "약 1조 87억원", kMoney, "1008700000000", "KRW"},
        FoundCase{"16만 16만 8100원", "16만 8100원", kMoney, "168100", "KRW"},
        FoundCase{"100엔에 팔렸다", "100엔", kMoney, "100", "JPY"},
        FoundCase{"50억 엔화 규모", "50억 엔화", kMoney, "5000000000", "JPY"},
        FoundCase{"3억 유로를 벌금으로", "3억 유로", kMoney, "300000000", "EUR"},
        FoundCase{"1000만 파운드에 계약", "1000만 파운드", kMoney, "10000000", "GBP"},
        FoundCase{"€20에 판매", "€20", kMoney, "20", "EUR"},
        FoundCase{"£5 million", "£5 million", kMoney, "5000000", "GBP"},
        FoundCase{"₩1,000짜리", "₩1,000", kMoney, "1000", "KRW"},
        FoundCase{"¥500 동전", "¥500", kMoney, "500", "JPY"},
        FoundCase{"$30 billion deal", "$30 billion", kMoney, "30000000000", "USD"},
        FoundCase{"30불을 냈다", "30불", kMoney, "30", "USD"},
        FoundCase{"100억 홍콩달러 규모", "100억 홍콩달러", kMoney, "10000000000", "HKD"},
        FoundCase{"500억 루피 투자", "500억 루피", kMoney, "50000000000", "INR"},
        FoundCase{"10억 캐나다달러", "10억 캐나다달러", kMoney, "1000000000", "CAD"},
        FoundCase{"1000억 元", "1000억 元", kMoney, "100000000000", "CNY"},
        FoundCase{"3440억 위안(약 72조 원)으로", "3440억 위안", kMoney, "344000000000", "CNY"},
        FoundCase{"3440억 위안(약 72조 원)으로", "약 72조 원", kMoney, "72000000000000", "KRW"},
        FoundCase{"약9조원을 조달", "약9조원", kMoney, "9000000000000", "KRW"},
        FoundCase{"최대5000억 위안", "5000억 위안", kMoney, "500000000000", "CNY"},
        FoundCase{"“만약 3000억 달러가 모두", "3000억 달러", kMoney, "300000000000", "USD"},
        FoundCase{"4600억원이 넘는 주식", "4600억원", kMoney, "460000000000", "KRW"},
        FoundCase{"1000억원대 자산", "1000억원", kMoney, "100000000000", "KRW"},
        FoundCase{"100 USD per month", "100 USD", kMoney, "100", "USD"},
        FoundCase{"USD 250 지급", "USD 250", kMoney, "250", "USD"},
        FoundCase{"1.5조원을 투입", "1.5조원", kMoney, "1500000000000", "KRW"},
        FoundCase{"(약 121조8000억원)에 달한다", "약 121조8000억원", kMoney, "121800000000000",
                  "KRW"},
        FoundCase{"3조 달러 재진입", "3조 달러", kMoney, "3000000000000", "USD"},
        FoundCase{"2억 달러 규모의 투자", "2억 달러", kMoney, "200000000", "USD"},
        FoundCase{"1,500원에 거래", "1,500원", kMoney, "1500", "KRW"},
        FoundCase{"원화로 100만원을", "100만원", kMoney, "1000000", "KRW"},
        FoundCase{"3000억 달러짜리 프로젝트", "3000억 달러", kMoney, "300000000000", "USD"},
        FoundCase{"270억달러(약 36조 원)", "약 36조 원", kMoney, "36000000000000", "KRW"},
        FoundCase{"10달러씩 오른다", "10달러", kMoney, "10", "USD"},
        FoundCase{"1000만 원씩 지급", "1000만 원", kMoney, "10000000", "KRW"},
        // Salaries without 원: KRW is inferred from the pay word.
        FoundCase{"2억, 3억 연봉을 줄 수", "2억", kMoney, "200000000", "KRW"},
        FoundCase{"2억, 3억 연봉을 줄 수", "3억", kMoney, "300000000", "KRW"},
        // A minus sign is part of the value.
        FoundCase{"순손실 -100억원", "-100억원", kMoney, "-10000000000", "KRW"},
        FoundCase{"100엔당 900원", "100엔", kMoney, "100", "JPY"},
        FoundCase{"100엔당 900원", "900원", kMoney, "900", "KRW"},
        FoundCase{"5만원권 지폐", "5만원", kMoney, "50000", "KRW"},
        FoundCase{"환율은 1,385.5원에 마감", "1,385.5원", kMoney, "1385.5", "KRW"},
        FoundCase{"매출 79조1000억원", "79조1000억원", kMoney, "79100000000000", "KRW"},
        FoundCase{"가격은 169만8400원이다", "169만8400원", kMoney, "1698400", "KRW"},
        FoundCase{"이천 원짜리 김밥", "이천 원", kMoney, "2000", "KRW"},
        FoundCase{"주당 50센트를 배당", "50센트", kMoney, "0.5", "USD"},
        // No-break spaces (U+00A0) count as spaces.
        FoundCase{"1조\u00a04000억\u00a0달러", "1조\u00a04000억\u00a0달러", kMoney, "1400000000000",
                  "USD"},
        FoundCase{"12억 5000만 달러인 유니콘", "12억 5000만 달러", kMoney, "1250000000", "USD"}));

INSTANTIATE_TEST_SUITE_P(
    Percent, AmountFoundTest,
    ::testing::Values(FoundCase{"주가는 4% 급등했다", "4%", kPercent, "4", "%"},
                      FoundCase{"2.17% 상승하며", "2.17%", kPercent, "2.17", "%"},
                      FoundCase{"30% 이상 폭락했다", "30%", kPercent, "30", "%"},
                      FoundCase{"금리가 5 % 올랐다", "5 %", kPercent, "5", "%"},
                      FoundCase{"10퍼센트 감소", "10퍼센트", kPercent, "10", "퍼센트"},
                      FoundCase{"딱 5프로 올랐다", "5프로", kPercent, "5", "프로"},
                      FoundCase{"1.513%p까지 치솟았다", "1.513%p", kPoint, "1.513", "%p"},
                      FoundCase{"0.25%포인트 인상", "0.25%포인트", kPoint, "0.25", "%포인트"},
                      FoundCase{"3% 포인트 이상 하락", "3% 포인트", kPoint, "3", "% 포인트"},
                      FoundCase{"2퍼센트포인트 낮다", "2퍼센트포인트", kPoint, "2", "퍼센트포인트"},
                      FoundCase{"비용은 5~20%가량 높다", "5~20%", kPercent, "5", "%"},
                      FoundCase{"80∼90% 점유율", "80∼90%", kPercent, "80", "%"},
                      FoundCase{"10%~15% 수준", "10%~15%", kPercent, "10", "%"},
                      FoundCase{"약 112% 증가한", "약 112%", kPercent, "112", "%"},
                      FoundCase{"2%대와 3%대 하락", "2%", kPercent, "2", "%"},
                      FoundCase{"2%대와 3%대 하락", "3%", kPercent, "3", "%"},
                      FoundCase{"40% 미만으로 급락", "40%", kPercent, "40", "%"},
                      FoundCase{"6% 가까이 급등", "6%", kPercent, "6", "%"},
                      FoundCase{"200%를 넘어섰다", "200%", kPercent, "200", "%"},
                      FoundCase{"0.14%(3.69포인트) 하락", "0.14%", kPercent, "0.14", "%"},
                      FoundCase{"GDP의 10%, 약 20조 달러", "10%", kPercent, "10", "%"},
                      FoundCase{"점유율 50％를 기록", "50％", kPercent, "50", "％"},
                      FoundCase{"100% 마음에 들어", "100%", kPercent, "100", "%"},
                      FoundCase{"1.14%와 1.15%, 1.47% 상승", "1.15%", kPercent, "1.15", "%"},
                      FoundCase{"6월(0.2%)보다 둔화", "0.2%", kPercent, "0.2", "%"},
                      FoundCase{"13%이상 급등했다", "13%", kPercent, "13", "%"},
                      FoundCase{"지분율은 11%에 이를", "11%", kPercent, "11", "%"},
                      FoundCase{"수십% 급등", "수십%", kPercent, "", "%"},
                      FoundCase{"삼성전자 -2.5%, 하이닉스", "-2.5%", kPercent, "-2.5", "%"},
                      FoundCase{"SK하이닉스 −3.1%를 기록", "−3.1%", kPercent, "-3.1", "%"},
                      FoundCase{"연 3.50%로 동결", "3.50%", kPercent, "3.5", "%"}));

INSTANTIATE_TEST_SUITE_P(
    Quantity, AmountFoundTest,
    ::testing::Values(
        FoundCase{"15만 명 이상의 참관객", "15만 명", kQuantity, "150000", "명"},
        FoundCase{"157개국, 15만 명", "157개국", kQuantity, "157", "개국"},
        FoundCase{"500대 기업 296개사를 포함", "296개사", kQuantity, "296", "개사"},
        FoundCase{"4500개 이상의 전시 기업", "4500개", kQuantity, "4500", "개"},
        FoundCase{"TPU를 최대 100만 개까지", "100만 개", kQuantity, "1000000", "개"},
        FoundCase{"673만명이 방문", "673만명", kQuantity, "6730000", "명"},
        FoundCase{"10GW(기가와트, 1000억달러) 규모", "10GW", kQuantity, "10", "GW"},
        FoundCase{"1기가와트(GW)가 넘는", "1기가와트", kQuantity, "1", "기가와트"},
        FoundCase{"4나노미터(4N) 공정", "4나노미터", kQuantity, "4", "나노미터"},
        FoundCase{"800km 떨어진 검출기", "800km", kQuantity, "800", "km"},
        FoundCase{"약 138억 년 전", "약 138억 년", kQuantity, "13800000000", "년"},
        FoundCase{"최신 블랙웰보다 약 18개월 뒤처진", "약 18개월", kQuantity, "18", "개월"},
        FoundCase{"잠들기 약 4.5분 전에", "약 4.5분", kQuantity, "4.5", "분"},
        FoundCase{"장중 1100포인트 넘게 요동", "1100포인트", kQuantity, "1100", "포인트"},
        FoundCase{"4년 만에 복귀", "4년", kQuantity, "4", "년"},
        FoundCase{"지난 15년간 유전학", "15년", kQuantity, "15", "년"},
        FoundCase{"138거래일 만에 처음", "138거래일", kQuantity, "138", "거래일"},
        FoundCase{"50일 이동평균선을 하회", "50일", kQuantity, "50", "일"},
        FoundCase{"315시간(약 13일)이 걸린다", "315시간", kQuantity, "315", "시간"},
        FoundCase{"315시간(약 13일)이 걸린다", "약 13일", kQuantity, "13", "일"},
        FoundCase{"115일이면 구현", "115일", kQuantity, "115", "일"},
        FoundCase{"2.78시간 만에 처리", "2.78시간", kQuantity, "2.78", "시간"},
        FoundCase{"약 20억대로 추산", "약 20억대", kQuantity, "2000000000", "대"},
        FoundCase{"30억대 생태계", "30억대", kQuantity, "3000000000", "대"},
        FoundCase{"2만 대의 카메라", "2만 대", kQuantity, "20000", "대"},
        FoundCase{"GPU 8대를 연결", "8대", kQuantity, "8", "대"},
        FoundCase{"44㎾로 구현할", "44㎾", kQuantity, "44", "㎾"},
        FoundCase{"총 17회에 걸쳐", "17회", kQuantity, "17", "회"},
        FoundCase{"회차별로 30명씩, 총 510명의", "30명", kQuantity, "30", "명"},
        FoundCase{"330만여 가구가 사용", "330만여 가구", kQuantity, "3300000", "가구"},
        FoundCase{"10여 개국이 참여", "10여 개국", kQuantity, "10", "개국"},
        FoundCase{"24시간 만에 끝내고", "24시간", kQuantity, "24", "시간"},
        FoundCase{"거의 매일 1건꼴로", "1건", kQuantity, "1", "건"},
        FoundCase{"81세의 노장", "81세", kQuantity, "81", "세"},
        FoundCase{"35세 미만의 이노베이터", "35세", kQuantity, "35", "세"},
        FoundCase{"3가지 제품군", "3가지", kQuantity, "3", "가지"},
        FoundCase{"26만 장 공급", "26만 장", kQuantity, "260000", "장"},
        FoundCase{"500MW(메가와트) 규모", "500MW", kQuantity, "500", "MW"},
        FoundCase{"약 300테라와트시(TWh)에서", "약 300테라와트시", kQuantity, "300", "테라와트시"},
        FoundCase{"약 1500TWh로 늘어", "약 1500TWh", kQuantity, "1500", "TWh"},
        FoundCase{"월 300킬로와트시(kWh)를 쓰는", "300킬로와트시", kQuantity, "300", "킬로와트시"},
        FoundCase{"2~3년 내 가동", "2~3년", kQuantity, "2", "년"},
        FoundCase{"12∼18개월이 소요", "12∼18개월", kQuantity, "12", "개월"},
        FoundCase{"11만 9000개로 집계", "11만 9000개", kQuantity, "119000", "개"},
        FoundCase{"3만 5천 개 이상의 와이파이", "3만 5천 개", kQuantity, "35000", "개"},
        FoundCase{"지하 1km 실험실", "1km", kQuantity, "1", "km"},
        FoundCase{"49초에 불과", "49초", kQuantity, "49", "초"},
        FoundCase{"100만 주를 매도", "100만 주", kQuantity, "1000000", "주"},
        FoundCase{"3나노 공정", "3나노", kQuantity, "3", "나노"},
        FoundCase{"2년 전 모델", "2년", kQuantity, "2", "년"},
        FoundCase{"7억3000만 년 만에", "7억3000만 년", kQuantity, "730000000", "년"},
        FoundCase{"100일로 압축", "100일", kQuantity, "100", "일"},
        FoundCase{"7일간 진행", "7일", kQuantity, "7", "일"},
        FoundCase{"80GB 메모리", "80GB", kQuantity, "80", "GB"},
        FoundCase{"1000명이 넘는 자원자", "1000명", kQuantity, "1000", "명"},
        FoundCase{"수십만 개의 GB200", "수십만 개", kQuantity, "", "개"},
        FoundCase{"수백만 명의 방문객", "수백만 명", kQuantity, "", "명"},
        FoundCase{"수천 대 이상까지", "수천 대", kQuantity, "", "대"},
        FoundCase{"지난 수년간 혁신", "수년", kQuantity, "", "년"},
        FoundCase{"수십 메가와트(㎿)의 전력", "수십 메가와트", kQuantity, "", "메가와트"},
        FoundCase{"1000큐비트 칩", "1000큐비트", kQuantity, "1000", "큐비트"},
        FoundCase{"3주 연속 상승", "3주", kQuantity, "3", "주"},
        FoundCase{"5층 건물", "5층", kQuantity, "5", "층"},
        FoundCase{"2곳의 클라우드", "2곳", kQuantity, "2", "곳"},
        FoundCase{"300건이 넘던", "300건", kQuantity, "300", "건"},
        FoundCase{"4.5분전 '급강하'", "4.5분", kQuantity, "4.5", "분"},
        FoundCase{"1000년 역사", "1000년", kQuantity, "1000", "년"},
        FoundCase{"직원 1만2000여명", "1만2000여명", kQuantity, "12000", "명"},
        FoundCase{"전용 84㎡ 아파트", "84㎡", kQuantity, "84", "㎡"},
        FoundCase{"3시간 30분 동안", "30분", kQuantity, "30", "분"},
        FoundCase{"주 7일 근무", "7일", kQuantity, "7", "일"},
        FoundCase{"3-4명이 참여", "3-4명", kQuantity, "3", "명"},
        FoundCase{"소방차 20여대와 인력", "20여대", kQuantity, "20", "대"},
        FoundCase{"24만ℓ 규모", "24만ℓ", kQuantity, "240000", "ℓ"},
        FoundCase{"421만6898대를 판매", "421만6898대", kQuantity, "4216898", "대"}));

// Negative rows: nothing in the text is an amount.
class NoAmountTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NoAmountTest, FindsNothing) {
  const std::vector<Amount> got = Extractor().Extract(GetParam());
  EXPECT_TRUE(got.empty()) << GetParam() << " -> " << Describe(GetParam(), got);
}

INSTANTIATE_TEST_SUITE_P(
    NotAmounts, NoAmountTest,
    ::testing::Values(
        // Dates and clock times.
        "2025.11.25 09:06", "2026년 1월 미국 라스베이거스에서", "15일(현지시간) 발표했다",
        "지난 7일 뉴욕 증시에서", "오는 28일 실적을 발표", "2025. 12. 19. 입력", "9시 20분 현재",
        "2020년대 후반까지", "2024년 3분기 실적", "25년 1월 출시", "12월 25일 크리스마스",
        "2025-11-25 기사", "이튿날인 9일 하락", "2019년과 2021년", "이날 18일 종가",
        "2025년도 예산안", "1990년생 창업자", "10년물 국채 금리",
        // Model and product names.
        "H200 칩을 수출", "GB200, GB300 칩", "GPT-4o의 성능", "AIME25에서 기록", "S&P500과 나스닥",
        "CES2026의 슬로건", "4N 공정 기반", "A100 GPU", "갤럭시S25 출시", "아이폰17 공개",
        "네모트론3 나노", "5G 네트워크", "3D 프린팅", "RTX4090 그래픽카드", "Llama-3.1-70B 모델",
        "Qwen2.5 모델",
        // Ordinals, headings, ranks, multipliers, fractions.
        "①AI ②디지털 헬스", "[퓨처 Eyes(114)]", "3분기 실적", "2라운드 진출", "시총 3위",
        "25번째 생일", "7세대 칩", "포춘 500대 기업", "5대 핵심 산업분야", "10대 혁신", "30대 남성",
        "4배 늘어날", "250배를 돌파", "4분의 1 수준", "제3회 대회", "제1조 목적", "21세기 기술",
        "Issue 1. 트럼프의 선언", "Vol. 3", "5주년 기념", "2분기 매출",
        // Index levels and bare numbers.
        "2698.01로 마감", "2700선을 회복", "766.79로 장을 마쳤다", "(114)",
        // Phone numbers, versions, URLs, e-mail addresses.
        "02-1234-5678", "010-9876-5432", "v1.2.3 버전", "버전 2.0.1 배포",
        "https://t1.daumcdn.net/news/202602/01/dt/20260201165943927tpbl.png",
        "reporter123@example.com", "www.example.com/page/100",
        // Words that start like units or currencies.
        "3개발팀", "100 개발자", "엔비디아 주가", "3명예교수", "원자력 발전",
        "CES 파운드리(CES Foundry)", "유로존 경제", "징위안 첸 교수", "유로 모델 GPT-4o",
        "건강 수명을 연장", "이천 시내", "수출 기업", "수조에 물을 채웠다", "2 프로그램",
        "3불법 행위", "선조 원칙", "몇십억 원",
        // Abbreviated years, school years, generations and other non-units.
        "'25년 출시", "’24년 하반기", "2026학년도 수능", "3학년 진학", "5세대(5G) 이동통신",
        "12.3 비상계엄", "5·18 민주화운동", "경기도 이천시", "2차전지 업체", "1호기 가동",
        "오후 3시 30분 기준", "1주당 배당", "A-10% 구간", "02-123-4567로 문의", "2025-11-25 기사",
        "코로나19 확산", "G20 정상회의", "톱10 진입", "만원 버스", "객석이 만원이었다",
        "후반 23분 결승골", "2-1로 승리", "종가기준 2700대에 안착했던 코스피", "3대 0으로 완승",
        "3 대 1로 이겼다", "2대1 경쟁률", "억대 규모의 배", "3세 경영 체제", "3회초 공격",
        "2대 주주"));

// Qualifiers, bounds, vague amounts and per-unit prices.
struct QualifierCase {
  const char* text;
  const char* span;
  bool approximate;
  AmountBound bound;
  bool vague;
  int magnitude;
  bool per_unit;
};

void PrintTo(const QualifierCase& c, std::ostream* os) { *os << c.text; }

class QualifierTest : public ::testing::TestWithParam<QualifierCase> {};

TEST_P(QualifierTest, RecordsQualifiers) {
  const QualifierCase& c = GetParam();
  const std::vector<Amount> got = Extractor().Extract(c.text);
  const Amount* a = FindSpan(c.text, got, c.span);
  ASSERT_NE(a, nullptr) << "want [" << c.span << "] got " << Describe(c.text, got);
  EXPECT_EQ(a->approximate, c.approximate);
  EXPECT_EQ(a->bound, c.bound);
  EXPECT_EQ(a->vague, c.vague);
  EXPECT_EQ(a->magnitude, c.magnitude);
  EXPECT_EQ(a->per_unit, c.per_unit);
}

constexpr AmountBound kNone = AmountBound::kNone;
constexpr AmountBound kGe = AmountBound::kLowerInclusive;
constexpr AmountBound kGt = AmountBound::kLowerExclusive;
constexpr AmountBound kLe = AmountBound::kUpperInclusive;
constexpr AmountBound kLt = AmountBound::kUpperExclusive;

INSTANTIATE_TEST_SUITE_P(
    Qualifiers, QualifierTest,
    ::testing::Values(
        QualifierCase{"약 9조원", "약 9조원", true, kNone, false, 0, false},
        QualifierCase{"10억 달러가량", "10억 달러", true, kNone, false, 0, false},
        QualifierCase{"40%가량 낮춘", "40%", true, kNone, false, 0, false},
        QualifierCase{"90% 안팎의 점유율", "90%", true, kNone, false, 0, false},
        QualifierCase{"100명 정도가 모였다", "100명", true, kNone, false, 0, false},
        QualifierCase{"3시간쯤 걸린다", "3시간", true, kNone, false, 0, false},
        QualifierCase{"330만여 가구", "330만여 가구", true, kNone, false, 0, false},
        QualifierCase{"300여만원", "300여만원", true, kNone, false, 0, false},
        QualifierCase{"5년여 만에", "5년", true, kNone, false, 0, false},
        QualifierCase{"6% 가까이 급등", "6%", true, kNone, false, 0, false},
        QualifierCase{"15만 명 이상", "15만 명", false, kGe, false, 0, false},
        QualifierCase{"35세 이하", "35세", false, kLe, false, 0, false},
        QualifierCase{"3년 이내 상장", "3년", false, kLe, false, 0, false},
        QualifierCase{"100억원 초과", "100억원", false, kGt, false, 0, false},
        QualifierCase{"4600억원이 넘는 주식", "4600억원", false, kGt, false, 0, false},
        QualifierCase{"1% 넘게 하락", "1%", false, kGt, false, 0, false},
        QualifierCase{"40% 미만으로", "40%", false, kLt, false, 0, false},
        QualifierCase{"최대 5000억 위안", "5000억 위안", false, kLe, false, 0, false},
        QualifierCase{"최소 10기가와트", "10기가와트", false, kGe, false, 0, false},
        QualifierCase{"최대 약 3000억 달러", "약 3000억 달러", true, kLe, false, 0, false},
        QualifierCase{"주당 30달러 현금", "30달러", false, kNone, false, 0, true},
        QualifierCase{"주당 134달러(종가)", "134달러", false, kNone, false, 0, true},
        QualifierCase{"수십억 달러 매입", "수십억 달러", true, kNone, true, 9, false},
        QualifierCase{"수백억 달러 규모", "수백억 달러", true, kNone, true, 10, false},
        QualifierCase{"수천억 달러를 투입", "수천억 달러", true, kNone, true, 11, false},
        QualifierCase{"수조 원 규모", "수조 원", true, kNone, true, 12, false},
        QualifierCase{"수 조원 규모", "수 조원", true, kNone, true, 12, false},
        QualifierCase{"수억 명이 사용", "수억 명", true, kNone, true, 8, false},
        QualifierCase{"수천 개의 칩", "수천 개", true, kNone, true, 3, false},
        QualifierCase{"수년간", "수년", true, kNone, true, 0, false},
        QualifierCase{"임원 되면 억대 연봉", "억대", true, kNone, true, 8, false},
        QualifierCase{"2%대 하락", "2%", true, kNone, false, 0, false},
        QualifierCase{"만약 3000억 달러가", "3000억 달러", false, kNone, false, 0, false},
        QualifierCase{"대략 500명", "500명", true, kNone, false, 0, false},
        QualifierCase{"200%를 넘어섰다", "200%", false, kGt, false, 0, false},
        QualifierCase{"3000억 달러 규모", "3000억 달러", false, kNone, false, 0, false},
        QualifierCase{"배럴당 80.5달러", "80.5달러", false, kNone, false, 0, true},
        QualifierCase{"1주당 30달러를 지급", "30달러", false, kNone, false, 0, true},
        QualifierCase{"1000억원대 자산", "1000억원", true, kNone, false, 0, false}));

TEST(AmountExtractorTest, LinksConversionsInParentheses) {
  const std::string text = "프로메테우스는 62억달러(약 9조원)를 확보했다.";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 2u) << Describe(text, got);
  EXPECT_EQ(got[0].conversion_of, -1);
  EXPECT_EQ(got[1].conversion_of, 0);
  EXPECT_EQ(got[1].currency, "KRW");
  EXPECT_TRUE(got[1].approximate);
  EXPECT_EQ(text.substr(got[1].begin, got[1].end - got[1].begin), "약 9조원");
}

TEST(AmountExtractorTest, LinksConversionWithoutApproximation) {
  const std::string text = "주당순이익 0.68달러(909원)를 기록";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 2u) << Describe(text, got);
  EXPECT_EQ(got[1].conversion_of, 0);
  EXPECT_FALSE(got[1].approximate);
}

TEST(AmountExtractorTest, LinksConversionWithGlossWord) {
  const std::string text = "1000억 달러(한화 약 140조 원)를 투자";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 2u) << Describe(text, got);
  EXPECT_EQ(got[1].conversion_of, 0);
  EXPECT_EQ(got[1].value, "140000000000000");
}

TEST(AmountExtractorTest, GlossIsNotAConversion) {
  const std::string text = "엔비디아와 10GW(기가와트, 1000억달러) 규모";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 2u) << Describe(text, got);
  EXPECT_EQ(got[1].kind, AmountKind::kMoney);
  EXPECT_EQ(got[1].conversion_of, -1);
}

TEST(AmountExtractorTest, LinksRangeAcrossConversion) {
  const std::string text =
      "중국 당국이 2000억 위안(41조 8900억 원)에서 5000억 위안에 이르는 보조금";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 3u) << Describe(text, got);
  EXPECT_EQ(got[0].range_partner, 2);
  EXPECT_EQ(got[2].range_partner, 0);
  EXPECT_EQ(got[1].conversion_of, 0);
  EXPECT_EQ(got[1].range_partner, -1);
}

TEST(AmountExtractorTest, LinksSimpleRange) {
  const std::string text = "2000억 위안에서 5000억 위안까지 늘린다";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 2u) << Describe(text, got);
  EXPECT_EQ(got[0].range_partner, 1);
  EXPECT_EQ(got[1].range_partner, 0);
}

TEST(AmountExtractorTest, GrowthPairIsNotARange) {
  const std::string text = "시장은 2024년 43억 1000만 달러에서 2032년 498억 4000만 달러로 성장";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 2u) << Describe(text, got);
  EXPECT_EQ(got[0].range_partner, -1);
  EXPECT_EQ(got[1].range_partner, -1);
}

TEST(AmountExtractorTest, TildeRangeIsOneAmount) {
  const std::string text = "200억~300억 달러를 투자";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 1u) << Describe(text, got);
  EXPECT_EQ(got[0].value, "20000000000");
  EXPECT_EQ(got[0].value_max, "30000000000");
  EXPECT_EQ(got[0].currency, "USD");
}

TEST(AmountExtractorTest, HyphenRangeWithoutSpaces) {
  const std::string text = "비용은 5-20% 높고 200억-300억 달러가 든다";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 2u) << Describe(text, got);
  EXPECT_EQ(got[0].value, "5");
  EXPECT_EQ(got[0].value_max, "20");
  EXPECT_EQ(got[1].value, "20000000000");
  EXPECT_EQ(got[1].value_max, "30000000000");
  EXPECT_EQ(got[1].currency, "USD");
}

TEST(AmountExtractorTest, DescendingPairIsNotARange) {
  // 2024-25년 is a season, not a range from 2024 to 25 years.
  EXPECT_TRUE(Extractor().Extract("2024-25년 시즌").empty());
}

TEST(AmountExtractorTest, SymbolRange) {
  const std::string text = "가격은 $30~40 수준";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 1u) << Describe(text, got);
  EXPECT_EQ(text.substr(got[0].begin, got[0].end - got[0].begin), "$30~40");
  EXPECT_EQ(got[0].value, "30");
  EXPECT_EQ(got[0].value_max, "40");
  EXPECT_EQ(got[0].currency, "USD");
}

TEST(AmountExtractorTest, PercentRangeHasBothEnds) {
  const std::string text = "5~20%";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, "5");
  EXPECT_EQ(got[0].value_max, "20");
}

TEST(AmountExtractorTest, ReportsByteOffsets) {
  const std::string text = "매출 1조 4000억 원";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].begin, std::string("매출 ").size());
  EXPECT_EQ(got[0].end, text.size());
  EXPECT_EQ(got[0].value, "1400000000000");
}

TEST(AmountExtractorTest, CanonicalUnits) {
  const std::string text = "1기가와트, 800킬로미터, 44㎾, 4나노미터";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 4u) << Describe(text, got);
  EXPECT_EQ(got[0].canonical_unit, "GW");
  EXPECT_EQ(got[1].canonical_unit, "km");
  EXPECT_EQ(got[2].canonical_unit, "kW");
  EXPECT_EQ(got[3].canonical_unit, "nm");
}

TEST(AmountExtractorTest, QualifierWordsAsWritten) {
  const std::string text = "최대 약 5000억 위안 이상";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_THAT(got[0].qualifiers, ::testing::ElementsAre("최대", "약", "이상"));
}

TEST(AmountExtractorTest, SortedByBegin) {
  const std::string text =
      "10.9% 급감한 528억 달러(약 77조 7400억 원)로 5년 만에 최저치, 수출 3.0% 증가";
  const std::vector<Amount> got = Extractor().Extract(text);
  ASSERT_EQ(got.size(), 5u) << Describe(text, got);
  for (size_t i = 1; i < got.size(); ++i) EXPECT_LT(got[i - 1].begin, got[i].begin);
}

TEST(AmountExtractorTest, KindNames) {
  EXPECT_EQ(AmountKindName(AmountKind::kMoney), "MONEY");
  EXPECT_EQ(AmountKindName(AmountKind::kPercent), "PERCENT");
  EXPECT_EQ(AmountKindName(AmountKind::kPercentPoint), "PERCENT_POINT");
  EXPECT_EQ(AmountKindName(AmountKind::kQuantity), "QUANTITY");
}

TEST(AmountExtractorTest, OptionsDropQuantitiesAndVague) {
  AmountExtractorOptions options;
  options.include_quantities = false;
  options.include_vague = false;
  absl::StatusOr<std::unique_ptr<AmountExtractor>> ex = AmountExtractor::Create(options);
  ASSERT_THAT(ex.status(), IsOk());
  const std::string text = "15만 명이 수십억 달러와 10억 달러를 냈다";
  const std::vector<Amount> got = (*ex)->Extract(text);
  ASSERT_EQ(got.size(), 1u) << Describe(text, got);
  EXPECT_EQ(got[0].value, "1000000000");
}

TEST(AmountExtractorTest, SurvivesInvalidUtf8AndEdges) {
  const std::vector<std::string> inputs = {"",
                                           "1",
                                           "$",
                                           "수",
                                           "약",
                                           "\xEC\x96",
                                           "\xFF\xFE 100억 \xEC",
                                           "100\xEC\x96",
                                           std::string("12\0"
                                                       "34%",
                                                       5),
                                           "1조 ",
                                           "~5%",
                                           "5~",
                                           "(",
                                           "100억(",
                                           "(약 9조원",
                                           "\xEC\x96\xB5",
                                           "억 원",
                                           "9999999999999999999999999999조 원"};
  for (const std::string& s : inputs) {
    const std::vector<Amount> got = Extractor().Extract(s);
    for (const Amount& a : got) {
      EXPECT_LE(a.begin, a.end);
      EXPECT_LE(a.end, s.size());
    }
  }
  // Up to AmountExtractorOptions::max_number_digits (30) integer digits a
  // number is exact; past it, it is no amount at all (issue 12: a wall of
  // digits before 조원 must not become one 40-digit value).
  const std::vector<Amount> big = Extractor().Extract("999999999999999999조 원");
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0].value, "999999999999999999000000000000");
  EXPECT_TRUE(Extractor().Extract("9999999999999999999조 원").empty());
  EXPECT_TRUE(Extractor().Extract("9999999999999999999999999999조 원").empty());
}

TEST(AmountExtractorTest, ThreadSafe) {
  const std::string text = "62억달러(약 9조원), 15만 명, 4%";
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) counts[t] = Extractor().Extract(text).size();
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t c : counts) EXPECT_EQ(c, 4u);
}

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
