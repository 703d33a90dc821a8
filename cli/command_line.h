// The `gleaner` command's surface: commands, per-command help, exit codes
// and the version string.
//
//   if (const Command* command = FindCommand(argv[1])) {
//     std::cout << CommandHelp(*command);
//   }
#ifndef GLEANER_CLI_COMMAND_LINE_H_
#define GLEANER_CLI_COMMAND_LINE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace gleaner {
namespace cli {

// Exit codes, documented in README.md and `gleaner --help`.
enum ExitCode {
  // Every document went through every stage.
  kExitOk = 0,
  // The batch ran, but at least one document has a stage error.
  kExitDocumentsFailed = 1,
  // The command line was wrong.
  kExitUsage = 2,
  // The batch could not run or finish: unreadable input, unwritable output,
  // coordinator unreachable, stream broken.
  kExitFatal = 3,
  // dedup-check: a record in the middle of the index log is damaged.
  kExitIndexDamaged = 4,
  // submit: the batch finished but is incomplete: documents without a
  // result, results repeated for one id, results missing a stage without an
  // error, or a corpus view covering fewer documents than the job.
  kExitIncomplete = 5,
  // submit: the job was interrupted (coordinator drained or gone) and could
  // not be resumed automatically; stderr gives the `--resume` command.
  kExitInterrupted = 6,
};

// One subcommand.
struct Command {
  std::string name;
  std::string synopsis;
  std::string description;
  // Flags (names without dashes) that the command reads.
  std::vector<std::string> flags;
};

// Returns every command, in help order.
const std::vector<Command>& Commands();

// Returns the command named `name`, or nullptr.
const Command* FindCommand(absl::string_view name);

// Returns the help of one command: synopsis, description and its flags
// with their help texts and defaults (from the registered absl flags).
std::string CommandHelp(const Command& command);

// Returns `gleaner --help`: the commands and the exit codes.
std::string GeneralHelp();

// Returns "gleaner 0.1.0" and how the binary was compiled (optimisation,
// assertions), for --version.
std::string VersionString();

// Checks that every flag in `args` (argv without the program) exists and
// that its value parses, so that a bad flag exits with kExitUsage rather
// than absl's own exit code. kInvalidArgument naming the flag otherwise.
absl::Status CheckFlags(const std::vector<std::string>& args);

// Returns true when `args` (argv after the command) ask for help.
bool WantsHelp(const std::vector<std::string>& args);

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_COMMAND_LINE_H_
