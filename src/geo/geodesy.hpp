// Geodesic measures on the WGS84 ellipsoid (GeographicLib): distances between
// points and from a point to lines or polygon boundaries. Lines are held in an
// R-tree of their segments' chords in Earth-centred space, which only picks
// candidates (a chord is shorter than its geodesic by a few metres at most,
// the same way in every direction); every distance returned is geodesic, to
// the nearest point of the segment's geodesic, accurate to millimetres at tens
// of kilometres (tests/unit/geo, against GeographicLib's direct problem).
//
// Thread-safety: immutable after construction; const methods may be called
// from many threads.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "core/geo.hpp"

namespace truce::geo {

double distance_m(GeoPoint a, GeoPoint b);
// The point `distance` metres from `from` along the geodesic leaving it at
// `azimuth_degrees` (clockwise from north).
GeoPoint destination(GeoPoint from, double azimuth_degrees, double distance_m);
// Azimuth (degrees clockwise from north) of the geodesic from a to b, at a.
double azimuth_degrees(GeoPoint a, GeoPoint b);

struct NearestPoint {
  double distance_m = 0;
  GeoPoint point;           // the nearest point of the lines
  std::size_t line = 0;     // which line
  std::size_t segment = 0;  // which segment of it
};

// A set of polylines (lines of a feature, or the rings of a polygon).
class LineSet {
 public:
  // Each line has at least two points (checked by the caller's validation).
  explicit LineSet(const std::vector<std::vector<GeoPoint>>& lines);
  LineSet(LineSet&&) noexcept;
  LineSet& operator=(LineSet&&) noexcept;
  LineSet(const LineSet&) = delete;
  LineSet& operator=(const LineSet&) = delete;
  ~LineSet();

  NearestPoint nearest(GeoPoint point) const;
  std::size_t segment_count() const;
  // Endpoints of segment `index` in the order segments were added.
  std::pair<GeoPoint, GeoPoint> segment(std::size_t index) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A polygon (outer ring and holes) for containment, with its boundary for
// distances. Edges are straight in lon/lat, as RFC 7946 reads GeoJSON.
class Area {
 public:
  explicit Area(const Geometry& polygon);  // a valid Polygon
  Area(Area&&) noexcept;
  Area& operator=(Area&&) noexcept;
  Area(const Area&) = delete;
  Area& operator=(const Area&) = delete;
  ~Area();

  bool contains(GeoPoint point) const;
  double boundary_distance_m(GeoPoint point) const;
  const BoundingBox& box() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truce::geo
