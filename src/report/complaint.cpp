#include "report/complaint.hpp"

#include "report/table.hpp"
#include "report/text.hpp"
#include "serial/json_values.hpp"

namespace truce::report {
namespace {

using serial::JsonValue;

std::string dump(const JsonValue& value) {
  return value.dump(-1, ' ', false, JsonValue::error_handler_t::replace);
}

JsonValue step_value(const std::optional<ComplaintStep>& step) {
  if (!step) {
    return nullptr;
  }
  return {{"by", step->by}, {"at", step->at}};
}

JsonValue complaint_value(const Complaint& complaint) {
  JsonValue value = JsonValue::object();
  value["id"] = complaint.id;
  value["state"] = complaint.state;
  value["party"] = complaint.party;
  value["claim"] = complaint.claim.str();
  value["document"] = complaint.document.str();
  value["incident"] = complaint.incident ? JsonValue(complaint.incident->str()) : nullptr;
  value["filed"] = step_value(complaint.filed);
  value["review"] = step_value(complaint.review);
  if (complaint.found && complaint.outcome) {
    value["finding"] = {{"outcome", *complaint.outcome},
                        {"text", complaint.finding},
                        {"by", complaint.found->by},
                        {"at", complaint.found->at}};
  } else {
    value["finding"] = nullptr;
  }
  value["updated_at"] = complaint.updated_at;
  return value;
}

void field(std::string& text, std::string_view name, const std::string& value) {
  text += "  ";
  text += name;
  text.append(name.size() < 10 ? 10 - name.size() : 1, ' ');
  text += value + "\n";
}

}  // namespace

std::string complaint_object_json(const Complaint& complaint) {
  return dump(complaint_value(complaint));
}

std::string complaint_json(const Complaint& complaint, const ClaimRecord& claim) {
  JsonValue value = JsonValue::object();
  value["complaint"] = complaint_value(complaint);
  value["claim"] = serial::claim_value(claim.claim, &claim.document);
  return dump(value) + "\n";
}

std::string complaints_json(const std::vector<Complaint>& complaints, int limit,
                            const std::optional<std::string>& next_cursor) {
  JsonValue value = JsonValue::object();
  value["complaints"] = JsonValue::array();
  for (const Complaint& complaint : complaints) {
    value["complaints"].push_back(complaint_value(complaint));
  }
  value["limit"] = limit;
  value["next_cursor"] = next_cursor ? JsonValue(*next_cursor) : nullptr;
  return dump(value) + "\n";
}

std::string complaint_text(const Complaint& complaint, const ClaimRecord& claim) {
  std::string text = "complaint " + complaint.id + "\n";
  field(text, "state", complaint.state);
  field(text, "party", complaint.party);
  field(text, "incident", complaint.incident ? complaint.incident->str() : "(none)");
  field(text, "filed", complaint.filed.at + " by " + complaint.filed.by);
  if (complaint.review) {
    field(text, "review", complaint.review->at + " by " + complaint.review->by);
  }
  if (complaint.found && complaint.outcome) {
    field(text, "finding",
          *complaint.outcome + ", " + complaint.found->at + " by " + complaint.found->by);
    field(text, "", complaint.finding);
  }
  return text + "\n" + claim_detail(claim);
}

std::string complaints_table(const std::vector<Complaint>& complaints) {
  Table table({"complaint", "state", "party", "filed", "incident", "outcome"});
  for (const Complaint& complaint : complaints) {
    table.add_row({complaint.id, complaint.state, complaint.party, complaint.filed.at,
                   complaint.incident ? complaint.incident->str() : "-",
                   complaint.outcome.value_or("-")});
  }
  return table.render();
}

}  // namespace truce::report
