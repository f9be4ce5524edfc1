#include "service/incident_facts.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace truce::service {
namespace {

Result<std::string> read_data_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::kUnavailable, path.string() + ": cannot be read",
                      "service: assessment data");
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The actor as the party it acts for, keeping the name the claim gives it
// (the reasons then say who was named as the claim named them).
ActorRef as_party(const ActorRef& actor, const fusion::ActorParties& parties) {
  std::string party = parties.party_of(actor.id);
  return {party.empty() ? actor.id : party, actor.name};
}

void add_unique(std::vector<ActorRef>& list, ActorRef actor) {
  auto same = [&](const ActorRef& other) { return other.id == actor.id; };
  if (std::none_of(list.begin(), list.end(), same)) {
    list.push_back(std::move(actor));
  }
}

template <typename T>
void add_unique(std::vector<T>& list, const T& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(item);
  }
}

// Every account is of the same event, so the event lies where their
// intervals meet; accounts that do not meet (linked by the time fusion
// allows between them) leave the span of all of them.
TimeInterval incident_time(const std::vector<const Claim*>& claims) {
  const Claim* latest_start = claims.front();
  const Claim* earliest_end = claims.front();
  const Claim* earliest_start = claims.front();
  const Claim* latest_end = claims.front();
  for (const Claim* claim : claims) {
    if (interval_start_key(claim->time) > interval_start_key(latest_start->time)) {
      latest_start = claim;
    }
    if (interval_start_key(claim->time) < interval_start_key(earliest_start->time)) {
      earliest_start = claim;
    }
    if (interval_end_key(claim->time) < interval_end_key(earliest_end->time)) {
      earliest_end = claim;
    }
    if (interval_end_key(claim->time) > interval_end_key(latest_end->time)) {
      latest_end = claim;
    }
  }
  TimeInterval time;
  if (interval_start_key(latest_start->time) <= interval_end_key(earliest_end->time)) {
    time.start = latest_start->time.start;
    time.end = earliest_end->time.end;
    time.precision = std::max(latest_start->time.precision, earliest_end->time.precision);
  } else {
    time.start = earliest_start->time.start;
    time.end = latest_end->time.end;
    time.precision = TimePrecision::kSpan;
  }
  // One zone when the accounts that state one agree; otherwise none, and the
  // theatre's local time decides.
  for (const Claim* claim : claims) {
    if (claim->time.timezone.empty()) {
      continue;
    }
    if (time.timezone.empty()) {
      time.timezone = claim->time.timezone;
    } else if (time.timezone != claim->time.timezone) {
      time.timezone.clear();
      break;
    }
  }
  return time;
}

// The most precisely located account gives the place (the first of equals in
// the incident's member order); an incident no account locates keeps the name.
assess::PlaceFacts incident_place(const std::vector<const Claim*>& claims,
                                  const assess::PrecisionRadii& radii) {
  const Place* best = nullptr;
  for (const Claim* claim : claims) {
    if (!claim->place || !claim->place->geometry || claim->place->geometry->parts.empty() ||
        claim->place->geometry->parts.front().empty()) {
      continue;
    }
    if (best == nullptr || claim->place->precision < best->precision) {
      best = &*claim->place;
    }
  }
  assess::PlaceFacts place;
  if (best == nullptr) {
    for (const Claim* claim : claims) {
      if (claim->place && !claim->place->name.empty()) {
        place.name = claim->place->name;
        break;
      }
    }
    return place;
  }
  place.name = best->name;
  place.radius_km = radii.radius_km(best->precision);
  const Geometry& geometry = *best->geometry;
  if (geometry.type == GeometryType::kPolygon) {
    place.area = geometry;
  } else if (geometry.type == GeometryType::kPoint) {
    place.point = geometry.parts.front().front();
  } else {
    // A line (a stretch of border, a road): the centre of its box; the
    // assessment widens the radius to reach its farthest vertex as for an area.
    const BoundingBox box = bounding_box(geometry);
    place.point = GeoPoint{{(box.min_lon + box.max_lon) / 2}, {(box.min_lat + box.max_lat) / 2}};
    Geometry ring{GeometryType::kPolygon,
                  {{{{box.min_lon}, {box.min_lat}},
                    {{box.max_lon}, {box.min_lat}},
                    {{box.max_lon}, {box.max_lat}},
                    {{box.min_lon}, {box.max_lat}},
                    {{box.min_lon}, {box.min_lat}}}}};
    if (geometry_problem(ring).empty()) {
      place.area = std::move(ring);
    }
  }
  return place;
}

assess::AttributionGrade grade_of(fusion::AttributionGrade grade) {
  switch (grade) {
    case fusion::AttributionGrade::kAgreed: return assess::AttributionGrade::kAgreed;
    case fusion::AttributionGrade::kOneSided: return assess::AttributionGrade::kOneSided;
    case fusion::AttributionGrade::kContested: return assess::AttributionGrade::kContested;
    case fusion::AttributionGrade::kUndetermined: return assess::AttributionGrade::kUndetermined;
  }
  return assess::AttributionGrade::kUndetermined;
}

std::string side_of(const Side& side, const fusion::ActorParties& parties) {
  if (side.kind == SideKind::kUnknown) {
    return "unknown";
  }
  if (side.kind == SideKind::kCivilians || !side.party) {
    return "civilians";
  }
  return as_party(*side.party, parties).id;
}

}  // namespace

Result<AssessmentData> AssessmentData::load(const std::filesystem::path& data_dir) {
  AssessmentData data;
  const auto precision_path = data_dir / "assessment" / "precision.tsv";
  auto precision_text = read_data_file(precision_path);
  if (!precision_text) {
    return std::move(precision_text).error();
  }
  auto radii = assess::read_precision_radii_tsv(*precision_text, precision_path.string());
  if (!radii) {
    return std::move(radii).error();
  }
  data.radii = *radii;
  const auto alerts_path = data_dir / "assessment" / "alerts.json";
  if (std::filesystem::exists(alerts_path)) {
    auto alerts_text = read_data_file(alerts_path);
    if (!alerts_text) {
      return std::move(alerts_text).error();
    }
    auto settings = assess::read_alert_settings_json(*alerts_text, alerts_path.string());
    if (!settings) {
      return std::move(settings).error();
    }
    data.alerts = *settings;
  }
  return data;
}

assess::IncidentFacts incident_facts(const report::IncidentRecord& record,
                                     const fusion::ActorParties& parties,
                                     const assess::PrecisionRadii& radii) {
  assess::IncidentFacts facts;
  facts.id = record.incident.id.str();
  std::vector<const Claim*> claims;
  claims.reserve(record.members.size());
  for (const report::ClaimRecord& member : record.members) {
    claims.push_back(&member.claim);
  }
  if (claims.empty()) {
    return facts;
  }
  facts.time = incident_time(claims);
  facts.place = incident_place(claims, radii);
  for (const Claim* claim : claims) {
    add_unique(facts.event_types, claim->event_type);
    for (const Weapon& weapon : claim->weapons) {
      add_unique(facts.weapons, weapon.weapon_class);
    }
    if (claim->perpetrator) {
      add_unique(facts.perpetrators, as_party(*claim->perpetrator, parties));
      add_unique(facts.claimed_by, as_party(claim->claimant, parties));
    }
    if (claim->target) {
      add_unique(facts.targets, as_party(*claim->target, parties));
    }
    for (AssetChange asset : claim->assets) {
      if (asset.owner) {
        asset.owner = as_party(*asset.owner, parties);
      }
      if (asset.gainer) {
        asset.gainer = as_party(*asset.gainer, parties);
      }
      asset.description.clear();  // two accounts of the same loss are one loss
      add_unique(facts.assets, asset);
    }
  }
  facts.attribution = grade_of(record.reconciliation.attribution);
  for (const fusion::ReconciledFigure& figure : record.reconciliation.figures) {
    facts.casualties.push_back({side_of(figure.side, parties),
                                figure.status,
                                {figure.estimate.low, figure.estimate.high}});
  }
  return facts;
}

}  // namespace truce::service
