// Synthetic claims for the fusion tests, in a fictional theatre: the parties
// "north" and "south", their ministries "north-mod" and "south-mod", a
// monitoring mission "monitors" acting for no party, places in open country
// with made-up coordinates.
#pragma once

#include <string>

#include "core/claim.hpp"
#include "fusion/facts.hpp"

namespace truce::fusion::test {

inline ActorParties fictional_parties() {
  return ActorParties({{"north", "north"},
                       {"south", "south"},
                       {"east", "east"},
                       {"north-mod", "north"},
                       {"south-mod", "south"},
                       {"north-parliament", "north"},
                       {"monitors", ""},
                       {"wire", ""}});
}

inline ActorRef actor(const std::string& id) {
  return ActorRef{id, id};
}

struct ClaimSpec {
  std::string id{};
  EventType type = EventType::kArmedClash;
  std::string date = "2031-05-10";
  double lon = 10.0;
  double lat = 50.0;
  LocationPrecision precision = LocationPrecision::kNear;
  std::string claimant = "north-mod";
  std::string perpetrator{};
  std::string target{};
  TimePrecision time_precision = TimePrecision::kDay;
  bool has_place = true;
};

inline Claim make_claim(const ClaimSpec& spec) {
  Claim claim;
  claim.id = ClaimId(spec.id);
  claim.document = DocumentId("doc_00000000000000000001");
  claim.claimant = actor(spec.claimant);
  claim.event_type = spec.type;
  const auto time = parse_civil_time(spec.date);
  claim.time.start = *time;
  claim.time.end = *time;
  claim.time.precision = spec.time_precision;
  if (spec.has_place) {
    Place place;
    place.name = "a fictional hill";
    place.geometry = make_point(spec.lon, spec.lat);
    place.precision = spec.precision;
    claim.place = place;
  }
  if (!spec.perpetrator.empty()) {
    claim.perpetrator = actor(spec.perpetrator);
  }
  if (!spec.target.empty()) {
    claim.target = actor(spec.target);
  }
  return claim;
}

inline CasualtyFigure figure(const std::string& party, CasualtyStatus status, long long min,
                             std::optional<long long> max) {
  CasualtyFigure figure;
  figure.side.kind = SideKind::kCombatants;
  figure.side.party = actor(party);
  figure.status = status;
  figure.count = CountRange{min, max};
  return figure;
}

}  // namespace truce::fusion::test
