#include "geo/geodesy.hpp"

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
using PlanarSegment = bg::model::segment<PlanarPoint>;
using SegmentEntry = std::pair<PlanarSegment, std::size_t>;
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

struct SegmentRecord {
  GeoPoint a;
  GeoPoint b;
  std::size_t line = 0;
  std::size_t index = 0;  // within its line
  GeographicLib::GeodesicLine geodesic;
  double length_m = 0;
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
  double x_scale = 1;  // cosine of the mean latitude: the planar frame of the tree
  std::vector<SegmentRecord> segments;
  SegmentTree tree;

  PlanarPoint planar(GeoPoint p) const { return {p.lon.degrees * x_scale, p.lat.degrees}; }

  // The geodesic distance from `p` to the segment's geodesic: a foot found in
  // a local tangent frame at p, put on the geodesic, then corrected by Newton
  // steps on the along-track residual until it is under a decimetre.
  NearestPoint refine(GeoPoint p, const SegmentRecord& segment) const {
    auto [meridional, prime_vertical] = radii_of_curvature(p.lat.degrees);
    const double cos_lat = std::cos(p.lat.degrees * kRadians);
    auto local = [&](GeoPoint q) {
      return std::pair{
          normalised_degrees(q.lon.degrees - p.lon.degrees) * kRadians * prime_vertical * cos_lat,
          (q.lat.degrees - p.lat.degrees) * kRadians * meridional};
    };
    auto [ax, ay] = local(segment.a);
    auto [bx, by] = local(segment.b);
    const double dx = bx - ax;
    const double dy = by - ay;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? std::clamp(-(ax * dx + ay * dy) / length2, 0.0, 1.0) : 0.0;
    double along = t * segment.length_m;
    NearestPoint best{std::numeric_limits<double>::infinity(), segment.a, segment.line,
                      segment.index};
    for (int step = 0; step < 6; ++step) {
      double lat = 0;
      double lon = 0;
      double line_azimuth = 0;
      segment.geodesic.Position(along, lat, lon, line_azimuth);
      double s12 = 0;
      double azi1 = 0;
      double azi2 = 0;
      wgs84().Inverse(p.lat.degrees, p.lon.degrees, lat, lon, s12, azi1, azi2);
      if (s12 < best.distance_m) {
        best.distance_m = s12;
        best.point = {{lon}, {lat}};
      }
      // Positive when the foot lies behind the point reached: step back.
      const double residual = s12 * std::cos((azi2 - line_azimuth) * kRadians);
      const double next = std::clamp(along - residual, 0.0, segment.length_m);
      if (std::abs(next - along) < 0.1 || s12 < 1e-6) {
        break;
      }
      along = next;
    }
    return best;
  }
};

LineSet::LineSet(const std::vector<std::vector<GeoPoint>>& lines)
    : impl_(std::make_unique<Impl>()) {
  double latitude_sum = 0;
  std::size_t count = 0;
  for (const auto& line : lines) {
    for (const GeoPoint& point : line) {
      latitude_sum += point.lat.degrees;
      ++count;
    }
  }
  impl_->x_scale = count > 0 ? std::cos(latitude_sum / static_cast<double>(count) * kRadians) : 1;
  std::vector<SegmentEntry> entries;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (std::size_t i = 0; i + 1 < lines[l].size(); ++i) {
      const GeoPoint a = lines[l][i];
      const GeoPoint b = lines[l][i + 1];
      GeographicLib::GeodesicLine geodesic =
          wgs84().InverseLine(a.lat.degrees, a.lon.degrees, b.lat.degrees, b.lon.degrees);
      impl_->segments.push_back({a, b, l, i, geodesic, geodesic.Distance()});
      entries.emplace_back(PlanarSegment(impl_->planar(a), impl_->planar(b)),
                           impl_->segments.size() - 1);
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
  // The planar frame distorts distances by a few per cent across a theatre:
  // every segment whose planar distance is within that margin of the best is
  // measured geodesically, and the tree is asked for more until none is left.
  constexpr double kRelativeMargin = 1.08;
  constexpr double kAbsoluteMarginDegrees = 0.002;
  const PlanarPoint query = impl_->planar(point);
  NearestPoint best{std::numeric_limits<double>::infinity(), point, 0, 0};
  for (std::size_t wanted = 2;; wanted *= 4) {
    std::vector<SegmentEntry> candidates;
    impl_->tree.query(bgi::nearest(query, static_cast<unsigned>(wanted)),
                      std::back_inserter(candidates));
    std::vector<std::pair<double, std::size_t>> by_distance;
    by_distance.reserve(candidates.size());
    for (const auto& [segment, index] : candidates) {
      by_distance.emplace_back(bg::distance(query, segment), index);
    }
    std::sort(by_distance.begin(), by_distance.end());
    if (by_distance.empty()) {
      return best;
    }
    const double bound = by_distance.front().first * kRelativeMargin + kAbsoluteMarginDegrees;
    bool all_within = true;
    for (const auto& [planar_distance, index] : by_distance) {
      if (planar_distance > bound) {
        all_within = false;
        break;
      }
      NearestPoint candidate = impl_->refine(point, impl_->segments[index]);
      if (candidate.distance_m < best.distance_m) {
        best = candidate;
      }
    }
    if (!all_within || candidates.size() < wanted) {
      return best;
    }
  }
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
