#include "fusion/relation.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <type_traits>

#include "core/vocabulary.hpp"

namespace truce::fusion {

bool contained_in_one_admin1(const ClaimFacts& a, const ClaimFacts& b) {
  return !a.admin1.empty() && a.admin1 == b.admin1 &&
         (!a.box || !b.box || a.admin1_wide || b.admin1_wide);
}

namespace {

// The coordinate of [lo, hi] nearest to the other interval [olo, ohi].
double nearest(double lo, double hi, double olo, double ohi) {
  if (hi < olo) {
    return hi;
  }
  if (lo > ohi) {
    return lo;
  }
  return std::max(lo, olo);
}

std::string format_km(double km) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f km", km);
  return text;
}

std::string join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    joined += (joined.empty() ? "" : ", ") + item;
  }
  return joined.empty() ? "none named" : joined;
}

struct PlaceMatch {
  bool compatible = false;
  std::optional<double> distance_km;
  std::string rule;
  double score = 0;
};

PlaceMatch match_place(const ClaimFacts& a, const ClaimFacts& b, bool explain) {
  PlaceMatch match;
  if (contained_in_one_admin1(a, b)) {
    match.compatible = true;
    match.score = 0.8;
    if (explain) {
      match.rule = "both in " + a.admin1;
    }
  }
  if (a.box && b.box) {
    const double distance = box_distance_km(*a.box, *b.box);
    const double allowed = a.reach_km + b.reach_km;
    match.distance_km = distance;
    if (distance <= allowed) {
      match.compatible = true;
      match.score = std::max(match.score, 1.0 - 0.5 * distance / std::max(allowed, 1e-9));
      if (explain) {
        match.rule = format_km(distance) + " apart, " + format_km(allowed) + " allowed";
      }
    } else if (!match.compatible && explain) {
      match.rule = format_km(distance) + " apart, more than the " + format_km(allowed) + " allowed";
    }
    return match;
  }
  if (!match.compatible) {
    match.compatible = true;
    match.score = 0.5;
    if (explain) {
      match.rule = !a.box && !b.box ? "no place on either claim" : "no place on one claim";
    }
  }
  return match;
}

// How many parties two sorted lists name together.
std::size_t union_size(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t count = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() || j != b.end()) {
    if (j == b.end() || (i != a.end() && *i < *j)) {
      ++i;
    } else if (i == a.end() || *j < *i) {
      ++j;
    } else {
      ++i;
      ++j;
    }
    ++count;
  }
  return count;
}

}  // namespace

double box_distance_km(const BoundingBox& first, const BoundingBox& second) {
  if (intersects(first, second)) {
    return 0;
  }
  // The same operations in the same order whichever box comes first, so the
  // distance (and every score built on it) is symmetric bit for bit.
  const bool in_order = std::tie(first.min_lon, first.min_lat, first.max_lon, first.max_lat) <=
                        std::tie(second.min_lon, second.min_lat, second.max_lon, second.max_lat);
  const BoundingBox& a = in_order ? first : second;
  const BoundingBox& b = in_order ? second : first;
  const double lon_a = nearest(a.min_lon, a.max_lon, b.min_lon, b.max_lon);
  const double lon_b = nearest(b.min_lon, b.max_lon, a.min_lon, a.max_lon);
  const double lat_a = nearest(a.min_lat, a.max_lat, b.min_lat, b.max_lat);
  const double lat_b = nearest(b.min_lat, b.max_lat, a.min_lat, a.max_lat);
  return haversine_km(GeoPoint{{lon_a}, {lat_a}}, GeoPoint{{lon_b}, {lat_b}});
}

bool kinds_may_match(const ClaimFacts& a, const ClaimFacts& b, const Parameters& parameters) {
  const bool a_clusters = a.role == EventRole::kMember || a.role == EventRole::kReleases;
  if (!a_clusters || a.role != b.role || a.group != b.group) {
    return false;
  }
  const auto allowed = std::max<std::size_t>(
      {static_cast<std::size_t>(parameters.max_parties), a.parties.size(), b.parties.size()});
  // The bits of two claims together never count more parties than they name,
  // so too many bits rules the pair out before any name is compared.
  if (static_cast<std::size_t>(std::popcount(a.party_bits | b.party_bits)) > allowed) {
    return false;
  }
  return union_size(a.parties, b.parties) <= allowed;
}

namespace {

// The relation, with the words of each feature only when `explain` asks for
// them: clustering needs the answer and the score alone (a number, nothing to
// allocate), the explanation is built for the members an incident shows.
template <bool kExplain>
using Evaluation = std::conditional_t<kExplain, MatchFeatures, double>;

template <bool kExplain>
std::optional<Evaluation<kExplain>> evaluate(const ClaimFacts& a, const ClaimFacts& b,
                                             const Parameters& parameters) {
  if (a.role != b.role || !a.links_by_time || !b.links_by_time) {
    return std::nullopt;
  }
  // Negative when the intervals overlap. Intervals that only touch (two
  // consecutive dates) meet only through a widening. Time first: it rules out
  // most candidates an index returns, at the cost of two comparisons.
  const double widened = a.widen_hours + b.widen_hours;
  const double separation =
      std::max(a.start_hours, b.start_hours) - std::min(a.end_hours, b.end_hours);
  if (separation >= widened) {
    return std::nullopt;
  }
  if (!kinds_may_match(a, b, parameters)) {
    return std::nullopt;
  }
  const double gap = std::max(0.0, separation);
  PlaceMatch place = match_place(a, b, kExplain);
  if (!place.compatible) {
    return std::nullopt;
  }
  const bool same_type = a.event_type == b.event_type;
  const bool same_parties = a.parties == b.parties;
  const bool shared_party =
      !a.parties.empty() && !b.parties.empty() &&
      (same_parties || union_size(a.parties, b.parties) < a.parties.size() + b.parties.size());
  const double time_score = widened > 0 ? 1.0 - 0.5 * gap / widened : 1.0;
  const double type_score = same_type ? 1.0 : 0.8;
  const double actor_score = a.parties.empty() || b.parties.empty() ? 0.6
                             : same_parties                         ? 1.0
                             : shared_party                         ? 0.9
                                                                    : 0.7;
  const double score = time_score * place.score * type_score * actor_score;
  if constexpr (!kExplain) {
    return score;
  } else {
    MatchFeatures features;
    features.score = score;
    features.matched_with = b.id;
    features.time_gap_hours = gap;
    features.distance_km = place.distance_km;
    features.place_rule = std::move(place.rule);
    features.type_rule = same_type
                             ? std::string(to_string(a.event_type)) + " (same type)"
                             : std::string(to_string(a.event_type)) + " ~ " +
                                   std::string(to_string(b.event_type)) + " (" + a.group + ")";
    std::vector<std::string> names;
    std::set_union(a.parties.begin(), a.parties.end(), b.parties.begin(), b.parties.end(),
                   std::back_inserter(names));
    features.actor_rule = "parties " + join(names);
    if (!a.parties.empty() && !b.parties.empty() && !shared_party) {
      features.actor_rule += " (each claim names one side)";
    }
    return features;
  }
}

}  // namespace

std::optional<MatchFeatures> same_event(const ClaimFacts& a, const ClaimFacts& b,
                                        const Parameters& parameters) {
  return evaluate<true>(a, b, parameters);
}

std::optional<double> same_event_score(const ClaimFacts& a, const ClaimFacts& b,
                                       const Parameters& parameters) {
  return evaluate<false>(a, b, parameters);
}

namespace {

template <bool kExplain>
std::optional<Evaluation<kExplain>> evaluate_ending(const ClaimFacts& ending,
                                                    const ClaimFacts& member,
                                                    const Parameters& parameters) {
  if (ending.role != EventRole::kEnds || member.role != EventRole::kMember ||
      !ending.links_by_time) {
    return std::nullopt;
  }
  const double ending_start = ending.start_hours - ending.widen_hours;
  const double ending_end = ending.end_hours + ending.widen_hours;
  const double member_start = member.start_hours - member.widen_hours;
  const double member_end = member.end_hours + member.widen_hours;
  if (ending_end < member_start || ending_start > member_end + parameters.end_link_hours) {
    return std::nullopt;
  }
  PlaceMatch place = match_place(ending, member, kExplain);
  if (!place.compatible) {
    return std::nullopt;
  }
  const std::size_t together = union_size(ending.parties, member.parties);
  const bool share = together < ending.parties.size() + member.parties.size();
  if (!ending.parties.empty() && !member.parties.empty() && !share) {
    return std::nullopt;
  }
  const double score = place.score * (share ? 1.0 : 0.6);
  if constexpr (!kExplain) {
    return score;
  } else {
    std::vector<std::string> shared;
    std::set_intersection(ending.parties.begin(), ending.parties.end(), member.parties.begin(),
                          member.parties.end(), std::back_inserter(shared));
    MatchFeatures features;
    features.matched_with = member.id;
    features.time_gap_hours = std::max(0.0, ending_start - member_end);
    features.distance_km = place.distance_km;
    features.place_rule = std::move(place.rule);
    features.type_rule = std::string(to_string(ending.event_type)) + " ends " +
                         std::string(to_string(member.event_type));
    features.actor_rule = "shared parties " + join(shared);
    features.score = score;
    return features;
  }
}

}  // namespace

std::optional<MatchFeatures> ends_event(const ClaimFacts& ending, const ClaimFacts& member,
                                        const Parameters& parameters) {
  return evaluate_ending<true>(ending, member, parameters);
}

bool may_end(const ClaimFacts& ending, const ClaimFacts& member, const Parameters& parameters) {
  return evaluate_ending<false>(ending, member, parameters).has_value();
}

}  // namespace truce::fusion
