#include "core/geo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace truce {
namespace {

GeoPoint at(double lon, double lat) {
  return GeoPoint{Longitude{lon}, Latitude{lat}};
}

TEST(Geometry, AcceptsWellFormedShapes) {
  EXPECT_EQ(geometry_problem(make_point(45.9, 40.2)), "");
  EXPECT_EQ(geometry_problem({GeometryType::kLineString, {{at(0, 0), at(1, 1)}}}), "");
  EXPECT_EQ(geometry_problem({GeometryType::kPolygon, {{at(0, 0), at(1, 0), at(1, 1), at(0, 0)}}}),
            "");
}

TEST(Geometry, NamesWhatIsWrong) {
  EXPECT_NE(geometry_problem(make_point(181, 0)).find("not a valid longitude"), std::string::npos);
  EXPECT_NE(geometry_problem(make_point(0, -90.5)).find("coordinate 0"), std::string::npos);
  double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(geometry_problem(make_point(nan, 0)), "");
  EXPECT_NE(geometry_problem({GeometryType::kLineString, {{at(0, 0)}}}), "");
  EXPECT_NE(geometry_problem({GeometryType::kPolygon, {{at(0, 0), at(1, 0), at(1, 1), at(0, 1)}}})
                .find("not closed"),
            std::string::npos);
  EXPECT_NE(geometry_problem({GeometryType::kPoint, {}}), "");
}

TEST(BoundingBox, SpansAllParts) {
  Geometry lines{GeometryType::kMultiLineString,
                 {{at(45, 40), at(46, 41)}, {at(44.5, 39), at(45.5, 39.5)}}};
  EXPECT_EQ(bounding_box(lines), (BoundingBox{44.5, 39, 46, 41}));
}

TEST(BoundingBox, IntersectsWhenEdgesTouch) {
  BoundingBox a{0, 0, 1, 1};
  EXPECT_TRUE(intersects(a, BoundingBox{1, 1, 2, 2}));
  EXPECT_FALSE(intersects(a, BoundingBox{1.0001, 0, 2, 1}));
}

TEST(LocationPrecision, MapsUcdpCodesToAcledPrecision) {
  EXPECT_EQ(acled_geo_precision(LocationPrecision::kExact), 1);
  EXPECT_EQ(acled_geo_precision(LocationPrecision::kNear), 2);
  EXPECT_EQ(acled_geo_precision(LocationPrecision::kAdmin1), 3);
  EXPECT_EQ(acled_geo_precision(LocationPrecision::kCountry), 3);
}

}  // namespace
}  // namespace truce
