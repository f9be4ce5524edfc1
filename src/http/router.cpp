#include "http/router.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "http/problem.hpp"

namespace truce::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') {
    return parts;
  }
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) {
      break;
    }
    path.remove_prefix(slash + 1);
  }
  return parts;
}

bool is_hex_id(std::string_view text, std::string_view prefix) {
  constexpr std::size_t kHexDigits = 20;
  if (text.size() != prefix.size() + kHexDigits || text.substr(0, prefix.size()) != prefix) {
    return false;
  }
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(prefix.size()), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// What a value of `type` must look like, for the error; empty if `value` fits.
std::string type_problem(std::string_view type, std::string_view value) {
  if (type == "claim_id") {
    return is_hex_id(value, "clm_") ? "" : "a claim id (clm_ and 20 hex digits)";
  }
  if (type == "incident_id") {
    return is_hex_id(value, "inc_") ? "" : "an incident id (inc_ and 20 hex digits)";
  }
  if (type == "complaint_id") {
    return is_hex_id(value, "cmp_") ? "" : "a complaint id (cmp_ and 20 hex digits)";
  }
  if (type == "document_id") {
    return is_hex_id(value, "doc_") ? "" : "a document id (doc_ and 20 hex digits)";
  }
  if (type == "sha256") {
    return value.size() == 64 &&
                   std::all_of(
                       value.begin(), value.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })
               ? ""
               : "a SHA-256 (64 lowercase hex digits)";
  }
  return is_valid_slug(value) ? "" : "a slug (lowercase letters, digits, '.', '_', '-')";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return std::nullopt;
      }
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) {
        return std::nullopt;
      }
      decoded += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded += ' ';
    } else {
      decoded += c;
    }
  }
  return decoded;
}

Result<std::map<std::string, std::string, std::less<>>> parse_query(std::string_view query) {
  std::map<std::string, std::string, std::less<>> parameters;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    auto equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), true);
    if (!name) {
      return make_error(ErrorCode::kInvalidInput, "a query parameter name is badly percent-encoded",
                        "http.query");
    }
    if (equals == std::string_view::npos) {
      return make_error(ErrorCode::kInvalidInput, "query parameter '" + *name + "' has no value",
                        *name);
    }
    auto value = percent_decode(pair.substr(equals + 1), true);
    if (!value) {
      return make_error(ErrorCode::kInvalidInput,
                        "query parameter '" + *name + "' is badly percent-encoded", *name);
    }
    if (!parameters.emplace(*name, std::move(*value)).second) {
      return make_error(ErrorCode::kInvalidInput,
                        "query parameter '" + *name + "' is given more than once", *name);
    }
  }
  return parameters;
}

int Router::add(RouteSpec spec) {
  Route route;
  for (std::string_view part : split_path(spec.pattern)) {
    Segment segment;
    if (!part.empty() && part.front() == '{') {
      auto colon = part.find(':');
      segment.name = std::string(part.substr(1, colon - 1));
      segment.type = std::string(part.substr(colon + 1, part.size() - colon - 2));
    } else {
      segment.literal = std::string(part);
    }
    route.segments.push_back(std::move(segment));
  }
  route.spec = std::move(spec);
  routes_.push_back(std::move(route));
  return static_cast<int>(routes_.size()) - 1;
}

std::variant<RouteMatch, Response> Router::match(std::string_view method,
                                                 std::string_view path) const {
  auto parts = split_path(path);
  std::string allowed;
  std::optional<Response> malformed;
  for (std::size_t index = 0; index < routes_.size(); ++index) {
    const Route& route = routes_[index];
    if (route.segments.size() != parts.size()) {
      continue;
    }
    RouteMatch found;
    found.route = static_cast<int>(index);
    bool fits = true;
    std::optional<Response> bad_parameter;
    for (std::size_t i = 0; i < parts.size() && fits; ++i) {
      const Segment& segment = route.segments[i];
      if (segment.name.empty()) {
        fits = segment.literal == parts[i];
        continue;
      }
      auto value = percent_decode(parts[i], false);
      std::string problem_text = value ? type_problem(segment.type, *value) : "percent-encoded";
      if (!problem_text.empty() && !bad_parameter) {
        bad_parameter =
            problem(400, "invalid_parameter",
                    "path parameter '" + segment.name + "' must be " + problem_text, segment.name);
      }
      if (value) {
        found.parameters.emplace(segment.name, std::move(*value));
      }
    }
    if (!fits) {
      continue;
    }
    if (route.spec.method != method) {
      allowed += (allowed.empty() ? "" : ", ") + route.spec.method;
      continue;
    }
    if (bad_parameter) {
      malformed = std::move(bad_parameter);
      continue;
    }
    return found;
  }
  if (malformed) {
    return std::move(*malformed);
  }
  if (!allowed.empty()) {
    Response response = problem(405, "method_not_allowed",
                                std::string(method) + " is not allowed here; allowed: " + allowed);
    response.headers.emplace_back("Allow", allowed);
    return response;
  }
  return problem(404, "not_found", "no resource at " + std::string(path));
}

}  // namespace truce::http
