#include "cli/proto_json.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/pipeline_test_documents.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/common/status_matchers.h"

namespace gleaner {
namespace cli {
namespace {

using ::google::protobuf::util::JsonStringToMessage;
using ::google::protobuf::util::MessageDifferencer;

// protobuf's JsonPrinter, as cli/result_writer.cc used it before issue 10.
std::string ProtobufJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  EXPECT_TRUE(
      google::protobuf::util::MessageToJsonString(message, &json, options)
          .ok());
  return json;
}

std::string DirectJson(const google::protobuf::Message& message) {
  std::string json;
  EXPECT_TRUE(AppendProtoJson(message, &json).ok());
  return json;
}

// Parses `json` as a generic JSON value, so that names, omitted fields and
// value types are compared, not only what a message would accept.
google::protobuf::Value Parse(const std::string& json) {
  google::protobuf::Value value;
  auto status = JsonStringToMessage(json, &value);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return value;
}

// Both outputs parse to the same JSON value, and the direct one reads back
// as the same message.
void ExpectSameJson(const v1::DocumentResult& result) {
  const std::string direct = DirectJson(result);
  const std::string reference = ProtobufJson(result);
  EXPECT_EQ(direct.find('\n'), std::string::npos);
  EXPECT_TRUE(MessageDifferencer::Equals(Parse(direct), Parse(reference)))
      << result.id() << "\ndirect:   " << direct.substr(0, 2000)
      << "\nprotobuf: " << reference.substr(0, 2000);
  // Read back as messages, both give the same result. (Not always `result`
  // itself: a similarity of -0.0 is written by both as -0, which reads back
  // as a set field where MessageDifferencer saw the original as unset.)
  v1::DocumentResult back, reference_back;
  ASSERT_TRUE(JsonStringToMessage(direct, &back).ok()) << result.id();
  ASSERT_TRUE(JsonStringToMessage(reference, &reference_back).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(back, reference_back)) << result.id();
}

TEST(AppendProtoJson, MatchesProtobufOnTheCorpusAndHostileInputs) {
  const std::vector<v1::RawDocument> corpus = CorpusDocuments();
  ASSERT_EQ(corpus.size(), 5u) << "testdata/corpus not in the runfiles";
  std::vector<v1::RawDocument> documents = corpus;
  for (v1::RawDocument& hostile : HostileDocuments(corpus)) {
    documents.push_back(std::move(hostile));
  }
  const std::vector<v1::DocumentResult> results = RunEmbedded(documents);
  ASSERT_EQ(results.size(), documents.size());
  for (const v1::DocumentResult& result : results) ExpectSameJson(result);
}

TEST(AppendProtoJson, MatchesProtobufOnEveryKindOfField) {
  const std::vector<std::string> strings = {
      "",
      "plain",
      "\"quoted\" \\back\\slash/",
      std::string("nul\0byte", 8),
      "\x01\x02\x08\t\n\x0b\x0c\r\x1b\x1f\x7f",
      "한국어 텍스트",
      "line\xE2\x80\xA8sep\xE2\x80\xA9para",
      "emoji 😀 and e\xCC\x81 and \xEF\xBB\xBF bom",
      "<script>&amp;</script>",
      "\xF4\x8F\xBF\xBF max code point",
  };
  v1::DocumentResult result;
  for (size_t i = 0; i < strings.size(); ++i) {
    const std::string& s = strings[i];
    result.set_id(s);
    result.set_text(s);
    (*result.mutable_metadata())[s] = s;
    (*result.mutable_metadata())[absl::StrCat("k", i)] = s;
    v1::Entity* entity = result.add_entities();
    entity->set_text(s);
    entity->set_type(v1::ENTITY_TYPE_PERSON);
    (*entity->mutable_metadata())["ticker"] = s;
    v1::Amount* amount = result.add_amounts();
    amount->set_magnitude(-static_cast<int>(i));
    amount->add_qualifiers(s);
    if (i % 2 == 0) amount->set_range_partner(0);  // optional, printed at 0
    if (i % 3 == 0) amount->set_conversion_of(static_cast<int>(i));
    amount->set_kind(static_cast<v1::AmountKind>(i));  // some past the enum
    result.add_completed_stages(static_cast<v1::Stage>(i % 6));
    ExpectSameJson(result);
  }
  v1::DuplicateVerdict* verdict = result.mutable_duplicate();
  for (double similarity : {0.0, 1.0, 0.1 + 0.2, 1.0 / 3, 1e-300, 1e300,
                            -0.0, 123456789012345678.0}) {
    verdict->set_similarity(similarity);
    verdict->set_sequence(0);  // optional int64, printed as "0"
    verdict->set_duplicate_of_sequence(int64_t{1} << 62);
    ExpectSameJson(result);
  }
  result.set_replaced_bytes(4294967295u);
  result.set_skipped_as_duplicate(true);
  result.add_blocks();  // all defaults: an empty object
  result.add_sentences()->set_end(7);
  result.add_errors()->set_stage(v1::STAGE_EXTRACT);
  ExpectSameJson(result);
}

TEST(AppendProtoJson, WritesNonFiniteDoublesAsStrings) {
  v1::DocumentResult result;
  for (double value : {std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity()}) {
    result.mutable_duplicate()->set_similarity(value);
    const std::string direct = DirectJson(result);
    EXPECT_TRUE(MessageDifferencer::Equals(Parse(direct),
                                           Parse(ProtobufJson(result))))
        << direct;
  }
}

}  // namespace
}  // namespace cli
}  // namespace gleaner
