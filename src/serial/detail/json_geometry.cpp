// GeoJSON geometries (RFC 7946) of claim places, for the JSON report and the
// GeoJSON format alike (declared in json_records.hpp).
#include <array>
#include <cmath>

#include "core/vocabulary.hpp"
#include "serial/detail/json_records.hpp"

namespace truce::serial::detail {
namespace {

constexpr std::array<std::string_view, 3> kGeometryMembers{"type", "coordinates", "bbox"};

// Core has no words_of_* for geometry types.
std::string words_of_geometry_type() {
  std::string words;
  for (GeometryType value : {GeometryType::kPoint, GeometryType::kLineString,
                             GeometryType::kMultiLineString, GeometryType::kPolygon}) {
    words += words.empty() ? "" : ", ";
    words += to_string(value);
  }
  return words;
}

std::optional<GeoPoint> read_position(JsonReader& reader, const Node& node) {
  if (!reader.array(node)) {
    return std::nullopt;
  }
  if (node->size() != 2) {
    reader.error(node.pointer, "has " + std::to_string(node->size()) +
                                   " numbers; a position is [longitude, latitude]" +
                                   (node->size() == 3 ? " (altitude is not supported)" : ""));
    return std::nullopt;
  }
  Node lon_node = reader.element(node, 0);
  Node lat_node = reader.element(node, 1);
  std::optional<double> lon = reader.number(lon_node);
  std::optional<double> lat = reader.number(lat_node);
  if (!lon || !lat) {
    return std::nullopt;
  }
  GeoPoint point{Longitude{*lon}, Latitude{*lat}};
  if (is_valid(point)) {
    return point;
  }
  if (!(std::abs(*lon) <= 180.0)) {
    reader.error(lon_node.pointer, "longitude " + lon_node->dump() + " is outside [-180, 180]");
  }
  if (!(std::abs(*lat) <= 90.0)) {
    bool swapped = std::abs(*lon) <= 90.0 && std::abs(*lat) <= 180.0;
    reader.error(lat_node.pointer,
                 "latitude " + lat_node->dump() + " is outside [-90, 90]" +
                     (swapped ? " (longitude and latitude swapped? a GeoJSON position is "
                                "[longitude, latitude])"
                              : ""));
  }
  return std::nullopt;
}

std::optional<std::vector<GeoPoint>> read_positions(JsonReader& reader, const Node& node) {
  if (!reader.array(node)) {
    return std::nullopt;
  }
  ErrorMark mark(reader);
  std::vector<GeoPoint> points;
  for (std::size_t i = 0; i < node->size(); ++i) {
    if (auto point = read_position(reader, reader.element(node, i))) {
      points.push_back(*point);
    }
  }
  return mark.clean() ? std::optional(std::move(points)) : std::nullopt;
}

}  // namespace

std::optional<Geometry> read_geometry(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kGeometryMembers)) {
    return std::nullopt;
  }
  Geometry geometry;
  if (auto type = reader.required(node, "type")) {
    geometry.type = reader.word<GeometryType>(*type, parse_geometry_type, words_of_geometry_type())
                        .value_or(GeometryType::kPoint);
  }
  if (auto bbox = reader.member(node, "bbox")) {
    reader.array(*bbox);  // a derived value: accepted as GeoJSON allows it, not kept
  }
  std::optional<Node> coordinates = reader.required(node, "coordinates");
  if (!mark.clean()) {
    return std::nullopt;
  }
  switch (geometry.type) {
    case GeometryType::kPoint:
      if (auto point = read_position(reader, *coordinates)) {
        geometry.parts = {{*point}};
      }
      break;
    case GeometryType::kLineString:
      if (auto line = read_positions(reader, *coordinates)) {
        geometry.parts = {std::move(*line)};
      }
      break;
    case GeometryType::kMultiLineString:
    case GeometryType::kPolygon:
      if (reader.array(*coordinates)) {
        for (std::size_t i = 0; i < (*coordinates)->size(); ++i) {
          if (auto part = read_positions(reader, reader.element(*coordinates, i))) {
            geometry.parts.push_back(std::move(*part));
          }
        }
      }
      break;
  }
  return mark.clean() ? std::optional(std::move(geometry)) : std::nullopt;
}

Json geometry_to_json(const Geometry& geometry) {
  auto position = [](const GeoPoint& point) {
    return Json::array({point.lon.degrees, point.lat.degrees});
  };
  auto positions = [&position](const std::vector<GeoPoint>& points) {
    Json list = Json::array();
    for (const GeoPoint& point : points) {
      list.push_back(position(point));
    }
    return list;
  };
  Json coordinates = Json::array();
  switch (geometry.type) {
    case GeometryType::kPoint:
      if (!geometry.parts.empty() && !geometry.parts[0].empty()) {
        coordinates = position(geometry.parts[0][0]);
      }
      break;
    case GeometryType::kLineString:
      if (!geometry.parts.empty()) {
        coordinates = positions(geometry.parts[0]);
      }
      break;
    case GeometryType::kMultiLineString:
    case GeometryType::kPolygon:
      for (const auto& part : geometry.parts) {
        coordinates.push_back(positions(part));
      }
      break;
  }
  Json result = Json::object();
  result["type"] = to_string(geometry.type);
  result["coordinates"] = std::move(coordinates);
  return result;
}

}  // namespace truce::serial::detail
