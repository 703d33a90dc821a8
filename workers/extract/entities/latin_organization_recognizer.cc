// Scale Labs, Zenith Labs, Calico Labs Inc.: capitalised Latin words
// ending in a corporate word (latin_corporate_words), as one organisation.
// A match is made of Latin letters, digits, `&`, spaces, dots and the
// corporate words' bytes only, so RE2 runs on the runs of such bytes that
// start with a capital and hold a space before a corporate word's first
// byte: most of a Korean text is never scanned.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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
  LatinOrganizationRecognizer(std::unique_ptr<const RE2> pattern, const std::vector<std::string>& words)
      : pattern_(std::move(pattern)) {
    for (int c = 0; c < 256; ++c) in_match_[c] = IsAsciiAlnum(c) || c == '&' || c == ' ' || c == '.';
    word_first_.fill(false);
    for (const std::string& w : words) {
      for (unsigned char c : w) in_match_[c] = true;
      word_first_[static_cast<unsigned char>(w[0])] = true;
    }
  }

  absl::string_view name() const override { return "latin_organization"; }

  void Run(Document* doc) const override {
    const absl::string_view text = doc->text();
    // Every match starts with a capital: from each capital, the run of bytes
    // a match can hold. The pattern has no anchors, so matches inside the
    // run are those RE2 finds in the whole text.
    for (size_t i = NextCapital(text, 0); i < text.size(); i = NextCapital(text, i + 1)) {
      size_t end = i + 1;
      bool candidate = false;
      while (end < text.size() && in_match_[static_cast<unsigned char>(text[end])]) {
        candidate = candidate || (text[end - 1] == ' ' && word_first_[static_cast<unsigned char>(text[end])]);
        ++end;
      }
      if (candidate) MatchRun(doc, i, end);
      i = end;
    }
  }

 private:
  void MatchRun(Document* doc, size_t begin, size_t end) const {
    const absl::string_view text = doc->text();
    re2::StringPiece input(text.data() + begin, end - begin);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, *pattern_, &match)) {
      const absl::string_view name(match.data(), match.size());
      const size_t b = static_cast<size_t>(name.data() - text.data());
      if (doc->StartOk(b) && doc->EndOk(b, b + name.size())) {
        doc->Add(b, b + name.size(), EntityType::kOrganization, std::string(name), MatchMethod::kPattern);
      }
    }
  }

  // Returns the offset of the first capital at or after `i` (or the size),
  // eight bytes at a time while none of them is one (Hacker's Delight's
  // test for a byte between two values, exact for any bytes).
  static size_t NextCapital(absl::string_view text, size_t i) {
    constexpr uint64_t kOnes = ~uint64_t{0} / 255, kHigh = kOnes * 128, kLow = kOnes * 127;
    for (; i + 8 <= text.size(); i += 8) {
      uint64_t x;
      std::memcpy(&x, text.data() + i, 8);
      const uint64_t low = x & kLow;
      if ((((kOnes * (127 + 'Z' + 1) - low) & ~x & (low + kOnes * (127 - ('A' - 1)))) & kHigh) != 0) break;
    }
    for (; i < text.size(); ++i) {
      if (text[i] >= 'A' && text[i] <= 'Z') return i;
    }
    return i;
  }

  std::unique_ptr<const RE2> pattern_;
  std::array<bool, 256> in_match_;    // bytes a match can contain
  std::array<bool, 256> word_first_;  // the corporate words' first bytes
};

}  // namespace

absl::StatusOr<RecognizerPtr> NewLatinOrganizationRecognizer(const Lexicons& lexicons) {
  std::vector<std::string> words, quoted;
  for (absl::string_view w : lexicons.Get("latin_corporate_words")) {
    words.emplace_back(w);
    quoted.push_back(RE2::QuoteMeta(re2::StringPiece(w.data(), w.size())));
  }
  if (words.empty()) return absl::InvalidArgumentError("the list latin_corporate_words is empty");
  // The longest first: RE2 takes the first alternative that matches, and
  // Corp must not end Acme Corporation early.
  std::sort(quoted.begin(), quoted.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  static constexpr absl::string_view kLatinWord = R"([A-Z][A-Za-z0-9&]*)";
  RE2::Options options;
  options.set_log_errors(false);
  auto pattern = std::make_unique<const RE2>(
      absl::StrCat("(", kLatinWord, "(?: ", kLatinWord, ")* (?:", absl::StrJoin(quoted, "|"), R"()\.?))"), options);
  if (!pattern->ok()) {
    return absl::InvalidArgumentError(absl::StrCat("bad Latin organisation pattern: ", pattern->error()));
  }
  return RecognizerPtr(std::make_unique<LatinOrganizationRecognizer>(std::move(pattern), words));
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
