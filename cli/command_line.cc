#include "cli/command_line.h"

#include <algorithm>

#include "absl/flags/reflection.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace gleaner {
namespace cli {

// Kept in step with clients/python/pyproject.toml.
constexpr char kVersion[] = "0.1.0";

const std::vector<Command>& Commands() {
  static const auto* const kCommands = new std::vector<Command>{
      {"run", "gleaner run INPUT... [--output=FILE] [--format=jsonl|csv]",
       "Runs the whole pipeline in this process (no servers) on files,\n"
       "directories, JSON Lines files of {id, source, text|content} records\n"
       "(*.jsonl) and '-' (records on stdin).",
       {"output", "format", "corpus_view", "progress", "dedup_index", "gazetteer", "lexicon",
        "max_in_flight", "parallelism", "store", "view_all_jobs", "view_source",
        "published_from", "published_to"}},
      {"submit",
       "gleaner submit --coordinator=HOST:PORT INPUT... [--output=FILE] [--format=jsonl|csv]",
       "Streams the inputs (as for run) to a running coordinator, over TLS\n"
       "(--tls_ca verifies the coordinator) with the bearer token in\n"
       "--token_file; --plaintext only for a coordinator started with it.\n"
       "Prints the job id first; when the coordinator drains or goes away\n"
       "the job is resumed against the same address (--resume_timeout), or\n"
       "later with --resume=JOB, the same inputs and the same --output file.",
       {"coordinator", "output", "format", "corpus_view", "progress", "token_file",
        "tls_ca", "tls_cert", "tls_key", "plaintext", "resume", "resume_timeout"}},
      {"report", "gleaner report RESULTS.jsonl [--corpus_view=VIEW.json] --output=REPORT.html",
       "Writes one self-contained HTML page (inline SVG charts, no network\n"
       "at view time) from a run's JSON Lines and corpus view: top entities,\n"
       "money by entity, co-occurrence, duplicate clusters and each document\n"
       "with its mentions and amounts highlighted. Runs the Python package\n"
       "(`python3 -m gleaner report`; install it with pip, see README.md).",
       {"output", "corpus_view"}},
      {"view", "gleaner view STORE [--job=JOB] [--view_source=SRC] [--output=VIEW.json]",
       "Writes the corpus view of a store (sqlite:PATH or\n"
       "postgresql:CONNINFO, see docs/store.md) as JSON: across every job,\n"
       "or one job with --job; filtered by source and publication day.\n"
       "Reads only what the aggregator keeps; no pipeline runs.",
       {"job", "view_source", "published_from", "published_to", "output"}},
      {"dedup-check", "gleaner dedup-check INDEX_DIR",
       "Verifies a dedup index offline (reads only): counts its intact\n"
       "records and tells a torn tail, which dedup_server drops on start,\n"
       "from damage in the middle of the log, which it refuses. Exit 0 when\n"
       "healthy, 4 when damaged.",
       {}},
      {"version", "gleaner version", "Prints the version (same as --version).", {}},
  };
  return *kCommands;
}

const Command* FindCommand(absl::string_view name) {
  for (const Command& command : Commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

std::string CommandHelp(const Command& command) {
  std::string out = absl::StrCat("usage: ", command.synopsis, "\n\n", command.description, "\n");
  if (!command.flags.empty()) absl::StrAppend(&out, "\nflags:\n");
  for (const std::string& name : command.flags) {
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag == nullptr) continue;
    absl::StrAppend(&out, "  --", name, "  (default: \"", flag->DefaultValue(), "\")\n      ",
                    flag->Help(), "\n");
  }
  return out;
}

std::string GeneralHelp() {
  std::string out = "usage: gleaner COMMAND [ARGS...]\n\ncommands:\n";
  for (const Command& command : Commands()) {
    absl::StrAppend(&out, "  ", command.synopsis, "\n");
  }
  absl::StrAppend(&out,
                  "\n`gleaner COMMAND --help` shows a command's flags.\n\n"
                  "exit codes:\n"
                  "  0  every document went through every stage\n"
                  "  1  the batch ran, but some documents failed (see their errors)\n"
                  "  2  usage error\n"
                  "  3  the batch could not run or finish (input, output, coordinator)\n"
                  "  4  dedup-check: the index is damaged\n"
                  "  5  submit: the batch is incomplete (documents without a result,\n"
                  "     a result missing a stage without an error, a partial view)\n"
                  "  6  submit: the job was interrupted; stderr gives the command\n"
                  "     that resumes it (gleaner submit --resume=JOB ...)\n");
  return out;
}

std::string VersionString() {
#ifdef __OPTIMIZE__
  const char* optimised = "optimised";
#else
  const char* optimised = "not optimised";
#endif
#ifdef NDEBUG
  const char* assertions = "assertions off";
#else
  const char* assertions = "assertions on";
#endif
  return absl::StrCat("gleaner ", kVersion, " (", optimised, ", ", assertions, ")\n");
}

namespace {

// Flags absl's parser handles itself; not all are found by name.
bool IsAbslBuiltin(absl::string_view name) {
  for (const char* builtin : {"help", "helpfull", "helpshort", "helppackage", "helpon",
                              "helpmatch", "version", "only_check_args", "flagfile",
                              "fromenv", "tryfromenv", "undefok"}) {
    if (name == builtin) return true;
  }
  return false;
}

}  // namespace

absl::Status CheckFlags(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    absl::string_view arg = args[i];
    if (arg == "--") break;  // the rest is positional
    if (arg.size() < 2 || arg[0] != '-') continue;
    arg.remove_prefix(arg[1] == '-' ? 2 : 1);
    const size_t equals = arg.find('=');
    const std::string name(arg.substr(0, equals));
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag == nullptr && absl::StartsWith(name, "no")) {
      flag = absl::FindCommandLineFlag(name.substr(2));  // --noprogress
      if (flag != nullptr && !flag->IsOfType<bool>()) flag = nullptr;
      if (flag != nullptr) continue;
    }
    if (flag == nullptr && IsAbslBuiltin(name)) continue;  // absl handles them
    if (flag == nullptr) return absl::InvalidArgumentError("unknown flag --" + name);
    if (equals == absl::string_view::npos) {
      if (!flag->IsOfType<bool>()) ++i;  // `--flag value`: the value is next
      continue;
    }
    std::string error;
    if (!flag->ParseFrom(arg.substr(equals + 1), &error)) {
      return absl::InvalidArgumentError(absl::StrCat("--", name, ": ", error));
    }
  }
  return absl::OkStatus();
}

bool WantsHelp(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& arg) {
    return arg == "--help" || arg == "-help" || arg == "-h" || arg == "--helpshort";
  });
}

}  // namespace cli
}  // namespace gleaner
