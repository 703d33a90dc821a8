// Issue 12: every way Korean news writes a number before a currency, percent
// word or counter. One row per case of the issue's table and bullets (spaced
// 천/백/십 parts, Hangul numerals, 점 decimals, sub-units, countries before a
// currency word, world currencies, symbols after the number, percent words,
// signs on both ends of a range, bounds after a unit gloss, power-of-ten
// boundaries), then texts that must yield nothing (phone numbers, dates,
// versions, product names, ordinary words that start like a currency).
// Each found value is also checked for being off by a factor of ten or more.
#include <iostream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/amounts/amount_extractor.h"
#include "workers/extract/amounts/amount_test_util.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace amounts {
namespace {

// In `text` an amount spans exactly `span` with this kind, value and upper
// end (ranges only), and currency (money) or unit as written (others).
struct FormCase {
  const char* text;
  const char* span;
  AmountKind kind;
  const char* value;
  const char* code;
  const char* value_max;
};

void PrintTo(const FormCase& c, std::ostream* os) { *os << c.text << " => " << c.span; }

// clang-format off
const FormCase kForms[] = {
    {"4천 820만 달러를 투자했다", "4천 820만 달러", kMoney, "48200000", "USD", ""},
    {"1천 1백 70만 달러 규모", "1천 1백 70만 달러", kMoney, "11700000", "USD", ""},
    {"천 4백만 달러를 받았다", "천 4백만 달러", kMoney, "14000000", "USD", ""},
    {"1만 2천 345 달러가 들었다", "1만 2천 345 달러", kMoney, "12345", "USD", ""},
    {"8백 10만 파운드에 팔렸다", "8백 10만 파운드", kMoney, "8100000", "GBP", ""},
    {"가격은 1달러 20센트였다", "1달러 20센트", kMoney, "1.2", "USD", ""},
    {"64달러 45센트에 마감", "64달러 45센트", kMoney, "64.45", "USD", ""},
    {"성장률은 마이너스 1.7%였다", "마이너스 1.7%", kPercent, "-1.7", "%", ""},
    {"전망치는 -2~1%다", "-2~1%", kPercent, "-2", "%", "1"},
    {"이십 퍼센트가 늘었다", "이십 퍼센트", kPercent, "20", "퍼센트", ""},
    {"백퍼센트 확신한다", "백퍼센트", kPercent, "100", "퍼센트", ""},
    {"100 프로 확신한다", "100 프로", kPercent, "100", "프로", ""},
    {"삼십 퍼센티지 올랐다", "삼십 퍼센티지", kPercent, "30", "퍼센티지", ""},
    {"입장료는 십불이다", "십불", kMoney, "10", "USD", ""},
    {"만불을 벌었다", "만불", kMoney, "10000", "USD", ""},
    {"백원짜리 동전", "백원", kMoney, "100", "KRW", ""},
    {"만원 이하 상품", "만원", kMoney, "10000", "KRW", ""},
    {"일점이삼달러로 내렸다", "일점이삼달러", kMoney, "1.23", "USD", ""},
    {"이십구점구구유로에 판매", "이십구점구구유로", kMoney, "29.99", "EUR", ""},
    {"1억 5천만 미국 달러를 조달", "1억 5천만 미국 달러", kMoney, "150000000", "USD", ""},
    {"1억 2천 5백만 호주 달러 규모", "1억 2천 5백만 호주 달러", kMoney, "125000000", "AUD", ""},
    {"한 잔에 197 펜스다", "197 펜스", kMoney, "1.97", "GBP", ""},
    {"동전 1 페니도 없다", "1 페니", kMoney, "0.01", "GBP", ""},
    {"총 2억 4천 4백만 달러를 지원했다", "2억 4천 4백만 달러", kMoney, "244000000", "USD", ""},
    {"총 1천 640만원을 지원했다", "1천 640만원", kMoney, "16400000", "KRW", ""},
    {"총 삼천오백만 유로를 지원했다", "삼천오백만 유로", kMoney, "35000000", "EUR", ""},
    {"총 이백십엔를 지원했다", "이백십엔", kMoney, "210", "JPY", ""},
    {"총 3억 천만 위안를 지원했다", "3억 천만 위안", kMoney, "310000000", "CNY", ""},
    {"총 1천 만파운드를 지원했다", "1천 만파운드", kMoney, "10000000", "GBP", ""},
    {"총 5천 300 달러를 지원했다", "5천 300 달러", kMoney, "5300", "USD", ""},
    {"총 9천 9백 99만원을 지원했다", "9천 9백 99만원", kMoney, "99990000", "KRW", ""},
    {"총 1조 2천억 유로를 지원했다", "1조 2천억 유로", kMoney, "1200000000000", "EUR", ""},
    {"총 2조 3천 4백억엔를 지원했다", "2조 3천 4백억엔", kMoney, "2340000000000", "JPY", ""},
    {"총 1경 2천조 위안를 지원했다", "1경 2천조 위안", kMoney, "12000000000000000", "CNY", ""},
    {"총 4억 5백만파운드를 지원했다", "4억 5백만파운드", kMoney, "405000000", "GBP", ""},
    {"총 7천 2십만 달러를 지원했다", "7천 2십만 달러", kMoney, "70200000", "USD", ""},
    {"총 1만 9천원을 지원했다", "1만 9천원", kMoney, "19000", "KRW", ""},
    {"총 천만 유로를 지원했다", "천만 유로", kMoney, "10000000", "EUR", ""},
    {"총 백만엔를 지원했다", "백만엔", kMoney, "1000000", "JPY", ""},
    {"총 이천만 위안를 지원했다", "이천만 위안", kMoney, "20000000", "CNY", ""},
    {"총 오억 삼천만파운드를 지원했다", "오억 삼천만파운드", kMoney, "530000000", "GBP", ""},
    {"총 구백구십구 달러를 지원했다", "구백구십구 달러", kMoney, "999", "USD", ""},
    {"총 일억 이천삼백사십오만원을 지원했다", "일억 이천삼백사십오만원", kMoney, "123450000", "KRW", ""},
    {"수익률이 20퍼센트 올랐다", "20퍼센트", kPercent, "20", "퍼센트", ""},
    {"수익률이 20% 올랐다", "20%", kPercent, "20", "%", ""},
    {"수익률이 20퍼센티지 올랐다", "20퍼센티지", kPercent, "20", "퍼센티지", ""},
    {"수익률이 20 퍼센트 올랐다", "20 퍼센트", kPercent, "20", "퍼센트", ""},
    {"수익률이 이십퍼센트 올랐다", "이십퍼센트", kPercent, "20", "퍼센트", ""},
    {"수익률이 이십퍼센티지 올랐다", "이십퍼센티지", kPercent, "20", "퍼센티지", ""},
    {"수익률이 이십 퍼센트 올랐다", "이십 퍼센트", kPercent, "20", "퍼센트", ""},
    {"수익률이 2십퍼센트 올랐다", "2십퍼센트", kPercent, "20", "퍼센트", ""},
    {"수익률이 2십% 올랐다", "2십%", kPercent, "20", "%", ""},
    {"수익률이 2십퍼센티지 올랐다", "2십퍼센티지", kPercent, "20", "퍼센티지", ""},
    {"수익률이 2십 퍼센트 올랐다", "2십 퍼센트", kPercent, "20", "퍼센트", ""},
    {"수익률이 백퍼센트 올랐다", "백퍼센트", kPercent, "100", "퍼센트", ""},
    {"수익률이 백퍼센티지 올랐다", "백퍼센티지", kPercent, "100", "퍼센티지", ""},
    {"수익률이 백 퍼센트 올랐다", "백 퍼센트", kPercent, "100", "퍼센트", ""},
    {"수익률이 1.5퍼센트 올랐다", "1.5퍼센트", kPercent, "1.5", "퍼센트", ""},
    {"수익률이 1.5% 올랐다", "1.5%", kPercent, "1.5", "%", ""},
    {"수익률이 1.5퍼센티지 올랐다", "1.5퍼센티지", kPercent, "1.5", "퍼센티지", ""},
    {"수익률이 1.5 퍼센트 올랐다", "1.5 퍼센트", kPercent, "1.5", "퍼센트", ""},
    {"수익률이 일점오퍼센트 올랐다", "일점오퍼센트", kPercent, "1.5", "퍼센트", ""},
    {"수익률이 일점오퍼센티지 올랐다", "일점오퍼센티지", kPercent, "1.5", "퍼센티지", ""},
    {"수익률이 일점오 퍼센트 올랐다", "일점오 퍼센트", kPercent, "1.5", "퍼센트", ""},
    {"수익률이 삼십오퍼센트 올랐다", "삼십오퍼센트", kPercent, "35", "퍼센트", ""},
    {"수익률이 삼십오퍼센티지 올랐다", "삼십오퍼센티지", kPercent, "35", "퍼센티지", ""},
    {"수익률이 삼십오 퍼센트 올랐다", "삼십오 퍼센트", kPercent, "35", "퍼센트", ""},
    {"수익률이 0.3퍼센트 올랐다", "0.3퍼센트", kPercent, "0.3", "퍼센트", ""},
    {"수익률이 0.3% 올랐다", "0.3%", kPercent, "0.3", "%", ""},
    {"수익률이 0.3퍼센티지 올랐다", "0.3퍼센티지", kPercent, "0.3", "퍼센티지", ""},
    {"수익률이 0.3 퍼센트 올랐다", "0.3 퍼센트", kPercent, "0.3", "퍼센트", ""},
    {"수익률이 영점삼퍼센트 올랐다", "영점삼퍼센트", kPercent, "0.3", "퍼센트", ""},
    {"수익률이 영점삼퍼센티지 올랐다", "영점삼퍼센티지", kPercent, "0.3", "퍼센티지", ""},
    {"수익률이 영점삼 퍼센트 올랐다", "영점삼 퍼센트", kPercent, "0.3", "퍼센트", ""},
    {"수익률이 천퍼센트 올랐다", "천퍼센트", kPercent, "1000", "퍼센트", ""},
    {"수익률이 천퍼센티지 올랐다", "천퍼센티지", kPercent, "1000", "퍼센티지", ""},
    {"수익률이 천 퍼센트 올랐다", "천 퍼센트", kPercent, "1000", "퍼센트", ""},
    {"확률은 5프로다", "5프로", kPercent, "5", "프로", ""},
    {"확률은 5 프로다", "5 프로", kPercent, "5", "프로", ""},
    {"확률은 100프로다", "100프로", kPercent, "100", "프로", ""},
    {"확률은 100 프로다", "100 프로", kPercent, "100", "프로", ""},
    {"확률은 30프로다", "30프로", kPercent, "30", "프로", ""},
    {"확률은 30 프로다", "30 프로", kPercent, "30", "프로", ""},
    {"확률은 50프로다", "50프로", kPercent, "50", "프로", ""},
    {"확률은 50 프로다", "50 프로", kPercent, "50", "프로", ""},
    {"물가는 -0.5%였다", "-0.5%", kPercent, "-0.5", "%", ""},
    {"물가는 −0.5%였다", "−0.5%", kPercent, "-0.5", "%", ""},
    {"마이너스0.8% 성장", "마이너스0.8%", kPercent, "-0.8", "%", ""},
    {"손실은 -3억 달러", "-3억 달러", kMoney, "-300000000", "USD", ""},
    {"전망치는 -5~-3%다", "-5~-3%", kPercent, "-5", "%", "-3"},
    {"범위는 마이너스 2~3%다", "마이너스 2~3%", kPercent, "-2", "%", "3"},
    {"예상치는 -1~2%p다", "-1~2%p", kPoint, "-1", "%p", "2"},
    {"범위는 1~3%다", "1~3%", kPercent, "1", "%", "3"},
    {"규모는 1억 미국 달러로 추산된다", "1억 미국 달러", kMoney, "100000000", "USD", ""},
    {"규모는 50억 미국달러로 추산된다", "50억 미국달러", kMoney, "5000000000", "USD", ""},
    {"규모는 3천만 캐나다 달러로 추산된다", "3천만 캐나다 달러", kMoney, "30000000", "CAD", ""},
    {"규모는 120만 호주달러로 추산된다", "120만 호주달러", kMoney, "1200000", "AUD", ""},
    {"규모는 1억 홍콩 달러로 추산된다", "1억 홍콩 달러", kMoney, "100000000", "HKD", ""},
    {"규모는 50억 싱가포르 달러로 추산된다", "50억 싱가포르 달러", kMoney, "5000000000", "SGD", ""},
    {"규모는 3천만 대만 달러로 추산된다", "3천만 대만 달러", kMoney, "30000000", "TWD", ""},
    {"규모는 120만 뉴질랜드 달러로 추산된다", "120만 뉴질랜드 달러", kMoney, "1200000", "NZD", ""},
    {"규모는 1억 스위스 프랑로 추산된다", "1억 스위스 프랑", kMoney, "100000000", "CHF", ""},
    {"규모는 50억 스위스프랑로 추산된다", "50억 스위스프랑", kMoney, "5000000000", "CHF", ""},
    {"규모는 3천만 스웨덴 크로나로 추산된다", "3천만 스웨덴 크로나", kMoney, "30000000", "SEK", ""},
    {"규모는 120만 노르웨이 크로네로 추산된다", "120만 노르웨이 크로네", kMoney, "1200000", "NOK", ""},
    {"규모는 1억 덴마크 크로네로 추산된다", "1억 덴마크 크로네", kMoney, "100000000", "DKK", ""},
    {"규모는 50억 멕시코 페소로 추산된다", "50억 멕시코 페소", kMoney, "5000000000", "MXN", ""},
    {"규모는 3천만 필리핀 페소로 추산된다", "3천만 필리핀 페소", kMoney, "30000000", "PHP", ""},
    {"규모는 120만 아르헨티나 페소로 추산된다", "120만 아르헨티나 페소", kMoney, "1200000", "ARS", ""},
    {"규모는 1억 인도 루피로 추산된다", "1억 인도 루피", kMoney, "100000000", "INR", ""},
    {"규모는 50억 파키스탄 루피로 추산된다", "50억 파키스탄 루피", kMoney, "5000000000", "PKR", ""},
    {"규모는 3천만 인도네시아 루피아로 추산된다", "3천만 인도네시아 루피아", kMoney, "30000000", "IDR", ""},
    {"규모는 120만 사우디 리얄로 추산된다", "120만 사우디 리얄", kMoney, "1200000", "SAR", ""},
    {"규모는 1억 쿠웨이트 디나르로 추산된다", "1억 쿠웨이트 디나르", kMoney, "100000000", "KWD", ""},
    {"규모는 50억 이집트 파운드로 추산된다", "50억 이집트 파운드", kMoney, "5000000000", "EGP", ""},
    {"규모는 3천만 남아공 랜드로 추산된다", "3천만 남아공 랜드", kMoney, "30000000", "ZAR", ""},
    {"규모는 120만 베트남 동로 추산된다", "120만 베트남 동", kMoney, "1200000", "VND", ""},
    {"모두 500억 루블에 달한다", "500억 루블", kMoney, "50000000000", "RUB", ""},
    {"모두 20만 루피에 달한다", "20만 루피", kMoney, "200000", "INR", ""},
    {"모두 1,000 리라에 달한다", "1,000 리라", kMoney, "1000", "TRY", ""},
    {"모두 3.5 헤알에 달한다", "3.5 헤알", kMoney, "3.5", "BRL", ""},
    {"모두 500억랜드에 달한다", "500억랜드", kMoney, "50000000000", "ZAR", ""},
    {"모두 20만 바트에 달한다", "20만 바트", kMoney, "200000", "THB", ""},
    {"모두 1,000 링깃에 달한다", "1,000 링깃", kMoney, "1000", "MYR", ""},
    {"모두 3.5 페소에 달한다", "3.5 페소", kMoney, "3.5", "MXN", ""},
    {"모두 500억 크로나에 달한다", "500억 크로나", kMoney, "50000000000", "SEK", ""},
    {"모두 20만 즈워티에 달한다", "20만 즈워티", kMoney, "200000", "PLN", ""},
    {"모두 1,000 포린트에 달한다", "1,000 포린트", kMoney, "1000", "HUF", ""},
    {"모두 3.5 코루나에 달한다", "3.5 코루나", kMoney, "3.5", "CZK", ""},
    {"모두 500억 디르함에 달한다", "500억 디르함", kMoney, "50000000000", "AED", ""},
    {"모두 20만 리얄에 달한다", "20만 리얄", kMoney, "200000", "SAR", ""},
    {"모두 1,000 셰켈에 달한다", "1,000 셰켈", kMoney, "1000", "ILS", ""},
    {"모두 3.5 텡게에 달한다", "3.5 텡게", kMoney, "3.5", "KZT", ""},
    {"모두 500억 나이라에 달한다", "500억 나이라", kMoney, "50000000000", "NGN", ""},
    {"모두 20만 흐리우냐에 달한다", "20만 흐리우냐", kMoney, "200000", "UAH", ""},
    {"모두 1,000 레우에 달한다", "1,000 레우", kMoney, "1000", "RON", ""},
    {"모두 3.5 프랑에 달한다", "3.5 프랑", kMoney, "3.5", "CHF", ""},
    {"쌀국수는 5만동이다", "5만동", kMoney, "50000", "VND", ""},
    {"3만5천동을 냈다", "3만5천동", kMoney, "35000", "VND", ""},
    {"환율은 2만5000동 선", "2만5000동", kMoney, "25000", "VND", ""},
    {"가격은 30₩이다", "30₩", kMoney, "30", "KRW", ""},
    {"가격은 30$이다", "30$", kMoney, "30", "USD", ""},
    {"가격은 30€이다", "30€", kMoney, "30", "EUR", ""},
    {"가격은 30£이다", "30£", kMoney, "30", "GBP", ""},
    {"가격은 30¥이다", "30¥", kMoney, "30", "JPY", ""},
    {"가격은 30₹이다", "30₹", kMoney, "30", "INR", ""},
    {"가격은 10₩짜리", "10₩", kMoney, "10", "KRW", ""},
    {"우표는 5파운드 50펜스", "5파운드 50펜스", kMoney, "5.5", "GBP", ""},
    {"요금은 100원 50전이었다", "100원 50전", kMoney, "100.5", "KRW", ""},
    {"4유로 99센트에 판다", "4유로 99센트", kMoney, "4.99", "EUR", ""},
    {"2캐나다달러 5센트", "2캐나다달러 5센트", kMoney, "2.05", "CAD", ""},
    {"75센트가 올랐다", "75센트", kMoney, "0.75", "USD", ""},
    {"3 펜스 인상", "3 펜스", kMoney, "0.03", "GBP", ""},
    {"9달러 99센트짜리", "9달러 99센트", kMoney, "9.99", "USD", ""},
    {"12 달러 30 센트", "12 달러 30 센트", kMoney, "12.3", "USD", ""},
    {"모두 천 명이 참여했다", "천 명", kQuantity, "1000", "명", ""},
    {"모두 삼백 개가 참여했다", "삼백 개", kQuantity, "300", "개", ""},
    {"모두 이천 가구가 참여했다", "이천 가구", kQuantity, "2000", "가구", ""},
    {"모두 오십 곳가 참여했다", "오십 곳", kQuantity, "50", "곳", ""},
    {"모두 백 건가 참여했다", "백 건", kQuantity, "100", "건", ""},
    {"모두 만 명이 참여했다", "만 명", kQuantity, "10000", "명", ""},
    {"모두 천 2백 명이 참여했다", "천 2백 명", kQuantity, "1200", "명", ""},
    {"모두 이십 개국가 참여했다", "이십 개국", kQuantity, "20", "개국", ""},
    {"1천여 명이 모였다", "1천여 명", kQuantity, "1000", "명", ""},
    {"2만여 명이 몰렸다", "2만여 명", kQuantity, "20000", "명", ""},
    {"3천여 곳에 달한다", "3천여 곳", kQuantity, "3000", "곳", ""},
    {"1기가와트(GW)가 넘는 규모", "1기가와트", kQuantity, "1", "기가와트", ""},
    {"10킬로미터(km)가 넘는 구간", "10킬로미터", kQuantity, "10", "킬로미터", ""},
    {"700포인트 넘게 빠졌다", "700포인트", kQuantity, "700", "포인트", ""},
    {"누적 1원을 기록", "1원", kMoney, "1", "KRW", ""},
    {"누적 10원을 기록", "10원", kMoney, "10", "KRW", ""},
    {"누적 100원을 기록", "100원", kMoney, "100", "KRW", ""},
    {"누적 1,000원을 기록", "1,000원", kMoney, "1000", "KRW", ""},
    {"누적 10,000원을 기록", "10,000원", kMoney, "10000", "KRW", ""},
    {"누적 100,000원을 기록", "100,000원", kMoney, "100000", "KRW", ""},
    {"누적 1,000,000원을 기록", "1,000,000원", kMoney, "1000000", "KRW", ""},
    {"누적 10,000,000원을 기록", "10,000,000원", kMoney, "10000000", "KRW", ""},
    {"누적 100,000,000원을 기록", "100,000,000원", kMoney, "100000000", "KRW", ""},
    {"누적 1,000,000,000원을 기록", "1,000,000,000원", kMoney, "1000000000", "KRW", ""},
    {"누적 10,000,000,000원을 기록", "10,000,000,000원", kMoney, "10000000000", "KRW", ""},
    {"누적 100,000,000,000원을 기록", "100,000,000,000원", kMoney, "100000000000", "KRW", ""},
    {"누적 1,000,000,000,000원을 기록", "1,000,000,000,000원", kMoney, "1000000000000", "KRW", ""},
    {"누적 10,000,000,000,000원을 기록", "10,000,000,000,000원", kMoney, "10000000000000", "KRW", ""},
    {"누적 100,000,000,000,000원을 기록", "100,000,000,000,000원", kMoney, "100000000000000", "KRW", ""},
    {"누적 1,000,000,000,000,000원을 기록", "1,000,000,000,000,000원", kMoney, "1000000000000000", "KRW", ""},
    {"누적 10,000,000,000,000,000원을 기록", "10,000,000,000,000,000원", kMoney, "10000000000000000", "KRW", ""},
    {"누적 100,000,000,000,000,000원을 기록", "100,000,000,000,000,000원", kMoney, "100000000000000000", "KRW", ""},
    {"누적 1,000,000,000,000,000,000원을 기록", "1,000,000,000,000,000,000원", kMoney, "1000000000000000000", "KRW", ""},
    {"누적 10,000,000,000,000,000,000원을 기록", "10,000,000,000,000,000,000원", kMoney, "10000000000000000000", "KRW", ""},
    {"누적 100,000,000,000,000,000,000원을 기록", "100,000,000,000,000,000,000원", kMoney, "100000000000000000000", "KRW", ""},
    {"9,999원", "9,999원", kMoney, "9999", "KRW", ""},
    {"10,001원", "10,001원", kMoney, "10001", "KRW", ""},
    {"9999만 9999원", "9999만 9999원", kMoney, "99999999", "KRW", ""},
    {"1억 1원", "1억 1원", kMoney, "100000001", "KRW", ""},
    {"9999조 9999억 9999만 9999원", "9999조 9999억 9999만 9999원", kMoney, "9999999999999999", "KRW", ""},
    {"1경 원", "1경 원", kMoney, "10000000000000000", "KRW", ""},
    {"1000경 원", "1000경 원", kMoney, "10000000000000000000", "KRW", ""},
    {"0원", "0원", kMoney, "0", "KRW", ""},
    {"0%", "0%", kPercent, "0", "%", ""},
    {"0달러", "0달러", kMoney, "0", "USD", ""},
    {"0.01달러", "0.01달러", kMoney, "0.01", "USD", ""},
    {"1.5조원", "1.5조원", kMoney, "1500000000000", "KRW", ""},
    {"0.5억 달러", "0.5억 달러", kMoney, "50000000", "USD", ""},
    {"2.25억 유로", "2.25억 유로", kMoney, "225000000", "EUR", ""},
};
// clang-format on

class AmountFormTest : public ::testing::TestWithParam<FormCase> {};

TEST_P(AmountFormTest, ReadsExactValue) {
  const FormCase& c = GetParam();
  const std::string text = c.text;
  const std::vector<Amount> got = Extractor().Extract(text);
  const Amount* a = FindSpan(text, got, c.span);
  ASSERT_NE(a, nullptr) << "want [" << c.span << "] got " << Describe(text, got);
  EXPECT_EQ(a->kind, c.kind) << AmountKindName(a->kind);
  EXPECT_EQ(a->value, c.value);
  EXPECT_EQ(a->value_max, c.value_max);
  EXPECT_EQ(c.kind == kMoney ? a->currency : a->unit, c.code);
}

INSTANTIATE_TEST_SUITE_P(Issue12, AmountFormTest, ::testing::ValuesIn(kForms));

// Acceptance point 4: over the whole table, no value found for an expected
// span may be off by a factor of ten or more (a missing amount fails above).
TEST(AmountFormTest, NoValueOffByAFactorOfTen) {
  int off = 0;
  for (const FormCase& c : kForms) {
    const std::string text = c.text;
    const std::vector<Amount> got = Extractor().Extract(text);
    for (const Amount& a : got) {
      if (a.begin < text.size() && OffByFactorOfTen(c.value, a.value) &&
          Overlaps(text, a, c.span)) {
        ++off;
        ADD_FAILURE() << c.text << ": want " << c.value << " got " << a.value;
      }
    }
  }
  ::testing::Test::RecordProperty("off_by_factor_of_ten", off);
  std::cout << "issue 12 table: " << sizeof(kForms) / sizeof(kForms[0])
            << " rows, values off by a factor of ten or more: " << off << "\n";
  EXPECT_EQ(off, 0);
}

// A wall of 200,000 nines before 조원 is no amount (the digit limit of
// AmountExtractorOptions), and reading it stays linear.
TEST(AmountFormTest, RejectsAWallOfDigits) {
  const std::string text = std::string(200000, '9') + "조원";
  EXPECT_TRUE(Extractor().Extract(text).empty());
  const std::string ok = std::string(18, '9') + "조원";
  ASSERT_EQ(Extractor().Extract(ok).size(), 1u);
  EXPECT_EQ(Extractor().Extract(ok)[0].value, std::string(18, '9') + std::string(12, '0'));
}

class NoFormTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NoFormTest, FindsNothing) {
  const std::vector<Amount> got = Extractor().Extract(GetParam());
  EXPECT_TRUE(got.empty()) << GetParam() << " -> " << Describe(GetParam(), got);
}

INSTANTIATE_TEST_SUITE_P(Issue12, NoFormTest, ::testing::Values(
    "010-1234-5678",
    "02-123-4567 문의",
    "전화 1588-1234",
    "2025년 3월 5일 발표",
    "2025.03.05 기사",
    "2025-03-05 보도",
    "v1.2.3 배포",
    "버전 2.0.1",
    "iOS 17.2 업데이트",
    "아이폰 16 프로가 출시됐다",
    "갤럭시 S24 울트라",
    "프로그램 개발",
    "프로젝트 예산",
    "만원 버스",
    "객석이 만원이었다",
    "조원들이 모였다",
    "101동 1502호",
    "3동 주민센터",
    "디즈니랜드 입장",
    "리라이트 기능",
    "이 달러 강세",
    "사원 모집",
    "구원 투수",
    "동안 지켜봤다",
    "며칠 동안",
    "호주 여행",
    "캐나다 달러 강세 전망",
    "프로 선수",
    "999999999999999999999999999999999999999999999999999999999999조원",
    "1,2,3,4",
    "3:1 승리",
    "오후 3시 20분"));

}  // namespace
}  // namespace amounts
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
