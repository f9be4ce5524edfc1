// Distances against GeographicLib's direct problem: a point set off a line
// perpendicularly by a known geodesic distance must measure that distance
// back. Lines and points are synthetic.
#include "geo/geodesy.hpp"

#include <gtest/gtest.h>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <cmath>
#include <random>

namespace truce::geo {
namespace {

GeoPoint at(double lon, double lat) {
  return {{lon}, {lat}};
}

// A point `offset_m` off the geodesic from a to b, perpendicular to it at the
// fraction t of its length, on its left (negative offset: right).
GeoPoint perpendicular(GeoPoint a, GeoPoint b, double t, double offset_m) {
  const auto& wgs84 = GeographicLib::Geodesic::WGS84();
  GeographicLib::GeodesicLine line =
      wgs84.InverseLine(a.lat.degrees, a.lon.degrees, b.lat.degrees, b.lon.degrees);
  double lat = 0;
  double lon = 0;
  double azimuth = 0;
  line.Position(t * line.Distance(), lat, lon, azimuth);
  double out_lat = 0;
  double out_lon = 0;
  wgs84.Direct(lat, lon, azimuth + (offset_m > 0 ? -90.0 : 90.0), std::abs(offset_m), out_lat,
               out_lon);
  return at(out_lon, out_lat);
}

TEST(Geodesy, DistanceBetweenPointsMatchesAKnownValue) {
  // One degree of longitude on the equator is 111319.49 m on WGS84.
  EXPECT_NEAR(distance_m(at(0, 0), at(1, 0)), 111319.49, 0.01);
}

TEST(Geodesy, PointFiftyKilometresOffALongSegmentMeasuresFiftyKilometres) {
  // A 300 km segment: the chord in lon/lat strays from the geodesic by far
  // more than a metre, so this fails unless the foot is put on the geodesic.
  const GeoPoint a = at(44.0, 39.0);
  const GeoPoint b = at(47.2, 40.4);
  LineSet line({{a, b}});
  for (double t : {0.1, 0.37, 0.5, 0.81}) {
    for (double offset : {50000.0, -50000.0, 1000.0, -20000.0}) {
      GeoPoint p = perpendicular(a, b, t, offset);
      EXPECT_NEAR(line.nearest(p).distance_m, std::abs(offset), 1.0) << t << " " << offset;
    }
  }
}

TEST(Geodesy, RandomPointsAgreeWithBruteForceOverEveryVertexAndFoot) {
  // A 2,000-vertex wandering line; the R-tree answer must equal the minimum
  // over all segments measured one by one.
  std::mt19937 random(7);
  std::uniform_real_distribution<double> step(-0.02, 0.02);
  std::vector<GeoPoint> points{at(36.0, 47.0)};
  for (int i = 1; i < 2000; ++i) {
    points.push_back(at(points.back().lon.degrees + 0.0015 + step(random) / 4,
                        points.back().lat.degrees + step(random)));
  }
  LineSet line({points});
  std::vector<std::unique_ptr<LineSet>> singles;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    singles.push_back(
        std::make_unique<LineSet>(std::vector<std::vector<GeoPoint>>{{points[i], points[i + 1]}}));
  }
  std::uniform_real_distribution<double> lon(36.0, 39.0);
  std::uniform_real_distribution<double> lat(46.5, 47.5);
  for (int n = 0; n < 50; ++n) {
    GeoPoint p = at(lon(random), lat(random));
    double brute = 1e300;
    for (const auto& single : singles) {
      brute = std::min(brute, single->nearest(p).distance_m);
    }
    EXPECT_NEAR(line.nearest(p).distance_m, brute, 0.01) << n;
  }
}

TEST(Geodesy, DistancesAgreeWithGeographicLibsInverseToTheFoot) {
  // The distance reported must be the geodesic distance to the point reported,
  // from a few hundred metres out to 300 km.
  std::mt19937 random(3);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<GeoPoint> points;
  for (int i = 0; i < 200; ++i) {
    points.push_back(at(40 + 0.02 * i, 41 + 0.3 * std::sin(i / 9.0)));
  }
  LineSet line({points});
  for (int n = 0; n < 200; ++n) {
    GeoPoint p = at(39 + 6 * unit(random), 38.5 + 5 * unit(random));
    NearestPoint nearest = line.nearest(p);
    const double exact = distance_m(p, nearest.point);
    const double tolerance = nearest.distance_m < 60000 ? 0.01 : 0.1;
    EXPECT_NEAR(nearest.distance_m, exact, tolerance) << n << " at " << exact << " m";
  }
}

TEST(Geodesy, BeyondAnEndThePointMeasuresToTheVertex) {
  const GeoPoint a = at(45.0, 40.0);
  const GeoPoint b = at(45.5, 40.0);
  const GeoPoint p = destination(b, 90, 30000);  // east of the east end
  EXPECT_NEAR(LineSet({{a, b}}).nearest(p).distance_m, 30000, 0.5);
}

TEST(Area, ContainsAndMeasuresItsBoundary) {
  Geometry square{GeometryType::kPolygon,
                  {{at(45, 40), at(46, 40), at(46, 41), at(45, 41), at(45, 40)}}};
  Area area(square);
  EXPECT_TRUE(area.contains(at(45.5, 40.5)));
  EXPECT_FALSE(area.contains(at(46.5, 40.5)));
  // The centre is half a degree of latitude from the south and north edges
  // and farther from the others (a degree of longitude is shorter here).
  double to_edge = area.boundary_distance_m(at(45.5, 40.5));
  EXPECT_NEAR(to_edge, distance_m(at(45.5, 40.5), at(46.0, 40.5)), 200.0);
}

}  // namespace
}  // namespace truce::geo
