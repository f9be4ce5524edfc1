// Endpoints for incidents (listing from the stored summaries, one incident,
// analysts' corrections), publishing and joint verification, and the
// agreement registry.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <variant>

#include "http/api.hpp"
#include "http/endpoint_support.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "report/agreements.hpp"
#include "report/incident.hpp"

namespace truce::http {
namespace {

using Json = nlohmann::ordered_json;

// The stored summary object with the verification state added before its
// closing brace: no parse of what was rendered when the incident changed.
void append_summary(std::string& out, const storage::IncidentSummaryRow& row) {
  out.append(row.json, 0, row.json.size() - 1);
  out += R"(,"verification":{"state":")";
  out += row.state;
  out += R"(","published":)";
  out += row.published ? "true" : "false";
  out += "}}";
}

// A JSON object body: strings among `strings`, an array of strings for
// `claims`; anything else is a 400 naming the member.
struct DecisionBody {
  std::map<std::string, std::string, std::less<>> strings;
  std::vector<ClaimId> claims;
};

std::variant<DecisionBody, Response> decision_body(
    const Exchange& exchange, std::initializer_list<std::string_view> known,
    std::initializer_list<std::string_view> required) {
  auto object = object_body<Json>(exchange.body.empty() ? "{}" : exchange.body);
  if (auto* refused = std::get_if<Response>(&object)) {
    return std::move(*refused);
  }
  DecisionBody parsed;
  for (const auto& [name, value] : std::get<Json>(object).items()) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return problem(400, "unknown_parameter", "member '" + name + "' is not accepted here", name);
    }
    if (name == "claims") {
      if (!value.is_array() || value.empty()) {
        return problem(400, "invalid_body", "member 'claims' must be an array of claim ids", name);
      }
      for (const auto& claim : value) {
        if (!claim.is_string()) {
          return problem(400, "invalid_body", "member 'claims' must hold claim ids", name);
        }
        parsed.claims.emplace_back(claim.get<std::string>());
      }
      continue;
    }
    if (!value.is_string()) {
      return problem(400, "invalid_body", "member '" + name + "' must be a string", name);
    }
    parsed.strings.emplace(name, value.get<std::string>());
  }
  for (std::string_view name : required) {
    if (parsed.strings.find(name) == parsed.strings.end() &&
        !(name == "claims" && !parsed.claims.empty())) {
      return problem(400, "invalid_body", "member '" + std::string(name) + "' is required", name);
    }
  }
  return parsed;
}

Response decide(Exchange& exchange, service::Monitor& monitor, DecisionKind kind,
                std::initializer_list<std::string_view> known,
                std::initializer_list<std::string_view> required) {
  auto parsed = decision_body(exchange, known, required);
  if (auto* refused = std::get_if<Response>(&parsed)) {
    return std::move(*refused);
  }
  auto& body = std::get<DecisionBody>(parsed);
  service::DecisionRequest request;
  request.kind = kind;
  request.incident = incident_parameter(exchange);
  request.by = exchange.principal->name;
  request.reason = body.strings["reason"];
  if (auto other = body.strings.find("other"); other != body.strings.end()) {
    request.other = IncidentId(other->second);
  }
  if (auto claim = body.strings.find("claim"); claim != body.strings.end()) {
    request.claims.emplace_back(claim->second);
  }
  for (const ClaimId& claim : body.claims) {
    request.claims.push_back(claim);
  }
  auto outcome = monitor.decide(request);
  if (!outcome) {
    return problem_for(outcome.error());
  }
  return json_response(report::decision_json(*outcome));
}

Response review(Exchange& exchange, service::Monitor& monitor, service::ReviewRequest request) {
  request.incident = incident_parameter(exchange);
  request.by = exchange.principal->name;
  request.role = exchange.principal->role;
  request.affiliation = exchange.principal->affiliation;
  auto view = monitor.review_incident(request);
  if (!view) {
    return problem_for(view.error());
  }
  return json_response(report::verification_json(*view));
}

}  // namespace

Response Api::list_incidents(Exchange& exchange, service::Monitor& monitor) {
  auto query = incident_filters(exchange.query);
  if (!query) {
    return parameter_problem(query.error());
  }
  auto page = page_request(exchange.query);
  if (!page) {
    return parameter_problem(page.error());
  }
  const auto& [limit, after] = *page;
  if (!after.empty()) {
    auto cursor = parse_incident_cursor(after);
    if (!cursor) {
      return parameter_problem(cursor.error());
    }
    query->after = std::move(cursor).value();
  }
  const bool everything = reads_everything(exchange);
  query->published_only = !everything;
  query->public_view = !everything;
  query->limit = limit + 1;  // one more tells whether another page follows
  auto rows = monitor.incident_summaries(*query);
  if (!rows) {
    return problem_for(rows.error());
  }
  const bool more = more_than_page(*rows, limit);
  // Sized once: a page is some 100 kB, which grown by appends would be
  // copied over and over.
  constexpr std::size_t kPerRowExtra = 64;  // the verification member and a comma
  constexpr std::size_t kPageExtra = 256;   // the envelope and the cursor
  std::size_t size = kPageExtra;
  for (const auto& row : *rows) {
    size += row.json.size() + kPerRowExtra;
  }
  std::string body;
  body.reserve(size);
  body += R"({"incidents":[)";
  for (std::size_t i = 0; i < rows->size(); ++i) {
    if (i > 0) {
      body += ',';
    }
    append_summary(body, (*rows)[i]);
  }
  body += R"(],"limit":)" + std::to_string(limit) + R"(,"next_cursor":)";
  body += more ? "\"" + encode_cursor(rows->back().start_key + "|" + rows->back().id) + "\""
               : std::string("null");
  body += "}\n";
  return json_response(std::move(body));
}

Response Api::get_incident(Exchange& exchange, service::Monitor& monitor) {
  const IncidentId id = incident_parameter(exchange);
  if (!reads_everything(exchange)) {
    auto row = monitor.incident_summary(id, true);
    if (!row) {
      return problem_for(row.error());
    }
    if (!*row || !(*row)->published) {
      return problem(404, "not_found", "no published incident '" + id.str() + "'");
    }
    std::string body;
    append_summary(body, **row);
    return json_response(body + "\n");
  }
  auto record = monitor.incident(id);
  if (!record) {
    return problem_for(record.error());
  }
  auto review = monitor.incident_review(id);
  if (!review) {
    return problem_for(review.error());
  }
  // The member claims quote their documents, which may name the killed,
  // captured or missing: every read of them is on the record.
  if (auto logged = monitor.audit_read(exchange.principal->actor(), "incident.read", id.str());
      !logged) {
    return problem_for(logged.error());
  }
  Json value = Json::parse(report::incident_json(*record, false));
  value["verification"] = {{"state", review->state}, {"published", review->published}};
  return json_response(dump(value));
}

Response Api::get_incident_review(Exchange& exchange, service::Monitor& monitor) {
  const IncidentId id = incident_parameter(exchange);
  auto view = monitor.incident_review(id);
  if (!view) {
    return problem_for(view.error());
  }
  return json_response(report::verification_json(*view));
}

Response Api::merge_incident(Exchange& exchange, service::Monitor& monitor) {
  return decide(exchange, monitor, DecisionKind::kMerge, {"other", "reason"}, {"other", "reason"});
}

Response Api::split_incident(Exchange& exchange, service::Monitor& monitor) {
  return decide(exchange, monitor, DecisionKind::kSplit, {"claims", "reason"},
                {"claims", "reason"});
}

Response Api::attach_claim(Exchange& exchange, service::Monitor& monitor) {
  return decide(exchange, monitor, DecisionKind::kAttach, {"claim", "reason"}, {"claim", "reason"});
}

Response Api::detach_claim(Exchange& exchange, service::Monitor& monitor) {
  return decide(exchange, monitor, DecisionKind::kDetach, {"claim", "reason"}, {"claim", "reason"});
}

Response Api::publish_incident(Exchange& exchange, service::Monitor& monitor) {
  service::ReviewRequest request;
  request.step = service::ReviewStep::kPublish;
  return review(exchange, monitor, request);
}

Response Api::unpublish_incident(Exchange& exchange, service::Monitor& monitor) {
  service::ReviewRequest request;
  request.step = service::ReviewStep::kUnpublish;
  return review(exchange, monitor, request);
}

Response Api::open_review(Exchange& exchange, service::Monitor& monitor) {
  auto parsed = decision_body(exchange, {"agreement", "provision"}, {});
  if (auto* refused = std::get_if<Response>(&parsed)) {
    return std::move(*refused);
  }
  auto& body = std::get<DecisionBody>(parsed);
  service::ReviewRequest request;
  request.step = service::ReviewStep::kOpen;
  if (auto found = body.strings.find("agreement"); found != body.strings.end()) {
    request.agreement = found->second;
  }
  if (auto found = body.strings.find("provision"); found != body.strings.end()) {
    request.provision = found->second;
  }
  return review(exchange, monitor, request);
}

Response Api::sign_off(Exchange& exchange, service::Monitor& monitor) {
  auto parsed = decision_body(exchange, {"verdict", "note"}, {"verdict"});
  if (auto* refused = std::get_if<Response>(&parsed)) {
    return std::move(*refused);
  }
  auto& body = std::get<DecisionBody>(parsed);
  service::ReviewRequest request;
  request.step = service::ReviewStep::kSignOff;
  request.verdict = body.strings["verdict"];
  request.note = body.strings["note"];
  return review(exchange, monitor, request);
}

Response Api::list_agreements(Exchange& /*exchange*/, service::Monitor& monitor) {
  auto registry = monitor.registry();
  if (!registry) {
    return problem_for(registry.error());
  }
  auto files = monitor.registry_files();
  if (!files) {
    return problem_for(files.error());
  }
  std::vector<report::AgreementOrigin> origins;
  for (const auto& file : *files) {
    origins.push_back({file.name, file.bundled, file.version});
  }
  return json_response(report::agreements_json(*registry, origins));
}

Response Api::get_agreement(Exchange& exchange, service::Monitor& monitor) {
  auto registry = monitor.registry();
  if (!registry) {
    return problem_for(registry.error());
  }
  const std::string& id = path_parameter(exchange);
  const Agreement* agreement = registry->agreement(id);
  if (agreement == nullptr) {
    return problem(404, "not_found", "no agreement '" + id + "' in the registry");
  }
  return json_response(report::agreement_json(*registry, *agreement));
}

}  // namespace truce::http
