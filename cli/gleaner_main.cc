// The `gleaner` command.
//
//   gleaner run INPUT... [--output=results.jsonl]
//       Runs the whole pipeline in this process (no servers, no
//       configuration) on files and directories.
//   gleaner submit --coordinator=HOST:PORT INPUT... [--output=...]
//       Streams the inputs to a running coordinator.
//
// Both write one JSON object per document (proto3 JSON of
// gleaner.v1.DocumentResult), in input order, and end with a summary on
// stderr.
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
#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "cli/document_reader.h"
#include "cli/embedded_pipeline.h"
#include "cli/result_writer.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "proto/gleaner/v1/coordinator_service.grpc.pb.h"
#include "services/common/grpc_status.h"
#include "services/common/stage_processor.h"
#include "services/common/status_macros.h"

ABSL_FLAG(std::string, output, "-",
          "Where to write the JSON Lines results ('-' for stdout).");
ABSL_FLAG(std::string, corpus_view, "",
          "Also write the corpus view (entity counts, money per entity, "
          "duplicate clusters) as JSON to this file.");
ABSL_FLAG(std::string, coordinator, "",
          "submit: the coordinator's host:port.");
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
          "Print a progress line on stderr every two seconds.");

namespace gleaner {
namespace cli {
namespace {

constexpr absl::Duration kProgressEvery = absl::Seconds(2);

// Counts results and prints progress lines; thread-safe.
class Progress {
 public:
  explicit Progress(size_t total) : total_(total), start_(absl::Now()) {}
  void Count(uint64_t bytes) {
    absl::MutexLock lock(&mu_);
    ++done_;
    bytes_ += bytes;
    if (absl::GetFlag(FLAGS_progress) && absl::Now() - last_ > kProgressEvery) {
      last_ = absl::Now();
      const double seconds = absl::ToDoubleSeconds(last_ - start_);
      std::cerr << absl::StrFormat("gleaner: %d/%d documents, %.1f MB/s\n",
                                   done_, total_, bytes_ / seconds / 1e6);
    }
  }

 private:
  const size_t total_;
  const absl::Time start_;
  absl::Mutex mu_;
  uint64_t done_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time last_ ABSL_GUARDED_BY(mu_) = absl::Now();
};

void PrintSummary(const v1::BatchSummary& summary) {
  std::cerr << absl::StrFormat(
      "gleaner: %d documents (%d failed), %d exact and %d near duplicates, "
      "%d sentences, %d entities, %d amounts; %.2f MB in %.2f s, %.1f MB/s\n",
      summary.documents(), summary.failed_documents(),
      summary.exact_duplicates(), summary.near_duplicates(),
      summary.sentences(), summary.entities(), summary.amounts(),
      summary.input_bytes() / 1e6, summary.elapsed_seconds(),
      summary.megabytes_per_second());
}

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

// Where a batch's results go: --output in input order, with progress
// lines. Thread-safe.
class BatchOutput {
 public:
  static absl::StatusOr<std::unique_ptr<BatchOutput>> Open(size_t total) {
    std::unique_ptr<BatchOutput> output(new BatchOutput(total));
    const std::string path = absl::GetFlag(FLAGS_output);
    if (path != "-" && !path.empty()) {
      output->file_.open(path, std::ios::binary | std::ios::trunc);
      if (!output->file_) {
        return absl::PermissionDeniedError("cannot write " + path);
      }
      output->writer_ = std::make_unique<ResultWriter>(&output->file_);
    } else {
      output->writer_ = std::make_unique<ResultWriter>(&std::cout);
    }
    return output;
  }

  // Writes one result (held until the results before it were written).
  // Converts to JSON before taking the lock, so that pipeline threads
  // convert in parallel.
  void Write(const v1::DocumentResult& result) {
    progress_.Count(result.text().size());
    absl::StatusOr<std::string> line = ToJsonLine(result);
    absl::MutexLock lock(&mu_);
    absl::Status status = line.ok()
                              ? writer_->WriteLine(result.id(), *std::move(line))
                              : line.status();
    if (status_.ok()) status_ = status;
  }

  // Reads each file and hands it to `submit`; a file that cannot be read
  // becomes a result with its error, so nothing is lost silently.
  void ForEachDocument(const std::vector<std::string>& files,
                       const std::function<void(v1::RawDocument)>& submit) {
    for (const std::string& file : files) {
      absl::StatusOr<v1::RawDocument> document = ReadDocument(file);
      {
        absl::MutexLock lock(&mu_);
        writer_->Expect(file);
      }
      if (!document.ok()) {
        v1::DocumentResult failed;
        failed.set_id(file);
        failed.set_source(file);
        AddStageError(v1::STAGE_COORDINATOR, document.status(), &failed);
        Write(failed);
        continue;
      }
      submit(*std::move(document));
    }
  }

  // Writes what is held and returns the first write error.
  absl::Status Close() {
    absl::MutexLock lock(&mu_);
    GLEANER_RETURN_IF_ERROR(status_);
    return writer_->Flush();
  }

 private:
  explicit BatchOutput(size_t total) : progress_(total) {}

  Progress progress_;
  std::ofstream file_;
  absl::Mutex mu_;
  std::unique_ptr<ResultWriter> writer_ ABSL_GUARDED_BY(mu_);
  absl::Status status_ ABSL_GUARDED_BY(mu_);
};

absl::Status Run(const std::vector<std::string>& inputs) {
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
  options.gazetteer_paths = absl::GetFlag(FLAGS_gazetteer);
  options.sentence.splitter.split_on_endings =
      !absl::GetFlag(FLAGS_sentence_punctuation_only);
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<EmbeddedPipeline> embedded,
                           EmbeddedPipeline::Create(std::move(options)));
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<BatchOutput> output,
                           BatchOutput::Open(files.size()));
  const std::string job_id = "embedded";
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
    GLEANER_ASSIGN_OR_RETURN(v1::CorpusView view,
                             embedded->aggregator().GetView(request));
    GLEANER_RETURN_IF_ERROR(WriteJson(view, absl::GetFlag(FLAGS_corpus_view)));
  }
  PrintSummary(summary);
  return absl::OkStatus();
}

absl::Status Submit(const std::vector<std::string>& inputs) {
  const std::string address = absl::GetFlag(FLAGS_coordinator);
  if (address.empty()) {
    return absl::InvalidArgumentError("submit needs --coordinator=HOST:PORT");
  }
  GLEANER_ASSIGN_OR_RETURN(std::vector<std::string> files,
                           ExpandInputs(inputs));
  GLEANER_ASSIGN_OR_RETURN(std::unique_ptr<BatchOutput> output,
                           BatchOutput::Open(files.size()));
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  auto stub = v1::Coordinator::NewStub(grpc::CreateCustomChannel(
      address, grpc::InsecureChannelCredentials(), args));
  grpc::ClientContext context;
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
  PrintSummary(end.summary());
  return absl::OkStatus();
}

}  // namespace
}  // namespace cli
}  // namespace gleaner

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "gleaner run INPUT... [--output=FILE]\n"
      "gleaner submit --coordinator=HOST:PORT INPUT... [--output=FILE]");
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() < 3) {
    std::cerr << absl::ProgramUsageMessage() << std::endl;
    return 2;
  }
  const std::string command = positional[1];
  std::vector<std::string> inputs(positional.begin() + 2, positional.end());
  absl::Status status;
  if (command == "run") {
    status = gleaner::cli::Run(inputs);
  } else if (command == "submit") {
    status = gleaner::cli::Submit(inputs);
  } else {
    std::cerr << "unknown command '" << command << "'\n"
              << absl::ProgramUsageMessage() << std::endl;
    return 2;
  }
  if (!status.ok()) {
    std::cerr << "gleaner: " << status << std::endl;
    return 1;
  }
  return 0;
}
