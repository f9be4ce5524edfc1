// Endpoints for the assessments, alerts and coverage of stored incidents, in
// the JSON shapes of `truce assess`, `truce alerts` and `truce coverage`
// (docs/api.md, "Assessments and alerts"). The service selects and assesses;
// these parse parameters, apply the public view and render.
#include <array>
#include <nlohmann/json.hpp>

#include "http/api.hpp"
#include "http/endpoint_support.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "report/agreements.hpp"

namespace truce::http {
namespace {

Error bad(std::string_view name, std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message), std::string(name));
}

// The service names the parameter it refuses in the error's context.
Response refused(const Error& error) {
  if (error.code == ErrorCode::kInvalidInput && !error.context.empty() &&
      error.context.find(' ') == std::string::npos) {
    return parameter_problem(error);
  }
  return problem_for(error);
}

const std::string* find(const QueryMap& query, std::string_view name) {
  auto found = query.find(name);
  return found == query.end() ? nullptr : &found->second;
}

Result<std::optional<std::string>> slug_parameter(const QueryMap& query, std::string_view name) {
  const std::string* value = find(query, name);
  if (value == nullptr) {
    return std::optional<std::string>();
  }
  if (!is_valid_slug(*value)) {
    return bad(name, std::string(name) + " '" + *value + "' is not an id (a slug)");
  }
  return std::optional<std::string>(*value);
}

// A day YYYY-MM-DD, as alerts are dated.
Result<std::optional<std::string>> day_parameter(const QueryMap& query, std::string_view name) {
  const std::string* value = find(query, name);
  if (value == nullptr) {
    return std::optional<std::string>();
  }
  auto parsed = parse_civil_time(*value);
  if (!parsed || parsed->time_of_day) {
    return bad(name, std::string(name) + " '" + *value + "' is not a date (YYYY-MM-DD)");
  }
  return std::optional<std::string>(*value);
}

Result<std::optional<std::string>> word_parameter(const QueryMap& query, std::string_view name,
                                                  const std::vector<std::string>& words) {
  const std::string* value = find(query, name);
  if (value == nullptr) {
    return std::optional<std::string>();
  }
  std::string all;
  for (const std::string& word : words) {
    if (*value == word) {
      return std::optional<std::string>(*value);
    }
    all += (all.empty() ? "" : ", ") + word;
  }
  return bad(name, std::string(name) + " '" + *value + "' is not one of " + all);
}

constexpr std::array kVerdicts = {assess::Verdict::kBreach, assess::Verdict::kPossibleBreach,
                                  assess::Verdict::kNoBreach, assess::Verdict::kUndetermined,
                                  assess::Verdict::kNotChecked};

Result<std::optional<assess::Verdict>> verdict_parameter(const QueryMap& query) {
  std::vector<std::string> words;
  words.reserve(kVerdicts.size());
  for (assess::Verdict verdict : kVerdicts) {
    words.emplace_back(assess::to_string(verdict));
  }
  auto word = word_parameter(query, "verdict", words);
  if (!word) {
    return std::move(word).error();
  }
  for (assess::Verdict verdict : kVerdicts) {
    if (*word && assess::to_string(verdict) == **word) {
      return std::optional<assess::Verdict>(verdict);
    }
  }
  return std::optional<assess::Verdict>();
}

}  // namespace

Response Api::get_incident_assessment(Exchange& exchange, service::Monitor& monitor) {
  const IncidentId id = incident_parameter(exchange);
  if (!reads_everything(exchange)) {
    auto row = monitor.incident_summary(id, true);
    if (!row) {
      return problem_for(row.error());
    }
    if (!*row || !(*row)->published) {
      return problem(404, "not_found", "no published incident '" + id.str() + "'");
    }
  }
  auto assessment = monitor.incident_assessment(id);
  if (!assessment) {
    return problem_for(assessment.error());
  }
  return json_response(report::assessment_json(*assessment));
}

Response Api::list_assessments(Exchange& exchange, service::Monitor& monitor) {
  service::AssessmentQuery query;
  auto filters = incident_filters(exchange.query);
  auto request = page_request(exchange.query);
  auto agreement = slug_parameter(exchange.query, "agreement");
  auto verdict = verdict_parameter(exchange.query);
  if (!filters || !request || !agreement || !verdict) {
    return parameter_problem(!filters     ? filters.error()
                             : !request   ? request.error()
                             : !agreement ? agreement.error()
                                          : verdict.error());
  }
  query.incidents = std::move(filters).value();
  if (!request->after.empty()) {
    auto cursor = parse_incident_cursor(request->after);
    if (!cursor) {
      return parameter_problem(cursor.error());
    }
    query.incidents.after = std::move(cursor).value();
  }
  query.incidents.published_only = !reads_everything(exchange);
  query.incidents.limit = request->limit;
  query.agreement = *agreement;
  query.verdict = *verdict;
  auto page = monitor.assessment_page(query);
  if (!page) {
    return refused(page.error());
  }
  // The items of `truce assess --json`, paged like the incidents.
  nlohmann::ordered_json body =
      nlohmann::ordered_json::parse(report::assessments_json(page->assessments));
  body.erase("total");
  body["limit"] = request->limit;
  body["next_cursor"] =
      page->next
          ? nlohmann::ordered_json(encode_cursor(page->next->start_key + "|" + page->next->id))
          : nlohmann::ordered_json(nullptr);
  return json_response(dump(body));
}

Response Api::list_alerts(Exchange& exchange, service::Monitor& monitor) {
  service::AlertQuery query;
  auto theatre = slug_parameter(exchange.query, "theatre");
  auto agreement = slug_parameter(exchange.query, "agreement");
  auto since = day_parameter(exchange.query, "since");
  auto until = day_parameter(exchange.query, "until");
  auto kind =
      word_parameter(exchange.query, "kind", {"escalation", "corridor", "death", "capture"});
  if (!theatre || !agreement || !since || !until || !kind) {
    return parameter_problem(!theatre     ? theatre.error()
                             : !agreement ? agreement.error()
                             : !since     ? since.error()
                             : !until     ? until.error()
                                          : kind.error());
  }
  if (*since && *until && **until < **since) {
    return parameter_problem(bad("until", "until " + **until + " is before since " + **since));
  }
  query.published_only = !reads_everything(exchange);
  query.theatre = *theatre;
  query.agreement = *agreement;
  query.since = *since;
  query.until = *until;
  query.kind = *kind;
  auto alerts = monitor.stored_alerts(query);
  if (!alerts) {
    return refused(alerts.error());
  }
  return json_response(report::alerts_json(*alerts));
}

Response Api::coverage(Exchange& exchange, service::Monitor& monitor) {
  auto line = slug_parameter(exchange.query, "line");
  auto at = day_parameter(exchange.query, "at");
  if (!line || !at) {
    return parameter_problem(!line ? line.error() : at.error());
  }
  if (!*line || !*at) {
    return parameter_problem(
        bad(*line ? "at" : "line", std::string(*line ? "at" : "line") + " is required"));
  }
  std::vector<std::string> posts;
  if (const std::string* value = find(exchange.query, "posts")) {
    std::string_view rest = *value;
    while (true) {
      const auto comma = rest.find(',');
      std::string post(rest.substr(0, comma));
      if (!is_valid_slug(post)) {
        return parameter_problem(
            bad("posts", "posts '" + *value + "' is not a list of feature ids (a,b)"));
      }
      posts.push_back(std::move(post));
      if (comma == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(comma + 1);
    }
  }
  storage::IncidentQuery all;
  all.limit = 0;
  auto facts = monitor.stored_incident_facts(all);
  if (!facts) {
    return problem_for(facts.error());
  }
  auto covered = monitor.coverage(**line, posts, *parse_civil_time(**at), *facts);
  if (!covered) {
    return problem_for(covered.error());
  }
  return json_response(report::coverage_json(covered->line, covered->incidents));
}

}  // namespace truce::http
