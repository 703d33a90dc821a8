// Context aliases: a short name that counts only near a mention of a related
// entity. With gazetteer metadata context=Nemotron 3;context_alias=Nano|나노,
// a bare 나노 within a window after a mention of Nemotron 3 is Nemotron 3 Nano.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {
namespace {

class ContextAliasRecognizer : public Recognizer {
 public:
  explicit ContextAliasRecognizer(const Gazetteer& gazetteer) {
    for (uint32_t i = 0; i < gazetteer.size(); ++i) {
      Rule rule{i, "", {}};
      for (const auto& [key, value] : gazetteer.entry(i).metadata) {
        if (key == "context") rule.context = value;
        if (key == "context_alias") {
          for (absl::string_view a : absl::StrSplit(value, '|', absl::SkipWhitespace())) rule.aliases.emplace_back(a);
        }
      }
      if (!rule.context.empty() && !rule.aliases.empty()) rules_.push_back(std::move(rule));
    }
  }

  absl::string_view name() const override { return "context_alias"; }

  void Run(Document* doc) const override {
    static constexpr size_t kWindow = 2000;  // bytes after the context mention
    const absl::string_view text = doc->text();
    const size_t num_mentions = doc->mentions().size();
    for (const Rule& rule : rules_) {
      for (size_t mi = 0; mi < num_mentions; ++mi) {
        if (doc->mentions()[mi].canonical != rule.context) continue;
        const size_t from = doc->mentions()[mi].end;
        // Search the window only, not the rest of the document.
        const absl::string_view window = text.substr(0, std::min(text.size(), from + kWindow));
        for (const std::string& alias : rule.aliases) {
          for (size_t pos = window.find(alias, from); pos != absl::string_view::npos;
               pos = window.find(alias, pos + 1)) {
            if (doc->StartOk(pos) && doc->EndOk(pos, pos + alias.size())) {
              doc->AddEntry(pos, pos + alias.size(), rule.entry, MatchMethod::kAlias);
            }
          }
        }
      }
    }
  }

 private:
  struct Rule {
    uint32_t entry;
    std::string context;
    std::vector<std::string> aliases;
  };
  std::vector<Rule> rules_;
};

}  // namespace

RecognizerPtr NewContextAliasRecognizer(const Gazetteer& gazetteer) {
  return std::make_unique<ContextAliasRecognizer>(gazetteer);
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
