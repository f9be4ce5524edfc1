// Endpoints for what is kept beside an incident's claims: internal comments,
// evidence files and the people named as killed, wounded, captured or
// missing. None of it is served to the public or liaison officers (the
// route table's permissions), and nothing here puts a name in a message.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <tuple>
#include <variant>

#include "http/api.hpp"
#include "http/authorization.hpp"
#include "http/endpoint_support.hpp"
#include "http/problem.hpp"
#include "report/incident_notes.hpp"

namespace truce::http {
namespace {

using Json = nlohmann::json;

// A JSON object whose members are all among `known`; anything else is a 400
// naming the member (never its value).
std::variant<Json, Response> checked_body(const Exchange& exchange,
                                          std::initializer_list<std::string_view> known) {
  auto body = object_body<Json>(exchange.body);
  if (const auto* parsed = std::get_if<Json>(&body)) {
    for (const auto& [name, value] : parsed->items()) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        return problem(400, "unknown_parameter", "member '" + name + "' is not accepted here",
                       name);
      }
    }
  }
  return body;
}

// A string member: required or optional (nullopt when absent).
std::variant<std::optional<std::string>, Response> string_member(const Json& body,
                                                                 const std::string& name,
                                                                 bool required) {
  auto found = body.find(name);
  if (found == body.end() || found->is_null()) {
    if (required) {
      return problem(400, "invalid_body", "member '" + name + "' is required", name);
    }
    return std::optional<std::string>();
  }
  if (!found->is_string()) {
    return problem(400, "invalid_body", "member '" + name + "' must be a string", name);
  }
  return std::optional<std::string>(found->get<std::string>());
}

// Service refusals of malformed input are the request's fault: 400 invalid_body.
Response refused(const Error& error) {
  if (error.code == ErrorCode::kInvalidInput) {
    return problem(400, "invalid_body", error.message);
  }
  return problem_for(error);
}

}  // namespace

Response Api::list_comments(Exchange& exchange, service::Monitor& monitor) {
  const IncidentId id = incident_parameter(exchange);
  auto comments = monitor.comments(id);
  if (!comments) {
    return problem_for(comments.error());
  }
  return json_response(report::comments_json(id, *comments));
}

Response Api::add_comment(Exchange& exchange, service::Monitor& monitor) {
  auto parsed = checked_body(exchange, {"text"});
  if (auto* refusal = std::get_if<Response>(&parsed)) {
    return std::move(*refusal);
  }
  auto text = string_member(std::get<Json>(parsed), "text", true);
  if (auto* refusal = std::get_if<Response>(&text)) {
    return std::move(*refusal);
  }
  service::NewComment comment{incident_parameter(exchange),
                              **std::get_if<std::optional<std::string>>(&text),
                              exchange.principal->name, exchange.principal->actor()};
  auto stored = monitor.add_comment(comment);
  if (!stored) {
    return refused(stored.error());
  }
  return json_response(report::comment_json(*stored), 201);
}

Response Api::list_evidence(Exchange& exchange, service::Monitor& monitor) {
  const IncidentId id = incident_parameter(exchange);
  auto attachments = monitor.evidence(id);
  if (!attachments) {
    return problem_for(attachments.error());
  }
  return json_response(report::evidence_json(id, *attachments));
}

Response Api::add_evidence(Exchange& exchange, service::Monitor& monitor) {
  auto name = exchange.query.find("name");
  if (name == exchange.query.end()) {
    return problem(400, "invalid_parameter",
                   "the query parameter 'name' (the file's name) is required", "name");
  }
  if (exchange.body.empty()) {
    return problem(400, "invalid_body", "the body is empty; send the file's bytes");
  }
  // The route's body limit refuses larger bodies before they are read; this
  // keeps the answer the same should the service's limit be the lower one.
  if (exchange.body.size() > options_.max_evidence_bytes) {
    return problem(413, "payload_too_large",
                   "the file has " + std::to_string(exchange.body.size()) + " bytes; at most " +
                       std::to_string(options_.max_evidence_bytes) + " are accepted");
  }
  service::NewEvidence evidence;
  evidence.incident = incident_parameter(exchange);
  evidence.name = name->second;
  evidence.media_type = exchange.head.content_type;
  evidence.author = exchange.principal->name;
  evidence.actor = exchange.principal->actor();
  evidence.max_bytes = options_.max_evidence_bytes;
  auto stored = monitor.add_evidence(evidence, exchange.body);
  if (!stored) {
    return refused(stored.error());
  }
  return json_response(report::evidence_stored_json(*stored), stored->attachment_added ? 201 : 200);
}

namespace {

// The file only through an incident the caller sees: `incident` when given
// (the per-incident route), else any incident an attachment of it shows on.
// Every refusal is the 404 of an unknown hash.
Response evidence_download(Exchange& exchange, service::Monitor& monitor,
                           std::optional<IncidentId> incident) {
  service::EvidenceReader reader;
  reader.incident = std::move(incident);
  reader.sees_unpublished = allows(exchange.principal->role, Permission::kReadRecords);
  auto file = monitor.evidence_file(path_parameter(exchange, "sha256"), reader);
  if (!file) {
    return problem_for(file.error());
  }
  Response response;
  response.content_type = file->media_type;
  response.body = std::move(file->content);
  response.headers.emplace_back("ETag", "\"" + file->sha256 + "\"");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  // Never rendered in the API's origin: a stored HTML or SVG file runs no script here.
  response.headers.emplace_back("Content-Disposition", "attachment");
  response.headers.emplace_back("Content-Security-Policy", "sandbox");
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

Response Api::get_evidence_file(Exchange& exchange, service::Monitor& monitor) {
  return evidence_download(exchange, monitor, std::nullopt);
}

Response Api::get_incident_evidence_file(Exchange& exchange, service::Monitor& monitor) {
  return evidence_download(exchange, monitor, incident_parameter(exchange));
}

Response Api::list_persons(Exchange& exchange, service::Monitor& monitor) {
  const IncidentId id = incident_parameter(exchange);
  auto persons = monitor.persons(id, exchange.principal->actor());
  if (!persons) {
    return problem_for(persons.error());
  }
  Response response = json_response(report::persons_json(id, *persons));
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

Response Api::add_person(Exchange& exchange, service::Monitor& monitor) {
  auto parsed = checked_body(exchange, {"name", "status", "side", "claim", "document", "span"});
  if (auto* refusal = std::get_if<Response>(&parsed)) {
    return std::move(*refusal);
  }
  const Json& body = std::get<Json>(parsed);
  service::NewPerson person;
  person.incident = incident_parameter(exchange);
  person.author = exchange.principal->name;
  person.actor = exchange.principal->actor();
  for (auto [member, target, required] :
       {std::tuple{"name", &person.name, true}, std::tuple{"status", &person.status, true},
        std::tuple{"side", &person.side, true}}) {
    auto value = string_member(body, member, required);
    if (auto* refusal = std::get_if<Response>(&value)) {
      return std::move(*refusal);
    }
    *target = **std::get_if<std::optional<std::string>>(&value);
  }
  for (const char* member : {"claim", "document"}) {
    auto value = string_member(body, member, false);
    if (auto* refusal = std::get_if<Response>(&value)) {
      return std::move(*refusal);
    }
    const auto& id = *std::get_if<std::optional<std::string>>(&value);
    if (!id) {
      continue;
    }
    if (std::string_view(member) == "claim") {
      person.claim = ClaimId(*id);
    } else {
      person.document = DocumentId(*id);
    }
  }
  if (auto span = body.find("span"); span != body.end() && !span->is_null()) {
    auto whole = [&](const char* key) {
      auto at = span->find(key);
      return at != span->end() && at->is_number_unsigned() &&
             at->get<std::uint64_t>() <= std::numeric_limits<std::uint32_t>::max();
    };
    if (!span->is_object() || span->size() != 2 || !whole("start") || !whole("end")) {
      return problem(400, "invalid_body",
                     R"(member 'span' must be {"start":N,"end":N} in code points)", "span");
    }
    person.span =
        TextSpan{(*span)["start"].get<std::uint32_t>(), (*span)["end"].get<std::uint32_t>()};
  }
  auto stored = monitor.add_person(person);
  if (!stored) {
    return refused(stored.error());
  }
  return json_response(report::person_json(*stored), 201);
}

}  // namespace truce::http
