#include "cli/run_summary.h"

#include <algorithm>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"

namespace gleaner {
namespace cli {
namespace {

// Decodes the code point starting at text[*i] and advances *i past it.
uint32_t NextCodePoint(absl::string_view text, size_t* i) {
  const unsigned char lead = text[*i];
  const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length && *i + k < text.size(); ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[*i + k]) & 0x3F);
  }
  *i += length;
  return code;
}

bool IsWide(uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
}

// `text` padded with spaces to `width` display columns.
std::string Pad(absl::string_view text, int width) {
  return absl::StrCat(text, std::string(std::max(0, width - DisplayWidth(text)), ' '));
}

std::string Row(absl::string_view label, absl::string_view value) {
  return absl::StrCat("  ", Pad(label, 18), value, "\n");
}

}  // namespace

int DisplayWidth(absl::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) width += IsWide(NextCodePoint(text, &i)) ? 2 : 1;
  return width;
}

void RunSummary::Add(const v1::DocumentResult& result) {
  if (result.errors_size() > 0) ++failed_documents_;
  for (const v1::StageError& error : result.errors()) {
    ++failures_by_stage_[std::string(absl::StripPrefix(v1::Stage_Name(error.stage()), "STAGE_"))];
  }
  if (result.skipped_as_duplicate()) return;
  for (const v1::Entity& entity : result.entities()) {
    if (entity.flagged()) continue;  // boilerplate, as the aggregator counts
    ++mentions_[entity.canonical().empty() ? entity.text() : entity.canonical()];
  }
  for (const v1::Amount& amount : result.amounts()) {
    // A conversion (62억달러(약 9조원)) restates another amount.
    if (amount.kind() == v1::AMOUNT_KIND_MONEY && !amount.has_conversion_of()) {
      AddMoney(result, amount);
    }
  }
}

void RunSummary::AddMoney(const v1::DocumentResult& result, const v1::Amount& amount) {
  Money money;
  if (!absl::SimpleAtod(amount.value(), &money.value)) return;  // vague
  money.text = amount.text();
  money.currency = amount.currency();
  money.document_id = result.id();
  ++money_count_[money.currency];
  std::vector<Money>& kept = largest_[money.currency];
  // The same amount again (a repeated sentence, a near-duplicate page)
  // would crowd the list: keep each value once.
  for (const Money& other : kept) {
    if (other.value == money.value) return;
  }
  auto at = std::upper_bound(kept.begin(), kept.end(), money.value,
                             [](double v, const Money& m) { return v > m.value; });
  kept.insert(at, std::move(money));
  if (kept.size() > kKeptPerCurrency) kept.pop_back();
}

std::string RunSummary::Format(const v1::BatchSummary& totals, int top) const {
  std::string out = "gleaner: summary\n";
  absl::StrAppend(&out, Row("documents", absl::StrCat(totals.documents())));
  std::string failed = absl::StrCat(failed_documents_);
  for (const auto& [stage, count] : failures_by_stage_) {
    absl::StrAppend(&failed, failed == absl::StrCat(failed_documents_) ? "  (" : ", ", stage,
                    " ", count);
  }
  if (!failures_by_stage_.empty()) absl::StrAppend(&failed, ")");
  absl::StrAppend(&out, Row("failed", failed));
  absl::StrAppend(&out, Row("duplicates", absl::StrFormat("%d exact, %d near",
                                                          totals.exact_duplicates(),
                                                          totals.near_duplicates())));
  absl::StrAppend(&out, Row("found", absl::StrFormat("%d sentences, %d entities, %d amounts",
                                                     totals.sentences(), totals.entities(),
                                                     totals.amounts())));
  absl::StrAppend(&out, Row("input", absl::StrFormat("%.2f MB in %.2f s (%.1f MB/s)",
                                                     totals.input_bytes() / 1e6,
                                                     totals.elapsed_seconds(),
                                                     totals.megabytes_per_second())));
  std::vector<std::pair<std::string, uint64_t>> entities(mentions_.begin(), mentions_.end());
  std::sort(entities.begin(), entities.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (!entities.empty()) absl::StrAppend(&out, "  top entities      mentions\n");
  for (size_t i = 0; i < entities.size() && i < static_cast<size_t>(top); ++i) {
    absl::StrAppend(&out, "    ", Pad(entities[i].first, 24), entities[i].second, "\n");
  }
  // Currencies cannot be compared without rates: the largest per currency,
  // the currencies with the most amounts first.
  std::vector<const std::pair<const std::string, std::vector<Money>>*> currencies;
  for (const auto& entry : largest_) currencies.push_back(&entry);
  std::stable_sort(currencies.begin(), currencies.end(), [this](auto* a, auto* b) {
    return money_count_.at(a->first) > money_count_.at(b->first);
  });
  if (!currencies.empty()) absl::StrAppend(&out, "  largest amounts\n");
  for (size_t c = 0; c < currencies.size() && c < 3; ++c) {
    const auto& [currency, kept] = *currencies[c];
    for (size_t i = 0; i < kept.size() && i < static_cast<size_t>(std::min(top, 3)); ++i) {
      absl::StrAppend(&out, "    ", Pad(currency, 5), Pad(kept[i].text, 24), kept[i].document_id,
                      "\n");
    }
  }
  return out;
}

}  // namespace cli
}  // namespace gleaner
