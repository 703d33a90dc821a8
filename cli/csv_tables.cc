#include "cli/csv_tables.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace gleaner {
namespace cli {
namespace {

// Span columns shared by the sentence, entity and amount tables.
const char* const kSpanColumns[] = {"document_id", "index", "start", "end",
                                    "byte_start", "byte_end", "text"};

std::vector<std::string> WithSpanColumns(std::vector<std::string> extra) {
  std::vector<std::string> columns(std::begin(kSpanColumns), std::end(kSpanColumns));
  columns.insert(columns.end(), extra.begin(), extra.end());
  return columns;
}

std::string Bool(bool value) { return value ? "true" : "false"; }

// "ENTITY_TYPE_ORGANIZATION" -> "ORGANIZATION": the Python package's names.
std::string Short(const std::string& name, absl::string_view prefix) {
  return std::string(absl::StripPrefix(name, prefix));
}

template <typename Span>
std::vector<std::string> SpanFields(const v1::DocumentResult& result, int index,
                                    const Span& span, const CharOffsets& chars) {
  return {result.id(),
          absl::StrCat(index),
          absl::StrCat(chars.Char(span.begin())),
          absl::StrCat(chars.Char(span.end())),
          absl::StrCat(span.begin()),
          absl::StrCat(span.end()),
          std::string(absl::string_view(result.text())
                          .substr(span.begin(), span.end() - span.begin()))};
}

std::vector<std::string> DocumentFields(const v1::DocumentResult& result,
                                        const CharOffsets& chars) {
  std::vector<std::string> stages;
  for (const v1::StageError& error : result.errors()) {
    stages.push_back(Short(v1::Stage_Name(error.stage()), "STAGE_"));
  }
  const v1::DuplicateVerdict& verdict = result.duplicate();
  return {result.id(),
          result.source(),
          Short(v1::ContentType_Name(result.content_type()), "CONTENT_TYPE_"),
          result.source_encoding(),
          absl::StrCat(chars.Char(result.text().size())),
          absl::StrCat(result.text().size()),
          absl::StrCat(result.sentences_size()),
          absl::StrCat(result.entities_size()),
          absl::StrCat(result.amounts_size()),
          Short(v1::DuplicateKind_Name(verdict.kind()), "DUPLICATE_KIND_"),
          verdict.duplicate_of(),
          verdict.cluster_id(),
          absl::StrCat(verdict.similarity()),
          Bool(result.errors_size() > 0),
          absl::StrJoin(stages, ";"),
          result.errors_size() > 0 ? result.errors(0).message() : ""};
}

std::vector<std::string> EntityFields(const v1::Entity& entity) {
  return {Short(v1::EntityType_Name(entity.type()), "ENTITY_TYPE_"),
          entity.canonical(),
          Short(v1::MatchMethod_Name(entity.method()), "MATCH_METHOD_"),
          Bool(entity.flagged())};
}

std::vector<std::string> AmountFields(const v1::Amount& amount) {
  return {Short(v1::AmountKind_Name(amount.kind()), "AMOUNT_KIND_"),
          amount.value(),
          amount.value_max(),
          amount.currency(),
          amount.unit(),
          amount.canonical_unit(),
          Bool(amount.approximate()),
          Short(v1::AmountBound_Name(amount.bound()), "AMOUNT_BOUND_"),
          Bool(amount.vague()),
          absl::StrCat(amount.magnitude()),
          Bool(amount.per_unit()),
          amount.has_range_partner() ? absl::StrCat(amount.range_partner()) : "",
          amount.has_conversion_of() ? absl::StrCat(amount.conversion_of()) : "",
          absl::StrJoin(amount.qualifiers(), ";")};
}

}  // namespace

absl::string_view CsvTableName(CsvTable table) {
  static const char* const kNames[] = {"documents", "sentences", "entities", "amounts"};
  return kNames[static_cast<int>(table)];
}

const std::vector<std::string>& CsvColumns(CsvTable table) {
  static const auto* const kColumns = new std::array<std::vector<std::string>, kCsvTableCount>{
      std::vector<std::string>{"document_id", "source", "content_type", "source_encoding",
                               "characters", "bytes", "sentences", "entities", "amounts",
                               "duplicate_kind", "duplicate_of", "cluster_id", "similarity",
                               "failed", "failed_stages", "error"},
      WithSpanColumns({}),
      WithSpanColumns({"type", "canonical", "method", "flagged"}),
      WithSpanColumns({"kind", "value", "value_max", "currency", "unit", "canonical_unit",
                       "approximate", "bound", "vague", "magnitude", "per_unit",
                       "range_partner", "conversion_of", "qualifiers"}),
  };
  return (*kColumns)[static_cast<int>(table)];
}

std::string CsvField(absl::string_view field) {
  if (field.find_first_of(",\"\r\n") == absl::string_view::npos) {
    return std::string(field);
  }
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

CharOffsets::CharOffsets(absl::string_view text) {
  char_of_byte_.reserve(text.size() + 1);
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // A continuation byte (10xxxxxx) belongs to the character before it.
    const bool continuation = (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    if (!continuation && i > 0) ++chars;
    char_of_byte_.push_back(chars);
  }
  char_of_byte_.push_back(text.empty() ? 0 : chars + 1);
}

uint32_t CharOffsets::Char(uint32_t byte_offset) const {
  if (byte_offset >= char_of_byte_.size()) return char_of_byte_.back();
  return char_of_byte_[byte_offset];
}

absl::StatusOr<std::unique_ptr<CsvTables>> CsvTables::Open(const std::string& prefix) {
  std::unique_ptr<CsvTables> tables(new CsvTables());
  for (int t = 0; t < kCsvTableCount; ++t) {
    std::string path = absl::StrCat(prefix, ".", CsvTableName(static_cast<CsvTable>(t)), ".csv");
    tables->files_[t].open(path, std::ios::binary | std::ios::trunc);
    if (!tables->files_[t]) return absl::PermissionDeniedError("cannot write " + path);
    tables->outs_[t] = &tables->files_[t];
    tables->paths_.push_back(std::move(path));
  }
  tables->WriteHeaders();
  return tables;
}

CsvTables::CsvTables(std::array<std::ostream*, kCsvTableCount> outs) : outs_(outs) {
  WriteHeaders();
}

void CsvTables::WriteHeaders() {
  for (int t = 0; t < kCsvTableCount; ++t) {
    Row(static_cast<CsvTable>(t), CsvColumns(static_cast<CsvTable>(t)));
  }
}

void CsvTables::Row(CsvTable table, const std::vector<std::string>& fields) {
  std::ostream& out = *outs_[static_cast<int>(table)];
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvField(fields[i]);
  }
  // CRLF, as RFC 4180 and spreadsheets expect.
  out << "\r\n";
}

absl::Status CsvTables::Write(const v1::DocumentResult& result) {
  const CharOffsets chars(result.text());
  Row(CsvTable::kDocuments, DocumentFields(result, chars));
  for (int i = 0; i < result.sentences_size(); ++i) {
    Row(CsvTable::kSentences, SpanFields(result, i, result.sentences(i), chars));
  }
  for (int i = 0; i < result.entities_size(); ++i) {
    std::vector<std::string> fields = SpanFields(result, i, result.entities(i), chars);
    std::vector<std::string> extra = EntityFields(result.entities(i));
    fields.insert(fields.end(), extra.begin(), extra.end());
    Row(CsvTable::kEntities, fields);
  }
  for (int i = 0; i < result.amounts_size(); ++i) {
    std::vector<std::string> fields = SpanFields(result, i, result.amounts(i), chars);
    std::vector<std::string> extra = AmountFields(result.amounts(i));
    fields.insert(fields.end(), extra.begin(), extra.end());
    Row(CsvTable::kAmounts, fields);
  }
  for (std::ostream* out : outs_) {
    if (!*out) return absl::DataLossError("cannot write the CSV tables");
  }
  return absl::OkStatus();
}

absl::Status CsvTables::Close() {
  for (std::ostream* out : outs_) {
    out->flush();
    if (!*out) return absl::DataLossError("cannot write the CSV tables");
  }
  return absl::OkStatus();
}

}  // namespace cli
}  // namespace gleaner
