// What the endpoint files share, the alike parts of parse -> call -> render:
// page sizes, JSON responses, the 400 for a malformed query parameter, the
// path's id, whether the caller reads unpublished records, and the checks
// every JSON object body passes before its members are read.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "http/exchange.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"

namespace truce::http {

// Listings without a `limit` get a page of kDefaultPage; no page is longer than kMaxPage.
inline constexpr int kDefaultPage = 100;
inline constexpr int kMaxPage = 1000;

// A listing's page: `limit` (kDefaultPage when absent, at most kMaxPage) and
// `cursor` decoded into `after` (empty: the first page).
struct PageRequest {
  int limit = kDefaultPage;
  std::string after;
};
Result<PageRequest> page_request(const QueryMap& query);

// A listing asks the service for one row more than its page: if that row
// came, it is dropped, and another page follows (true).
template <typename Rows>
bool more_than_page(Rows& rows, int limit) {
  if (static_cast<int>(rows.size()) <= limit) {
    return false;
  }
  rows.pop_back();
  return true;
}

// A rendered JSON document as the response.
Response json_response(std::string body, int status = 200);

// The compact form with invalid UTF-8 replaced, ending in a line end.
std::string dump(const nlohmann::ordered_json& value);

// 400 invalid_parameter for a query parameter refused by http/params.hpp or
// the service (the error's context names the parameter).
Response parameter_problem(const Error& error);

// A path parameter of the route; the router has matched it, so it is there.
const std::string& path_parameter(const Exchange& exchange, std::string_view name = "id");
IncidentId incident_parameter(const Exchange& exchange);

// Whether the caller sees unpublished incidents and their claims.
bool reads_everything(const Exchange& exchange);

// The body parsed as a JSON object, or the 400 invalid_body that says it is
// not one. `Json` is the caller's choice: it sets the order members are read in.
template <typename Json>
std::variant<Json, Response> object_body(std::string_view text) {
  Json body = Json::parse(text, nullptr, false);
  if (body.is_discarded()) {
    return problem(400, "invalid_body", "the body is not valid JSON");
  }
  if (!body.is_object()) {
    return problem(400, "invalid_body", "the body must be a JSON object");
  }
  return body;
}

}  // namespace truce::http
