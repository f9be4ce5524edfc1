// Endpoints that write: ingest, login and logout, users and tokens; and the
// audit log's readers. Every write is recorded in the audit log by the store,
// in the same transaction as the write.
#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <variant>

#include "http/api.hpp"
#include "http/endpoint_support.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "report/json.hpp"

namespace truce::http {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kDefaultAuditPage = 100;
constexpr int kMaxAuditPage = 1000;

// A JSON object body whose members are all strings and all among `known`;
// `required` must be there. Anything else is a 400 invalid_body naming the member.
std::variant<std::map<std::string, std::string>, Response> string_members(
    const Exchange& exchange, std::initializer_list<std::string_view> known,
    std::initializer_list<std::string_view> required) {
  auto body = object_body<Json>(exchange.body);
  if (auto* refused = std::get_if<Response>(&body)) {
    return std::move(*refused);
  }
  std::map<std::string, std::string> members;
  for (const auto& [name, value] : std::get<Json>(body).items()) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return problem(400, "unknown_parameter", "member '" + name + "' is not accepted here", name);
    }
    if (!value.is_string()) {
      return problem(400, "invalid_body", "member '" + name + "' must be a string", name);
    }
    members.emplace(name, value.get<std::string>());
  }
  for (std::string_view name : required) {
    if (members.find(std::string(name)) == members.end()) {
      return problem(400, "invalid_body", "member '" + std::string(name) + "' is required", name);
    }
  }
  return members;
}

Json user_json(const storage::User& user) {
  return {{"name", user.name},
          {"role", user.role},
          {"affiliation", user.affiliation ? Json(*user.affiliation) : Json(nullptr)},
          {"has_password", user.password_hash.has_value()},
          {"created_at", user.created_at},
          {"disabled", user.disabled}};
}

std::string actor_of(const Exchange& exchange) {
  return exchange.principal ? exchange.principal->actor() : "anonymous";
}

}  // namespace

Response Api::ingest(Exchange& exchange, service::Monitor& monitor) {
  const QueryMap& query = exchange.query;
  service::IngestOptions options;
  if (auto found = query.find("format"); found != query.end()) {
    auto format = ingest::parse_input_format(found->second);
    if (!format) {
      return problem(400, "invalid_parameter",
                     "format '" + found->second +
                         "' is not one of auto, json, geojson, csv, text, html, envelope",
                     "format");
    }
    options.format = *format;
  }
  if (auto found = query.find("published"); found != query.end()) {
    auto time = parse_civil_time(found->second);
    if (!time || time->time_of_day) {
      return problem(400, "invalid_parameter",
                     "published '" + found->second + "' is not a date (YYYY-MM-DD)", "published");
    }
    options.published = time;
  }
  if (auto found = query.find("source"); found != query.end()) {
    if (!is_valid_slug(found->second)) {
      return problem(400, "invalid_parameter",
                     "source '" + found->second + "' is not a source id (a slug)", "source");
    }
    options.source = found->second;
  }
  auto dry_run = flag_parameter(query, "dry_run", false);
  if (!dry_run) {
    return problem(400, "invalid_parameter", dry_run.error().message, "dry_run");
  }
  options.dry_run = *dry_run;
  std::string name = "request";
  if (auto found = query.find("name"); found != query.end()) {
    if (found->second.empty() || found->second.size() > 200 ||
        found->second.find_first_of("\r\n") != std::string::npos) {
      return problem(400, "invalid_parameter", "name must be 1-200 characters on one line", "name");
    }
    name = found->second;
  }
  if (exchange.body.empty()) {
    return problem(400, "invalid_body", "the body is empty; send the document or report");
  }
  if (options.format == ingest::InputFormat::kAuto || ingest::is_text_format(options.format)) {
    auto reader = this->reader();
    if (!reader) {
      return problem_for(reader.error());
    }
    monitor.share_reader(**reader);
  }
  report::FileOutcome outcome =
      monitor.ingest_text(exchange.body, name, options, actor_of(exchange));
  if (!options.dry_run) {
    metrics_.record_ingest(!outcome.error, outcome.documents_added, outcome.claims_added);
  }
  if (outcome.error) {
    Response response = problem_for(*outcome.error);
    if (outcome.error->code == ErrorCode::kInvalidInput) {
      response = problem(400, "invalid_body", outcome.error->message);
    }
    return response;
  }
  Response response;
  response.status =
      outcome.claims_added + outcome.documents_added + outcome.sources_added > 0 && !options.dry_run
          ? 201
          : 200;
  response.body = report::ingest_json({outcome});
  return response;
}

Response Api::login(Exchange& exchange, service::Monitor& monitor) {
  auto members = string_members(exchange, {"name", "password"}, {"name", "password"});
  if (auto* refused = std::get_if<Response>(&members)) {
    return std::move(*refused);
  }
  auto& given = std::get<std::map<std::string, std::string>>(members);
  auto session =
      monitor.accounts().login(given["name"], given["password"], options_.session_lifetime);
  if (!session) {
    return problem_for(session.error());
  }
  if (!*session) {
    return problem(401, "unauthorized", "the name or the password is wrong");
  }
  return json_response(dump({{"token", (*session)->token},
                             {"token_type", "Bearer"},
                             {"expires_at", (*session)->expires_at}}));
}

Response Api::logout(Exchange& exchange, service::Monitor& monitor) {
  auto revoked = monitor.accounts().logout(*exchange.principal);
  if (!revoked) {
    return problem_for(revoked.error());
  }
  Response response;
  response.status = 204;
  return response;
}

Response Api::whoami(Exchange& exchange, service::Monitor& /*monitor*/) {
  const service::Principal& who = *exchange.principal;
  return json_response(
      dump({{"name", who.name},
            {"role", to_string(who.role)},
            {"affiliation", who.affiliation ? Json(*who.affiliation) : Json(nullptr)},
            {"token_kind", who.kind == storage::TokenKind::kSession ? "session" : "api"}}));
}

Response Api::list_users(Exchange& /*exchange*/, service::Monitor& monitor) {
  auto users = monitor.accounts().users();
  if (!users) {
    return problem_for(users.error());
  }
  Json body = {{"users", Json::array()}};
  for (const auto& user : *users) {
    body["users"].push_back(user_json(user));
  }
  return json_response(dump(body));
}

Response Api::add_user(Exchange& exchange, service::Monitor& monitor) {
  auto members =
      string_members(exchange, {"name", "role", "affiliation", "password"}, {"name", "role"});
  if (auto* refused = std::get_if<Response>(&members)) {
    return std::move(*refused);
  }
  auto& given = std::get<std::map<std::string, std::string>>(members);
  service::NewUser user;
  user.name = given["name"];
  auto role = parse_role(given["role"]);
  if (!role) {
    return problem(
        400, "invalid_body",
        "role '" + given["role"] + "' is not one of admin, operator, monitor, liaison, analyst",
        "role");
  }
  user.role = *role;
  if (given.count("affiliation") != 0) {
    user.affiliation = given["affiliation"];
  }
  if (given.count("password") != 0) {
    user.password = given["password"];
  }
  auto added = monitor.accounts().add_user(user, actor_of(exchange));
  if (!added) {
    if (added.error().code == ErrorCode::kInvalidInput) {
      return problem(400, "invalid_body", added.error().message);
    }
    return problem_for(added.error());
  }
  return json_response(dump(user_json(*added)), 201);
}

Response Api::issue_token(Exchange& exchange, service::Monitor& monitor) {
  const std::string& name = path_parameter(exchange, "name");
  auto token = monitor.accounts().issue_token(name, actor_of(exchange));
  if (!token) {
    return problem_for(token.error());
  }
  return json_response(dump({{"user", name}, {"token", *token}, {"token_type", "Bearer"}}), 201);
}

Response Api::audit_log(Exchange& exchange, service::Monitor& monitor) {
  auto limit = limit_parameter(exchange.query, kDefaultAuditPage, kMaxAuditPage);
  if (!limit) {
    return problem(400, "invalid_parameter", limit.error().message, "limit");
  }
  long long after = 0;
  if (auto found = exchange.query.find("after"); found != exchange.query.end()) {
    const std::string& text = found->second;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), after);
    if (error != std::errc{} || end != text.data() + text.size() || after < 0) {
      return problem(400, "invalid_parameter",
                     "after '" + text + "' is not a sequence number (0 or more)", "after");
    }
  }
  auto entries = monitor.accounts().audit_entries(after, *limit);
  if (!entries) {
    return problem_for(entries.error());
  }
  Json body = {{"entries", Json::array()}};
  for (const auto& entry : *entries) {
    body["entries"].push_back({{"seq", entry.seq},
                               {"at", entry.at},
                               {"actor", entry.record.actor},
                               {"action", entry.record.action},
                               {"target", entry.record.target},
                               {"before", Json::parse(entry.record.before, nullptr, false)},
                               {"after", Json::parse(entry.record.after, nullptr, false)},
                               {"prev_hash", entry.prev_hash},
                               {"hash", entry.hash}});
  }
  return json_response(dump(body));
}

Response Api::verify_audit(Exchange& /*exchange*/, service::Monitor& monitor) {
  auto check = monitor.accounts().verify_audit();
  if (!check) {
    return problem_for(check.error());
  }
  return json_response(dump({{"intact", !check->broken},
                             {"entries", check->entries},
                             {"head_hash", check->head_hash},
                             {"broken_at", check->broken ? Json(*check->broken) : Json(nullptr)},
                             {"problem", check->problem}}));
}

}  // namespace truce::http
