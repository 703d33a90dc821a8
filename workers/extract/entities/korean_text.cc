#include "workers/extract/entities/korean_text.h"

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace {

using StringSet = absl::flat_hash_set<absl::string_view>;

// Particles, copula forms and light suffixes that may follow a name inside
// the same word. Sequences are recognised by combining these (에서+는).
// Deliberately missing: 인 (미국인 is "an American"), 어 (한국어).
const StringSet& TailMorphemes() {
  static const auto* kSet = new StringSet{
      // Case particles.
      "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "에게서", "께", "께서", "한테", "와",
      "과", "로", "으로", "로부터", "으로부터", "로서", "으로서", "로써", "으로써", "서",
      // Auxiliary particles.
      "도", "만", "까지", "부터", "조차", "마저", "보다", "처럼", "같이", "하고", "랑", "이랑", "나", "이나",
      "든", "든지", "이든", "이든지", "야말로", "이야말로", "뿐", "밖에", "대로", "마다", "엔", "에선",
      "에겐", "론", "으론", "선",
      // Quotative and copula forms.
      "라는", "이라는", "라고", "이라고", "라며", "이라며", "란", "이란", "이다", "다", "였다", "이었다",
      "였던", "이었던", "이며", "며", "이고", "이자", "라면", "이라면", "라서", "이라서", "입니다", "이죠",
      "죠", "예요", "이에요", "이었고", "였고", "일", "인데", "인지", "이지만", "지만", "이든가", "이냐",
      "냐", "이라", "라",
      // Light nominal suffixes that keep the name as the referent.
      "측", "발", "등", "쪽", "들", "씨", "님", "사", "간", "내", "외", "와의", "과의"};
  return *kSet;
}

// Suffixes that turn a name into a different word.
const StringSet& DerivedSuffixes() {
  static const auto* kSet = new StringSet{
      "산", "판", "인", "어", "계", "식", "풍",   "적",   "화",   "하", "해",   "했",   "한",   "할", "함",
      "합", "됐", "되", "된", "될", "됨", "시키", "스럽", "스러", "답", "다운", "형",   "주의", "학", "령",
      "제", "권", "통", "행", "팬", "꾼", "족",   "병",   "리",   "링", "러",   "어로", "지",   "트"};
  return *kSet;
}

// Nouns that glue to a place or company name without a space.
const StringSet& CompoundHeads() {
  static const auto* kSet = new StringSet{
      "정부", "증시",     "시장", "주가",   "주식",     "기업",   "경제",   "법인", "본사", "지사",
      "현지", "당국",     "국채", "내",     "측",       "발",     "등",     "쪽",   "간",   "칩",
      "제품", "서버",     "모델", "플랫폼", "브랜드",   "주",     "대통령", "총리", "장관", "의회",
      "군",   "대사관",   "공장", "매장",   "행정부",   "연준",   "출신",   "전역", "시간", "현지시간",
      "시각", "현지시각", "국민", "정책",   "수출",     "수입",   "증권가", "투자", "지분", "실적",
      "매출", "생태계",   "사업", "서비스", "클라우드", "반도체", "전문가"};
  return *kSet;
}

const StringSet& Titles() {
  static const auto* kSet = new StringSet{"최고경영자",
                                          "CEO",
                                          "회장",
                                          "대표",
                                          "사장",
                                          "부회장",
                                          "연구원",
                                          "교수",
                                          "박사",
                                          "기자",
                                          "대통령",
                                          "장관",
                                          "이코노미스트",
                                          "애널리스트",
                                          "설립자",
                                          "창업자",
                                          "공동창업자",
                                          "공동설립자",
                                          "창립자",
                                          "의장",
                                          "총리",
                                          "부사장",
                                          "전무",
                                          "상무",
                                          "이사",
                                          "위원장",
                                          "총재",
                                          "의원",
                                          "대표이사",
                                          "CTO",
                                          "CFO",
                                          "COO",
                                          "CIO",
                                          "CSO",
                                          "CPO",
                                          "최고기술책임자",
                                          "최고재무책임자",
                                          "최고운영책임자",
                                          "특파원",
                                          "변호사",
                                          "원장",
                                          "청장",
                                          "차관",
                                          "국무장관",
                                          "주석",
                                          "총장",
                                          "학장",
                                          "연구위원",
                                          "센터장",
                                          "본부장",
                                          "소장",
                                          "대변인",
                                          "고문",
                                          "전략가",
                                          "부총리",
                                          "수석연구원",
                                          "선임연구원",
                                          "책임연구원",
                                          "사무총장",
                                          "상원의원",
                                          "하원의원",
                                          "주지사",
                                          "부통령",
                                          "국왕",
                                          "왕세자",
                                          "펠로",
                                          "디렉터",
                                          "리서치센터장",
                                         
                                          "회장님",
                                          "대표님",
                                          "부문장",
                                          "사무관",
                                          "국장",
                                          "실장",
                                          "팀장",
                                         
                                          "명예회장",
                                          "부의장",
                                          "이사장",
                                          "행장",
                                          "은행장",
                                          "부행장",
                                          "지사장",
                                          "법인장",
                                          "수석부사장",
                                          "선임기자",
                                          "논설위원",
                                          "칼럼니스트",
                                          "파트너",
                                          "매니징파트너",
                                          "총통"};
  return *kSet;
}

// Common words shaped like a Korean name (surname syllable + two), or words
// that modify a title and so must not be read as a name.
const StringSet& NameStopWords() {
  static const auto* kSet = new StringSet{
      "이번",       "이날",      "이후",       "이상",   "이미",   "이어",   "전임",     "전직",
      "현재",       "신임",      "공동",       "최근",   "최고",   "조만간", "당시",     "초대",
      "수석",       "선임",      "책임",       "총괄",   "담당",   "부문",   "회사",     "그룹",
      "본부",       "센터",      "기술",       "재무",   "운영",   "사업",   "대표",     "글로벌",
      "한국",       "미국",      "중국",       "일본",   "전문",   "주요",   "각",       "해당",
      "역대",       "차기",      "후임",       "전",     "현",     "前",     "現",       "당",
      "그",         "이",        "정부",       "정부의", "이사회", "이사장", "이사는",   "전문가",
      "전문가는",   "연구원",    "한편",       "한때",   "고위",   "고객",   "최대",     "최초",
      "최고위",     "조사",      "정책",       "장기",   "단기",   "오랜",   "오래",     "하지만",
      "그러나",     "그리고",    "또한",       "또",     "특히",   "다만",   "현지",     "관계자",
      "업계",       "국내",      "해외",       "임시",   "명예",   "부",     "부회장",   "회장",
      "사장",       "공동대표",  "서비스",     "반도체", "투자",   "연구",   "교수",     "기자",
      "박사",       "장관",      "의장",       "이사",   "위원",   "위원장", "문제",     "주장",
      "정도",       "강조",      "유명",       "유력",   "노동",   "안전",   "공식",     "임원",
      "조직",       "인공지능",  "경영",       "경영진", "지난",   "지난해", "올해",     "내년",
      "작년",       "오늘",      "어제",       "내부",   "외부",   "한국인", "미국인",   "중국인",
      "여러",       "모든",      "다른",       "새",     "새로운", "신규",   "기존",     "원래",
      "원조",       "개발",      "개발자",     "창업",   "창업자", "설립",   "설립자",   "정보",
      "정보기술",   "전략",      "마케팅",     "영업",   "제품",   "기획",   "인사",     "홍보",
      "법무",       "데이터",    "엔지니어링", "제조",   "생산",   "설계",   "연구소",   "연구개발",
      "인프라",     "클라우드",  "보안",       "금융",   "경제",   "산업",   "시장",     "선거",
      "대선",       "방송",      "신문",       "통신",   "고문",   "감사",   "스타트업", "벤처",
      "기업",       "업체",      "회사의",     "투자자", "주식",   "사람",   "사람이",   "문제",
      "문제가",     "부사장",    "전무",       "상무",   "총재",   "부총재", "주석",     "총리",
      "대통령",     "부통령",    "국왕",       "여왕",   "왕세자", "차관",   "장관은",   "수석연구원",
      "선임연구원", "책임연구원", "겸",        "및"};
  return *kSet;
}

// First syllables of set members, to reject most candidates without hashing.
const SyllableSet* FirstSyllables(const StringSet& set) {
  auto* first = new SyllableSet;
  for (absl::string_view m : set) first->Insert(CodepointAt(m, 0));
  return first;
}

// Packs up to four Hangul syllables into one integer (14 bits each, plus the
// count), so tail morphemes are looked up without hashing strings.
uint64_t PackSyllables(const char32_t* syllables, int n) {
  uint64_t key = static_cast<uint64_t>(n);
  for (int k = 0; k < n; ++k) key = (key << 14) | static_cast<uint64_t>(syllables[k] - 0xAC00);
  return key;
}

const absl::flat_hash_set<uint64_t>& PackedTailMorphemes() {
  static const auto* kSet = [] {
    auto* set = new absl::flat_hash_set<uint64_t>;
    for (absl::string_view m : TailMorphemes()) {
      char32_t syllables[4];
      int n = 0;
      for (size_t i = 0; i < m.size() && n < 4;) {
        char32_t c;
        i += DecodeAt(m, i, &c);
        syllables[n++] = c;
      }
      set->insert(PackSyllables(syllables, n));
    }
    return set;
  }();
  return *kSet;
}

bool IsTailAt(absl::string_view tail, size_t i, int depth) {
  if (i == tail.size()) return true;
  if (depth == 4) return false;
  static const SyllableSet* kFirst = FirstSyllables(TailMorphemes());
  char32_t syllables[4];
  int n = 0;
  for (size_t p = i; p < tail.size() && n < 4;) {
    char32_t c;
    p += DecodeAt(tail, p, &c);
    if (!IsHangul(c)) break;
    syllables[n++] = c;
  }
  if (n == 0 || !kFirst->Contains(syllables[0])) return false;
  const absl::flat_hash_set<uint64_t>& morphemes = PackedTailMorphemes();
  for (int len = n; len >= 1; --len) {  // the longest morpheme first
    if (morphemes.contains(PackSyllables(syllables, len)) && IsTailAt(tail, i + 3 * len, depth + 1)) {
      return true;
    }
  }
  return false;
}

bool StartsWithAny(absl::string_view s, const StringSet& set, size_t max_len) {
  for (size_t len = 3; len <= max_len && len <= s.size(); len += 3) {
    if (set.contains(s.substr(0, len))) return true;
  }
  return false;
}

}  // namespace

char32_t CodepointBefore(absl::string_view s, size_t i, size_t* start) {
  if (i == 0 || i > s.size()) {
    if (start != nullptr) *start = 0;
    return 0;
  }
  char32_t cp;
  const size_t j = text::DecodeUtf8Before(s, i, &cp);
  if (start != nullptr) *start = j;
  return cp;
}

char32_t CodepointAt(absl::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char32_t cp;
  DecodeAt(s, i, &cp);
  return cp;
}

size_t HangulRunEnd(absl::string_view s, size_t i) {
  while (i < s.size()) {
    char32_t cp;
    const size_t len = DecodeAt(s, i, &cp);
    if (!IsHangul(cp)) break;
    i += len;
  }
  return i;
}

size_t CountCodepoints(absl::string_view s) { return text::CountCodePoints(s); }

bool IsParticleTail(absl::string_view tail) { return IsTailAt(tail, 0, 0); }

absl::InlinedVector<size_t, 8> ParticleSplits(absl::string_view word) {
  absl::InlinedVector<size_t, 8> splits;
  size_t p = word.size();
  for (int k = 0; k <= 8; ++k) {  // Tails are at most a few syllables long.
    if (IsParticleTail(word.substr(p))) splits.push_back(p);
    if (p == 0) break;
    size_t prev;
    if (!IsHangul(CodepointBefore(word, p, &prev))) break;
    p = prev;
  }
  return splits;
}

bool StartsWithDerivedSuffix(absl::string_view tail) { return StartsWithAny(tail, DerivedSuffixes(), 6); }

bool StartsWithCompoundHead(absl::string_view tail) { return StartsWithAny(tail, CompoundHeads(), 12); }

bool IsPersonTitle(absl::string_view word) { return Titles().contains(word); }

bool IsPersonTitlePrefix(absl::string_view prefix) {
  static const auto* kPrefixes = [] {
    auto* set = new absl::flat_hash_set<std::string>;
    for (absl::string_view title : Titles()) {
      for (size_t p = 0; p < title.size();) {
        char32_t c;
        p += DecodeAt(title, p, &c);
        set->insert(std::string(title.substr(0, p)));
      }
    }
    return set;
  }();
  return kPrefixes->contains(prefix);
}

bool MayStartTitle(char32_t c) {
  static const SyllableSet* kFirst = FirstSyllables(Titles());
  return kFirst->Contains(c) || (c >= 'A' && c <= 'Z');
}

bool IsKoreanSurname(char32_t c) {
  static constexpr char32_t kSurnames[] = {
      U'김', U'이', U'박', U'최', U'정', U'강', U'조', U'윤', U'장', U'임', U'한', U'오', U'서', U'신',
      U'권', U'황', U'안', U'송', U'류', U'유', U'전', U'홍', U'고', U'문', U'양', U'손', U'배', U'백',
      U'허', U'남', U'심', U'노', U'하', U'곽', U'성', U'차', U'주', U'우', U'구', U'나', U'민', U'진',
      U'지', U'엄', U'채', U'원', U'천', U'방', U'공', U'현', U'함', U'변', U'염', U'여', U'추', U'도',
      U'소', U'석', U'선', U'설', U'마', U'길', U'연', U'위', U'표', U'명', U'기', U'반', U'왕', U'금',
      U'옥', U'육', U'인', U'맹', U'제', U'모', U'탁', U'국', U'어', U'은', U'편', U'용', U'봉', U'경'};
  for (char32_t s : kSurnames) {
    if (s == c) return true;
  }
  return false;
}

bool IsNameStopWord(absl::string_view word) { return NameStopWords().contains(word); }

}  // namespace extract
}  // namespace workers
}  // namespace gleaner
