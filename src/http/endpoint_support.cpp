#include "http/endpoint_support.hpp"

#include <utility>

#include "http/authorization.hpp"

namespace truce::http {

Result<PageRequest> page_request(const QueryMap& query) {
  auto limit = limit_parameter(query, kDefaultPage, kMaxPage);
  if (!limit) {
    return std::move(limit).error();
  }
  auto after = decode_cursor(query);
  if (!after) {
    return std::move(after).error();
  }
  return PageRequest{*limit, std::move(after).value()};
}

Response json_response(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

std::string dump(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Response parameter_problem(const Error& error) {
  return problem(400, "invalid_parameter", error.message, error.context);
}

const std::string& path_parameter(const Exchange& exchange, std::string_view name) {
  return exchange.path_parameters.find(name)->second;
}

IncidentId incident_parameter(const Exchange& exchange) {
  return IncidentId(path_parameter(exchange));
}

bool reads_everything(const Exchange& exchange) {
  return exchange.principal && allows(exchange.principal->role, Permission::kReadRecords);
}

}  // namespace truce::http
