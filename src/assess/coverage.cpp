#include "assess/coverage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/geodesy.hpp"

namespace truce::assess {
namespace {

constexpr double kSampleStepKm = 0.25;

GeoPoint interpolate(GeoPoint a, GeoPoint b, double t) {
  // Along the geodesic, so samples are evenly spaced on the ground.
  return geo::destination(a, geo::azimuth_degrees(a, b), geo::distance_m(a, b) * t);
}

struct Post {
  const Feature* feature;
  GeoPoint point;
};

std::vector<Post> valid_posts(const Registry& registry, const std::vector<std::string>& ids,
                              std::int64_t moment) {
  std::vector<Post> posts;
  for (const std::string& id : ids) {
    const Feature* feature = registry.feature(id);
    if (feature != nullptr && feature->geometry.type == GeometryType::kPoint &&
        valid_at(*feature, moment)) {
      posts.push_back({feature, feature->geometry.parts[0][0]});
    }
  }
  return posts;
}

}  // namespace

Result<LineCoverage> line_coverage(const Registry& registry, std::string_view line_id,
                                   const std::vector<std::string>& post_ids, std::int64_t moment) {
  const Feature* line = registry.feature(line_id);
  if (line == nullptr || registry.lines(line_id) == nullptr) {
    return make_error(ErrorCode::kNotFound,
                      "no line feature '" + std::string(line_id) + "' in the registry");
  }
  for (const std::string& id : post_ids) {
    const Feature* post = registry.feature(id);
    if (post == nullptr || post->geometry.type != GeometryType::kPoint) {
      return make_error(ErrorCode::kNotFound, "no post feature '" + id + "' in the registry");
    }
  }
  std::vector<Post> posts = valid_posts(registry, post_ids, moment);
  LineCoverage coverage;
  coverage.line = std::string(line_id);
  for (std::size_t l = 0; l < line->geometry.parts.size(); ++l) {
    const auto& points = line->geometry.parts[l];
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      SegmentCoverage segment{l, i, points[i], points[i + 1], 0, 0, "", 0};
      segment.length_km = geo::distance_m(points[i], points[i + 1]) / 1000;
      int samples = std::max(2, static_cast<int>(std::ceil(segment.length_km / kSampleStepKm)) + 1);
      int covered = 0;
      for (int s = 0; s < samples; ++s) {
        GeoPoint at = interpolate(points[i], points[i + 1], static_cast<double>(s) / (samples - 1));
        for (const Post& post : posts) {
          if (post.feature->observation_radius_km &&
              geo::distance_m(at, post.point) / 1000 <= *post.feature->observation_radius_km) {
            ++covered;
            break;
          }
        }
      }
      segment.covered_fraction = static_cast<double>(covered) / samples;
      GeoPoint middle = interpolate(points[i], points[i + 1], 0.5);
      double best = std::numeric_limits<double>::infinity();
      for (const Post& post : posts) {
        double distance = geo::distance_m(middle, post.point) / 1000;
        if (distance < best) {
          best = distance;
          segment.nearest_post = post.feature->id;
          segment.nearest_post_km = distance;
        }
      }
      coverage.length_km += segment.length_km;
      coverage.covered_km += segment.length_km * segment.covered_fraction;
      coverage.segments.push_back(std::move(segment));
    }
  }
  return coverage;
}

std::vector<NearestPost> nearest_posts(const Registry& registry,
                                       const std::vector<std::string>& post_ids,
                                       const std::vector<IncidentFacts>& incidents) {
  std::vector<NearestPost> result;
  for (const IncidentFacts& incident : incidents) {
    NearestPost nearest{incident.id, "", 0, false};
    std::int64_t moment = day_number(incident.time.start.date) * 86400;
    if (incident.place.point) {
      double best = std::numeric_limits<double>::infinity();
      for (const Post& post : valid_posts(registry, post_ids, moment)) {
        double distance = geo::distance_m(*incident.place.point, post.point) / 1000;
        if (distance < best) {
          best = distance;
          nearest.post = post.feature->id;
          nearest.distance_km = distance;
          nearest.within_radius = post.feature->observation_radius_km &&
                                  distance <= *post.feature->observation_radius_km;
        }
      }
    }
    result.push_back(std::move(nearest));
  }
  return result;
}

}  // namespace truce::assess
