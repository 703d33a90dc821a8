#include "services/aggregator/stories/story_fingerprint.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace gleaner {
namespace aggregator {
namespace stories {
namespace {

// Separates the keys of one field; a control character that no canonical
// name or decimal contains.
constexpr char kKeySeparator[] = "\x1f";
// The version tag that starts every encoded line.
constexpr absl::string_view kVersion = "sfp1";

void SortUnique(std::vector<std::string>* keys) {
  std::sort(keys->begin(), keys->end());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
}

bool IsParty(const v1::Entity& entity) {
  return entity.type() == v1::ENTITY_TYPE_ORGANIZATION ||
         entity.type() == v1::ENTITY_TYPE_PERSON;
}

// True when `offset` lies in a boilerplate block. Entity.flagged also marks
// text repeated from earlier documents, which is exactly what a rewrite of
// a wire story shares, so it cannot be used here.
bool InBoilerplate(const v1::DocumentResult& result, uint32_t offset) {
  for (const v1::TextBlock& block : result.blocks()) {
    if (block.boilerplate() && offset >= block.begin() && offset < block.end()) return true;
  }
  return false;
}

std::string SumKey(const v1::Amount& amount) {
  return absl::StrCat(amount.currency(), ":", amount.value());
}

// A sum a rewrite keeps: money with an exact value, not a conversion (an
// outlet may convert at another rate or not at all).
bool IsSum(const v1::Amount& amount) {
  return amount.kind() == v1::AMOUNT_KIND_MONEY && !amount.vague() &&
         !amount.value().empty() && !amount.has_conversion_of();
}

std::string RelationKey(v1::AmountRelation relation) {
  std::string name = v1::AmountRelation_Name(relation);
  constexpr absl::string_view kPrefix = "AMOUNT_RELATION_";
  if (absl::string_view(name).substr(0, kPrefix.size()) == kPrefix) {
    name.erase(0, kPrefix.size());
  }
  return name;
}

std::vector<std::string> SplitKeys(absl::string_view field) {
  if (field.empty()) return {};
  return absl::StrSplit(field, kKeySeparator);
}

}  // namespace

StoryFingerprint FingerprintOf(const v1::DocumentResult& result, uint32_t begin,
                               uint32_t end) {
  StoryFingerprint print;
  print.id = result.id();
  if (begin != 0 || end != std::numeric_limits<uint32_t>::max()) {
    absl::StrAppend(&print.id, "#", begin);
  }
  const auto inside = [&](uint32_t offset) {
    return offset >= begin && offset < end && !InBoilerplate(result, offset);
  };
  for (const v1::Entity& entity : result.entities()) {
    if (IsParty(entity) && inside(entity.begin())) print.entities.push_back(entity.canonical());
  }
  for (const v1::Amount& amount : result.amounts()) {
    if (IsSum(amount) && inside(amount.begin())) print.sums.push_back(SumKey(amount));
  }
  for (const v1::AmountAttribution& claim : result.attributions()) {
    if (claim.amount_index() >= static_cast<uint32_t>(result.amounts_size())) continue;
    const v1::Amount& amount = result.amounts(claim.amount_index());
    if (!inside(amount.begin()) || !IsSum(amount) || claim.canonical().empty()) continue;
    print.claims.push_back(absl::StrCat(claim.canonical(), "|",
                                        RelationKey(claim.relation()), "|",
                                        SumKey(amount)));
  }
  SortUnique(&print.entities);
  SortUnique(&print.sums);
  SortUnique(&print.claims);
  return print;
}

std::string EncodeFingerprint(const StoryFingerprint& print) {
  return absl::StrCat(kVersion, "\t", print.id, "\t",
                      absl::StrJoin(print.entities, kKeySeparator), "\t",
                      absl::StrJoin(print.sums, kKeySeparator), "\t",
                      absl::StrJoin(print.claims, kKeySeparator));
}

absl::StatusOr<StoryFingerprint> DecodeFingerprint(absl::string_view line) {
  std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
  if (fields.size() != 5 || fields[0] != kVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a story fingerprint (want 5 tab-separated fields starting with ",
                     kVersion, "): ", line.substr(0, 80)));
  }
  StoryFingerprint print;
  print.id = std::string(fields[1]);
  print.entities = SplitKeys(fields[2]);
  print.sums = SplitKeys(fields[3]);
  print.claims = SplitKeys(fields[4]);
  for (const auto* keys : {&print.entities, &print.sums, &print.claims}) {
    if (!std::is_sorted(keys->begin(), keys->end()) ||
        std::adjacent_find(keys->begin(), keys->end()) != keys->end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("story fingerprint ", print.id, ": keys not sorted and unique"));
    }
  }
  return print;
}

}  // namespace stories
}  // namespace aggregator
}  // namespace gleaner
