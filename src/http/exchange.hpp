// One request and what the API learned about it on the way: the server fills
// the head and the body; the API fills the route, parameters and principal
// when it admits the request. Plain types only, so nothing here needs the
// HTTP library.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "service/accounts.hpp"

namespace truce::http {

struct RequestHead {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query as sent
  std::string authorization;
  std::string content_type;
  std::optional<std::uint64_t> content_length;  // absent for chunked or no body
  bool has_body = false;                        // a length above 0 or chunked
  std::string remote_address;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct Exchange {
  RequestHead head;
  std::string body;
  int worker = 0;  // which of the server's threads runs it: the index of its store
  std::chrono::steady_clock::time_point started;

  // Set by the API when it admits the request.
  int route = -1;  // index in the route table; -1: none matched
  std::string path;
  std::map<std::string, std::string, std::less<>> path_parameters;
  std::map<std::string, std::string, std::less<>> query;
  std::optional<service::Principal> principal;
  std::size_t body_limit = 0;
};

}  // namespace truce::http
