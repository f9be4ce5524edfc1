#include "serial/detail/csv_geometry.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/vocabulary.hpp"
#include "serial/detail/csv_cells.hpp"

namespace truce::serial::detail {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kShape =
    R"(expected a GeoJSON geometry, e.g. {"type":"LineString","coordinates":[[46.1,39.8],[46.2,39.9]]})";

Error problem(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message));
}

Result<GeoPoint> read_position(const Json& position) {
  if (!position.is_array() || position.size() != 2 || !position[0].is_number() ||
      !position[1].is_number()) {
    return problem("a position is not [lon, lat]: " + quote_cell(position.dump()));
  }
  auto lon = position[0].get<double>();
  auto lat = position[1].get<double>();
  if (!std::isfinite(lon) || !std::isfinite(lat)) {
    return problem("a position is not finite: " + quote_cell(position.dump()));
  }
  return GeoPoint{Longitude{lon}, Latitude{lat}};
}

Result<std::vector<GeoPoint>> read_positions(const Json& positions) {
  if (!positions.is_array()) {
    return problem("expected an array of positions, got " + quote_cell(positions.dump()));
  }
  std::vector<GeoPoint> points;
  for (const auto& position : positions) {
    auto point = read_position(position);
    if (!point) {
      return point.error();
    }
    points.push_back(*point);
  }
  return points;
}

Result<std::vector<std::vector<GeoPoint>>> read_parts(const Json& parts) {
  if (!parts.is_array()) {
    return problem("expected an array of position arrays, got " + quote_cell(parts.dump()));
  }
  std::vector<std::vector<GeoPoint>> result;
  for (const auto& part : parts) {
    auto points = read_positions(part);
    if (!points) {
      return points.error();
    }
    result.push_back(std::move(*points));
  }
  return result;
}

void append_point(std::string& out, const GeoPoint& point) {
  out += '[' + format_double(point.lon.degrees) + ',' + format_double(point.lat.degrees) + ']';
}

void append_points(std::string& out, const std::vector<GeoPoint>& points) {
  out += '[';
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    append_point(out, points[i]);
  }
  out += ']';
}

}  // namespace

Result<Geometry> parse_geometry_cell(std::string_view cell) {
  // Parsing without exceptions: nlohmann's exceptions must not leave the adapter.
  Json json = Json::parse(cell.begin(), cell.end(), nullptr, false);
  if (json.is_discarded()) {
    return problem("is not valid JSON; " + std::string(kShape));
  }
  if (!json.is_object() || !json.contains("type") || !json["type"].is_string() ||
      !json.contains("coordinates")) {
    return problem(R"(has no "type" and "coordinates"; )" + std::string(kShape));
  }
  auto type_name = json["type"].get<std::string>();
  auto type = parse_geometry_type(type_name);
  if (!type) {
    return problem(quote_cell(type_name) +
                   " is not a supported geometry type; expected Point, LineString, "
                   "MultiLineString or Polygon");
  }
  const Json& coordinates = json["coordinates"];
  Geometry geometry;
  geometry.type = *type;
  switch (*type) {
    case GeometryType::kPoint: {
      auto point = read_position(coordinates);
      if (!point) {
        return point.error();
      }
      geometry.parts = {{*point}};
      break;
    }
    case GeometryType::kLineString: {
      auto points = read_positions(coordinates);
      if (!points) {
        return points.error();
      }
      geometry.parts = {std::move(*points)};
      break;
    }
    case GeometryType::kMultiLineString:
    case GeometryType::kPolygon: {
      auto parts = read_parts(coordinates);
      if (!parts) {
        return parts.error();
      }
      geometry.parts = std::move(*parts);
      break;
    }
  }
  if (auto issue = geometry_problem(geometry); !issue.empty()) {
    return problem(std::string(to_string(geometry.type)) + ": " + issue);
  }
  return geometry;
}

std::string format_geometry(const Geometry& geometry) {
  std::string out = R"({"type":")" + std::string(to_string(geometry.type)) + R"(","coordinates":)";
  switch (geometry.type) {
    case GeometryType::kPoint:
      if (!geometry.parts.empty() && !geometry.parts[0].empty()) {
        append_point(out, geometry.parts[0][0]);
      } else {
        out += "[]";
      }
      break;
    case GeometryType::kLineString:
      if (!geometry.parts.empty()) {
        append_points(out, geometry.parts[0]);
      } else {
        out += "[]";
      }
      break;
    case GeometryType::kMultiLineString:
    case GeometryType::kPolygon:
      out += '[';
      for (std::size_t i = 0; i < geometry.parts.size(); ++i) {
        if (i > 0) {
          out += ',';
        }
        append_points(out, geometry.parts[i]);
      }
      out += ']';
      break;
  }
  out += '}';
  return out;
}

}  // namespace truce::serial::detail
