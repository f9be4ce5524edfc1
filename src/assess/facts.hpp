// What an assessment needs to know about an incident, and nothing more: when
// (an interval with precision and zone), where (a point with a radius of
// uncertainty, or an area), what (event types, weapons, casualties, positions
// and territory taken), who as claimed (perpetrator, target, who says so) and
// how settled the attribution is. The service fills them from stored
// incidents (service/incident_facts.hpp); `truce assess --facts FILE` reads
// them from a file (docs/formats/incident-facts.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/precision.hpp"
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

std::string_view to_string(AttributionGrade grade);
std::optional<AttributionGrade> parse_attribution_grade(std::string_view word);

// Reads a facts file: {"incidents": [ ... ]} (docs/formats/incident-facts.md).
// A `where_prec` becomes a radius by `radii`. Errors name the file, the
// incident index and the field.
Result<std::vector<IncidentFacts>> read_facts_json(std::string_view text,
                                                   std::string_view file_name,
                                                   const PrecisionRadii& radii);

}  // namespace truce::assess
