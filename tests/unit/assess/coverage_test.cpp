// Coverage of the fictional Ridge line by its two posts (synthetic.hpp).
#include "assess/coverage.hpp"

#include <gtest/gtest.h>

#include "unit/assess/registry_fixture.hpp"
#include "unit/assess/synthetic.hpp"

namespace truce::assess::test {
namespace {

Registry midland() {
  auto built = registry_of({{"midland.json", std::string(kSyntheticAgreement)}},
                           {{"midland.geojson", std::string(kSyntheticGeography)}});
  EXPECT_TRUE(built) << built.error().message;
  return std::move(*built);
}

TEST(Coverage, PostsCoverTheStretchesWithinTheirRadius) {
  Registry registry = midland();
  // 2030-06-01 in UTC seconds; the line is valid from 2030-01-01.
  auto coverage = line_coverage(registry, "ridge-line", {"post-west", "post-east"}, 1906502400);
  ASSERT_TRUE(coverage) << coverage.error().message;
  ASSERT_EQ(coverage->segments.size(), 2U);
  // West post: 10 km radius, 2.2 km off the line at lon 10.1, so it sees
  // sqrt(10^2 - 2.2^2) = 9.75 km east of its foot and the 8.5 km to the line's
  // west end. East post: 5 km radius, 2.2 km off: 2 * 4.49 = 9.0 km.
  const double west = coverage->segments[0].covered_fraction * coverage->segments[0].length_km;
  const double east = coverage->segments[1].covered_fraction * coverage->segments[1].length_km;
  EXPECT_NEAR(west, 8.5 + 9.8, 1.0);
  EXPECT_NEAR(east, 9.2, 1.0);
  EXPECT_EQ(coverage->segments[0].nearest_post, "post-west");
  EXPECT_EQ(coverage->segments[1].nearest_post, "post-east");
  EXPECT_NEAR(coverage->covered_km, west + east, 1e-6);
}

TEST(Coverage, BeforeTheLineIsValidNothingIsCoveredByLaterPostsEither) {
  Registry registry = midland();
  auto coverage = line_coverage(registry, "ridge-line", {"post-west"}, 0);
  ASSERT_TRUE(coverage);
  EXPECT_GT(coverage->covered_km, 0) << "posts have no validity period: always valid";
  auto missing = line_coverage(registry, "no-such-line", {}, 0);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(Coverage, EachIncidentGetsItsNearestPost) {
  Registry registry = midland();
  IncidentFacts near_east;
  near_east.id = "a";
  near_east.time.start = *parse_civil_time("2030-03-01");
  near_east.time.end = near_east.time.start;
  near_east.place.point = at(10.88, 40.0);
  IncidentFacts nowhere = near_east;
  nowhere.id = "b";
  nowhere.place.point.reset();
  auto posts = nearest_posts(registry, {"post-west", "post-east"}, {near_east, nowhere});
  ASSERT_EQ(posts.size(), 2U);
  EXPECT_EQ(posts[0].post, "post-east");
  EXPECT_LT(posts[0].distance_km, 5);
  EXPECT_TRUE(posts[0].within_radius);
  EXPECT_EQ(posts[1].post, "");
}

}  // namespace
}  // namespace truce::assess::test
