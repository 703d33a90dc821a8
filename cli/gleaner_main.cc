// The `gleaner` command.
//
//   gleaner run INPUT... [--output=results.jsonl] [--format=jsonl|csv]
//       Runs the whole pipeline in this process (no servers, no
//       configuration) on files, directories, JSON Lines records and stdin.
//   gleaner submit --coordinator=HOST:PORT INPUT... [--output=...]
//       Streams the inputs to a running coordinator.
//   gleaner report RESULTS.jsonl --output=report.html
//       Writes an HTML report (through the Python package).
//
// run and submit write one JSON object per document (proto3 JSON of
// gleaner.v1.DocumentResult) or four CSV tables, in input order, show
// progress and end with a summary table on stderr. `gleaner --help` lists
// the commands and exit codes; `gleaner COMMAND --help` a command's flags.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cli/batch_check.h"
#include "cli/command_line.h"
#include "cli/dedup_check.h"
#include "cli/csv_tables.h"
#include "cli/document_reader.h"
#include "cli/embedded_pipeline.h"
#include "cli/in_order.h"
#include "cli/progress_bar.h"
#include "cli/report_command.h"
#include "cli/result_writer.h"
#include "cli/run_summary.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "proto/gleaner/v1/coordinator_service.grpc.pb.h"
#include "services/common/document_limits.h"
#include "services/common/grpc_status.h"
#include "services/common/mutex_mode.h"
#include "services/common/security_flags.h"
#include "services/common/stage_processor.h"
#include "services/common/status_macros.h"
#include "services/common/tls_credentials.h"

ABSL_FLAG(std::string, output, "-",
          "Where to write the results: a file, or '-' for stdout (JSON Lines "
          "only). With --format=csv, PREFIX or PREFIX.csv writes "
          "PREFIX.documents.csv, PREFIX.sentences.csv, PREFIX.entities.csv "
          "and PREFIX.amounts.csv. report: the HTML file.");
ABSL_FLAG(std::string, format, "",
          "jsonl or csv; empty: csv when --output ends in .csv, else jsonl.");
ABSL_FLAG(std::string, corpus_view, "",
          "Also write the corpus view (entity counts, money per entity, "
          "duplicate clusters) as JSON to this file.");
ABSL_FLAG(std::string, published_from, "",
          "run --corpus_view: only documents published on or after this "
          "day (YYYY-MM-DD).");
ABSL_FLAG(std::string, published_to, "",
          "run --corpus_view: only documents published on or before this "
          "day (YYYY-MM-DD).");
ABSL_FLAG(std::string, store, "",
          "run: keep results and views in this store, sqlite:PATH or "
          "postgresql:CONNINFO (default: in memory, gone at exit). With a "
          "persistent --dedup_index, exact duplicates of documents an earlier "
          "run stored come back with the original's results.");
ABSL_FLAG(bool, view_all_jobs, false,
          "run --corpus_view: the view across every job in --store, not "
          "only this run.");
ABSL_FLAG(std::string, view_source, "",
          "run --corpus_view: only documents of this source (a publisher, "
          "or the host of a URL source).");
ABSL_FLAG(std::string, job, "",
          "view: the job to view (default: every job in the store).");
ABSL_FLAG(std::string, coordinator, "",
          "submit: the coordinator's host:port.");
ABSL_FLAG(std::string, token_file, "",
          "submit: file holding this client's bearer token (the coordinator "
          "maps it to a client name).");
ABSL_FLAG(std::string, dedup_index, "",
          "run: directory of a persistent dedup index (default: in memory).");
ABSL_FLAG(std::vector<std::string>, gazetteer, {},
          "run: extra gazetteer TSV files, comma-separated.");
ABSL_FLAG(std::vector<std::string>, lexicon, {},
          "run: extra entity word-list files (list<TAB>entry lines: titles, "
          "org_suffixes, ...; see docs/entities.md), comma-separated.");
ABSL_FLAG(bool, sentence_punctuation_only, false,
          "run: end sentences only at . ? ! and line breaks, for text known "
          "to be edited news (default: also after Korean final endings, "
          "laughter and emoticons, as informal text needs).");
ABSL_FLAG(int, max_in_flight, 64, "run: documents in flight.");
ABSL_FLAG(int, parallelism, 0,
          "run: threads carrying documents through the stages (0: one per "
          "core).");
ABSL_FLAG(std::string, resume, "",
          "submit: resume this job (the id `submit` printed at start) after "
          "the coordinator crashed or drained: give the same inputs and "
          "--output file; documents whose results the file holds are not "
          "sent again, new results are appended.");
ABSL_FLAG(absl::Duration, resume_timeout, absl::Minutes(2),
          "submit: when the coordinator drains or the stream breaks, keep "
          "resuming the job against the same --coordinator with backoff for "
          "this long without progress, then exit 6 with the resume command "
          "(0: do not resume automatically).");
ABSL_FLAG(bool, progress, true,
          "Show progress on stderr: a bar with percent, rate and ETA on a "
          "terminal, a line every ten seconds otherwise.");

namespace gleaner {
namespace cli {
namespace {

absl::Status WriteJson(const google::protobuf::Message& message,
                       const std::string& path) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options)
           .ok()) {
    return absl::InternalError("cannot convert the corpus view to JSON");
  }
  std::ofstream out(path);
  out << json;
  if (!out) return absl::DataLossError("cannot write " + path);
  return absl::OkStatus();
}

// How results are written: --format, or inferred from --output.
struct OutputFormat {
  bool csv = false;
  std::string path;  // the JSON Lines file or the CSV prefix
};

absl::StatusOr<OutputFormat> ChooseFormat() {
  OutputFormat format;
  const std::string output = absl::GetFlag(FLAGS_output);
  const std::string name = absl::GetFlag(FLAGS_format);
  if (name == "csv" || (name.empty() && absl::EndsWithIgnoreCase(output, ".csv"))) {
    format.csv = true;
  } else if (!name.empty() && name != "jsonl") {
    return absl::InvalidArgumentError("--format is jsonl or csv, not " + name);
  }
  format.path = output;
  if (format.csv) {
    if (output.empty() || output == "-") {
      return absl::InvalidArgumentError(
          "--format=csv writes four files: give --output=PREFIX");
    }
    format.path = std::string(absl::StripSuffix(output, ".csv"));
  }
  return format;
}

// Documents a batch will have: files count one, JSON Lines files one per
// record; 0 (unknown) when stdin is among the inputs.
uint64_t CountDocuments(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const std::string& input : inputs) {
    if (input == "-") return 0;
    if (!IsRecordStream(input)) {
      ++total;
      continue;
    }
    absl::StatusOr<size_t> records = CountRecords(input);
    total += records.ok() ? *records : 0;
  }
  return total;
}

// Where a batch's results go: --output (JSON Lines or CSV tables) in input
// order, with progress on stderr and the closing summary. Thread-safe.
class BatchOutput {
 public:
  // With `append`, JSON Lines are added to an existing --output file.
  static absl::StatusOr<std::unique_ptr<BatchOutput>> Open(
      const std::vector<std::string>& inputs, bool append = false) {
    GLEANER_ASSIGN_OR_RETURN(OutputFormat format, ChooseFormat());
    std::unique_ptr<BatchOutput> output(new BatchOutput(CountDocuments(inputs)));
    absl::MutexLock lock(&output->mu_);
    if (format.csv) {
      GLEANER_ASSIGN_OR_RETURN(output->csv_, CsvTables::Open(format.path));
    } else if (format.path != "-" && !format.path.empty()) {
      output->file_.open(format.path,
                         std::ios::binary | (append ? std::ios::app : std::ios::trunc));
      if (!output->file_) {
        return absl::PermissionDeniedError("cannot write " + format.path);
      }
      output->writer_ = std::make_unique<ResultWriter>(&output->file_);
    } else {
      output->writer_ = std::make_unique<ResultWriter>(&std::cout);
    }
    return output;
  }

  // Writes one result (held until the results before it were written).
  // JSON is converted before taking the lock, so that pipeline threads
  // convert in parallel.
  void Write(const v1::DocumentResult& result) {
    absl::StatusOr<std::string> line;
    if (csv_ == nullptr) line = ToJsonLine(result);
    absl::MutexLock lock(&mu_);
    check_.AddResult(result, results_[result.id()]++ >= std::max<uint32_t>(1, inputs_[result.id()]));
    summary_.Add(result);
    ++done_;
    bytes_ += result.text().size();
    if (progress_ != nullptr) {
      progress_->Update(done_, summary_.failed_documents(), bytes_, absl::Now());
    }
    absl::Status status;
    if (csv_ != nullptr) {
      csv_order_.Add(result.id(), result, [&](const v1::DocumentResult& r) {
        if (status.ok()) status = csv_->Write(r);
      });
    } else {
      status = line.ok() ? writer_->WriteLine(result.id(), *std::move(line)) : line.status();
    }
    if (status_.ok()) status_ = status;
  }

  // Reads each input and hands its documents to `submit`: files, JSON
  // Lines records, stdin. An input that cannot be read becomes a result
  // with its error, so nothing is lost silently.
  void ForEachDocument(const std::vector<std::string>& inputs,
                       const std::function<void(v1::RawDocument)>& submit) {
    for (const std::string& input : inputs) {
      if (IsRecordStream(input)) {
        ForEachRecord(input, submit);
        continue;
      }
      if (!Want(input)) continue;
      absl::StatusOr<v1::RawDocument> document = ReadDocument(input);
      if (!document.ok()) {
        Fail(input, document.status());
        continue;
      }
      submit(*std::move(document));
    }
  }

  // Ends the first pass over the inputs: later passes (resuming) send
  // only what still has no result.
  void InputsCounted() {
    absl::MutexLock lock(&mu_);
    counting_inputs_ = false;
  }

  // Reads the ids of the results an earlier run of a resumed job wrote to
  // `path` (JSON Lines); a torn last line is cut off. Those documents are
  // not sent again.
  absl::Status LoadResults(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError("--resume: cannot read --output " + path);
    std::string line;
    uint64_t intact_bytes = 0;
    absl::MutexLock lock(&mu_);
    while (std::getline(in, line)) {
      if (in.eof()) break;  // no newline: torn by the interrupted run
      v1::DocumentResult result;
      google::protobuf::util::JsonParseOptions options;
      options.ignore_unknown_fields = true;
      if (!google::protobuf::util::JsonStringToMessage(line, &result, options).ok()) {
        return absl::DataLossError("--resume: " + path + " has a line that is not a result");
      }
      ++results_[result.id()];
      intact_bytes += line.size() + 1;
    }
    in.close();
    std::error_code error;
    std::filesystem::resize_file(path, intact_bytes, error);
    if (error) return absl::PermissionDeniedError("--resume: " + path + ": " + error.message());
    return absl::OkStatus();
  }

  // Returns the completeness check of everything written (batch_check.h).
  BatchCheck Check(const v1::BatchEnd& end) {
    absl::MutexLock lock(&mu_);
    BatchCheck check = check_;
    uint64_t expected = 0;
    uint64_t missing = 0;
    for (const auto& [id, count] : inputs_) {
      expected += count;
      auto it = results_.find(id);
      const uint32_t got = it == results_.end() ? 0 : it->second;
      if (got < count) missing += count - got;
    }
    check.set_expected(expected);
    check.set_received(expected - missing);
    check.CheckView(end.corpus_view().documents(),
                    absl::GetFlag(FLAGS_corpus_view).empty() ? 0 : end.aggregated_documents());
    return check;
  }

  // Writes what is held and returns the first write error.
  absl::Status Close() {
    absl::MutexLock lock(&mu_);
    if (progress_ != nullptr) progress_->Finish(absl::Now());
    GLEANER_RETURN_IF_ERROR(status_);
    if (csv_ != nullptr) {
      absl::Status status;
      csv_order_.Flush([&](const v1::DocumentResult& r) {
        if (status.ok()) status = csv_->Write(r);
      });
      GLEANER_RETURN_IF_ERROR(status);
      return csv_->Close();
    }
    return writer_->Flush();
  }

  // Prints the closing summary table; returns the failed documents (of
  // this run, or of the whole job per `totals` when that says more, as
  // after a resume in a new process).
  uint64_t PrintSummary(const v1::BatchSummary& totals) {
    absl::MutexLock lock(&mu_);
    std::cerr << summary_.Format(totals, /*top=*/5);
    return std::max(summary_.failed_documents(), totals.failed_documents());
  }

 private:
  explicit BatchOutput(uint64_t total) {
    if (absl::GetFlag(FLAGS_progress)) {
      ProgressOptions options;
      options.terminal = isatty(STDERR_FILENO);
      progress_ = std::make_unique<ProgressBar>(total, options, &std::cerr, absl::Now());
    }
  }

  // Returns whether the document `id` still needs a result; counts it as an
  // input on the first pass and declares its place in the output order
  // (once per process: a resumed pass keeps the first pass's order).
  bool Want(const std::string& id) {
    absl::MutexLock lock(&mu_);
    if (counting_inputs_) ++inputs_[id];
    if (results_.contains(id)) return false;
    if (!expected_.insert(id).second) return true;
    if (csv_ != nullptr) {
      csv_order_.Expect(id);
    } else {
      writer_->Expect(id);
    }
    return true;
  }

  void Fail(const std::string& id, const absl::Status& status) {
    v1::DocumentResult failed;
    failed.set_id(id);
    failed.set_source(id);
    AddStageError(v1::STAGE_COORDINATOR, status, &failed);
    Write(failed);
  }

  void ForEachRecord(const std::string& input,
                     const std::function<void(v1::RawDocument)>& submit) {
    std::ifstream file;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        if (Want(input)) Fail(input, absl::NotFoundError("cannot open " + input));
        return;
      }
    }
    std::istream& in = input == "-" ? std::cin : file;
    absl::Status status = ReadRecords(
        in, input == "-" ? "stdin" : input,
        [&](v1::RawDocument document) {
          if (Want(document.id())) submit(std::move(document));
        },
        [&](const std::string& id, const absl::Status& error) {
          if (Want(id)) Fail(id, error);
        });
    if (!status.ok() && Want(input)) Fail(input, status);
  }

  std::ofstream file_;
  absl::Mutex mu_;
  std::unique_ptr<ResultWriter> writer_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<CsvTables> csv_;  // set once in Open
  InOrder<v1::DocumentResult> csv_order_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<ProgressBar> progress_ ABSL_GUARDED_BY(mu_);
  RunSummary summary_ ABSL_GUARDED_BY(mu_);
  uint64_t done_ ABSL_GUARDED_BY(mu_) = 0;
  // Per document id: occurrences in the inputs (counted on the first pass)
  // and results written (or found in the output a resumed run appends to).
  absl::flat_hash_map<std::string, uint32_t> inputs_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, uint32_t> results_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<std::string> expected_ ABSL_GUARDED_BY(mu_);
  bool counting_inputs_ ABSL_GUARDED_BY(mu_) = true;
  BatchCheck check_ ABSL_GUARDED_BY(mu_);
  uint64_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Status status_ ABSL_GUARDED_BY(mu_);
};

// Both commands return the number of failed documents, or the error that
// stopped the batch.
absl::StatusOr<uint64_t> Run(const std::vector<std::string>& inputs) {
  GLEANER_ASSIGN_OR_RETURN(std::vector<std::string> files,
                           ExpandInputs(inputs));
  EmbeddedOptions options;
  options.pipeline.max_in_flight = absl::GetFlag(FLAGS_max_in_flight);
  int parallelism = absl::GetFlag(FLAGS_parallelism);
  if (parallelism <= 0) {
    parallelism = std::max(1u, std::thread::hardware_concurrency());
  }
  options.pipeline.parallelism = parallelism;
  options.dedup.index_dir = absl::GetFlag(FLAGS_dedup_index);
  if (!absl::GetFlag(FLAGS_store).empty()) {
    options.aggregator.store = absl::GetFlag(FLAGS_store);
  }
  options.gazetteer_paths = absl::GetFlag(FLAGS_gazetteer);
  options.lexicon_paths = absl::GetFlag(FLAGS_lexicon);
  options.sentence.splitter.split_on_endings =
      !absl::GetFlag(FLAGS_sentence_punctuation_only);
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<EmbeddedPipeline> embedded,
                           EmbeddedPipeline::Create(std::move(options)));
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<BatchOutput> output,
                           BatchOutput::Open(files));
  // A store outlives the run: each run is its own job there.
  const std::string job_id =
      absl::GetFlag(FLAGS_store).empty()
          ? "embedded"
          : absl::StrCat("run-", absl::ToUnixMillis(absl::Now()));
  std::unique_ptr<coordinator::Job> job = embedded->pipeline().StartJob(
      job_id, [&](v1::DocumentResult result) { output->Write(result); });
  output->ForEachDocument(files, [&](v1::RawDocument document) {
    job->Add(std::move(document)).IgnoreError();
  });
  v1::BatchSummary summary = job->Finish();
  GLEANER_RETURN_IF_ERROR(output->Close());
  if (!absl::GetFlag(FLAGS_corpus_view).empty()) {
    v1::GetViewRequest request;
    request.set_job_id(job_id);
    request.set_published_from(absl::GetFlag(FLAGS_published_from));
    request.set_published_to(absl::GetFlag(FLAGS_published_to));
    request.set_all_jobs(absl::GetFlag(FLAGS_view_all_jobs));
    request.set_source(absl::GetFlag(FLAGS_view_source));
    GLEANER_ASSIGN_OR_RETURN(v1::CorpusView view,
                             embedded->aggregator().GetView(request));
    GLEANER_RETURN_IF_ERROR(WriteJson(view, absl::GetFlag(FLAGS_corpus_view)));
  }
  return output->PrintSummary(summary);
}

// This client's bearer token, from --token_file ("" without one).
absl::StatusOr<std::string> ReadToken() {
  const std::string path = absl::GetFlag(FLAGS_token_file);
  if (path.empty()) return std::string();
  GLEANER_ASSIGN_OR_RETURN(std::string token, ReadSmallFile(path));
  token = std::string(absl::StripAsciiWhitespace(token));
  if (token.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("--token_file ", path, " is empty"));
  }
  return token;
}

// `gleaner view STORE`: a store's corpus view, offline.
absl::Status View(const std::vector<std::string>& inputs) {
  if (inputs.size() != 1) {
    return absl::InvalidArgumentError("view takes one store: sqlite:PATH or postgresql:CONNINFO");
  }
  aggregator::AggregatorOptions options;
  options.store = inputs[0];
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<aggregator::Aggregator> aggregator,
                           aggregator::Aggregator::Create(options));
  v1::GetViewRequest request;
  request.set_job_id(absl::GetFlag(FLAGS_job));
  request.set_all_jobs(absl::GetFlag(FLAGS_job).empty());
  request.set_source(absl::GetFlag(FLAGS_view_source));
  request.set_published_from(absl::GetFlag(FLAGS_published_from));
  request.set_published_to(absl::GetFlag(FLAGS_published_to));
  GLEANER_ASSIGN_OR_RETURN(v1::CorpusView view, aggregator->GetView(request));
  const std::string output = absl::GetFlag(FLAGS_output);
  return WriteJson(view, output == "-" ? "/dev/stdout" : output);
}

// What one Submit stream of a job ended with.
struct StreamOutcome {
  grpc::Status status;
  std::string job_id;      // from the stream's first Progress
  bool got_end = false;    // BatchEnd arrived
  v1::BatchEnd end;
  bool interrupted = false;  // Interrupted arrived (the coordinator drains)
  uint64_t results = 0;      // results on this stream
};

// Runs one Submit stream: starts the job (or resumes `job_id`), prints the
// job id before any document is sent, sends every input document that has
// no result yet, and writes the results. `token` is sent as the bearer
// token ("" sends none).
StreamOutcome RunStream(v1::Coordinator::Stub& stub, const std::string& token,
                        const std::string& job_id, const std::vector<std::string>& files,
                        BatchOutput& output) {
  StreamOutcome outcome;
  grpc::ClientContext context;
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  auto stream = stub.Submit(&context);
  v1::SubmitRequest options;
  options.mutable_options()->set_include_corpus_view(!absl::GetFlag(FLAGS_corpus_view).empty());
  options.mutable_options()->set_resume_job_id(job_id);
  v1::SubmitResponse first;
  if (!stream->Write(options) || !stream->Read(&first) || !first.has_progress()) {
    outcome.status = stream->Finish();
    if (outcome.status.ok()) {
      outcome.status = grpc::Status(grpc::StatusCode::INTERNAL, "the coordinator sent no job id");
    }
    return outcome;
  }
  if (!job_id.empty() && first.progress().job_id() != job_id) {
    // A coordinator older than resumable jobs started a new job instead.
    context.TryCancel();
    stream->Finish();
    outcome.status = grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                                  "the coordinator cannot resume jobs (it started a new one)");
    return outcome;
  }
  outcome.job_id = first.progress().job_id();
  if (job_id.empty()) {
    std::cerr << "gleaner: job " << outcome.job_id << " (resume with --resume="
              << outcome.job_id << ")" << std::endl;
  } else {
    std::cerr << "gleaner: resumed job " << outcome.job_id << ": "
              << first.progress().completed() << " results delivered before" << std::endl;
  }
  std::atomic<bool> stop_sending{false};
  // Results are read on their own thread while this one writes documents:
  // the server stops reading when its window is full, so reading must not
  // wait for writing to finish.
  std::thread reader([&] {
    v1::SubmitResponse response;
    while (stream->Read(&response)) {
      if (response.has_result()) {
        output.Write(response.result());
        ++outcome.results;
      } else if (response.has_end()) {
        outcome.end = response.end();
        outcome.got_end = true;
      } else if (response.has_interrupted()) {
        outcome.interrupted = true;
        stop_sending = true;
      }
    }
  });
  bool open = true;
  output.ForEachDocument(files, [&](v1::RawDocument document) {
    if (!open || stop_sending) return;  // Finish below says why
    v1::SubmitRequest request;
    *request.mutable_document() = std::move(document);
    open = stream->Write(request);
  });
  stream->WritesDone();
  reader.join();
  outcome.status = stream->Finish();
  return outcome;
}

// Returns true when a stream that ended so may be resumed: the coordinator
// drained, or went away (crash, restart, network).
// (This client never cancels a stream it wants to finish, so CANCELLED
// comes from the server: a stream caught by its shutdown.)
bool Resumable(const StreamOutcome& outcome) {
  const grpc::StatusCode code = outcome.status.error_code();
  return outcome.interrupted || code == grpc::StatusCode::UNAVAILABLE ||
         code == grpc::StatusCode::CANCELLED;
}

std::string ResumeCommand(const std::string& job_id, const std::vector<std::string>& inputs) {
  std::string command = "gleaner submit --resume=" + job_id +
                        " --coordinator=" + absl::GetFlag(FLAGS_coordinator) +
                        " --output=" + absl::GetFlag(FLAGS_output);
  // The same security flags, so that the command reaches the same coordinator.
  if (absl::GetFlag(FLAGS_plaintext)) command += " --plaintext";
  for (const auto& [name, value] :
       {std::pair<const char*, std::string>{"tls_ca", absl::GetFlag(FLAGS_tls_ca)},
        {"tls_cert", absl::GetFlag(FLAGS_tls_cert)},
        {"tls_key", absl::GetFlag(FLAGS_tls_key)},
        {"token_file", absl::GetFlag(FLAGS_token_file)}}) {
    if (!value.empty()) absl::StrAppend(&command, " --", name, "=", value);
  }
  if (!absl::GetFlag(FLAGS_corpus_view).empty()) {
    command += " --corpus_view=" + absl::GetFlag(FLAGS_corpus_view);
  }
  for (const std::string& input : inputs) command += " " + input;
  return command;
}

absl::StatusOr<uint64_t> Submit(const std::vector<std::string>& inputs) {
  const std::string address = absl::GetFlag(FLAGS_coordinator);
  if (address.empty()) {
    return absl::InvalidArgumentError("submit needs --coordinator=HOST:PORT");
  }
  std::string job_id = absl::GetFlag(FLAGS_resume);
  if (!job_id.empty()) {
    GLEANER_ASSIGN_OR_RETURN(OutputFormat format, ChooseFormat());
    if (format.csv || format.path == "-" || format.path.empty()) {
      return absl::InvalidArgumentError(
          "--resume appends to the JSON Lines --output file of the interrupted run: give it");
    }
  }
  GLEANER_ASSIGN_OR_RETURN(std::vector<std::string> files, ExpandInputs(inputs));
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<BatchOutput> output,
                           BatchOutput::Open(files, /*append=*/!job_id.empty()));
  if (!job_id.empty()) GLEANER_RETURN_IF_ERROR(output->LoadResults(absl::GetFlag(FLAGS_output)));
  GLEANER_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ChannelCredentials> credentials,
                           MakeChannelCredentials(TlsFilesFromFlags()));
  GLEANER_ASSIGN_OR_RETURN(std::string token, ReadToken());
  const DocumentLimits limits;
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(limits.max_message_bytes);
  args.SetMaxSendMessageSize(limits.max_submit_message_bytes);
  // Reconnect soon after a coordinator comes back (gRPC's default backoff
  // grows to two minutes), so that resuming does not wait for the channel.
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  auto stub = v1::Coordinator::NewStub(
      grpc::CreateCustomChannel(address, credentials, args));
  // Stdin cannot be read twice, so a batch from it cannot resume itself.
  const bool rereadable = std::find(files.begin(), files.end(), "-") == files.end();
  const absl::Duration patience = absl::GetFlag(FLAGS_resume_timeout);
  absl::Time give_up = absl::Now() + patience;
  absl::Duration backoff = absl::Milliseconds(100);
  StreamOutcome outcome;
  while (true) {
    outcome = RunStream(*stub, token, job_id, files, *output);
    output->InputsCounted();
    if (!outcome.job_id.empty()) job_id = outcome.job_id;
    if (outcome.status.ok() && outcome.got_end) break;
    if (!Resumable(outcome) || job_id.empty()) {
      output->Close().IgnoreError();  // keep every result received
      GLEANER_RETURN_IF_ERROR(FromGrpcStatus(outcome.status));
      return absl::DataLossError("the batch ended without a summary");
    }
    if (outcome.results > 0) give_up = absl::Now() + patience;  // progress: keep going
    if (!rereadable || absl::Now() + backoff > give_up) {
      output->Close().IgnoreError();
      return absl::AbortedError(absl::StrCat(
          "job ", job_id, " was interrupted (", outcome.status.error_message(),
          "); resume it with:\n  ", ResumeCommand(job_id, inputs)));
    }
    std::cerr << "gleaner: job " << job_id << " interrupted ("
              << (outcome.interrupted ? "coordinator draining" : outcome.status.error_message())
              << "); resuming in " << backoff << std::endl;
    // A client's retry pause, not synchronisation: the coordinator (or
    // another replica behind the same address) takes time to come back.
    absl::SleepFor(backoff);
    backoff = std::min(backoff * 2, absl::Seconds(5));
  }
  GLEANER_RETURN_IF_ERROR(output->Close());
  const v1::BatchEnd& end = outcome.end;
  if (!absl::GetFlag(FLAGS_corpus_view).empty()) {
    if (!end.corpus_view_error().empty()) {
      return absl::UnavailableError(
          "the results are complete, but the corpus view could not be read: " +
          end.corpus_view_error());
    }
    GLEANER_RETURN_IF_ERROR(WriteJson(end.corpus_view(), absl::GetFlag(FLAGS_corpus_view)));
  }
  const uint64_t failed = output->PrintSummary(end.summary());
  const BatchCheck check = output->Check(end);
  if (!check.complete()) {
    return absl::OutOfRangeError(absl::StrCat("job ", job_id, " is incomplete:\n",
                                              check.Describe()));
  }
  return failed;
}

}  // namespace
}  // namespace cli
}  // namespace gleaner

int main(int argc, char** argv) {
  using gleaner::cli::ExitCode;
  gleaner::SkipMutexDeadlockDetection();  // why: mutex_mode.h
  absl::FlagsUsageConfig config;
  config.version_string = gleaner::cli::VersionString;
  absl::SetFlagsUsageConfig(config);
  absl::SetProgramUsageMessage(gleaner::cli::GeneralHelp());
  const std::vector<std::string> args(argv + 1, argv + argc);
  // Help is answered before flag parsing, per command.
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    const gleaner::cli::Command* command =
        args.size() > 1 ? gleaner::cli::FindCommand(args[1]) : nullptr;
    std::cout << (command ? gleaner::cli::CommandHelp(*command) : gleaner::cli::GeneralHelp());
    return args.empty() ? ExitCode::kExitUsage : ExitCode::kExitOk;
  }
  const gleaner::cli::Command* command = gleaner::cli::FindCommand(args[0]);
  if (command != nullptr && gleaner::cli::WantsHelp(args)) {
    std::cout << gleaner::cli::CommandHelp(*command);
    return ExitCode::kExitOk;
  }
  if (absl::Status flags = gleaner::cli::CheckFlags(args); !flags.ok()) {
    std::cerr << "gleaner: " << flags.message() << "\n(`gleaner "
              << (command ? command->name + " " : "") << "--help` lists the flags)\n";
    return ExitCode::kExitUsage;
  }
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() >= 2 && std::string(positional[1]) == "version") {
    std::cout << gleaner::cli::VersionString();
    return ExitCode::kExitOk;
  }
  if (command == nullptr || positional.size() < 3) {
    std::cerr << (command == nullptr ? "gleaner: unknown command '" + args[0] + "'\n\n"
                                     : "")
              << (command ? gleaner::cli::CommandHelp(*command) : gleaner::cli::GeneralHelp());
    return ExitCode::kExitUsage;
  }
  std::vector<std::string> inputs(positional.begin() + 2, positional.end());
  if (command->name == "dedup-check") {
    if (inputs.size() != 1) {
      std::cerr << gleaner::cli::CommandHelp(*command);
      return ExitCode::kExitUsage;
    }
    std::string report;
    absl::StatusOr<bool> healthy = gleaner::cli::DedupCheck(inputs[0], &report);
    if (!healthy.ok()) {
      std::cerr << "gleaner: " << healthy.status() << std::endl;
      return ExitCode::kExitFatal;
    }
    std::cout << report;
    return *healthy ? ExitCode::kExitOk : ExitCode::kExitIndexDamaged;
  }
  if (command->name == "view") {
    absl::Status viewed = gleaner::cli::View(inputs);
    if (!viewed.ok()) {
      std::cerr << "gleaner: " << viewed << std::endl;
      return viewed.code() == absl::StatusCode::kInvalidArgument ? ExitCode::kExitUsage
                                                                 : ExitCode::kExitFatal;
    }
    return ExitCode::kExitOk;
  }
  if (command->name == "report") {
    return gleaner::cli::RunReport(inputs, absl::GetFlag(FLAGS_corpus_view),
                                   absl::GetFlag(FLAGS_output));
  }
  absl::StatusOr<uint64_t> failed = command->name == "run" ? gleaner::cli::Run(inputs)
                                                           : gleaner::cli::Submit(inputs);
  if (!failed.ok()) {
    const absl::StatusCode code = failed.status().code();
    // An interrupted or incomplete job's message is the advice; any other
    // error keeps its code (UNAUTHENTICATED, PERMISSION_DENIED, ...).
    if (code == absl::StatusCode::kAborted || code == absl::StatusCode::kOutOfRange) {
      std::cerr << "gleaner: " << failed.status().message() << std::endl;
    } else {
      std::cerr << "gleaner: " << failed.status() << std::endl;
    }
    switch (code) {
      case absl::StatusCode::kInvalidArgument:
        return ExitCode::kExitUsage;
      case absl::StatusCode::kOutOfRange:  // Submit's completeness check
        return ExitCode::kExitIncomplete;
      case absl::StatusCode::kAborted:  // interrupted, resumable
        return ExitCode::kExitInterrupted;
      default:
        return ExitCode::kExitFatal;
    }
  }
  if (*failed > 0) {
    std::cerr << "gleaner: " << *failed << " documents failed; exit code 1\n";
    return ExitCode::kExitDocumentsFailed;
  }
  return ExitCode::kExitOk;
}
