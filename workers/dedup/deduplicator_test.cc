#include "workers/dedup/deduplicator.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"
#include "workers/dedup/synthetic_documents.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

using ::gleaner::testing::IsOk;
using ::gleaner::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// A Korean news paragraph long enough for stable MinHash estimates.
constexpr absl::string_view kArticle =
    "엔비디아가 개방형 고성능 AI 모델과 관리도구로 고객 묶어두기에 나섰다.\n"
    "로이터통신 등 외신들에 따르면 엔비디아는 15일(현지시간) 자체 오픈소스 "
    "대형언어모델(LLM) '네모트론3'를 출시한다고 밝혔다.\n"
    "네모트론3는 파라미터 300억 개 규모의 '나노', 1천억 개 규모의 '슈퍼', "
    "5000억 개 규모의 '울트라' 등 3가지 제품군으로 출시됐다.\n"
    "이 가운데 가장 작고 효율이 높은 나노 모델은 다른 오픈소스 모델인 메타의 "
    "라마 모델이나 중국의 딥시크와 유사하거나 더 높은 성능을 선보였다.\n"
    "엔비디아는 이날 오픈소스 AI 컴퓨팅 작업량 관리 도구 '슬럼(Slurm)'의 "
    "개발사 스케드MD를 인수했다고도 밝혔다.\n"
    "슬럼은 수천 개의 AI 칩에 작업을 효율적으로 분배하고 관리하는 스케줄러로, "
    "세계 500대 슈퍼컴퓨터 시스템 중 절반 이상이 사용하는 도구다.\n";

// Same topic, different article: must never match kArticle.
constexpr absl::string_view kOtherArticle =
    "엔비디아의 오픈소스 전략을 두고 업계의 해석이 엇갈리고 있다.\n"
    "한 증권사 연구원은 모델을 무료로 풀어 GPU 수요를 붙잡으려는 포석이라고 "
    "분석했고, 다른 전문가는 클라우드 기업들과의 경쟁이 본격화했다고 봤다.\n"
    "스케줄러 인수는 대규모 학습 클러스터 운영 경험을 확보하려는 움직임으로 "
    "풀이된다. 다만 규제 당국의 심사가 변수로 꼽힌다.\n"
    "국내 반도체 업계도 이번 발표가 메모리 수요에 미칠 영향을 주시하고 있다.\n";

// A daily market report: the commentary is a template, the figures change.
constexpr absl::string_view kMarketTemplate =
    "증권가에서는 미국 연방준비제도의 금리 결정을 앞두고 관망세가 짙어졌다고 분석했다.\n"
    "반도체 업종은 인공지능 수요 기대감에 강세를 보였고 이차전지 업종은 약세를 이어갔다.\n"
    "전문가들은 당분간 대외 변수에 따라 지수가 등락을 거듭할 것으로 내다봤다.\n"
    "투자자들은 이번 주 발표될 기업 실적과 물가 지표에 주목하고 있다.\n";

constexpr absl::string_view kMarketReport =
    "코스피가 전 거래일보다 12.34포인트(0.45%) 오른 2698.01에 장을 마감했다.\n"
    "외국인은 1234억원을 순매수했고 기관은 567억원, 개인은 890억원을 순매도했다.\n"
    "코스닥은 3.21포인트(0.38%) 내린 845.67에 거래를 마쳤다.\n"
    "원/달러 환율은 4.5원 오른 1321.7원에 마감했다.\n"
    "시가총액 상위 종목 중 삼성전자는 1.2% 올랐고 SK하이닉스는 2.3% 상승했다.\n";

constexpr absl::string_view kMarketReportOtherDay =
    "코스피가 전 거래일보다 8.76포인트(0.33%) 내린 2654.32에 장을 마감했다.\n"
    "외국인은 2210억원을 순매도했고 기관은 431억원, 개인은 1779억원을 순매수했다.\n"
    "코스닥은 5.43포인트(0.64%) 오른 851.02에 거래를 마쳤다.\n"
    "원/달러 환율은 2.1원 내린 1318.4원에 마감했다.\n"
    "시가총액 상위 종목 중 삼성전자는 0.7% 내렸고 SK하이닉스는 1.1% 하락했다.\n";

}  // namespace

// Readable failure messages for verdict comparisons.
void PrintTo(const DedupVerdict& v, std::ostream* os) {
  *os << "{" << DuplicateKindName(v.kind) << " of=" << v.duplicate_of << "#"
      << v.duplicate_of_sequence << " cluster=" << v.cluster_id
      << " sim=" << v.similarity << " seq=" << v.sequence << " blocks=[";
  for (const RepeatedBlock& b : v.repeated_blocks) {
    *os << b.begin << "-" << b.end << (b.cross_document ? " from " + b.first_document_id
                                                        : " first@" + std::to_string(b.first_begin))
        << "; ";
  }
  *os << "]}";
}

namespace {

std::unique_ptr<Deduplicator> MakeDedup(DedupOptions options = {}) {
  absl::StatusOr<std::unique_ptr<Deduplicator>> d = Deduplicator::Create(options);
  EXPECT_THAT(d, IsOk());
  return std::move(d).value();
}

DedupVerdict MustProcess(Deduplicator& d, absl::string_view id, absl::string_view text) {
  absl::StatusOr<DedupVerdict> v = d.Process(id, text);
  EXPECT_THAT(v, IsOk()) << id;
  return v.ok() ? *v : DedupVerdict{};
}

std::string TempDir(absl::string_view name) {
  const char* base = std::getenv("TEST_TMPDIR");
  std::string dir = absl::StrCat(base != nullptr ? base : "/tmp", "/dedup_",
                                 name, "_", ::getpid());
  EXPECT_EQ(std::system(absl::StrCat("rm -rf '", dir, "'").c_str()), 0);
  return dir;
}

TEST(DeduplicatorTest, FirstDocumentIsUniqueAndItsOwnCluster) {
  auto d = MakeDedup();
  const DedupVerdict v = MustProcess(*d, "a", kArticle);
  EXPECT_EQ(v.kind, DuplicateKind::kUnique);
  EXPECT_EQ(v.duplicate_of, "");
  EXPECT_EQ(v.cluster_id, "a");
  EXPECT_EQ(v.sequence, 0);
  EXPECT_EQ(d->document_count(), 1u);
}

TEST(DeduplicatorTest, ExactDuplicateDespiteWhitespaceAndMarkup) {
  struct Case {
    const char* name;
    std::string text;
  };
  const std::string article(kArticle);
  const std::vector<Case> cases = {
      {"identical", article},
      {"rewrapped_spaces", absl::StrReplaceAll(article, {{" ", "  "}, {"\n", "\n\n"}})},
      {"tabs_and_nbsp", absl::StrReplaceAll(article, {{" ", "\t"}})},
      {"markup", absl::StrCat("<div><p>", absl::StrReplaceAll(article, {{"\n", "</p>\n<p>"}}),
                              "</p></div>")},
      {"entities", absl::StrReplaceAll(article, {{" ", "&nbsp;"}})},
  };
  for (const Case& c : cases) {
    auto d = MakeDedup();
    MustProcess(*d, "orig", kArticle);
    const DedupVerdict v = MustProcess(*d, "copy", c.text);
    EXPECT_EQ(v.kind, DuplicateKind::kExact) << c.name;
    EXPECT_EQ(v.duplicate_of, "orig") << c.name;
    EXPECT_EQ(v.cluster_id, "orig") << c.name;
    EXPECT_EQ(v.similarity, 1.0) << c.name;
  }
}

TEST(DeduplicatorTest, NearDuplicateWithEditsAndChrome) {
  auto d = MakeDedup();
  MustProcess(*d, "orig", kArticle);
  std::string edited = absl::StrReplaceAll(
      kArticle, {{"밝혔다", "전했다"}, {"가장 작고", "가장 작으면서"}, {"국내", "한국"}});
  edited = absl::StrCat("홈 > 국제 > IT\n", edited, "Copyright © 글리너뉴스. 무단전재 금지\n");
  const DedupVerdict v = MustProcess(*d, "copy", edited);
  EXPECT_EQ(v.kind, DuplicateKind::kNear);
  EXPECT_EQ(v.duplicate_of, "orig");
  EXPECT_EQ(v.cluster_id, "orig");
  EXPECT_GE(v.similarity, 0.5);
  EXPECT_LT(v.similarity, 1.0);
}

TEST(DeduplicatorTest, SameTopicDifferentArticleIsUnique) {
  auto d = MakeDedup();
  MustProcess(*d, "a", kArticle);
  const DedupVerdict v = MustProcess(*d, "b", kOtherArticle);
  EXPECT_EQ(v.kind, DuplicateKind::kUnique);
  EXPECT_EQ(v.cluster_id, "b");
}

TEST(DeduplicatorTest, ReportsDifferingOnlyInFiguresDoNotMerge) {
  auto d = MakeDedup();
  const std::string monday = absl::StrCat(kMarketReport, kMarketTemplate);
  MustProcess(*d, "monday", monday);
  const DedupVerdict v =
      MustProcess(*d, "tuesday", absl::StrCat(kMarketReportOtherDay, kMarketTemplate));
  EXPECT_EQ(v.kind, DuplicateKind::kUnique);
  // The same report re-sent with page chrome (a date and a view count) still
  // matches: the figures gate tolerates a couple of extra numbers.
  const DedupVerdict copy =
      MustProcess(*d, "monday-copy", absl::StrCat("2026-01-27 09:06 조회 1,619\n", monday));
  EXPECT_EQ(copy.kind, DuplicateKind::kNear);
  EXPECT_EQ(copy.duplicate_of, "monday");
}

TEST(DeduplicatorTest, FiguresGateIsWhatSeparatesTemplatedReports) {
  // Without the gate the shared template alone carries the pair over a
  // lowered threshold: the figures gate, not luck, keeps them apart.
  DedupOptions options;
  options.min_figures_kept = 0.0;
  options.threshold = 0.3;
  options.num_bands = 32;  // short bands: the pair (Jaccard ~0.46) is always a candidate
  options.rows_per_band = 2;
  auto d = MakeDedup(options);
  MustProcess(*d, "monday", absl::StrCat(kMarketReport, kMarketTemplate));
  const DedupVerdict v =
      MustProcess(*d, "tuesday", absl::StrCat(kMarketReportOtherDay, kMarketTemplate));
  EXPECT_EQ(v.kind, DuplicateKind::kNear);
  EXPECT_GE(v.similarity, 0.3);
}

TEST(DeduplicatorTest, ClusterIdIsFirstDocumentOfChain) {
  auto d = MakeDedup();
  MustProcess(*d, "a", kArticle);
  const std::string b = absl::StrCat(kArticle, "추가 문단이 하나 붙었다.\n");
  EXPECT_EQ(MustProcess(*d, "b", b).cluster_id, "a");
  EXPECT_EQ(MustProcess(*d, "c", b).duplicate_of, "b");  // exact copy of b
  EXPECT_EQ(MustProcess(*d, "c2", b).cluster_id, "a");
}

TEST(DeduplicatorTest, RepeatedBlocksWithinDocument) {
  auto d = MakeDedup();
  const std::string page =
      "[글로벌 핫이슈] 넷플릭스, 워너브러더스 인수⋯미디어 제국 탄생\n"
      "- 본문 요약이 이어진다. 넷플릭스가 워너를 인수했다.\n"
      "  • [글로벌 핫이슈] 넷플릭스, 워너브러더스 인수⋯미디어 제국 탄생\n"
      "검색\n검색\n2026-01-27\n2026-01-27\n";
  const DedupVerdict v = MustProcess(*d, "listing", page);
  ASSERT_THAT(v.repeated_blocks, SizeIs(1));
  const RepeatedBlock& r = v.repeated_blocks[0];
  EXPECT_FALSE(r.cross_document);
  EXPECT_EQ(r.first_begin, 0u);
  const size_t second = page.find("[글로벌", 10);
  EXPECT_EQ(r.begin, second);  // after the bullet
  EXPECT_EQ(page.substr(r.begin, r.end - r.begin),
            "[글로벌 핫이슈] 넷플릭스, 워너브러더스 인수⋯미디어 제국 탄생");
}

TEST(DeduplicatorTest, RepeatedBlocksAcrossDocuments) {
  auto d = MakeDedup();
  const std::string footer = "구독 신청은 홈페이지에서 하실 수 있습니다. 수신거부";
  MustProcess(*d, "issue-1", absl::StrCat(kArticle, footer, "\n"));
  const std::string issue2 = absl::StrCat(kOtherArticle, footer, "\n");
  const DedupVerdict v = MustProcess(*d, "issue-2", issue2);
  EXPECT_EQ(v.kind, DuplicateKind::kUnique);
  ASSERT_THAT(v.repeated_blocks, SizeIs(1));
  EXPECT_TRUE(v.repeated_blocks[0].cross_document);
  EXPECT_EQ(v.repeated_blocks[0].first_document_id, "issue-1");
  EXPECT_EQ(issue2.substr(v.repeated_blocks[0].begin,
                          v.repeated_blocks[0].end - v.repeated_blocks[0].begin),
            footer);
}

TEST(DeduplicatorTest, RetryReturnsRecordedVerdict) {
  auto d = MakeDedup();
  MustProcess(*d, "a", kArticle);
  const DedupVerdict first = MustProcess(*d, "b", kArticle);
  MustProcess(*d, "c", kOtherArticle);
  const DedupVerdict retry = MustProcess(*d, "b", kArticle);
  EXPECT_EQ(retry, first);
  EXPECT_EQ(d->document_count(), 3u);
  // A retried first document stays unique even though later copies exist.
  EXPECT_EQ(MustProcess(*d, "a", kArticle).kind, DuplicateKind::kUnique);
}

TEST(DeduplicatorTest, ReusedIdWithNewContentIsRejectedNotTakenForARetry) {
  auto d = MakeDedup();
  MustProcess(*d, "a", kArticle);
  EXPECT_THAT(d->Process("a", kOtherArticle),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       HasSubstr("different content")));
  EXPECT_EQ(d->document_count(), 1u);
  EXPECT_EQ(MustProcess(*d, "a", kArticle).kind, DuplicateKind::kUnique);
}

TEST(DeduplicatorTest, RejectsBadInput) {
  DedupOptions small;
  small.max_document_bytes = 10;
  auto d = MakeDedup(small);
  EXPECT_THAT(d->Process("", "text"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("empty document id")));
  EXPECT_THAT(d->Process("big", std::string(11, 'x')),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("exceeds limit")));
  EXPECT_EQ(d->document_count(), 0u);
}

TEST(DeduplicatorTest, RejectsBadOptions) {
  struct Case {
    const char* name;
    DedupOptions options;
    const char* message;
  };
  std::vector<Case> cases(5);
  cases[0] = {"rows", {}, "rows_per_band"};
  cases[0].options.rows_per_band = 9;
  cases[1] = {"shard", {}, "shard_index"};
  cases[1].options.shard_index = 2;
  cases[1].options.num_shards = 2;
  cases[2] = {"threshold", {}, "threshold"};
  cases[2].options.threshold = 0.0;
  cases[3] = {"shingle", {}, "shingle_chars"};
  cases[3].options.shingle_chars = 0;
  cases[4] = {"bands", {}, "num_bands"};
  cases[4].options.num_bands = 0;
  for (const Case& c : cases) {
    EXPECT_THAT(Deduplicator::Create(c.options),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)))
        << c.name;
  }
}

TEST(DeduplicatorTest, IndexPersistsAcrossReopen) {
  DedupOptions options;
  options.index_dir = TempDir("persist");
  DedupVerdict before;
  {
    auto d = MakeDedup(options);
    MustProcess(*d, "a", kArticle);
    MustProcess(*d, "footer-1", "공지 하나\n이 메일은 발신 전용입니다. 문의는 고객센터로\n");
    before = MustProcess(*d, "b", absl::StrCat(kArticle, "덧붙인 한 문장.\n"));
  }
  auto d = MakeDedup(options);
  EXPECT_EQ(d->document_count(), 3u);
  // Tomorrow's copy is checked against today's documents.
  const DedupVerdict v = MustProcess(*d, "tomorrow", kArticle);
  EXPECT_EQ(v.kind, DuplicateKind::kExact);
  EXPECT_EQ(v.duplicate_of, "a");
  const DedupVerdict near = MustProcess(*d, "tomorrow-near", absl::StrCat(kArticle, "다른 한 문장.\n"));
  EXPECT_EQ(near.kind, DuplicateKind::kNear);
  EXPECT_EQ(near.cluster_id, "a");
  const DedupVerdict footer =
      MustProcess(*d, "footer-2", "다른 공지\n이 메일은 발신 전용입니다. 문의는 고객센터로\n");
  ASSERT_THAT(footer.repeated_blocks, SizeIs(1));
  EXPECT_EQ(footer.repeated_blocks[0].first_document_id, "footer-1");
  EXPECT_EQ(MustProcess(*d, "b", absl::StrCat(kArticle, "덧붙인 한 문장.\n")), before);
}

TEST(DeduplicatorTest, DamagedLogIsRefusedNotTruncated) {
  // One flipped bit in the middle of the log: the index must not come back
  // SERVING with half its documents (the old torn-tail rule dropped every
  // record after the damaged one).
  DedupOptions options;
  options.index_dir = TempDir("bit_flip");
  options.sync = false;
  {
    auto d = MakeDedup(options);
    for (int i = 0; i < 300; ++i) {
      MustProcess(*d, absl::StrCat("doc-", i), absl::StrCat("문서 ", i, "번의 본문입니다.\n", kArticle, i));
    }
  }
  const std::string log = options.index_dir + "/dedup.log";
  std::fstream file(log, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(0, std::ios::end);
  const std::streamoff size = file.tellg();
  char byte = 0;
  file.seekg(size / 2);
  file.read(&byte, 1);
  byte ^= 0x01;
  file.seekp(size / 2);
  file.write(&byte, 1);
  file.close();

  EXPECT_THAT(Deduplicator::Create(options),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("intact records follow")));
  absl::StatusOr<IndexLog::CheckReport> report = CheckIndexLog(options.index_dir);
  ASSERT_THAT(report, IsOk());
  EXPECT_FALSE(report->healthy());
  EXPECT_EQ(report->file_bytes, static_cast<uint64_t>(size));  // untouched
  EXPECT_LT(report->intact_bytes, report->file_bytes);
  EXPECT_THAT(CheckIndexLog(TempDir("no_index")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("dedup.log")));
}

// A stream with exact copies, near copies, figure-changed reports (which
// create LSH chains) and shared footers.
std::vector<std::pair<std::string, std::string>> MixedStream(int n) {
  std::vector<std::pair<std::string, std::string>> docs;
  for (int i = 0; i < n; ++i) {
    std::string text;
    switch (i % 5) {
      case 0: text = SyntheticDocument(i, 6); break;
      case 1: text = SyntheticDocument(i - 1, 6); break;                   // exact copy
      case 2: text = absl::StrCat(SyntheticDocument(i - 2, 6), "덧붙인 문장 하나.\n"); break;
      case 3: text = absl::StrCat(i % 2 ? kMarketReport : kMarketReportOtherDay, kMarketTemplate); break;
      default: text = absl::StrCat(kArticle, "구독은 홈페이지에서 하실 수 있습니다 감사합니다\n"); break;
    }
    docs.push_back({absl::StrCat("m", i), text});
  }
  return docs;
}

TEST(DeduplicatorTest, RestartFromSnapshotGivesSameVerdictsAsNoRestart) {
  const auto docs = MixedStream(60);
  auto reference = MakeDedup();
  std::vector<DedupVerdict> expected;
  for (const auto& [id, text] : docs) expected.push_back(MustProcess(*reference, id, text));

  DedupOptions options;
  options.index_dir = TempDir("snapshot");
  {
    auto d = MakeDedup(options);
    for (int i = 0; i < 30; ++i) MustProcess(*d, docs[i].first, docs[i].second);
    ASSERT_THAT(d->Snapshot(), IsOk());
    for (int i = 30; i < 40; ++i) MustProcess(*d, docs[i].first, docs[i].second);  // log tail
  }
  auto d = MakeDedup(options);
  EXPECT_EQ(d->document_count(), 40u);
  for (size_t i = 0; i < docs.size(); ++i) {
    // Retries of the first 40 and fresh verdicts for the rest.
    EXPECT_EQ(MustProcess(*d, docs[i].first, docs[i].second), expected[i]) << docs[i].first;
  }
}

TEST(DeduplicatorTest, UnusableSnapshotFallsBackToTheWholeLog) {
  const auto docs = MixedStream(20);
  DedupOptions options;
  options.index_dir = TempDir("bad_snapshot");
  options.snapshot_every_documents = 8;  // automatic snapshots at 8 and 16
  {
    auto d = MakeDedup(options);
    for (const auto& [id, text] : docs) MustProcess(*d, id, text);
  }
  {
    std::ifstream snapshot(options.index_dir + "/dedup.snapshot");
    EXPECT_TRUE(snapshot.good());  // the automatic snapshot was written
  }
  struct Case {
    const char* name;
    std::string content;
  };
  const std::vector<Case> cases = {
      {"garbage", "not a snapshot"},
      {"empty", ""},
  };
  for (const Case& c : cases) {
    {
      std::ofstream out(options.index_dir + "/dedup.snapshot", std::ios::trunc | std::ios::binary);
      out << c.content;
    }
    auto d = MakeDedup(options);
    EXPECT_EQ(d->document_count(), docs.size()) << c.name;
    // A retry returns the recorded verdict (and adds nothing).
    EXPECT_EQ(MustProcess(*d, docs[2].first, docs[2].second).duplicate_of, docs[0].first)
        << c.name;
  }
}

TEST(DeduplicatorTest, SnapshotOfAnotherLogIsIgnored) {
  DedupOptions a, b;
  a.index_dir = TempDir("snap_a");
  b.index_dir = TempDir("snap_b");
  {
    auto da = MakeDedup(a);
    MustProcess(*da, "a1", kArticle);
    MustProcess(*da, "a2", kOtherArticle);
    ASSERT_THAT(da->Snapshot(), IsOk());
    auto db = MakeDedup(b);
    MustProcess(*db, "b1", kMarketReport);
  }
  ASSERT_EQ(
      std::system(absl::StrCat("cp '", a.index_dir, "/dedup.snapshot' '", b.index_dir, "/'").c_str()),
      0);
  auto db = MakeDedup(b);
  EXPECT_EQ(db->document_count(), 1u);
  EXPECT_EQ(MustProcess(*db, "b1-copy", kMarketReport).duplicate_of, "b1");
}

TEST(DeduplicatorTest, ReopenWithOtherOptionsFails) {
  DedupOptions options;
  options.index_dir = TempDir("options");
  { MakeDedup(options); }
  options.shingle_chars = 4;
  EXPECT_THAT(Deduplicator::Create(options),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("shingle_chars=5")));
}

TEST(DeduplicatorTest, TornLogTailIsDropped) {
  DedupOptions options;
  options.index_dir = TempDir("torn");
  {
    auto d = MakeDedup(options);
    MustProcess(*d, "a", kArticle);
    MustProcess(*d, "b", kOtherArticle);
  }
  // Simulate a crash in the middle of appending a third record.
  {
    std::ofstream log(options.index_dir + "/dedup.log", std::ios::app | std::ios::binary);
    log << std::string("\x40\x00\x00\x00\x12\x34", 6) << "partial";
  }
  auto d = MakeDedup(options);
  EXPECT_EQ(d->document_count(), 2u);
  EXPECT_EQ(MustProcess(*d, "c", kArticle).duplicate_of, "a");
  auto reopened = (d.reset(), MakeDedup(options));
  EXPECT_EQ(reopened->document_count(), 3u);
}

// Sends every document to all shards, merges, and compares with one replica.
class ShardingTest : public ::testing::TestWithParam<int> {};

TEST_P(ShardingTest, MergedShardVerdictsEqualSingleReplica) {
  const int num_shards = GetParam();
  std::vector<std::pair<std::string, std::string>> docs;
  const std::string article(kArticle), other(kOtherArticle), market(kMarketReport);
  const std::string footer = "\n이 메일은 발신 전용입니다. 문의는 고객센터로\n";
  for (int round = 0; round < 6; ++round) {
    docs.push_back({absl::StrCat("art-", round),
                    absl::StrCat(article, "갱신 ", round, "판 기사 꼬리말이 바뀌었다.", footer)});
    docs.push_back({absl::StrCat("other-", round),
                    round % 2 ? other : absl::StrCat(other, "추가 ", round, footer)});
    docs.push_back({absl::StrCat("market-", round),
                    round % 3 ? market : std::string(kMarketReportOtherDay)});
    docs.push_back({absl::StrCat("list-", round),
                    absl::StrCat("제목 하나가 두 번 나온다 ", round, "\n본문\n제목 하나가 두 번 나온다 ",
                                 round, footer)});
  }
  DedupOptions single_options;
  auto single = MakeDedup(single_options);
  std::vector<std::unique_ptr<Deduplicator>> shards;
  for (int s = 0; s < num_shards; ++s) {
    DedupOptions o;
    o.shard_index = s;
    o.num_shards = num_shards;
    shards.push_back(MakeDedup(o));
  }
  int duplicates = 0;
  for (const auto& [id, text] : docs) {
    const DedupVerdict expected = MustProcess(*single, id, text);
    std::vector<DedupVerdict> parts;
    for (auto& shard : shards) parts.push_back(MustProcess(*shard, id, text));
    const DedupVerdict merged = MergeShardVerdicts(parts);
    for (auto& shard : shards) EXPECT_THAT(shard->RecordMergedVerdict(id, merged), IsOk());
    EXPECT_EQ(merged, expected) << id;
    duplicates += expected.kind != DuplicateKind::kUnique;
  }
  EXPECT_GT(duplicates, 10);  // the workload exercises exact and near paths
  // Each shard holds only its share of the band, exact and block tables.
  if (num_shards > 1) {
    for (auto& shard : shards) {
      EXPECT_LT(shard->MemoryUsageBytes(), single->MemoryUsageBytes());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shards, ShardingTest, ::testing::Values(1, 2, 3, 5));

TEST(DeduplicatorTest, RecordMergedVerdictNeedsAKnownDocument) {
  auto d = MakeDedup();
  EXPECT_THAT(d->RecordMergedVerdict("nope", DedupVerdict{}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("never processed")));
  MustProcess(*d, "a", kArticle);
  EXPECT_THAT(d->RecordMergedVerdict("a", DedupVerdict{}), IsOk());
}

TEST(DeduplicatorTest, ConcurrentProcessCallsAreSerialised) {
  auto d = MakeDedup();
  constexpr int kThreads = 4, kPerThread = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&d, t] {
      for (int i = 0; i < kPerThread; ++i) {
        // Every thread submits the same 50 texts under its own ids.
        ASSERT_THAT(d->Process(absl::StrCat("t", t, "-", i), SyntheticDocument(i, 4)), IsOk());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(d->document_count(), static_cast<size_t>(kThreads * kPerThread));
  // Exactly one copy of each text is unique; the others are exact duplicates.
  int unique = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      const DedupVerdict v = MustProcess(*d, absl::StrCat("t", t, "-", i), SyntheticDocument(i, 4));
      unique += v.kind == DuplicateKind::kUnique;
    }
  }
  EXPECT_EQ(unique, kPerThread);
}

TEST(DeduplicatorTest, ConcurrentDurableWritesShareFlushesAndAllSurvive) {
  DedupOptions options;
  options.index_dir = TempDir("group_commit");
  constexpr int kThreads = 4, kPerThread = 25;
  {
    auto d = MakeDedup(options);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&d, t] {
        for (int i = 0; i < kPerThread; ++i) {
          const int n = t * kPerThread + i;
          ASSERT_THAT(d->Process(SyntheticDocumentId(n), SyntheticDocument(n, 4)), IsOk());
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  auto reopened = MakeDedup(options);
  EXPECT_EQ(reopened->document_count(), static_cast<size_t>(kThreads * kPerThread));
  const DedupVerdict v = MustProcess(*reopened, "copy", SyntheticDocument(17, 4));
  EXPECT_EQ(v.kind, DuplicateKind::kExact);
  EXPECT_EQ(v.duplicate_of, SyntheticDocumentId(17));
}

TEST(DeduplicatorTest, NearDuplicateIndexStaysWithin256BytesPerDocument) {
  DedupOptions options;
  options.expected_documents = 20000;
  auto d = MakeDedup(options);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_THAT(d->Process(SyntheticDocumentId(i), SyntheticDocument(i, 3)), IsOk());
  }
  const DedupStats stats = d->Stats();
  EXPECT_EQ(stats.documents, 20000u);
  const double per_document =
      static_cast<double>(stats.document_bytes + stats.lsh_bytes) / stats.documents;
  EXPECT_LE(per_document, 256.0);
  EXPECT_GT(per_document, 100.0);  // the accounting is not vacuous
  EXPECT_EQ(stats.block_entries, 60000u);  // three distinct lines each
}

TEST(DeduplicatorTest, CorpusListingTitlesAreRepeatedBlocks) {
  std::ifstream in("testdata/corpus/001_ed974366ffe0647b.txt");
  if (!in) GTEST_SKIP() << "corpus not in runfiles";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string page = ss.str();
  auto d = MakeDedup();
  const DedupVerdict v = MustProcess(*d, "001", page);
  // The gold file lists titles printed twice on this page; each second copy
  // must be marked, pointing back at the first.
  const std::string title = "[글로벌 핫이슈] 오픈AI, 구글 맹추격에 '코드 레드' 비상 선언";
  const size_t first = page.find(title);
  const size_t second = page.find(title, first + 1);
  ASSERT_NE(second, std::string::npos);
  bool found = false;
  for (const RepeatedBlock& r : v.repeated_blocks) {
    if (r.begin == second) {
      found = true;
      EXPECT_EQ(r.first_begin, first);
      EXPECT_EQ(r.end, second + title.size());
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
