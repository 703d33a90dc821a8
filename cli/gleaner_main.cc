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

#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

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
ABSL_FLAG(bool, sentence_punctuation_only, false,
          "run: end sentences only at . ? ! and line breaks, for text known "
          "to be edited news (default: also after Korean final endings, "
          "laughter and emoticons, as informal text needs).");
ABSL_FLAG(int, max_in_flight, 64, "run: documents in flight.");
ABSL_FLAG(int, parallelism, 0,
          "run: threads carrying documents through the stages (0: one per "
          "core).");
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
  static absl::StatusOr<std::unique_ptr<BatchOutput>> Open(
      const std::vector<std::string>& inputs) {
    GLEANER_ASSIGN_OR_RETURN(OutputFormat format, ChooseFormat());
    std::unique_ptr<BatchOutput> output(new BatchOutput(CountDocuments(inputs)));
    absl::MutexLock lock(&output->mu_);
    if (format.csv) {
      GLEANER_ASSIGN_OR_RETURN(output->csv_, CsvTables::Open(format.path));
    } else if (format.path != "-" && !format.path.empty()) {
      output->file_.open(format.path, std::ios::binary | std::ios::trunc);
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
      Expect(input);
      absl::StatusOr<v1::RawDocument> document = ReadDocument(input);
      if (!document.ok()) {
        Fail(input, document.status());
        continue;
      }
      submit(*std::move(document));
    }
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

  // Prints the closing summary table; returns the failed documents.
  uint64_t PrintSummary(const v1::BatchSummary& totals) {
    absl::MutexLock lock(&mu_);
    std::cerr << summary_.Format(totals, /*top=*/5);
    return summary_.failed_documents();
  }

 private:
  explicit BatchOutput(uint64_t total) {
    if (absl::GetFlag(FLAGS_progress)) {
      ProgressOptions options;
      options.terminal = isatty(STDERR_FILENO);
      progress_ = std::make_unique<ProgressBar>(total, options, &std::cerr, absl::Now());
    }
  }

  void Expect(const std::string& id) {
    absl::MutexLock lock(&mu_);
    if (csv_ != nullptr) {
      csv_order_.Expect(id);
    } else {
      writer_->Expect(id);
    }
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
        Expect(input);
        Fail(input, absl::NotFoundError("cannot open " + input));
        return;
      }
    }
    std::istream& in = input == "-" ? std::cin : file;
    absl::Status status = ReadRecords(
        in, input == "-" ? "stdin" : input,
        [&](v1::RawDocument document) {
          Expect(document.id());
          submit(std::move(document));
        },
        [&](const std::string& id, const absl::Status& error) {
          Expect(id);
          Fail(id, error);
        });
    if (!status.ok()) {
      Expect(input);
      Fail(input, status);
    }
  }

  std::ofstream file_;
  absl::Mutex mu_;
  std::unique_ptr<ResultWriter> writer_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<CsvTables> csv_;  // set once in Open
  InOrder<v1::DocumentResult> csv_order_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<ProgressBar> progress_ ABSL_GUARDED_BY(mu_);
  RunSummary summary_ ABSL_GUARDED_BY(mu_);
  uint64_t done_ ABSL_GUARDED_BY(mu_) = 0;
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

absl::StatusOr<uint64_t> Submit(const std::vector<std::string>& inputs) {
  const std::string address = absl::GetFlag(FLAGS_coordinator);
  if (address.empty()) {
    return absl::InvalidArgumentError("submit needs --coordinator=HOST:PORT");
  }
  GLEANER_ASSIGN_OR_RETURN(std::vector<std::string> files,
                           ExpandInputs(inputs));
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<BatchOutput> output,
                           BatchOutput::Open(files));
  GLEANER_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ChannelCredentials> credentials,
                           MakeChannelCredentials(TlsFilesFromFlags()));
  GLEANER_ASSIGN_OR_RETURN(std::string token, ReadToken());
  const DocumentLimits limits;
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(limits.max_message_bytes);
  args.SetMaxSendMessageSize(limits.max_submit_message_bytes);
  auto stub = v1::Coordinator::NewStub(
      grpc::CreateCustomChannel(address, credentials, args));
  grpc::ClientContext context;
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  auto stream = stub->Submit(&context);

  v1::BatchEnd end;
  bool got_end = false;
  // Results are read on their own thread while this one writes documents:
  // the server stops reading when its window is full, so reading must not
  // wait for writing to finish.
  std::thread reader([&] {
    v1::SubmitResponse response;
    while (stream->Read(&response)) {
      if (response.has_result()) {
        output->Write(response.result());
      } else if (response.has_end()) {
        end = response.end();
        got_end = true;
      }
    }
  });
  v1::SubmitRequest options;
  options.mutable_options()->set_include_corpus_view(
      !absl::GetFlag(FLAGS_corpus_view).empty());
  bool open = stream->Write(options);
  output->ForEachDocument(files, [&](v1::RawDocument document) {
    if (!open) return;  // the stream failed; Finish below says why
    v1::SubmitRequest request;
    *request.mutable_document() = std::move(document);
    open = stream->Write(request);
  });
  stream->WritesDone();
  reader.join();
  GLEANER_RETURN_IF_ERROR(FromGrpcStatus(stream->Finish()));
  if (!got_end) return absl::DataLossError("the batch ended without a summary");
  GLEANER_RETURN_IF_ERROR(output->Close());
  if (!absl::GetFlag(FLAGS_corpus_view).empty()) {
    if (!end.corpus_view_error().empty()) {
      return absl::UnavailableError("the results are complete, but the corpus view could not be read: " + end.corpus_view_error());
    }
    GLEANER_RETURN_IF_ERROR(
        WriteJson(end.corpus_view(), absl::GetFlag(FLAGS_corpus_view)));
  }
  return output->PrintSummary(end.summary());
}

}  // namespace
}  // namespace cli
}  // namespace gleaner

int main(int argc, char** argv) {
  using gleaner::cli::ExitCode;
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
    std::cerr << "gleaner: " << failed.status() << std::endl;
    return failed.status().code() == absl::StatusCode::kInvalidArgument ? ExitCode::kExitUsage
                                                                         : ExitCode::kExitFatal;
  }
  if (*failed > 0) {
    std::cerr << "gleaner: " << *failed << " documents failed; exit code 1\n";
    return ExitCode::kExitDocumentsFailed;
  }
  return ExitCode::kExitOk;
}
