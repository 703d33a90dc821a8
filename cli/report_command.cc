#include "cli/report_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/command_line.h"

namespace gleaner {
namespace cli {

std::vector<std::string> ReportCommand(const std::vector<std::string>& inputs,
                                       const std::string& corpus_view,
                                       const std::string& output) {
  const char* python = std::getenv("GLEANER_PYTHON");
  std::vector<std::string> argv = {python != nullptr && *python ? python : "/usr/bin/python3",
                                   "-m", "gleaner", "report"};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  if (!corpus_view.empty()) argv.push_back("--corpus-view=" + corpus_view);
  argv.push_back("--output=" + output);
  return argv;
}

int RunReport(const std::vector<std::string>& inputs, const std::string& corpus_view,
              const std::string& output) {
  if (inputs.size() != 1 || output.empty() || output == "-") {
    std::cerr << "usage: gleaner report RESULTS.jsonl [--corpus_view=VIEW.json] "
                 "--output=REPORT.html\n";
    return kExitUsage;
  }
  const std::vector<std::string> command = ReportCommand(inputs, corpus_view, output);
  std::vector<char*> argv;
  for (const std::string& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child == 0) {
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) < 0 || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    std::cerr << "gleaner: the report is written by the Python package; install it with\n"
                 "  /usr/bin/python3 -m pip install --no-build-isolation "
                 "--break-system-packages ./clients/python\n"
                 "(or set GLEANER_PYTHON to an interpreter that has it)\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace cli
}  // namespace gleaner
