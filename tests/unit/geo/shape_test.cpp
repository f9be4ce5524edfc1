#include "geo/shape.hpp"

#include <gtest/gtest.h>

namespace truce::geo {
namespace {

GeoPoint at(double lon, double lat) {
  return {{lon}, {lat}};
}

TEST(Shape, AcceptsASimpleLineAndPolygon) {
  EXPECT_EQ(shape_problem({GeometryType::kLineString, {{at(45, 40), at(46, 40.5), at(47, 40)}}}),
            "");
  EXPECT_EQ(shape_problem({GeometryType::kPolygon,
                           {{at(45, 40), at(46, 40), at(46, 41), at(45, 41), at(45, 40)}}}),
            "");
}

TEST(Shape, RejectsABowTiePolygon) {
  std::string problem = shape_problem(
      {GeometryType::kPolygon, {{at(45, 40), at(46, 41), at(46, 40), at(45, 41), at(45, 40)}}});
  EXPECT_NE(problem.find("intersects itself"), std::string::npos) << problem;
}

TEST(Shape, RejectsALineThatCrossesItself) {
  std::string problem = shape_problem(
      {GeometryType::kLineString, {{at(45, 40), at(46, 41), at(46, 40), at(45, 41)}}});
  EXPECT_NE(problem.find("line 0 intersects itself"), std::string::npos) << problem;
}

TEST(Shape, RejectsAnUnclosedRing) {
  std::string problem =
      shape_problem({GeometryType::kPolygon, {{at(45, 40), at(46, 40), at(46, 41), at(45, 41)}}});
  EXPECT_NE(problem.find("not closed"), std::string::npos) << problem;
}

}  // namespace
}  // namespace truce::geo
