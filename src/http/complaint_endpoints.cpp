// Endpoints for complaints (docs/api.md, "Complaints"): a liaison officer
// files one for its party; it is reviewed and found on by the duty officer;
// each reader sees what its role allows (service/complaints.hpp).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "http/api.hpp"
#include "http/endpoint_support.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "report/complaint.hpp"

namespace truce::http {
namespace {

using Json = nlohmann::ordered_json;

service::ComplaintReader reader_of(const Exchange& exchange) {
  return {exchange.principal->role, exchange.principal->affiliation};
}

// The service's refusals with the stable codes of docs/api.md.
Response refusal_for(const Error& error) {
  if (error.context == service::kClaimantMismatch) {
    return problem(403, "claimant_mismatch", error.message, "claimant");
  }
  if (error.context == service::kForeignParty) {
    return problem(403, "forbidden", error.message, "party");
  }
  if (error.context == service::kInvalidTransition) {
    return problem(409, "invalid_transition", error.message);
  }
  if (error.code == ErrorCode::kInvalidInput) {
    const bool member = error.context == "outcome" || error.context == "text";
    return problem(400, "invalid_body", error.message, member ? error.context : "");
  }
  return problem_for(error);
}

Response step(Exchange& exchange, service::Monitor& monitor,
              service::ComplaintStepRequest request) {
  request.complaint = path_parameter(exchange);
  request.by = exchange.principal->name;
  auto view = monitor.advance_complaint(request);
  if (!view) {
    return refusal_for(view.error());
  }
  return json_response(report::complaint_json(view->complaint, view->claim));
}

}  // namespace

Response Api::file_complaint(Exchange& exchange, service::Monitor& monitor) {
  const service::Principal& who = *exchange.principal;
  if (!who.affiliation) {
    return problem(403, "forbidden", "a liaison officer without a party files no complaints");
  }
  auto view = monitor.file_complaint({exchange.body, who.name, *who.affiliation});
  if (!view) {
    return refusal_for(view.error());
  }
  return json_response(report::complaint_json(view->complaint, view->claim), 201);
}

Response Api::list_complaints(Exchange& exchange, service::Monitor& monitor) {
  storage::ComplaintQuery query;
  if (auto found = exchange.query.find("state"); found != exchange.query.end()) {
    if (std::find(kComplaintStates.begin(), kComplaintStates.end(), found->second) ==
        kComplaintStates.end()) {
      return problem(400, "invalid_parameter",
                     "state '" + found->second + "' is not one of filed, under_review, finding",
                     "state");
    }
    query.state = found->second;
  }
  if (auto found = exchange.query.find("party"); found != exchange.query.end()) {
    if (!is_valid_slug(found->second)) {
      return problem(400, "invalid_parameter",
                     "party '" + found->second + "' is not an actor id (a slug)", "party");
    }
    query.party = found->second;
  }
  auto page = page_request(exchange.query);
  if (!page) {
    return parameter_problem(page.error());
  }
  const auto& [limit, after] = *page;
  if (!after.empty()) {
    auto bar = after.find('|');
    if (bar == std::string::npos || after.compare(bar + 1, 4, "cmp_") != 0) {
      return problem(400, "invalid_parameter", "cursor is not one this API gave out", "cursor");
    }
    query.after = std::pair{after.substr(0, bar), after.substr(bar + 1)};
  }
  query.limit = limit + 1;  // one more tells whether another page follows
  auto found = monitor.complaints(query, reader_of(exchange));
  if (!found) {
    return refusal_for(found.error());
  }
  std::optional<std::string> next;
  if (more_than_page(*found, limit)) {
    next = encode_cursor(found->back().filed.at + "|" + found->back().id);
  }
  return json_response(report::complaints_json(*found, limit, next));
}

Response Api::get_complaint(Exchange& exchange, service::Monitor& monitor) {
  auto view = monitor.complaint(path_parameter(exchange), reader_of(exchange));
  if (!view) {
    return refusal_for(view.error());
  }
  return json_response(report::complaint_json(view->complaint, view->claim));
}

Response Api::review_complaint(Exchange& exchange, service::Monitor& monitor) {
  service::ComplaintStepRequest request;
  request.action = service::ComplaintAction::kReview;
  return step(exchange, monitor, request);
}

Response Api::record_finding(Exchange& exchange, service::Monitor& monitor) {
  Json body = Json::parse(exchange.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return problem(400, "invalid_body", R"(the body must be a JSON object {"outcome","text"})");
  }
  service::ComplaintStepRequest request;
  request.action = service::ComplaintAction::kFinding;
  for (const auto& [name, value] : body.items()) {
    if (name != "outcome" && name != "text") {
      return problem(400, "unknown_parameter", "member '" + name + "' is not accepted here", name);
    }
    if (!value.is_string()) {
      return problem(400, "invalid_body", "member '" + name + "' must be a string", name);
    }
    (name == "outcome" ? request.outcome : request.text) = value.get<std::string>();
  }
  return step(exchange, monitor, request);
}

}  // namespace truce::http
