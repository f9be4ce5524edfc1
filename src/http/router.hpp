// The route table: method, path pattern with typed parameters, the permission
// it needs, the query parameters it accepts and its body limit. Patterns are
// literal segments and parameters "{name:type}"; a parameter whose value does
// not have its type is a 400 (invalid_parameter), not a 404.
//
// Thread-safety: built once, then read by every thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "http/authorization.hpp"
#include "http/exchange.hpp"

namespace truce::http {

struct RouteSpec {
  std::string method;
  std::string pattern;  // "/api/v1/claims/{id:claim_id}"
  Permission permission = Permission::kReadRecords;
  std::vector<std::string> query;  // accepted query parameters; any other is a 400
  std::size_t body_limit = 0;      // 0: no body accepted
};

struct RouteMatch {
  int route = -1;
  std::map<std::string, std::string, std::less<>> parameters;
};

class Router final {
 public:
  // Returns the route's index. Parameter types: claim_id, document_id, incident_id, sha256, slug.
  int add(RouteSpec spec);

  // The route for `method` and `path`, or the problem to answer: 404 when no
  // pattern matches, 405 (with Allow) when only other methods do, 400 when a
  // typed parameter is malformed.
  std::variant<RouteMatch, Response> match(std::string_view method, std::string_view path) const;

  const RouteSpec& spec(int route) const { return routes_[static_cast<std::size_t>(route)].spec; }
  int size() const { return static_cast<int>(routes_.size()); }

 private:
  struct Segment {
    std::string literal;  // empty for a parameter
    std::string name;
    std::string type;
  };
  struct Route {
    RouteSpec spec;
    std::vector<Segment> segments;
  };
  std::vector<Route> routes_;
};

// Splits and percent-decodes a query string ("a=1&b=x%20y"). A parameter
// given twice, a name without '=', or bad percent-encoding is kInvalidInput
// naming the parameter.
Result<std::map<std::string, std::string, std::less<>>> parse_query(std::string_view query);

// Percent-decodes a path segment or query value; nullopt for bad encoding.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace truce::http
