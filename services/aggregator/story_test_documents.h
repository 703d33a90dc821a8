// Documents for the aggregator's tests, marked as the extract stage marks
// them: organisations and a sum of money in dollars.
#ifndef GLEANER_SERVICES_AGGREGATOR_STORY_TEST_DOCUMENTS_H_
#define GLEANER_SERVICES_AGGREGATOR_STORY_TEST_DOCUMENTS_H_

#include <string>
#include <vector>

#include "proto/gleaner/v1/document.pb.h"
#include "proto/gleaner/v1/stage.pb.h"

namespace gleaner {
namespace aggregator {

// Marks the first `money` of the result's text as a dollar amount.
inline void AddMoney(v1::DocumentResult& result, const std::string& money, const std::string& value) {
  const size_t at = result.text().find(money);
  v1::Amount* amount = result.add_amounts();
  amount->set_begin(at);
  amount->set_end(at + money.size());
  amount->set_kind(v1::AMOUNT_KIND_MONEY);
  amount->set_value(value);
  amount->set_currency("USD");
}

// A document of one story: its organisations and one sum, as the extract
// stage marks them.
inline v1::StageRequest StoryDocument(const std::string& job, const std::string& id,
                               const std::string& text, const std::vector<std::string>& names,
                               const std::string& money, const std::string& value) {
  v1::StageRequest request;
  request.set_job_id(job);
  v1::DocumentResult* result = request.mutable_result();
  result->set_id(id);
  result->set_text(text);
  result->add_sentences()->set_end(text.size());
  for (const std::string& name : names) {
    v1::Entity* e = result->add_entities();
    e->set_begin(text.find(name));
    e->set_end(text.find(name) + name.size());
    e->set_canonical(name);
    e->set_type(v1::ENTITY_TYPE_ORGANIZATION);
  }
  AddMoney(*result, money, value);
  return request;
}

}  // namespace aggregator
}  // namespace gleaner

#endif  // GLEANER_SERVICES_AGGREGATOR_STORY_TEST_DOCUMENTS_H_
