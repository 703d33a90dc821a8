#include <utility>
#include <vector>

#include "workers/extract/entities/recognizer.h"

namespace gleaner {
namespace workers {
namespace extract {
namespace entities {

absl::StatusOr<std::vector<RecognizerPtr>> DefaultPipeline(const Lexicons& lexicons, const Gazetteer& gazetteer) {
  absl::StatusOr<RecognizerPtr> latin = NewLatinOrganizationRecognizer(lexicons);
  if (!latin.ok()) return latin.status();
  std::vector<RecognizerPtr> pipeline;
  // Known names first, then names by context (the earlier wins an overlap).
  pipeline.push_back(NewGazetteerRecognizer(lexicons));
  pipeline.push_back(NewContextAliasRecognizer(gazetteer));
  pipeline.push_back(NewRomanizedNameRecognizer(lexicons));
  pipeline.push_back(NewSurnameHonorificRecognizer(lexicons));
  pipeline.push_back(NewSuffixOrganizationRecognizer(lexicons));
  // Joins a place to the organisation just found after it.
  pipeline.push_back(NewPlaceUnitRecognizer());
  pipeline.push_back(NewTitledPersonRecognizer(lexicons));
  pipeline.push_back(NewIntroducedNameRecognizer(lexicons));
  pipeline.push_back(NewIntroducedOrganizationRecognizer(lexicons));
  pipeline.push_back(NewAgedPersonRecognizer(lexicons));
  pipeline.push_back(NewSingleForeignNameRecognizer(lexicons));
  pipeline.push_back(NewSpacedOrganizationRecognizer(lexicons));
  pipeline.push_back(NewUniversityShortFormRecognizer(lexicons));
  pipeline.push_back(NewCountryAbbreviationRecognizer(lexicons));
  pipeline.push_back(*std::move(latin));
  // Over the names found: aliases, then coreference before bare surnames
  // with a title (which become their own people only if nothing joins them).
  pipeline.push_back(NewAliasRecognizer(lexicons));
  pipeline.push_back(NewCoreferenceRecognizer());
  pipeline.push_back(NewSurnameTitleRecognizer());
  // Joins and readings over the whole document.
  pipeline.push_back(NewPlaceChainRecognizer(lexicons));
  pipeline.push_back(NewPartyNameRecognizer(lexicons));
  pipeline.push_back(NewBareKoreanNameRecognizer(lexicons));
  return pipeline;
}

}  // namespace entities
}  // namespace extract
}  // namespace workers
}  // namespace gleaner
