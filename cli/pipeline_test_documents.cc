#include "cli/pipeline_test_documents.h"

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "cli/embedded_pipeline.h"
#include "gtest/gtest.h"

namespace gleaner {
namespace cli {
namespace {

constexpr const char* kCorpus[] = {
    "testdata/corpus/000_558032e73f612481.txt",
    "testdata/corpus/001_ed974366ffe0647b.txt",
    "testdata/corpus/002_90ade3c7bf9ed024.txt",
    "testdata/corpus/003_b33c1ca5114b02ac.txt",
    "testdata/corpus/004_8c21c6bb0ee99562.txt",
};

v1::RawDocument Document(const std::string& id, const std::string& content,
                         v1::ContentType type = v1::CONTENT_TYPE_UNSPECIFIED) {
  v1::RawDocument document;
  document.set_id(id);
  document.set_source(id);
  document.set_content(content);
  document.set_content_type(type);
  return document;
}

}  // namespace

std::vector<v1::RawDocument> CorpusDocuments() {
  std::vector<v1::RawDocument> documents;
  for (const char* path : kCorpus) {
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::ostringstream content;
    content << in.rdbuf();
    documents.push_back(Document(path, content.str()));
  }
  return documents;
}

std::vector<v1::RawDocument> HostileDocuments(
    const std::vector<v1::RawDocument>& corpus) {
  std::vector<v1::RawDocument> out;
  const std::string article =
      "삼성전자가 20억달러(약 2조6000억원)를 투자했다고 밝혔다.\n"
      "이재용 회장은 \"미래를 준비한다\"고 말했다.\n";
  out.push_back(Document("hostile/empty", ""));
  out.push_back(Document("hostile/blank", " \n\t\r\n  "));
  out.push_back(Document(
      "hostile/html",
      "<!DOCTYPE html><html><head><title>t</title><style>p{}</style>"
      "<script>var s = '<p>삼성</p>';</script></head><body><!-- 주석 -->"
      "<p>엔비디아가 &alpha;&amp;&#x1F600; 30억&nbsp;달러를<br>투자했다"
      "<p>애플은 5%<![CDATA[ 올랐다 ]]>상승했다</p><div>공유하기 | 댓글</div>"
      "</body></html>",
      v1::CONTENT_TYPE_HTML));
  // "한국은행이 3% 올렸다" in CP949, declared.
  v1::RawDocument cp949 = Document(
      "hostile/cp949",
      "\xC7\xD1\xB1\xB9\xC0\xBA\xC7\xE0\xC0\xCC 3% \xBF\xC3\xB7\xC8\xB4\xD9.");
  cp949.set_encoding("cp949");
  out.push_back(cp949);
  // Undecodable bytes and a NUL, replaced by the declared policy.
  static constexpr char kReplaced[] = "현대차\xff\xfe가 10억원을\0 벌었다\xc3";
  v1::RawDocument replaced = Document(
      "hostile/replaced", std::string(kReplaced, sizeof(kReplaced) - 1));
  replaced.set_invalid_bytes(v1::INVALID_BYTE_POLICY_REPLACE);
  out.push_back(replaced);
  out.push_back(Document("hostile/rejected", "abc\xff"));
  out.push_back(Document(
      "hostile/controls",
      "\xEF\xBB\xBF\"따옴표\" \\역슬래시\\ \x01\x1f\x7f 줄\xE2\x80\xA8바꿈"
      "\xE2\x80\xA9 😀 e\xCC\x81 카카오가 1억 달러를\r\n조달했다.\r외로운 CR"));
  out.push_back(Document("hostile/repeated_lines",
                         article + article + "다른 줄\n" + article));
  out.push_back(Document("hostile/article", article));
  out.push_back(Document("hostile/article_copy", article));  // exact
  out.push_back(Document("hostile/near_copy", "속보 " + article + "끝"));
  out.push_back(Document("hostile/long_line", std::string(100000, 'a') +
                                                  " 구글이 5천만 달러를"));
  for (const v1::RawDocument& page : corpus) {
    v1::RawDocument copy = page;
    copy.set_id(absl::StrCat("hostile/copy_of/", page.id()));
    out.push_back(std::move(copy));
  }
  return out;
}

absl::StatusOr<std::vector<v1::DocumentResult>> RunEmbeddedPipeline(
    const std::vector<v1::RawDocument>& documents) {
  absl::StatusOr<std::unique_ptr<EmbeddedPipeline>> embedded = EmbeddedPipeline::Create({});
  if (!embedded.ok()) return embedded.status();
  absl::Mutex mu;
  std::map<std::string, v1::DocumentResult> by_id;
  auto job = (*embedded)->pipeline().StartJob(
      "test", [&](v1::DocumentResult result) {
        absl::MutexLock lock(&mu);
        by_id[result.id()] = std::move(result);
      });
  absl::Status added = absl::OkStatus();
  for (const v1::RawDocument& document : documents) {
    absl::Status status = job->Add(document);
    if (!status.ok() && added.ok()) {
      added = absl::Status(status.code(), absl::StrCat(document.id(), ": ", status.message()));
    }
  }
  job->Finish();
  if (!added.ok()) return added;
  std::vector<v1::DocumentResult> results;
  for (const v1::RawDocument& document : documents) {
    results.push_back(std::move(by_id[document.id()]));
  }
  return results;
}

std::vector<v1::DocumentResult> RunEmbedded(
    const std::vector<v1::RawDocument>& documents) {
  absl::StatusOr<std::vector<v1::DocumentResult>> results = RunEmbeddedPipeline(documents);
  EXPECT_TRUE(results.ok()) << results.status();
  if (!results.ok()) return {};
  return *std::move(results);
}

}  // namespace cli
}  // namespace gleaner
