#include "core/geo.hpp"

#include <algorithm>
#include <cmath>

namespace truce {

namespace {
constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kPi = 3.14159265358979323846;
double radians(double degrees) {
  return degrees * kPi / 180.0;
}
}  // namespace

double haversine_km(GeoPoint a, GeoPoint b) {
  const double dlat = radians(b.lat.degrees - a.lat.degrees);
  const double dlon = radians(b.lon.degrees - a.lon.degrees);
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(radians(a.lat.degrees)) * std::cos(radians(b.lat.degrees)) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool is_valid(GeoPoint point) {
  return std::isfinite(point.lon.degrees) && std::isfinite(point.lat.degrees) &&
         point.lon.degrees >= -180.0 && point.lon.degrees <= 180.0 && point.lat.degrees >= -90.0 &&
         point.lat.degrees <= 90.0;
}

Geometry make_point(double lon, double lat) {
  return Geometry{GeometryType::kPoint, {{GeoPoint{Longitude{lon}, Latitude{lat}}}}};
}

BoundingBox bounding_box(const Geometry& geometry) {
  BoundingBox box{180.0, 90.0, -180.0, -90.0};
  for (const auto& part : geometry.parts) {
    for (const auto& point : part) {
      box.min_lon = std::min(box.min_lon, point.lon.degrees);
      box.min_lat = std::min(box.min_lat, point.lat.degrees);
      box.max_lon = std::max(box.max_lon, point.lon.degrees);
      box.max_lat = std::max(box.max_lat, point.lat.degrees);
    }
  }
  return box;
}

bool intersects(const BoundingBox& a, const BoundingBox& b) {
  return a.min_lon <= b.max_lon && b.min_lon <= a.max_lon && a.min_lat <= b.max_lat &&
         b.min_lat <= a.max_lat;
}

std::string geometry_problem(const Geometry& geometry) {
  if (geometry.parts.empty()) {
    return "has no coordinates";
  }
  for (std::size_t i = 0; i < geometry.parts.size(); ++i) {
    for (std::size_t j = 0; j < geometry.parts[i].size(); ++j) {
      if (!is_valid(geometry.parts[i][j])) {
        return "coordinate " + std::to_string(j) + " of part " + std::to_string(i) +
               " is not a valid longitude/latitude (lon in [-180, 180], lat in [-90, 90])";
      }
    }
  }
  const auto& parts = geometry.parts;
  switch (geometry.type) {
    case GeometryType::kPoint:
      if (parts.size() != 1 || parts[0].size() != 1) {
        return "a Point has exactly one coordinate";
      }
      break;
    case GeometryType::kLineString:
      if (parts.size() != 1 || parts[0].size() < 2) {
        return "a LineString has one line of at least two coordinates";
      }
      break;
    case GeometryType::kMultiLineString:
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].size() < 2) {
          return "line " + std::to_string(i) + " has fewer than two coordinates";
        }
      }
      break;
    case GeometryType::kPolygon:
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].size() < 4) {
          return "ring " + std::to_string(i) + " has fewer than four coordinates";
        }
        if (!(parts[i].front() == parts[i].back())) {
          return "ring " + std::to_string(i) + " is not closed (first and last coordinates differ)";
        }
      }
      break;
  }
  return {};
}

int acled_geo_precision(LocationPrecision precision) {
  // ACLED: 1 the town itself, 2 near a town or within a district, 3 anything larger.
  int where_prec = static_cast<int>(precision);
  if (where_prec <= 1) {
    return 1;
  }
  return where_prec <= 3 ? 2 : 3;
}

}  // namespace truce
