// What an assessment needs to know about an incident, and nothing more: when
// (an interval with precision and zone), where (a point with a radius of
// uncertainty, or an area), what (event types, weapons, casualties, positions
// and territory taken), who as claimed (perpetrator, target, who says so) and
// how settled the attribution is. The fusion of claims into incidents fills
// these from its own types; until then `truce assess --facts FILE` reads them
// from a file (docs/formats/incident-facts.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actors.hpp"
#include "core/casualties.hpp"
#include "core/claim.hpp"
#include "core/geo.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace truce::assess {

// How settled "who did it" is: both sides' accounts agree; only one side's
// account exists; the accounts disagree; nobody says.
enum class AttributionGrade { kAgreed, kOneSided, kContested, kUndetermined };

struct PlaceFacts {
  std::string name;               // as written, for the reasons
  std::optional<GeoPoint> point;  // absent when only the name is known
  double radius_km = 0;           // how far the event may be from `point`
  std::optional<Geometry> area;   // a Polygon, when the place is an area
  std::string theatre;            // theatre feature id, when known without a point
};

struct CasualtyFacts {
  std::string side;  // actor id of the party, or "civilians"
  CasualtyStatus status = CasualtyStatus::kKilled;
  CountRange count;
};

struct IncidentFacts {
  std::string id;
  TimeInterval time;
  PlaceFacts place;
  std::vector<EventType> event_types;
  std::vector<ActorRef> perpetrators;  // as claimed
  std::vector<ActorRef> targets;       // as claimed
  std::vector<ActorRef> claimed_by;    // whose account names the perpetrator
  AttributionGrade attribution = AttributionGrade::kUndetermined;
  std::vector<CasualtyFacts> casualties;
  std::vector<AssetChange> assets;  // positions, territory, settlements taken or lost
  std::vector<WeaponClass> weapons;
};

// The radius of uncertainty of UCDP's where_prec, in km: what a place known
// only as "near X" or "in district Y" may be off by. Values and their reasons:
// docs/agreements.md.
double radius_km_of(LocationPrecision precision);

std::string_view to_string(AttributionGrade grade);
std::optional<AttributionGrade> parse_attribution_grade(std::string_view word);

// Reads a facts file: {"incidents": [ ... ]} (docs/formats/incident-facts.md).
// Errors name the file, the incident index and the field.
Result<std::vector<IncidentFacts>> read_facts_json(std::string_view text,
                                                   std::string_view file_name);

}  // namespace truce::assess
