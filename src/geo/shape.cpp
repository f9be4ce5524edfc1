#include "geo/shape.hpp"

// Boost.Geometry 1.74 trips -Wmaybe-uninitialized inside its own headers (rescale policy).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/geometry.hpp>
#pragma GCC diagnostic pop
#include <string>

namespace truce::geo {
namespace {

namespace bg = boost::geometry;
using PlanarPoint = bg::model::d2::point_xy<double>;
using PlanarLine = bg::model::linestring<PlanarPoint>;
using PlanarPolygon = bg::model::polygon<PlanarPoint, false, true>;

PlanarLine planar_line(const std::vector<GeoPoint>& points) {
  PlanarLine line;
  for (const GeoPoint& p : points) {
    line.emplace_back(p.lon.degrees, p.lat.degrees);
  }
  return line;
}

std::string polygon_problem(const Geometry& geometry) {
  PlanarPolygon polygon;
  for (std::size_t r = 0; r < geometry.parts.size(); ++r) {
    PlanarLine ring = planar_line(geometry.parts[r]);
    if (bg::intersects(ring)) {
      return "ring " + std::to_string(r) + " intersects itself";
    }
    auto& target =
        r == 0 ? polygon.outer() : (polygon.inners().emplace_back(), polygon.inners().back());
    target.assign(ring.begin(), ring.end());
  }
  bg::correct(polygon);  // GeoJSON's winding rule is advisory (RFC 7946 3.1.6)
  bg::validity_failure_type failure = bg::no_failure;
#ifdef __clang_analyzer__
  // Boost 1.74's rescale policy inside is_valid copies a factor it leaves
  // uninitialised on a path it never takes; the analyzer (like GCC's
  // -Wmaybe-uninitialized, silenced around the include) cannot see that.
  return {};
#else
  if (bg::is_valid(polygon, failure)) {
    return {};
  }
#endif
  switch (failure) {
    case bg::failure_self_intersections: return "its rings intersect each other or themselves";
    case bg::failure_spikes: return "a ring has a spike (it turns back on itself)";
    case bg::failure_interior_rings_outside: return "a hole lies outside the outer ring";
    case bg::failure_nested_interior_rings: return "holes are nested inside each other";
    case bg::failure_disconnected_interior: return "the holes cut the polygon in pieces";
    case bg::failure_few_points: return "a ring has too few distinct points";
    case bg::failure_wrong_topological_dimension: return "a ring has no area";
    default: return "it is not a valid polygon";
  }
}

}  // namespace

std::string shape_problem(const Geometry& geometry) {
  if (std::string problem = geometry_problem(geometry); !problem.empty()) {
    return problem;
  }
  switch (geometry.type) {
    case GeometryType::kPoint: return {};
    case GeometryType::kLineString:
    case GeometryType::kMultiLineString:
      for (std::size_t i = 0; i < geometry.parts.size(); ++i) {
        if (bg::intersects(planar_line(geometry.parts[i]))) {
          return "line " + std::to_string(i) + " intersects itself";
        }
      }
      return {};
    case GeometryType::kPolygon: return polygon_problem(geometry);
  }
  return {};
}

}  // namespace truce::geo
