// Peacekeeping coverage: which stretches of a line the posts observe (a post
// sees within its observation radius), and for each incident the nearest post.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assess/facts.hpp"
#include "assess/registry.hpp"

namespace truce::assess {

struct SegmentCoverage {
  std::size_t line = 0;
  std::size_t segment = 0;
  GeoPoint start;
  GeoPoint end;
  double length_km = 0;
  double covered_fraction = 0;  // of points sampled every <= 250 m
  std::string nearest_post;     // id; empty without posts
  double nearest_post_km = 0;   // from the segment's middle
};

struct LineCoverage {
  std::string line;  // feature id
  double length_km = 0;
  double covered_km = 0;
  std::vector<SegmentCoverage> segments;
};

struct NearestPost {
  std::string incident;
  std::string post;  // empty when no post is valid at the time or the place is unknown
  double distance_km = 0;
  bool within_radius = false;
};

// Posts: observation posts with a radius (peacekeeper posts without one count
// only as nearest posts). Features valid at `moment` (UTC seconds) only.
Result<LineCoverage> line_coverage(const Registry& registry, std::string_view line_id,
                                   const std::vector<std::string>& post_ids, std::int64_t moment);

std::vector<NearestPost> nearest_posts(const Registry& registry,
                                       const std::vector<std::string>& post_ids,
                                       const std::vector<IncidentFacts>& incidents);

}  // namespace truce::assess
