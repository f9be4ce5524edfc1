#include "http/problem.hpp"

#include <nlohmann/json.hpp>

namespace truce::http {
namespace {

std::string_view title_of(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

}  // namespace

Response problem(int status, std::string_view code, std::string_view detail,
                 std::string_view parameter) {
  nlohmann::ordered_json body = {{"type", "urn:truce:problem:" + std::string(code)},
                                 {"title", title_of(status)},
                                 {"status", status},
                                 {"detail", detail},
                                 {"code", code}};
  if (!parameter.empty()) {
    body["parameter"] = parameter;
  }
  Response response;
  response.status = status;
  response.content_type = "application/problem+json";
  // Invalid UTF-8 echoed from a request must not make the error itself fail.
  response.body =
      body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  if (status == 401) {
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"truce\"");
  }
  return response;
}

Response problem_for(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidInput: return problem(400, "invalid_input", error.message);
    case ErrorCode::kNotFound: return problem(404, "not_found", error.message);
    case ErrorCode::kConflict: return problem(409, "conflict", error.message);
    case ErrorCode::kUnavailable: return problem(503, "unavailable", error.message);
    case ErrorCode::kIncompatible: return problem(500, "incompatible", error.message);
    case ErrorCode::kDataCorruption: return problem(500, "data_corruption", error.message);
    case ErrorCode::kInternal: return problem(500, "internal", "an internal error occurred");
  }
  return problem(500, "internal", "an internal error occurred");
}

}  // namespace truce::http
