// Scale Labs, Zenith Labs, Calico Labs Inc.: capitalised Latin words
// ending in a corporate word (latin_corporate_words), as one organisation.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "re2/re2.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class LatinOrganizationRecognizer : public Recognizer {
 public:
  explicit LatinOrganizationRecognizer(std::unique_ptr<const RE2> pattern) : pattern_(std::move(pattern)) {}

  absl::string_view name() const override { return "latin_organization"; }

  void Run(Document* doc) const override {
    const absl::string_view text = doc->text();
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, *pattern_, &match)) {
      const absl::string_view name(match.data(), match.size());
      const size_t b = static_cast<size_t>(name.data() - text.data());
      if (doc->StartOk(b) && doc->EndOk(b, b + name.size())) {
        doc->Add(b, b + name.size(), EntityType::kOrganization, std::string(name), MatchMethod::kPattern);
      }
    }
  }

 private:
  std::unique_ptr<const RE2> pattern_;
};

}  // namespace

absl::StatusOr<RecognizerPtr> NewLatinOrganizationRecognizer(const Lexicons& lexicons) {
  std::vector<std::string> words;
  for (absl::string_view w : lexicons.Get("latin_corporate_words")) {
    words.push_back(RE2::QuoteMeta(re2::StringPiece(w.data(), w.size())));
  }
  if (words.empty()) return absl::InvalidArgumentError("the list latin_corporate_words is empty");
  // The longest first: RE2 takes the first alternative that matches, and
  // Corp must not end Acme Corporation early.
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  static constexpr absl::string_view kLatinWord = R"([A-Z][A-Za-z0-9&]*)";
  RE2::Options options;
  options.set_log_errors(false);
  auto pattern = std::make_unique<const RE2>(
      absl::StrCat("(", kLatinWord, "(?: ", kLatinWord, ")* (?:", absl::StrJoin(words, "|"), R"()\.?))"), options);
  if (!pattern->ok()) {
    return absl::InvalidArgumentError(absl::StrCat("bad Latin organisation pattern: ", pattern->error()));
  }
  return RecognizerPtr(std::make_unique<LatinOrganizationRecognizer>(std::move(pattern)));
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
