#include "geo/geodesy.hpp"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
// Boost.Geometry 1.74 trips -Wmaybe-uninitialized inside its own headers (rescale policy).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#pragma GCC diagnostic pop
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

namespace truce::geo {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using PlanarPoint = bg::model::d2::point_xy<double>;
// Earth-centred coordinates of points on the ellipsoid, in metres: the chord
// between two nearby points is their geodesic distance to within d^3/24R^2,
// the same in every direction, so nearest chords are nearest geodesics.
using SpacePoint = bg::model::point<double, 3, bg::cs::cartesian>;
using SpaceSegment = bg::model::segment<SpacePoint>;
using SegmentEntry = std::pair<SpaceSegment, std::size_t>;
using SegmentTree = bgi::rtree<SegmentEntry, bgi::quadratic<16>>;
using PlanarPolygon = bg::model::polygon<PlanarPoint, false, true>;  // ccw rings, closed

constexpr double kRadians = std::numbers::pi / 180.0;

const GeographicLib::Geodesic& wgs84() {
  return GeographicLib::Geodesic::WGS84();
}

// Radii of curvature at a latitude: meridional (north-south) and prime vertical.
std::pair<double, double> radii_of_curvature(double latitude_degrees) {
  const double a = GeographicLib::Constants::WGS84_a();
  const double f = GeographicLib::Constants::WGS84_f();
  const double e2 = f * (2 - f);
  const double s = std::sin(latitude_degrees * kRadians);
  const double w = std::sqrt(1 - e2 * s * s);
  return {a * (1 - e2) / (w * w * w), a / w};
}

double normalised_degrees(double degrees) {
  while (degrees > 180) {
    degrees -= 360;
  }
  while (degrees < -180) {
    degrees += 360;
  }
  return degrees;
}

SpacePoint space(GeoPoint p) {
  double x = 0;
  double y = 0;
  double z = 0;
  GeographicLib::Geocentric::WGS84().Forward(p.lat.degrees, p.lon.degrees, 0, x, y, z);
  return {x, y, z};
}

struct SegmentRecord {
  GeoPoint a;
  GeoPoint b;
  std::size_t line = 0;
  std::size_t index = 0;  // within its line
  GeographicLib::GeodesicLine geodesic;
  double length_m = 0;
  SpacePoint a_space;
  SpacePoint b_space;
};

}  // namespace

double distance_m(GeoPoint a, GeoPoint b) {
  double s12 = 0;
  wgs84().Inverse(a.lat.degrees, a.lon.degrees, b.lat.degrees, b.lon.degrees, s12);
  return s12;
}

GeoPoint destination(GeoPoint from, double azimuth, double distance) {
  double lat = 0;
  double lon = 0;
  wgs84().Direct(from.lat.degrees, from.lon.degrees, azimuth, distance, lat, lon);
  return {{lon}, {lat}};
}

double azimuth_degrees(GeoPoint a, GeoPoint b) {
  double s12 = 0;
  double azi1 = 0;
  double azi2 = 0;
  wgs84().Inverse(a.lat.degrees, a.lon.degrees, b.lat.degrees, b.lon.degrees, s12, azi1, azi2);
  return azi1;
}

struct LineSet::Impl {
  std::vector<SegmentRecord> segments;
  SegmentTree tree;
  double longest_m = 0;  // the longest segment, for the chord's sagitta

  struct Foot {
    NearestPoint nearest;
    int end = 0;  // -1: at the segment's start, 1: at its end, 0: between
  };

  // The geodesic distance from `p` (`from`: the same point in space) to the
  // segment's geodesic. The foot starts where p projects onto the segment's
  // chord, is put on the geodesic, and is moved by Newton steps on the chord's
  // component along the line's tangent until it moves less than a centimetre
  // (for short segments the first guess already is). The distance is then the
  // chord from p to the foot turned into an arc with the ellipsoid's radius of
  // curvature in that direction: s = 2R asin(c / 2R). The arc is longer than
  // the chord by c^3/24R^2 (0.13 m at 50 km); an error of 1% in R changes
  // that by 2%, so the result is within millimetres of GeographicLib's inverse
  // at tens of kilometres and within centimetres at 300 km, at a fraction of
  // its cost.
  Foot refine(GeoPoint p, const SpacePoint& from, const SegmentRecord& segment) const {
    const double ux = bg::get<0>(segment.b_space) - bg::get<0>(segment.a_space);
    const double uy = bg::get<1>(segment.b_space) - bg::get<1>(segment.a_space);
    const double uz = bg::get<2>(segment.b_space) - bg::get<2>(segment.a_space);
    const double length2 = ux * ux + uy * uy + uz * uz;
    const double projection = (bg::get<0>(from) - bg::get<0>(segment.a_space)) * ux +
                              (bg::get<1>(from) - bg::get<1>(segment.a_space)) * uy +
                              (bg::get<2>(from) - bg::get<2>(segment.a_space)) * uz;
    const double t = length2 > 0 ? std::clamp(projection / length2, 0.0, 1.0) : 0.0;
    double along = t * segment.length_m;
    double lat = 0;
    double lon = 0;
    SpacePoint foot;
    for (int step = 0; step < 8; ++step) {
      double line_azimuth = 0;
      segment.geodesic.Position(along, lat, lon, line_azimuth);
      foot = space({{lon}, {lat}});
      const double sin_lat = std::sin(lat * kRadians);
      const double cos_foot_lat = std::cos(lat * kRadians);
      const double sin_lon = std::sin(lon * kRadians);
      const double cos_lon = std::cos(lon * kRadians);
      const double sin_az = std::sin(line_azimuth * kRadians);
      const double cos_az = std::cos(line_azimuth * kRadians);
      // The line's unit tangent at the foot: east * sin(az) + north * cos(az).
      const double tx = -sin_lon * sin_az - sin_lat * cos_lon * cos_az;
      const double ty = cos_lon * sin_az - sin_lat * sin_lon * cos_az;
      const double tz = cos_foot_lat * cos_az;
      const double residual = (bg::get<0>(foot) - bg::get<0>(from)) * tx +
                              (bg::get<1>(foot) - bg::get<1>(from)) * ty +
                              (bg::get<2>(foot) - bg::get<2>(from)) * tz;
      const double next = std::clamp(along - residual, 0.0, segment.length_m);
      if (std::abs(next - along) < 0.01) {
        break;
      }
      along = next;
    }
    const double cx = bg::get<0>(foot) - bg::get<0>(from);
    const double cy = bg::get<1>(foot) - bg::get<1>(from);
    const double cz = bg::get<2>(foot) - bg::get<2>(from);
    const double chord = std::sqrt(cx * cx + cy * cy + cz * cz);
    // Direction of the chord at p, for the radius of curvature (Euler).
    auto [meridional, prime_vertical] = radii_of_curvature(p.lat.degrees);
    const double east = normalised_degrees(lon - p.lon.degrees) * kRadians * prime_vertical *
                        std::cos(p.lat.degrees * kRadians);
    const double north = (lat - p.lat.degrees) * kRadians * meridional;
    const double azimuth = std::atan2(east, north);
    auto [m, n] = radii_of_curvature((p.lat.degrees + lat) / 2);
    const double sin2 = std::sin(azimuth) * std::sin(azimuth);
    const double radius = 1.0 / ((1 - sin2) / m + sin2 / n);
    const double arc = chord > 0 ? 2 * radius * std::asin(std::min(1.0, chord / (2 * radius))) : 0;
    NearestPoint nearest{arc, {{lon}, {lat}}, segment.line, segment.index};
    return {nearest, along <= 0 ? -1 : along >= segment.length_m ? 1 : 0};
  }
};

LineSet::LineSet(const std::vector<std::vector<GeoPoint>>& lines)
    : impl_(std::make_unique<Impl>()) {
  std::vector<SegmentEntry> entries;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (std::size_t i = 0; i + 1 < lines[l].size(); ++i) {
      const GeoPoint a = lines[l][i];
      const GeoPoint b = lines[l][i + 1];
      GeographicLib::GeodesicLine geodesic =
          wgs84().InverseLine(a.lat.degrees, a.lon.degrees, b.lat.degrees, b.lon.degrees);
      impl_->segments.push_back({a, b, l, i, geodesic, geodesic.Distance(), space(a), space(b)});
      impl_->longest_m = std::max(impl_->longest_m, geodesic.Distance());
      entries.emplace_back(SpaceSegment(space(a), space(b)), impl_->segments.size() - 1);
    }
  }
  impl_->tree = SegmentTree(entries.begin(), entries.end());  // packed bulk load
}

LineSet::LineSet(LineSet&&) noexcept = default;
LineSet& LineSet::operator=(LineSet&&) noexcept = default;
LineSet::~LineSet() = default;

std::size_t LineSet::segment_count() const {
  return impl_->segments.size();
}

std::pair<GeoPoint, GeoPoint> LineSet::segment(std::size_t index) const {
  return {impl_->segments.at(index).a, impl_->segments.at(index).b};
}

NearestPoint LineSet::nearest(GeoPoint point) const {
  // Candidates in order of chord distance in space. Every segment whose
  // chord is within the chord's possible error (its sagitta below the
  // surface, the direction-dependent part of the chord's shortening, half a
  // metre) of the nearest could hold the geodesic foot. Consecutive ones form one stretch of the
  // line, where distance changes smoothly: the stretch is measured from its best chord, walking on
  // to the next segment while the foot lands on an end.
  const SpacePoint query = space(point);
  const double radius = GeographicLib::Constants::WGS84_a();
  const double sagitta = impl_->longest_m * impl_->longest_m / (8 * radius);
  const auto& segments = impl_->segments;
  std::vector<std::size_t> within;
  for (unsigned wanted = 4;; wanted *= 4) {
    std::vector<SegmentEntry> candidates;
    impl_->tree.query(bgi::nearest(query, wanted), std::back_inserter(candidates));
    std::vector<std::pair<double, std::size_t>> by_chord;
    by_chord.reserve(candidates.size());
    for (const auto& [segment, index] : candidates) {
      by_chord.emplace_back(bg::distance(query, segment), index);
    }
    std::sort(by_chord.begin(), by_chord.end());
    within.clear();
    if (by_chord.empty()) {
      break;
    }
    // A chord is shorter than its geodesic by d^3/24R^2 (4 m at 160 km), but by
    // nearly the same for every candidate at that distance: only its change
    // with direction (the ellipsoid's flattening, under 1%) can reorder them.
    const double chord = by_chord.front().first;
    const double shortening = chord * chord * chord / (24 * radius * radius);
    const double bound = chord + 2 * sagitta + 0.02 * shortening + 0.5;
    for (const auto& [distance, index] : by_chord) {
      if (distance > bound) {
        break;
      }
      within.push_back(index);
    }
    if (within.size() < by_chord.size() || candidates.size() < wanted) {
      break;
    }
  }
  NearestPoint best{std::numeric_limits<double>::infinity(), point, 0, 0};
  std::vector<bool> done(within.size(), false);
  auto adjacent = [&](std::size_t a, std::size_t b) {
    return segments[a].line == segments[b].line && (segments[a].index + 1 == segments[b].index ||
                                                    segments[b].index + 1 == segments[a].index);
  };
  for (std::size_t first = 0; first < within.size(); ++first) {
    if (done[first]) {
      continue;
    }
    // Mark the stretch this candidate belongs to among the candidates.
    done[first] = true;
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t j = 0; j < within.size(); ++j) {
        if (done[j]) {
          continue;
        }
        for (std::size_t k = 0; k < within.size(); ++k) {
          if (done[k] && adjacent(within[j], within[k])) {
            done[j] = true;
            grew = true;
            break;
          }
        }
      }
    }
    // Measure from the best chord of the stretch, walking while the foot is at an end.
    std::size_t index = within[first];
    Impl::Foot here = impl_->refine(point, query, segments[index]);
    for (int step = 0; step < 64; ++step) {
      const SegmentRecord& segment = segments[index];
      std::size_t next = index;
      if (here.end < 0 && index > 0 && segments[index - 1].line == segment.line) {
        next = index - 1;
      } else if (here.end > 0 && index + 1 < segments.size() &&
                 segments[index + 1].line == segment.line) {
        next = index + 1;
      }
      if (next == index) {
        break;
      }
      Impl::Foot there = impl_->refine(point, query, segments[next]);
      if (there.nearest.distance_m >= here.nearest.distance_m) {
        break;
      }
      here = there;
      index = next;
    }
    if (here.nearest.distance_m < best.distance_m) {
      best = here.nearest;
    }
  }
  return best;
}

struct Area::Impl {
  PlanarPolygon polygon;
  BoundingBox box;
  std::unique_ptr<LineSet> boundary;
};

Area::Area(const Geometry& polygon) : impl_(std::make_unique<Impl>()) {
  for (std::size_t r = 0; r < polygon.parts.size(); ++r) {
    auto& ring = r == 0 ? impl_->polygon.outer()
                        : (impl_->polygon.inners().emplace_back(), impl_->polygon.inners().back());
    for (const GeoPoint& p : polygon.parts[r]) {
      ring.emplace_back(p.lon.degrees, p.lat.degrees);
    }
  }
  bg::correct(impl_->polygon);  // orientation as the type wants it
  impl_->box = bounding_box(polygon);
  impl_->boundary = std::make_unique<LineSet>(polygon.parts);
}

Area::Area(Area&&) noexcept = default;
Area& Area::operator=(Area&&) noexcept = default;
Area::~Area() = default;

bool Area::contains(GeoPoint point) const {
  const BoundingBox& b = impl_->box;
  if (point.lon.degrees < b.min_lon || point.lon.degrees > b.max_lon ||
      point.lat.degrees < b.min_lat || point.lat.degrees > b.max_lat) {
    return false;
  }
  return bg::within(PlanarPoint(point.lon.degrees, point.lat.degrees), impl_->polygon);
}

double Area::boundary_distance_m(GeoPoint point) const {
  return impl_->boundary->nearest(point).distance_m;
}

const BoundingBox& Area::box() const {
  return impl_->box;
}

}  // namespace truce::geo
