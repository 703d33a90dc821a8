// A main() for fuzz targets in ordinary builds (no libFuzzer, e.g. GCC):
// runs LLVMFuzzerTestOneInput once over every file named on the command line,
// or every file inside a named directory, so the seed corpora are replayed
// as a plain test. Under --config=fuzz the target links libFuzzer instead.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::string> InputFiles(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path().string());
      }
    } else {
      files.push_back(path.string());
    }
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> files = InputFiles(argc, argv);
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIR...  (no inputs found)\n", argv[0]);
    return 2;
  }
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", file.c_str());
      return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string data = buffer.str();
    std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.c_str(), data.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    // Every prefix length of a small input too: truncation finds most of the
    // boundary bugs a fuzzer finds first.
    if (data.size() <= 4096) {
      for (size_t n = 0; n < data.size(); ++n) {
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), n);
      }
    }
  }
  std::fprintf(stderr, "replayed %zu inputs\n", files.size());
  return 0;
}
