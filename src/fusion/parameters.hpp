// The knobs of fusion: how far each time precision widens an interval, how far
// each location precision reaches, which event types describe the same kind
// of event, how many parties one event may involve, and which sources count as
// credible. They are data (data/fusion/parameters.tsv, read by parse_parameters);
// default_parameters() holds the same values for code that runs without the
// data directory (unit tests, benchmarks), and a test keeps the two equal.
//
// Thread-safety: plain values.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/geo.hpp"
#include "core/result.hpp"
#include "core/source.hpp"
#include "core/time.hpp"

namespace truce::fusion {

// What a claim of an event type does in fusion.
enum class EventRole {
  kMember,    // becomes a member of an incident of its group
  kEnds,      // links to the incidents it ended (a de-escalation, a ceasefire)
  kReleases,  // a member of its own incident; once attached to another, its captured are released
  kNone,      // no incident (talks, calls, anything else)
};

struct EventTypeRule {
  EventRole role = EventRole::kNone;
  std::string group;  // members link only within a group ("hostilities", "mines"...)
  friend bool operator==(const EventTypeRule&, const EventTypeRule&) = default;
};

struct Parameters {
  // Hours each side of an interval, by TimePrecision (minute ... span).
  std::array<double, 7> time_widen_hours{};
  // Claims known less precisely than this never link by themselves.
  TimePrecision coarsest_linking_time = TimePrecision::kWeek;
  // How far a place of each precision reaches, by UCDP where_prec 1..7.
  std::array<double, 7> radius_km{};
  // A pair of claims may name at most this many belligerent parties together
  // (or as many as either claim names alone).
  int max_parties = 2;
  // An ending claim links to an incident that ends at most this long before it starts.
  double end_link_hours = 48;
  std::map<EventType, EventTypeRule> event_types;
  // Sources graded with these reliabilities do not count towards corroboration.
  std::string non_credible_reliabilities = "DE";
  // Claims graded with this credibility or worse (5 improbable) are discounted.
  int discounted_credibility = 5;
  // Evidence grades whose incidents count in headline figures (words of EvidenceGrade).
  std::vector<std::string> headline_evidence;
  friend bool operator==(const Parameters&, const Parameters&) = default;
};

// The values data/fusion/parameters.tsv ships with.
Parameters default_parameters();

// Reads the parameters file (format in its header). Every key is required once;
// errors name `file_name`, the line and the key, and nothing is returned.
Result<Parameters> parse_parameters(std::string_view text, std::string_view file_name);

const EventTypeRule& rule_of(const Parameters& parameters, EventType type);
double widen_hours(const Parameters& parameters, TimePrecision precision);
double radius_km(const Parameters& parameters, LocationPrecision precision);
bool counts_as_credible(const Parameters& parameters, Reliability reliability);

std::string_view to_string(EventRole role);

}  // namespace truce::fusion
