#include "text/text_cleaner.h"

#include <iconv.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "text/html_entities.h"
#include "text/utf8.h"

namespace gleaner {
namespace text {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> BlockTexts(const CleanedText& cleaned) {
  std::vector<std::string> out;
  for (const TextBlock& b : cleaned.blocks) {
    out.push_back(cleaned.text.substr(b.begin, b.end - b.begin));
  }
  return out;
}

std::vector<bool> BoilerplateFlags(const CleanedText& cleaned) {
  std::vector<bool> out;
  for (const TextBlock& b : cleaned.blocks) out.push_back(b.boilerplate);
  return out;
}

CleanOptions Options(ContentType type = ContentType::kAuto,
                     std::string encoding = "",
                     InvalidBytePolicy policy = InvalidBytePolicy::kError) {
  CleanOptions o;
  o.content_type = type;
  o.encoding = std::move(encoding);
  o.invalid_bytes = policy;
  return o;
}

// ---------------------------------------------------------------------------
// Successful cleaning: input -> text and blocks.

struct CleanCase {
  const char* name;
  std::string input;
  CleanOptions options;
  std::string text;
  std::vector<std::string> blocks;
  ContentType type;
};

std::ostream& operator<<(std::ostream& os, const CleanCase& c) {
  return os << c.name;
}

class CleanTableTest : public ::testing::TestWithParam<CleanCase> {};

TEST_P(CleanTableTest, Cleans) {
  const CleanCase& c = GetParam();
  absl::StatusOr<CleanedText> cleaned = CleanDocument(c.input, c.options);
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->text, c.text);
  EXPECT_THAT(BlockTexts(*cleaned), ElementsAreArray(c.blocks));
  EXPECT_EQ(cleaned->content_type, c.type);
}

const ContentType kPlain = ContentType::kPlainText;
const ContentType kHtml = ContentType::kHtml;

const CleanCase kCleanCases[] = {
    // --- Plain text passes through byte for byte.
    {"PlainKorean", "비가 온다. 바람이 분다.", Options(), "비가 온다. 바람이 분다.",
     {"비가 온다. 바람이 분다."}, kPlain},
    {"PlainLines", "첫째\n둘째\n", Options(), "첫째\n둘째\n", {"첫째", "둘째"}, kPlain},
    {"PlainBomDropped", "\xEF\xBB\xBF가나다", Options(), "가나다", {"가나다"}, kPlain},
    {"PlainCrLfKept", "가\r\n나\r\n", Options(), "가\r\n나\r\n", {"가", "나"}, kPlain},
    {"PlainLoneCr", "가\r나", Options(), "가\r나", {"가", "나"}, kPlain},
    {"PlainBlankLinesNoBlocks", "\n\n가\n \t \n나", Options(), "\n\n가\n \t \n나",
     {"가", "나"}, kPlain},
    {"PlainBlocksTrimmed", "  가나다  \n\t라마", Options(), "  가나다  \n\t라마",
     {"가나다", "라마"}, kPlain},
    {"PlainNbspTrimmed", "\xC2\xA0가\xC2\xA0", Options(), "\xC2\xA0가\xC2\xA0", {"가"}, kPlain},
    {"PlainMathIsNotHtml", "a < b 이고 c > d 이다.", Options(), "a < b 이고 c > d 이다.",
     {"a < b 이고 c > d 이다."}, kPlain},
    {"PlainOneTagMentionIsNotHtml", "태그 <b>는 굵게 쓴다.", Options(),
     "태그 <b>는 굵게 쓴다.", {"태그 <b>는 굵게 쓴다."}, kPlain},
    {"PlainDeclaredKeepsMarkup", "<p>가</p><div>나</div><br>", Options(kPlain),
     "<p>가</p><div>나</div><br>", {"<p>가</p><div>나</div><br>"}, kPlain},
    {"PlainEntitiesUntouched", "&amp; 그대로", Options(), "&amp; 그대로", {"&amp; 그대로"},
     kPlain},
    {"PlainEmoji", "🚀 퓨어스페이스: 투자 유치", Options(), "🚀 퓨어스페이스: 투자 유치",
     {"🚀 퓨어스페이스: 투자 유치"}, kPlain},
    {"PlainTabsOnly", "\t\t", Options(), "\t\t", {}, kPlain},

    // --- HTML: tags, runs, whitespace.
    {"HtmlParagraphs", "<p>가나다</p><p>라마바</p>", Options(), "가나다\n라마바",
     {"가나다", "라마바"}, kHtml},
    {"HtmlDeclared", "그냥 텍스트", Options(kHtml), "그냥 텍스트", {"그냥 텍스트"}, kHtml},
    {"HtmlRunsTrimmed", "<div><p>  가나다  </p> <p>\n라마바\n</p></div>", Options(),
     "가나다\n라마바", {"가나다", "라마바"}, kHtml},
    {"HtmlWhitespaceCollapsed", "<p>가\n\n   나\t다</p><div></div><br>", Options(), "가 나 다",
     {"가 나 다"}, kHtml},
    {"HtmlBreak", "<p>첫 줄<br>둘째 줄<br/>셋째</p><hr><br>", Options(),
     "첫 줄\n둘째 줄\n셋째", {"첫 줄", "둘째 줄", "셋째"}, kHtml},
    {"HtmlInlineJoins", "<p>기사 <a href=\"/x\">링크</a> <b>굵게</b>, <span>끝</span>.</p><br>",
     Options(), "기사 링크 굵게, 끝.", {"기사 링크 굵게, 끝."}, kHtml},
    {"HtmlImageBreaksRun", "<p>요약 문장<img src=\"a.png\">사진 설명</p><div></div><br>", Options(),
     "요약 문장\n사진 설명", {"요약 문장", "사진 설명"}, kHtml},
    {"HtmlLinkWithParticle", "<p><a href=\"/t\">엔비디아</a>는 올랐다.</p><div></div><br>", Options(),
     "엔비디아는 올랐다.", {"엔비디아는 올랐다."}, kHtml},
    {"HtmlTextBeforeFirstTag", "제목 작성일 02-01 <div id=\"x\"><p>본문.</p></div>", Options(),
     "제목 작성일 02-01\n본문.", {"제목 작성일 02-01", "본문."}, kHtml},
    {"HtmlTextAfterLastTag", "<div><p>본문.</p></div> 관련자료 끝", Options(),
     "본문.\n관련자료 끝", {"본문.", "관련자료 끝"}, kHtml},
    {"HtmlUppercaseTags", "<P>가</P><DIV>나</DIV><BR>", Options(), "가\n나", {"가", "나"},
     kHtml},
    {"HtmlFigcaption",
     "<figure><p><img alt=\"캡션 알트\" src=\"a.png\"></p><figcaption> 일러스트. "
     "</figcaption></figure><p>본문</p>",
     Options(), "일러스트.\n본문", {"일러스트.", "본문"}, kHtml},
    {"HtmlTitleKept", "<html><head><title>제목</title><meta charset=\"utf-8\"></head>"
     "<body><p>본문</p></body></html>", Options(), "제목\n본문", {"제목", "본문"}, kHtml},

    // --- HTML: removed content.
    {"HtmlScriptRemoved", "<p>가</p><script>var s = '<p>x</p>';</script><p>나</p>", Options(),
     "가\n나", {"가", "나"}, kHtml},
    {"HtmlStyleRemoved", "<style>p { color: red; }</style><p>가</p><div>나</div>", Options(),
     "가\n나", {"가", "나"}, kHtml},
    {"HtmlScriptEndTagCase", "<p>가</p><SCRIPT>x</ScRiPt ><p>나</p>", Options(), "가\n나",
     {"가", "나"}, kHtml},
    {"HtmlScriptWithoutEnd", "<p>가</p><div>나</div><script>var x = 1; <p>숨김</p>", Options(),
     "가\n나", {"가", "나"}, kHtml},
    {"HtmlTextareaWithoutEndKeepsText", "<p>가</p><div>나</div><textarea><p>다</p>",
     Options(), "가\n나\n다", {"가", "나", "다"}, kHtml},
    {"HtmlCommentRemoved", "<p>가<!-- 주석 <p>x</p> -->나</p><div></div><br>", Options(),
     "가나", {"가나"}, kHtml},
    {"HtmlUnterminatedComment", "<p>가</p><div>나</div><!-- 끝나지 않는 주석", Options(),
     "가\n나", {"가", "나"}, kHtml},
    {"HtmlDoctype", "<!DOCTYPE html><p>가</p>", Options(), "가", {"가"}, kHtml},
    {"HtmlProcessingInstruction", "<?xml version=\"1.0\"?><p>가</p><div>나</div><br>",
     Options(), "가\n나", {"가", "나"}, kHtml},
    {"HtmlNoscriptRemoved", "<p>가</p><noscript>자바스크립트를 켜세요</noscript><div>나</div>",
     Options(), "가\n나", {"가", "나"}, kHtml},

    // --- HTML: attributes never leak.
    {"HtmlAttributesDropped",
     "<p class=\"c\" data-x=\"본문이미지확대_클릭\" title='제목'>텍스트</p><br><div></div>",
     Options(), "텍스트", {"텍스트"}, kHtml},
    {"HtmlGreaterThanInAttribute", "<p><img alt=\"a>b\" src=x>텍스트</p><div></div><br>",
     Options(), "텍스트", {"텍스트"}, kHtml},
    {"HtmlUnterminatedAttributeQuote", "<p><img alt=\"abc>텍스트</p><div></div><br>",
     Options(), "텍스트", {"텍스트"}, kHtml},
    {"HtmlTagWithoutEnd", "<p>가</p><div>나</div><img src=\"x\"", Options(), "가\n나",
     {"가", "나"}, kHtml},

    // --- HTML: entities.
    {"EntityAmp", "<p>AT&amp;T &lt;b&gt; &quot;q&quot; &apos;s&apos;</p><br><div></div>",
     Options(), "AT&T <b> \"q\" 's'", {"AT&T <b> \"q\" 's'"}, kHtml},
    {"EntityDecimal", "<p>&#44608;&#50689;&#50865;</p><br><div></div>", Options(), "김영욱",
     {"김영욱"}, kHtml},
    {"EntityHex", "<p>&#xAC00;&#XAC01;</p><br><div></div>", Options(), "가각", {"가각"},
     kHtml},
    {"EntityNbspIsSpace", "<p>가&nbsp;나&nbsp;&nbsp;다&nbsp;</p><br><div></div>", Options(),
     "가 나 다", {"가 나 다"}, kHtml},
    {"EntityNamedPunctuation", "<p>&ldquo;가&rdquo; &middot; &hellip; &copy;</p><br><div></div>",
     Options(), "“가” · … ©", {"“가” · … ©"}, kHtml},
    {"EntityUnknownLiteral", "<p>&foo; &amp</p><br><div></div>", Options(), "&foo; &",
     {"&foo; &"}, kHtml},
    // In text content (unlike attributes) browsers decode the legacy names
    // without `;`, taking the longest one: `&copy=2` is ©=2, `&notit;` ¬it;.
    {"EntityLegacyWithoutSemicolon", "<p>a=1&copy=2 &notit; &notin;</p><br><div></div>",
     Options(), "a=1©=2 ¬it; ∉", {"a=1©=2 ¬it; ∉"}, kHtml},
    {"EntityHtml5Names", "<p>&alpha;&Aacute;&check; &NotEqualTilde; &bigstar;</p><br>",
     Options(), "αÁ✓ \xE2\x89\x82\xCC\xB8 ★", {"αÁ✓ \xE2\x89\x82\xCC\xB8 ★"}, kHtml},
    {"EntityWindows1252Numeric", "<p>&#147;인용&#148; &#150; &#128;5</p><br><div></div>",
     Options(), "“인용” – €5", {"“인용” – €5"}, kHtml},
    {"EntitySpacesCollapse", "<p>가&ensp;&emsp;나&Tab;다&#32;&#160;라</p><br><div></div>",
     Options(), "가 나 다 라", {"가 나 다 라"}, kHtml},
    {"EntityNulIsReplacement", "<p>가&#0;나</p><br><div></div>", Options(),
     "가\xEF\xBF\xBD나", {"가\xEF\xBF\xBD나"}, kHtml},
    {"EntitySurrogateIsReplacement", "<p>&#xD800;</p><br><div></div>", Options(),
     "\xEF\xBF\xBD", {"\xEF\xBF\xBD"}, kHtml},
    {"EntityHugeNumber", "<p>&#99999999999;</p><br><div></div>", Options(), "\xEF\xBF\xBD",
     {"\xEF\xBF\xBD"}, kHtml},
    {"EntityRawNbsp", "<p>가\xC2\xA0나</p><br><div></div>", Options(), "가 나", {"가 나"},
     kHtml},

    // --- HTML5 tokenizer and tree-building cases a news page meets.
    {"Html5UnclosedParagraphs", "<body><p>첫 문단<p>둘째 문단<p>셋째</body>", Options(),
     "첫 문단\n둘째 문단\n셋째", {"첫 문단", "둘째 문단", "셋째"}, kHtml},
    {"Html5BrInText", "<p>서울=연합뉴스<br>김기자<BR/>= 본문</p><div></div>", Options(),
     "서울=연합뉴스\n김기자\n= 본문", {"서울=연합뉴스", "김기자", "= 본문"}, kHtml},
    {"Html5EndTagBrIsBr", "<p>가</br>나</p><div></div><br>", Options(), "가\n나",
     {"가", "나"}, kHtml},
    {"Html5CdataIsBogusComment", "<p>가<![CDATA[숨김]]>나</p><div></div><br>", Options(),
     "가나", {"가나"}, kHtml},
    {"Html5EmptyComments", "<p>가<!-->나<!--->다</p><div></div><br>", Options(), "가나다",
     {"가나다"}, kHtml},
    {"Html5CommentBangClose", "<p>가<!-- x --!>나</p><div></div><br>", Options(), "가나",
     {"가나"}, kHtml},
    {"Html5CommentDashes", "<p>가<!-- a -- b --->나</p><div></div><br>", Options(), "가나",
     {"가나"}, kHtml},
    {"Html5BogusEndTagNoName", "<p>가</>나</p><div></div><br>", Options(), "가나",
     {"가나"}, kHtml},
    {"Html5ScriptEndTagInString", "<p>가</p><script>var s = \"</scr\" + \"ipt>\";</script>"
     "<p>나</p>", Options(), "가\n나", {"가", "나"}, kHtml},
    {"Html5ScriptDoubleEscaped",
     "<p>가</p><script><!-- document.write('<script>x()</script>'); --></script><p>나</p>",
     Options(), "가\n나", {"가", "나"}, kHtml},
    {"Html5ScriptEscapedEndsAtEndTag",
     "<p>가</p><script><!-- var a = 1; </script><p>나</p>", Options(), "가\n나",
     {"가", "나"}, kHtml},
    {"Html5ScriptEndTagNeedsDelimiter",
     "<p>가</p><script>a = '</scripts>'; </script ><p>나</p>", Options(), "가\n나",
     {"가", "나"}, kHtml},
    {"Html5StyleWithTags", "<style>p::after { content: '<b>x</b>'; }</style><p>가</p><div>나</div>",
     Options(), "가\n나", {"가", "나"}, kHtml},

    // --- HTML: broken markup.
    {"HtmlLiteralLessThan", "<p>a < b 그리고 c</p><br><div></div>", Options(),
     "a < b 그리고 c", {"a < b 그리고 c"}, kHtml},
    {"HtmlStrayEndTags", "</p></div><p>가</p></span><br>", Options(), "가", {"가"}, kHtml},
    {"HtmlUnclosed", "<div><p>가<p>나<div>다", Options(), "가\n나\n다", {"가", "나", "다"},
     kHtml},
        // A `<` that does not start a tag is text.
    {"HtmlAngleSoup", "<p><<<>>></p><br><div></div>", Options(), "<<<>>>", {"<<<>>>"},
     kHtml},
    {"HtmlBogusEndTag", "<p>가</ ></p><br><div></div>", Options(), "가", {"가"}, kHtml},
    {"HtmlLoneLessThanAtEnd", "<p>가</p><br><div></div><", Options(), "가\n<", {"가", "<"},
     kHtml},

    // --- Encodings.
    {"Cp949Declared", "\xB0\xA1\xB3\xAA\xB4\xD9", Options(kPlain, "cp949"), "가나다",
     {"가나다"}, kPlain},
    {"EucKrAlias", "\xC7\xD1\xB1\xB9", Options(kPlain, "EUC-KR"), "한국", {"한국"}, kPlain},
    {"KsAlias", "\xC7\xD1\xB1\xB9", Options(kPlain, "ks_c_5601-1987"), "한국", {"한국"}, kPlain},
    {"Cp949Extension", "\x94\xEE\x8C\x63", Options(kPlain, "cp949"), "뷁똠", {"뷁똠"}, kPlain},
    {"Cp949WithAscii", "A \xB0\xA1\n\xB3\xAA.", Options(kPlain, "cp949"), "A 가\n나.",
     {"A 가", "나."}, kPlain},
    {"Cp949MetaCharset",
     "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">"
     "</head><body><p>\xC7\xD1\xB1\xB9</p></body></html>",
     Options(), "한국", {"한국"}, kHtml},
    {"Cp949MetaCharsetShort", "<meta charset='EUC-KR'><p>\xB0\xA1</p><div>\xB3\xAA</div>",
     Options(), "가\n나", {"가", "나"}, kHtml},
    {"Cp949Sniffed", "\xC7\xD1\xB1\xB9 \xB4\xBA\xBD\xBA\xC0\xD4\xB4\xCF\xB4\xD9.", Options(),
     "한국 뉴스입니다.", {"한국 뉴스입니다."}, kPlain},
    {"Cp949ReplacedByte", "\xB0\xA1\xFF\xB3\xAA",
     Options(kPlain, "cp949", InvalidBytePolicy::kReplace), "가\xEF\xBF\xBD나",
     {"가\xEF\xBF\xBD나"}, kPlain},
    {"Utf8Declared", "가나다", Options(kPlain, "UTF8"), "가나다", {"가나다"}, kPlain},
    {"Utf8ReplacedByte", "가\xFF나", Options(kPlain, "", InvalidBytePolicy::kReplace),
     "가\xEF\xBF\xBD나", {"가\xEF\xBF\xBD나"}, kPlain},
    {"Utf8ReplacedTruncated", "가나\xEA\xB0", Options(kPlain, "", InvalidBytePolicy::kReplace),
     "가나\xEF\xBF\xBD\xEF\xBF\xBD", {"가나\xEF\xBF\xBD\xEF\xBF\xBD"}, kPlain},
    {"Utf8ReplacedNul", std::string("가\0나", 7), Options(kPlain, "", InvalidBytePolicy::kReplace),
     "가\xEF\xBF\xBD나", {"가\xEF\xBF\xBD나"}, kPlain},
    {"BomBeatsMetaCharset", "\xEF\xBB\xBF<meta charset=\"euc-kr\"><p>가</p><div>나</div>",
     Options(), "가\n나", {"가", "나"}, kHtml},
    {"StaleMetaCharsetOnUtf8", "<meta charset=\"euc-kr\"><p>한국</p><div>뉴스</div>", Options(),
     "한국\n뉴스", {"한국", "뉴스"}, kHtml},
    {"UnknownMetaCharsetIgnored", "<meta charset=\"x-klingon\"><p>가</p><div>나</div>",
     Options(), "가\n나", {"가", "나"}, kHtml},
    {"FourByteUtf8", "😀 이모지", Options(), "😀 이모지", {"😀 이모지"}, kPlain},
};

INSTANTIATE_TEST_SUITE_P(Table, CleanTableTest, ::testing::ValuesIn(kCleanCases),
                         [](const ::testing::TestParamInfo<CleanCase>& info) {
                           return std::string(info.param.name);
                         });

// ---------------------------------------------------------------------------
// Errors.

struct ErrorCase {
  const char* name;
  std::string input;
  CleanOptions options;
  absl::StatusCode code;
  std::string message;
};

std::ostream& operator<<(std::ostream& os, const ErrorCase& c) {
  return os << c.name;
}

class CleanErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CleanErrorTest, Fails) {
  const ErrorCase& c = GetParam();
  EXPECT_THAT(CleanDocument(c.input, c.options),
              StatusIs(c.code, HasSubstr(c.message)));
}

CleanOptions SmallLimit() {
  CleanOptions o;
  o.max_bytes = 4;
  return o;
}

const ErrorCase kErrorCases[] = {
    {"InvalidUtf8NamesOffset", "가나\xFF", Options(), absl::StatusCode::kInvalidArgument,
     "invalid UTF-8 byte 0xFF at byte offset 6"},
    {"TruncatedMultibyte", "가나\xEA\xB0", Options(), absl::StatusCode::kInvalidArgument,
     "byte offset 6"},
    {"LoneContinuation", "a\x80", Options(), absl::StatusCode::kInvalidArgument,
     "byte 0x80 at byte offset 1"},
    {"Overlong", "a\xC0\xAF", Options(), absl::StatusCode::kInvalidArgument, "byte offset 1"},
    {"OverlongThreeByte", "\xE0\x80\xAF", Options(), absl::StatusCode::kInvalidArgument,
     "byte offset 0"},
    {"Surrogate", "\xED\xA0\x80", Options(), absl::StatusCode::kInvalidArgument,
     "byte offset 0"},
    {"AboveUnicode", "\xF4\x90\x80\x80", Options(), absl::StatusCode::kInvalidArgument,
     "byte offset 0"},
    {"OffsetCountsBom", "\xEF\xBB\xBF" "a\xFF", Options(), absl::StatusCode::kInvalidArgument,
     "byte offset 4"},
    {"NulByte", std::string("가\0나", 7), Options(), absl::StatusCode::kInvalidArgument,
     "NUL byte at byte offset 3"},
    {"ManyNuls", std::string(4096, '\0'), Options(), absl::StatusCode::kInvalidArgument,
     "binary"},
    {"BinaryUnderReplace", std::string(200, '\xFF') + "가",
     Options(ContentType::kAuto, "", InvalidBytePolicy::kReplace),
     absl::StatusCode::kInvalidArgument, "looks like binary data"},
    {"NulsUnderReplace", std::string(200, '\0'),
     Options(ContentType::kAuto, "", InvalidBytePolicy::kReplace),
     absl::StatusCode::kInvalidArgument, "looks like binary data"},
    {"UnknownEncoding", "가", Options(kPlain, "latin9"), absl::StatusCode::kInvalidArgument,
     "unsupported encoding 'latin9'"},
    {"UnknownEncodingWithBom", "\xEF\xBB\xBF가", Options(kPlain, "koi8"),
     absl::StatusCode::kInvalidArgument, "unsupported encoding"},
    {"Utf16LittleEndian", std::string("\xFF\xFE" "a\0", 4), Options(), absl::StatusCode::kInvalidArgument,
     "UTF-16"},
    {"Utf16BigEndian", std::string("\xFE\xFF\0a", 4), Options(), absl::StatusCode::kInvalidArgument, "UTF-16"},
    {"Cp949InvalidByte", "\xB0\xA1\xFF", Options(kPlain, "cp949"),
     absl::StatusCode::kInvalidArgument, "invalid CP949 byte 0xFF at byte offset 2"},
    {"Cp949TruncatedPair", "\xB0\xA1\xB0", Options(kPlain, "cp949"),
     absl::StatusCode::kInvalidArgument, "byte offset 2"},
    {"Cp949Nul", std::string("\xB0\xA1\0", 3), Options(kPlain, "cp949"),
     absl::StatusCode::kInvalidArgument, "NUL byte at byte offset 2"},
    {"TooLarge", "가나다", SmallLimit(), absl::StatusCode::kResourceExhausted,
     "exceeds the 4-byte limit"},
    {"InvalidNotCp949EitherStaysUtf8Error", "\xFF\xFF\xFF", Options(),
     absl::StatusCode::kInvalidArgument, "invalid UTF-8"},
};

INSTANTIATE_TEST_SUITE_P(Table, CleanErrorTest, ::testing::ValuesIn(kErrorCases),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) {
                           return std::string(info.param.name);
                         });

// ---------------------------------------------------------------------------
// Boilerplate lines.

struct BoilerplateCase {
  const char* name;
  std::string line;
  bool boilerplate;
};

std::ostream& operator<<(std::ostream& os, const BoilerplateCase& c) {
  return os << c.name;
}

class BoilerplateTest : public ::testing::TestWithParam<BoilerplateCase> {};

TEST_P(BoilerplateTest, Classifies) {
  EXPECT_EQ(IsBoilerplateLine(GetParam().line), GetParam().boilerplate)
      << GetParam().line;
}

const BoilerplateCase kBoilerplateCases[] = {
    {"Search", "검색", true},
    {"SearchPrompt", "찾아보고 싶은 뉴스가 있다면, 검색", true},
    {"SearchHistory", "검색기록 지우기", true},
    {"SavedSearches", "저장된 검색어가 없습니다.", true},
    {"SearchToggle", "검색어 저장 기능이 꺼져 있습니다.", true},
    {"DeleteAll", "전체삭제", true},
    {"BackToTop", "위로", true},
    {"Tags", "Tags", true},
    {"Login", "로그인", true},
    {"Share", "공유하기", true},
    {"Subscribe", "📬구독하기", true},
    {"SubscribeInHeader", "2025. 12. 19. | Vol. 25-47 | 📬구독하기 |", true},
    {"Dash", "-", true},
    {"Pipe", "|", true},
    {"CategoryCrumb", "- 포커스온", true},
    {"CategoryCrumbSlash", "- IT/바이오", true},
    {"Copyright", "Copyright © 디지털타임스. 무단전재 및 재배포 금지.", true},
    {"CopyrightSymbolFirst", "ⓒ 한국경제신문", true},
    {"NoRedistribution", "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>", true},
    {"AllRightsReserved", "All Rights Reserved.", true},
    {"CommentBox",
     "관련자료 이전 오픈AI '투자 보류설' 02-01 다음 유저가 게임 맵 만들고 02-01 댓글 0 "
     "등록된 댓글이 없습니다. 로그인한 회원만 댓글 등록이 가능합니다.",
     true},
    {"NewsletterFooter",
     "You are receiving this email because you have visited our site or asked us about "
     "regular newsletter.",
     true},
    {"Unsubscribe", "더 이상 받지 않으려면 수신거부를 누르세요", true},
    {"FooterAddress",
     "4F, Startup Campus Building #3, 20, Pangyo-ro 289, Bundang, Seongnam, Korea 13488", true},
    {"BareDate", "2026-01-27", true},
    {"BareDateTime", "2025.11.25 09:06", true},
    {"BareCount", "1,619", true},
    {"ArticleSentence", "오픈AI의 위기론은 무엇보다도 ‘성능’이 원인이다.", false},
    {"ArticleMentionsSearch", "구글은 검색 시장에서 점유율을 지켰다.", false},
    {"QaPrompt", "-업의 본질은 사람인가.", false},
    {"Title", "트럼프의 'AI One Rule' : \"주정부는 빠져라\"", false},
    {"Byline", "박원익 2025.11.25 09:06 PDT", false},
    {"Heading", "💡 에디터의 코멘트", false},
    {"LongArticleWithCopyrightWord",
     std::string(1300, 'x') + " 무단전재 및 재배포 금지", false},
    {"Empty", "", false},
};

INSTANTIATE_TEST_SUITE_P(Table, BoilerplateTest, ::testing::ValuesIn(kBoilerplateCases),
                         [](const ::testing::TestParamInfo<BoilerplateCase>& info) {
                           return std::string(info.param.name);
                         });

// ---------------------------------------------------------------------------
// Sniffing.

struct SniffCase {
  const char* name;
  std::string content;
  bool html;
};

std::ostream& operator<<(std::ostream& os, const SniffCase& c) {
  return os << c.name;
}

class SniffTest : public ::testing::TestWithParam<SniffCase> {};

TEST_P(SniffTest, Sniffs) {
  EXPECT_EQ(LooksLikeHtml(GetParam().content), GetParam().html);
}

const SniffCase kSniffCases[] = {
    {"Doctype", "<!DOCTYPE html><title>x</title>", true},
    {"HtmlElement", "<html>", true},
    {"Fragment", "글 <div class=\"a\"> <p>본문</p></div>", true},
    {"PlainText", "그냥 글이다. 부등호 a<b 도 있다.", false},
    {"OneTag", "강조는 <b>로 한다.", false},
    {"Comment", "<!-- note --> <p>x</p>", true},
    {"Empty", "", false},
};

INSTANTIATE_TEST_SUITE_P(Table, SniffTest, ::testing::ValuesIn(kSniffCases),
                         [](const ::testing::TestParamInfo<SniffCase>& info) {
                           return std::string(info.param.name);
                         });

// ---------------------------------------------------------------------------
// Single scenarios.

TEST(CleanDocumentTest, EmptyContent) {
  absl::StatusOr<CleanedText> cleaned = CleanDocument("", Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->text, "");
  EXPECT_THAT(cleaned->blocks, IsEmpty());
  EXPECT_EQ(cleaned->source_encoding, "utf-8");
}

TEST(CleanDocumentTest, PlainSourceOffsetsEqualTextOffsets) {
  const std::string input = "가나\n  라마바 \n";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  ASSERT_EQ(cleaned->blocks.size(), 2u);
  for (const TextBlock& b : cleaned->blocks) {
    EXPECT_EQ(b.source_begin, b.begin);
    EXPECT_EQ(b.source_end, b.end);
  }
}

// Two wire items hard-wrapped at 80 columns (Hangul two), CRLF, breaking
// inside 만민중앙교회, 접촉자 and 1천942만원; every line but the last of an
// item is full.
const char kWireFeed[] =
    "  (서울=연합뉴스) 김민수 기자 = 코로나19 집단감염이 발생한 서울 구로구 만민중앙\r\n"
    "교회에서 신도 12명이 잇따라 확진 판정을 받아 방역 당국이 교회 건물을 폐쇄하고 접\r\n"
    "촉자를 조사하고 있다고 서울시가 3일 밝혔다. 통계청에 따르면 가구당 지난해 소득 1\r\n"
    "천942만원으로 전년보다 4.1% 늘었지만 물가 상승분을 빼면 실질 소득은 제자리걸음이\r\n"
    "었다.\r\n"
    "\r\n"
    "  한편 이날 회의에서는 지하에서 발견된 유물의 처리를 두고 의견이 크게 엇갈렸으며\r\n"
    ", 문화재청은 관련 자료를 넘겨받아 정밀 조사를 벌인 뒤 다음 달 결과를 발표할 계획\r\n"
    "이다.\r\n";

TEST(CleanDocumentTest, HardWrappedWireFeedIsUnwrappedExactly) {
  absl::StatusOr<CleanedText> cleaned = CleanDocument(kWireFeed, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->unwrapped_breaks, 6u);
  EXPECT_THAT(
      BlockTexts(*cleaned),
      ElementsAre("(서울=연합뉴스) 김민수 기자 = 코로나19 집단감염이 발생한 서울 구로구 "
                  "만민중앙교회에서 신도 12명이 잇따라 확진 판정을 받아 방역 당국이 교회 건물을 "
                  "폐쇄하고 접촉자를 조사하고 있다고 서울시가 3일 밝혔다. 통계청에 따르면 가구당 "
                  "지난해 소득 1천942만원으로 전년보다 4.1% 늘었지만 물가 상승분을 빼면 실질 "
                  "소득은 제자리걸음이었다.",
                  "한편 이날 회의에서는 지하에서 발견된 유물의 처리를 두고 의견이 크게 "
                  "엇갈렸으며, 문화재청은 관련 자료를 넘겨받아 정밀 조사를 벌인 뒤 다음 달 "
                  "결과를 발표할 계획이다."));
  // Only the breaks inside paragraphs went; the blank line stayed.
  EXPECT_NE(cleaned->text.find("이었다.\r\n\r\n  한편"), std::string::npos);
  // Source ranges still point into the raw content: each block's range
  // holds the block's text once the line breaks are taken out.
  const std::string raw = kWireFeed;
  for (const TextBlock& b : cleaned->blocks) {
    std::string source = raw.substr(b.source_begin, b.source_end - b.source_begin);
    source = absl::StrReplaceAll(source, {{"\r\n", ""}});
    EXPECT_EQ(source, cleaned->text.substr(b.begin, b.end - b.begin));
  }
  EXPECT_EQ(cleaned->blocks[0].source_begin, 2u);
  EXPECT_EQ(raw.substr(cleaned->blocks[1].source_end - 4, 4), "다.");
}

TEST(CleanDocumentTest, HardWrappedCp949FeedMapsToOriginalBytes) {
  // The same feed as EUC-KR bytes, as agencies send it.
  std::string cp949;
  {
    iconv_t cd = iconv_open("CP949", "UTF-8");
    ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
    std::string in = kWireFeed;
    cp949.resize(in.size());
    char* inp = &in[0];
    char* outp = &cp949[0];
    size_t in_left = in.size(), out_left = cp949.size();
    ASSERT_NE(iconv(cd, &inp, &in_left, &outp, &out_left), static_cast<size_t>(-1));
    cp949.resize(cp949.size() - out_left);
    iconv_close(cd);
  }
  absl::StatusOr<CleanedText> cleaned = CleanDocument(cp949, Options(kPlain, "euc-kr"));
  ASSERT_THAT(cleaned, IsOk());
  absl::StatusOr<CleanedText> utf8 = CleanDocument(kWireFeed, Options());
  ASSERT_THAT(utf8, IsOk());
  EXPECT_EQ(cleaned->text, utf8->text);
  ASSERT_EQ(cleaned->blocks.size(), 2u);
  // The second item starts after "  " at the start of its raw line.
  const size_t second = cp949.find("\r\n\r\n") + 4 + 2;
  EXPECT_EQ(cleaned->blocks[1].source_begin, second);
  EXPECT_EQ(cleaned->blocks[1].source_end, cp949.size() - 2);
}

TEST(CleanDocumentTest, HardWrapCanBeTurnedOff) {
  CleanOptions options = Options();
  options.unwrap_hard_wraps = false;
  absl::StatusOr<CleanedText> cleaned = CleanDocument(kWireFeed, options);
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->text, kWireFeed);
  EXPECT_EQ(cleaned->unwrapped_breaks, 0u);
}

// All 2,231 named references decode inside a page as the table says.
TEST(CleanDocumentTest, EveryNamedReferenceInAPage) {
  for (const auto& [name, ref] : NamedCharacterReferences()) {
    const std::string page = "<p>가&" + std::string(name) + " 나</p><br><div></div>";
    absl::StatusOr<CleanedText> cleaned = CleanDocument(page, Options(kHtml));
    ASSERT_THAT(cleaned, IsOk()) << name;
    std::string expected = "가";
    const char32_t first = ref.code_points[0];
    const bool space = ref.count == 1 && (first == ' ' || first == '\t' || first == '\n' ||
                                          first == 0xA0 || first == 0x2002 ||
                                          first == 0x2003 || first == 0x2009);
    if (space) {
      expected += " 나";
    } else {
      for (int k = 0; k < ref.count; ++k) AppendUtf8(ref.code_points[k], &expected);
      // A decoded `<` or `&` is text, never markup.
      expected += " 나";
    }
    EXPECT_EQ(cleaned->text, expected) << name;
  }
}

TEST(CleanDocumentTest, BomShiftsSourceOffsets) {
  absl::StatusOr<CleanedText> cleaned =
      CleanDocument("\xEF\xBB\xBF가나", Options());
  ASSERT_THAT(cleaned, IsOk());
  ASSERT_EQ(cleaned->blocks.size(), 1u);
  EXPECT_EQ(cleaned->blocks[0].begin, 0u);
  EXPECT_EQ(cleaned->blocks[0].source_begin, 3u);
  EXPECT_EQ(cleaned->blocks[0].source_end, 9u);
}

TEST(CleanDocumentTest, HtmlSourceRangesPointAtRuns) {
  const std::string input =
      "<div class=\"a\"><p> 첫 문단 &amp; 끝 </p>\n<p>둘째</p></div>";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  ASSERT_EQ(cleaned->blocks.size(), 2u);
  const TextBlock& first = cleaned->blocks[0];
  EXPECT_EQ(input.substr(first.source_begin, first.source_end - first.source_begin),
            "첫 문단 &amp; 끝");
  const TextBlock& second = cleaned->blocks[1];
  EXPECT_EQ(input.substr(second.source_begin, second.source_end - second.source_begin),
            "둘째");
}

TEST(CleanDocumentTest, Cp949SourceRangesPointAtOriginalBytes) {
  // "A 가\n똠나" in CP949: 똠 (8C 63) has an ASCII trail byte.
  const std::string input = "A \xB0\xA1\n\x8C\x63\xB3\xAA";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options(kPlain, "cp949"));
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->source_encoding, "cp949");
  ASSERT_EQ(cleaned->blocks.size(), 2u);
  EXPECT_EQ(cleaned->blocks[0].source_begin, 0u);
  EXPECT_EQ(cleaned->blocks[0].source_end, 4u);
  EXPECT_EQ(cleaned->blocks[1].source_begin, 5u);
  EXPECT_EQ(cleaned->blocks[1].source_end, 9u);
}

TEST(CleanDocumentTest, ReplacementsCountedAndMapped) {
  const std::string input = "가\xFF\xFE나\n다";
  absl::StatusOr<CleanedText> cleaned =
      CleanDocument(input, Options(kPlain, "", InvalidBytePolicy::kReplace));
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->replaced_bytes, 2u);
  ASSERT_EQ(cleaned->blocks.size(), 2u);
  EXPECT_EQ(cleaned->blocks[0].source_end, 8u);
  EXPECT_EQ(cleaned->blocks[1].source_begin, 9u);
  EXPECT_EQ(cleaned->blocks[1].source_end, 12u);
}

TEST(CleanDocumentTest, ChromeElementsAreBoilerplate) {
  const std::string input =
      "<nav><a>홈</a> <a>경제</a></nav><div class=\"article\"><p>본문이다.</p></div>"
      "<div class=\"comment_box\"><p>첫 댓글을 남겨주세요</p></div>"
      "<footer><p>회사 소개</p></footer><aside><p>많이 본 글</p></aside><p>끝.</p>";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_THAT(BlockTexts(*cleaned),
              ElementsAre("홈 경제", "본문이다.", "첫 댓글을 남겨주세요", "회사 소개",
                          "많이 본 글", "끝."));
  EXPECT_THAT(BoilerplateFlags(*cleaned),
              ElementsAre(true, false, true, true, true, false));
}

TEST(CleanDocumentTest, BoilerplateCanBeTurnedOff) {
  CleanOptions options;
  options.mark_boilerplate = false;
  absl::StatusOr<CleanedText> cleaned =
      CleanDocument("<nav><p>검색</p></nav><p>본문</p><div></div>", options);
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_THAT(BoilerplateFlags(*cleaned), ElementsAre(false, false));
}

TEST(CleanDocumentTest, PlainTextBoilerplateDoesNotChangeText) {
  const std::string input = "검색\n본문이다.\nCopyright © 매체. 무단전재 및 재배포 금지.";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->text, input);
  EXPECT_THAT(BoilerplateFlags(*cleaned), ElementsAre(true, false, true));
}

TEST(CleanDocumentTest, HundredThousandNestedTags) {
  std::string input;
  for (int i = 0; i < 100000; ++i) input += "<div><span>";
  input += "깊은 본문";
  for (int i = 0; i < 100000; ++i) input += "</span></div>";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->text, "깊은 본문");
}

TEST(CleanDocumentTest, HundredThousandUnclosedTags) {
  std::string input;
  for (int i = 0; i < 100000; ++i) input += "<p><b><div>가";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->blocks.size(), 100000u);
}

TEST(CleanDocumentTest, ManyUnterminatedQuotesInTags) {
  std::string input = "<p>시작</p>";
  for (int i = 0; i < 50000; ++i) input += "<a title=\"x>y ";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(BlockTexts(*cleaned).front(), "시작");
}

TEST(CleanDocumentTest, ManyUnclosedRawTextElementsStayLinear) {
  std::string input = "<p>시작</p><div>";
  for (int i = 0; i < 100000; ++i) input += "<textarea>가 ";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(BlockTexts(*cleaned).front(), "시작");
}

TEST(CleanDocumentTest, TenMegabytePlainLine) {
  std::string input;
  while (input.size() < (10u << 20)) input += "가나다라마바사 ";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->text.size(), input.size());
  ASSERT_EQ(cleaned->blocks.size(), 1u);
  EXPECT_FALSE(cleaned->blocks[0].boilerplate);
}

TEST(CleanDocumentTest, TenMegabyteHtmlTextRun) {
  std::string input = "<p>";
  while (input.size() < (10u << 20)) input += "가나다 &amp; 라마 ";
  input += "</p><div></div><br>";
  absl::StatusOr<CleanedText> cleaned = CleanDocument(input, Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->blocks.size(), 1u);
}

TEST(CleanDocumentTest, ReplaceIsPerByte) {
  absl::StatusOr<CleanedText> cleaned = CleanDocument(
      "a\xF0\x9F\x98", Options(kPlain, "", InvalidBytePolicy::kReplace));
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->replaced_bytes, 3u);
  EXPECT_EQ(cleaned->text, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(CleanDocumentTest, DetectedEncodingReported) {
  absl::StatusOr<CleanedText> cleaned = CleanDocument(
      "<meta charset=\"euc-kr\"><p>\xB0\xA1</p><br><div></div>", Options());
  ASSERT_THAT(cleaned, IsOk());
  EXPECT_EQ(cleaned->source_encoding, "cp949");
  EXPECT_EQ(cleaned->content_type, ContentType::kHtml);
}

TEST(CleanDocumentTest, ExactlyMaxBytesIsAccepted) {
  CleanOptions options;
  options.max_bytes = 6;
  EXPECT_THAT(CleanDocument("가나", options), IsOk());
}

}  // namespace
}  // namespace text
}  // namespace gleaner
