// The coordinator server:
//   gleaner_coordinator --port=7000 --dedup=h1:7001 --sentence=h1:7002,h2:7002
//       --extract=h1:7003,h2:7003 --aggregator=h1:7004
// Each worker flag takes a comma-separated list of replicas, each host:port
// or dns:///name:port (every address the name resolves to, looked up again
// as pods come and go); dedup entries are shards, one each (every document
// goes to each of them). See docs/operations.md, "Balancing".
// Security (docs/security.md): --tls_cert/--tls_key/--tls_ca (its
// certificate serves clients and identifies it to the stages) and
// --token_file (clients' bearer tokens), or --plaintext.
#include <functional>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "proto/gleaner/v1/aggregator_service.grpc.pb.h"
#include "proto/gleaner/v1/extract_service.grpc.pb.h"
#include "proto/gleaner/v1/sentence_service.grpc.pb.h"
#include "services/common/document_limits.h"
#include "services/common/event_log.h"
#include "services/common/grpc_status.h"
#include "services/common/security_flags.h"
#include "services/common/server_flags.h"
#include "services/common/server_runner.h"
#include "services/coordinator/client_auth.h"
#include "services/coordinator/coordinator_service.h"
#include "services/coordinator/pipeline.h"
#include "services/coordinator/remote_stage_client.h"
#include "services/coordinator/replica_pool.h"
#include "services/coordinator/sharded_dedup_client.h"

ABSL_FLAG(int, port, 7000, "Port to listen on (0 picks a free one).");
ABSL_FLAG(std::string, dedup, "", "Dedup shards, host:port,...");
ABSL_FLAG(std::string, sentence, "", "Sentence replicas, host:port,...");
ABSL_FLAG(std::string, extract, "", "Extract replicas, host:port,...");
ABSL_FLAG(std::string, aggregator, "", "Aggregator address host:port.");
ABSL_FLAG(int, max_in_flight, 64, "Documents in flight per batch.");
ABSL_FLAG(int, parallelism, 8,
          "Threads per batch carrying documents through the stages.");
ABSL_FLAG(absl::Duration, stage_deadline, absl::Seconds(60),
          "Deadline of one attempt of one stage on one document.");
ABSL_FLAG(int, max_attempts, 3, "Attempts per document and stage.");
ABSL_FLAG(absl::Duration, stage_budget,
          gleaner::coordinator::RemoteStageOptions().budget,
          "Longest one document may spend at one stage, over all attempts, "
          "back-offs and waits for a restarting replica.");
ABSL_FLAG(absl::Duration, ejection_time,
          gleaner::coordinator::ReplicaPoolOptions().ejection_time,
          "First cool-down of a replica ejected for timing out or failing "
          "repeatedly (doubles on repeats).");
ABSL_FLAG(int, max_consecutive_failures,
          gleaner::coordinator::ReplicaPoolOptions().max_consecutive_failures,
          "Consecutive failed calls that eject a replica (one timeout does).");
ABSL_FLAG(absl::Duration, probe_interval,
          gleaner::coordinator::ReplicaPoolOptions().probe_interval,
          "How often every replica's grpc.health.v1 status is checked.");
ABSL_FLAG(absl::Duration, resolve_interval,
          gleaner::coordinator::ReplicaPoolOptions().resolve_interval,
          "How often dns:/// worker targets are looked up again.");
ABSL_FLAG(std::string, journal_dir, "",
          "Directory of the job journals (one file per job), so that clients "
          "resume jobs after a crash or drain; a volume shared by every "
          "coordinator replica that may resume another's jobs. Empty: jobs "
          "are not journaled and cannot be resumed.");
ABSL_FLAG(absl::Duration, drain_grace, absl::Seconds(30),
          "On SIGTERM: how long open streams may finish the documents they "
          "admitted (no new ones are admitted) before the clients are told "
          "to resume and the server stops.");
ABSL_FLAG(std::string, token_file, "",
          "Clients' bearer tokens, one 'NAME TOKEN' line per client; "
          "required unless --plaintext.");

namespace gleaner {
namespace coordinator {
namespace {

// The gRPC service's name: its health service and its log lines' "service".
constexpr char kService[] = "gleaner.v1.Coordinator";

// `credentials`: the coordinator's TLS identity towards the stages.
RemoteStageOptions StageOptions(
    const std::string& addresses,
    std::shared_ptr<grpc::ChannelCredentials> credentials) {
  RemoteStageOptions options;
  options.credentials = std::move(credentials);
  options.addresses = absl::StrSplit(addresses, ',', absl::SkipEmpty());
  options.deadline = absl::GetFlag(FLAGS_stage_deadline);
  options.max_attempts = absl::GetFlag(FLAGS_max_attempts);
  options.budget = absl::GetFlag(FLAGS_stage_budget);
  options.pool.ejection_time = absl::GetFlag(FLAGS_ejection_time);
  options.pool.max_consecutive_failures =
      absl::GetFlag(FLAGS_max_consecutive_failures);
  options.pool.probe_interval = absl::GetFlag(FLAGS_probe_interval);
  options.pool.resolve_interval = absl::GetFlag(FLAGS_resolve_interval);
  return options;
}

// `Client` is RemoteStageClient<...> or ShardedDedupClient.
template <typename Client>
std::unique_ptr<Client> Connect(
    const std::string& flag_name, const std::string& addresses,
    const std::shared_ptr<grpc::ChannelCredentials>& credentials) {
  auto client = Client::Create(StageOptions(addresses, credentials));
  if (!client.ok()) {
    LogServerFailed(kService,
                    absl::Status(client.status().code(),
                                 absl::StrCat("--", flag_name, ": ",
                                              client.status().message())));
    std::exit(2);
  }
  return *std::move(client);
}

// Ready while every stage (every dedup shard) has a usable replica.
std::function<bool()> EveryStageReady(std::vector<ReplicaPool*> pools) {
  return [pools = std::move(pools)] {
    for (ReplicaPool* pool : pools) {
      if (!pool->HasUsableReplica()) return false;
    }
    return true;
  };
}

// The clients' tokens from --token_file; null (no tokens) only with
// --plaintext.
absl::StatusOr<std::unique_ptr<ClientAuthenticator>> LoadAuthenticator() {
  if (!absl::GetFlag(FLAGS_token_file).empty()) {
    return ClientAuthenticator::FromFile(absl::GetFlag(FLAGS_token_file));
  }
  if (absl::GetFlag(FLAGS_plaintext)) return nullptr;
  return absl::InvalidArgumentError(
      "--token_file is required (clients' bearer tokens); only --plaintext "
      "runs without");
}

int Main() {
  if (absl::GetFlag(FLAGS_dedup).empty() ||
      absl::GetFlag(FLAGS_sentence).empty() ||
      absl::GetFlag(FLAGS_extract).empty() ||
      absl::GetFlag(FLAGS_aggregator).empty()) {
    LogServerFailed(kService, absl::InvalidArgumentError(
                                  "--dedup, --sentence, --extract and "
                                  "--aggregator are required"));
    return 2;
  }
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> stage_credentials =
      MakeChannelCredentials(TlsFilesFromFlags());
  if (!stage_credentials.ok()) {
    LogServerFailed(kService, stage_credentials.status());
    return 2;
  }
  const std::shared_ptr<grpc::ChannelCredentials> credentials =
      *std::move(stage_credentials);
  absl::StatusOr<std::unique_ptr<ClientAuthenticator>> authenticator =
      LoadAuthenticator();
  if (!authenticator.ok()) {
    LogServerFailed(kService, authenticator.status());
    return 2;
  }
  auto dedup = Connect<ShardedDedupClient>("dedup", absl::GetFlag(FLAGS_dedup),
                                           credentials);
  auto sentence = Connect<RemoteStageClient<v1::Sentence>>(
      "sentence", absl::GetFlag(FLAGS_sentence), credentials);
  auto extract = Connect<RemoteStageClient<v1::Extract>>(
      "extract", absl::GetFlag(FLAGS_extract), credentials);
  auto aggregate = Connect<RemoteStageClient<v1::Aggregator>>(
      "aggregator", absl::GetFlag(FLAGS_aggregator), credentials);
  std::vector<ReplicaPool*> pools = dedup->pools();
  pools.push_back(&sentence->pool());
  pools.push_back(&extract->pool());
  pools.push_back(&aggregate->pool());

  // The view is fetched over the aggregator's pool (its TLS identity and
  // message size), with the same retries that wait as its stage calls.
  ViewFetcher fetch_view = [&](const v1::GetViewRequest& request)
      -> absl::StatusOr<v1::CorpusView> {
    v1::CorpusView view;
    absl::Status status = aggregate->caller().Call(
        [&](const Replica& replica, grpc::ClientContext* context) {
          view.Clear();
          v1::Aggregator::Stub stub(replica.channel());
          return stub.GetView(context, request, &view);
        });
    if (!status.ok()) return status;
    return view;
  };

  PipelineOptions options;
  options.max_in_flight = absl::GetFlag(FLAGS_max_in_flight);
  options.parallelism = absl::GetFlag(FLAGS_parallelism);
  Pipeline pipeline(options, {dedup.get(), sentence.get(), extract.get(),
                              aggregate.get()});
  CoordinatorServiceOptions service_options;
  service_options.authenticator = authenticator->get();
  service_options.journal.dir = absl::GetFlag(FLAGS_journal_dir);
  if (!service_options.journal.dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(service_options.journal.dir, error);
    if (error) {
      LogServerFailed(kService, absl::FailedPreconditionError(absl::StrCat(
                                    "--journal_dir=", service_options.journal.dir,
                                    ": ", error.message())));
      return 2;
    }
  }
  CoordinatorService service(&pipeline, fetch_view, service_options);
  ServerRunnerOptions server_options;
  ApplyServerFlags(&server_options);
  server_options.readiness = EveryStageReady(std::move(pools));
  server_options.shutdown_grace = absl::GetFlag(FLAGS_drain_grace);
  server_options.before_shutdown = [&service](absl::Time deadline) {
    const size_t open = service.Drain(deadline);
    LogEvent(LogLevel::kInfo, "server_drained",
             {{"open_streams_at_deadline", open}});
  };
  const DocumentLimits limits;
  server_options.max_receive_message_bytes = limits.max_submit_message_bytes;
  server_options.max_threads = limits.coordinator_threads();
  // Clients authenticate with tokens, not certificates.
  if (absl::Status security =
          ApplySecurityFlags(ClientCertificates::kNone, &server_options);
      !security.ok()) {
    LogServerFailed(kService, security);
    return 2;
  }
  server_options.port = absl::GetFlag(FLAGS_port);
  server_options.name = kService;
  absl::Status status = RunServerUntilSignalled(server_options, {&service});
  if (!status.ok()) {
    LogServerFailed(kService, status);
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace coordinator
}  // namespace gleaner

int main(int argc, char** argv) {
  gleaner::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  return gleaner::coordinator::Main();
}
