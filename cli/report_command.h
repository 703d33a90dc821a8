// `gleaner report`: hands the run's files to the Python package's report
// writer (clients/python/gleaner/report.py), which owns the HTML.
//
//   return RunReport({"results.jsonl"}, "view.json", "report.html");
#ifndef GLEANER_CLI_REPORT_COMMAND_H_
#define GLEANER_CLI_REPORT_COMMAND_H_

#include <string>
#include <vector>

namespace gleaner {
namespace cli {

// Returns the argv of `python3 -m gleaner report ...` for the inputs: the
// interpreter is $GLEANER_PYTHON, else /usr/bin/python3 (Debian's, which
// has grpc and protobuf).
std::vector<std::string> ReportCommand(const std::vector<std::string>& inputs,
                                       const std::string& corpus_view,
                                       const std::string& output);

// Runs ReportCommand and returns an ExitCode: its exit status, or kExitFatal
// (with a hint to install the package) when Python could not run it.
int RunReport(const std::vector<std::string>& inputs, const std::string& corpus_view,
              const std::string& output);

}  // namespace cli
}  // namespace gleaner

#endif  // GLEANER_CLI_REPORT_COMMAND_H_
