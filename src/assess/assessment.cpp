#include "assess/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "core/vocabulary.hpp"
#include "geo/geodesy.hpp"

namespace truce::assess {
namespace {

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
// Zones in use on Earth run from UTC-12 to UTC+14.
constexpr std::int64_t kWidestEast = std::int64_t{14} * 3600;
constexpr std::int64_t kWidestWest = std::int64_t{12} * 3600;
// Line features farther than this are left out of the place's description.
constexpr double kDescribeWithinKm = 150;

std::string km(double kilometres) {
  char text[32];
  std::snprintf(text, sizeof text, kilometres < 10 ? "%.1f km" : "%.0f km", kilometres);
  return text;
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string text;
  for (const std::string& item : items) {
    text += (text.empty() ? "" : std::string(separator)) + item;
  }
  return text;
}

std::string words(std::string_view word) {
  std::string text(word);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string names(const std::vector<ActorRef>& actors) {
  std::vector<std::string> list;
  list.reserve(actors.size());
  for (const ActorRef& actor : actors) {
    list.push_back(actor.name.empty() ? actor.id : actor.name);
  }
  return join(list);
}

bool is_hostile(EventType type) {
  switch (type) {
    case EventType::kArmedClash:
    case EventType::kAttack:
    case EventType::kShelling:
    case EventType::kAirStrike:
    case EventType::kSniperFire:
    case EventType::kCeasefireViolation:
    case EventType::kTerritorySeizure:
    case EventType::kMineOrIed: return true;
    default: return false;
  }
}

bool is_capture(const AssetChange& asset) {
  bool ground = asset.kind == AssetKind::kPosition || asset.kind == AssetKind::kTerritory ||
                asset.kind == AssetKind::kSettlement;
  bool taken = asset.outcome == AssetOutcome::kLost || asset.outcome == AssetOutcome::kCaptured ||
               asset.outcome == AssetOutcome::kOverrun;
  return ground && taken;
}

std::string count_text(const CountRange& count) {
  if (count.max && *count.max == count.min) {
    return std::to_string(count.min);
  }
  if (!count.max) {
    return "at least " + std::to_string(count.min);
  }
  return std::to_string(count.min) + "-" + std::to_string(*count.max);
}

// The place as a point and a radius: an area becomes the centre of its box
// and the distance to its farthest vertex.
std::optional<std::pair<GeoPoint, double>> place_disc(const PlaceFacts& place) {
  if (place.area && !place.area->parts.empty()) {
    BoundingBox box = bounding_box(*place.area);
    GeoPoint centre{{(box.min_lon + box.max_lon) / 2}, {(box.min_lat + box.max_lat) / 2}};
    double radius = 0;
    for (const auto& ring : place.area->parts) {
      for (const GeoPoint& vertex : ring) {
        radius = std::max(radius, geo::distance_m(centre, vertex) / 1000);
      }
    }
    return std::pair{centre, std::max(radius, place.radius_km)};
  }
  if (place.point) {
    return std::pair{*place.point, place.radius_km};
  }
  return std::nullopt;
}

enum class Relation { kInside, kOutside, kStraddles, kUnknown };

struct Placement {
  Relation relation = Relation::kUnknown;
  double boundary_km = 0;
};

Placement place_in(const geo::Area& area, const std::optional<std::pair<GeoPoint, double>>& disc) {
  if (!disc) {
    return {};
  }
  bool inside = area.contains(disc->first);
  double boundary = area.boundary_distance_m(disc->first) / 1000;
  if (boundary <= disc->second) {
    return {Relation::kStraddles, boundary};
  }
  return {inside ? Relation::kInside : Relation::kOutside, boundary};
}

struct UtcRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::string note;
};

UtcRange utc_range(const TimeInterval& time, std::optional<int> theatre_offset) {
  UtcRange range;
  range.first = day_number(time.start.date) * 86400 +
                (time.start.time_of_day ? time.start.time_of_day->count() : 0);
  range.last = day_number(time.end.date) * 86400 +
               (time.end.time_of_day ? time.end.time_of_day->count() : 86399);
  if (auto offset = parse_utc_offset(time.timezone)) {
    range.first -= static_cast<std::int64_t>(*offset) * 60;
    range.last -= static_cast<std::int64_t>(*offset) * 60;
  } else if (theatre_offset) {
    range.first -= static_cast<std::int64_t>(*theatre_offset) * 60;
    range.last -= static_cast<std::int64_t>(*theatre_offset) * 60;
    range.note = "times read in the theatre's local time (UTC" +
                 format_utc_offset(*theatre_offset) + ")" +
                 (time.timezone.empty() ? "" : " for " + time.timezone);
  } else {
    range.first -= kWidestEast;
    range.last += kWidestWest;
    range.note = "the time zone is not stated: the day may start anywhere from UTC-12 to UTC+14";
  }
  return range;
}

std::string time_text(const TimeInterval& time) {
  std::string text = format_civil_time(time.start);
  if (!(time.end == time.start) && time.end.date != time.start.date) {
    text += " to " + format_civil_time(time.end);
  }
  return text;
}

struct Context {
  const Registry& registry;
  const IncidentFacts& facts;
  const Agreement& agreement;
  UtcRange when;
  std::optional<std::pair<GeoPoint, double>> disc;
  bool time_certain = true;
};

bool party_named(const std::vector<ActorRef>& actors, const std::vector<std::string>& ids) {
  for (const ActorRef& actor : actors) {
    if (std::find(ids.begin(), ids.end(), actor.id) != ids.end()) {
      return true;
    }
  }
  return false;
}

std::string attribution_text(const IncidentFacts& facts) {
  std::string grade = words(to_string(facts.attribution));
  std::string text = "attribution " + grade;
  if (!facts.perpetrators.empty()) {
    text += ": " + names(facts.perpetrators) + " named as perpetrator";
    if (!facts.claimed_by.empty()) {
      text += " by " + names(facts.claimed_by);
    }
  } else {
    text += ": no perpetrator named";
  }
  if (facts.attribution == AttributionGrade::kOneSided) {
    text += "; no account from the other side";
  }
  return text;
}

// Where the provision reaches: its zones (polygons) decide; a provision
// without zones reaches the whole area of the agreement.
struct Scope {
  Relation relation = Relation::kInside;
  std::vector<std::string> reasons;
};

Scope zone_scope(const Context& context, const Provision& provision) {
  Scope scope;
  bool any_zone = false;
  bool straddles = false;
  bool inside = false;
  for (const std::string& id : provision.features) {
    const Feature* feature = context.registry.feature(id);
    const geo::Area* area = context.registry.area(id);
    if (feature == nullptr || area == nullptr || feature->kind == FeatureKind::kTheatre) {
      continue;
    }
    if (!valid_at(*feature, context.when.first)) {
      scope.reasons.push_back(feature->name + " was not in force at the time");
      continue;
    }
    any_zone = true;
    Placement placement = place_in(*area, context.disc);
    switch (placement.relation) {
      case Relation::kInside:
        inside = true;
        scope.reasons.push_back("inside " + feature->name + " (" + km(placement.boundary_km) +
                                " from its edge)");
        break;
      case Relation::kStraddles:
        straddles = true;
        scope.reasons.push_back("the place, known only to within " + km(context.disc->second) +
                                ", straddles the edge of " + feature->name + " (" +
                                km(placement.boundary_km) + " from it)");
        break;
      case Relation::kOutside:
        scope.reasons.push_back("outside " + feature->name + " (" + km(placement.boundary_km) +
                                " from its edge)");
        break;
      case Relation::kUnknown: break;
    }
  }
  if (!any_zone) {
    return scope;
  }
  if (!context.disc) {
    scope.relation = Relation::kUnknown;
    scope.reasons.emplace_back("the place is not located, so whether it is in the zone is unknown");
  } else if (inside) {
    scope.relation = Relation::kInside;
  } else if (straddles) {
    scope.relation = Relation::kStraddles;
  } else if (!provision.area_drawn) {
    scope.relation = Relation::kStraddles;
    scope.reasons.emplace_back(
        "the text names an area it does not draw; the mapped zone is only part of it, so a "
        "place outside the mapped zone may still be inside the area the text means");
  } else {
    scope.relation = Relation::kOutside;
  }
  return scope;
}

// Scope of a provision that reaches a distance from its lines.
Scope distance_scope(const Context& context, const Provision& provision, double reach_km) {
  Scope scope;
  if (!context.disc) {
    scope.relation = Relation::kUnknown;
    scope.reasons.emplace_back("the place is not located");
    return scope;
  }
  std::optional<double> nearest;
  std::string nearest_name;
  for (const std::string& id : provision.features) {
    const Feature* feature = context.registry.feature(id);
    const geo::LineSet* lines = context.registry.lines(id);
    if (feature == nullptr || lines == nullptr || !valid_at(*feature, context.when.first)) {
      continue;
    }
    double reach = reach_km + feature->half_width_km.value_or(0);
    double distance = lines->nearest(context.disc->first).distance_m / 1000;
    if (!nearest || distance - reach < *nearest) {
      nearest = distance - reach;
      nearest_name = feature->name;
    }
    scope.reasons.push_back(km(distance) + " from " + feature->name + "; the provision reaches " +
                            km(reach) + " from it");
  }
  if (!nearest) {
    scope.relation = Relation::kUnknown;
    return scope;
  }
  const double radius = context.disc->second;
  if (*nearest + radius <= 0) {
    scope.relation = Relation::kInside;
  } else if (*nearest - radius > 0) {
    scope.relation = Relation::kOutside;
  } else {
    scope.relation = Relation::kStraddles;
    scope.reasons.push_back("the place, known only to within " + km(radius) +
                            ", may be on either side of that distance");
  }
  return scope;
}

// The common rule once a provision is engaged: breach only when place, time
// and attribution are all settled; possible when any is not; no breach when
// the place is outside its reach or no party it binds is named.
void decide(const Context& context, const Provision& provision, const Scope& scope,
            const std::vector<ActorRef>& actors_responsible, ProvisionAssessment& out) {
  out.reasons.insert(out.reasons.end(), scope.reasons.begin(), scope.reasons.end());
  if (scope.relation == Relation::kOutside) {
    out.verdict = Verdict::kNoBreach;
    out.reasons.emplace_back("outside the provision's reach");
    return;
  }
  const bool named = !actors_responsible.empty();
  const bool bound = party_named(actors_responsible, provision.binds);
  if (named && !bound) {
    out.verdict = Verdict::kNoBreach;
    out.reasons.push_back("no party it binds is named as responsible (" +
                          names(actors_responsible) + ")");
    return;
  }
  const bool agreed = context.facts.attribution == AttributionGrade::kAgreed;
  if (scope.relation == Relation::kInside && context.time_certain && agreed && bound) {
    out.verdict = Verdict::kBreach;
    out.reasons.emplace_back("place, time and attribution are settled");
    return;
  }
  if (!named && scope.relation == Relation::kUnknown) {
    out.verdict = Verdict::kUndetermined;
    out.reasons.emplace_back("neither the place nor who is responsible is known");
    return;
  }
  out.verdict = Verdict::kPossibleBreach;
  std::vector<std::string> open;
  if (scope.relation != Relation::kInside) {
    open.emplace_back("the place");
  }
  if (!context.time_certain) {
    open.emplace_back("the time");
  }
  if (!agreed || !named) {
    open.push_back("who is responsible (attribution " +
                   words(to_string(context.facts.attribution)) + ")");
  }
  out.reasons.push_back("possible, not established: " + join(open, " and ") + " not settled");
}

std::string casualties_text(const IncidentFacts& facts) {
  std::vector<std::string> parts;
  for (const CasualtyFacts& casualty : facts.casualties) {
    parts.push_back(casualty.side + " " + std::string(to_string(casualty.status)) + " " +
                    count_text(casualty.count));
  }
  return join(parts);
}

ProvisionAssessment assess_provision(const Context& context, const Provision& provision) {
  const IncidentFacts& facts = context.facts;
  ProvisionAssessment out{
      provision.id, provision.point, provision.kind, provision.title, Verdict::kUndetermined, {},
      true};
  std::int64_t from =
      provision.from ? utc_seconds(*provision.from) : utc_seconds(context.agreement.effective);
  std::int64_t until = provision.until ? utc_seconds_end(*provision.until) : kNever;
  if (context.when.last < from || context.when.first > until) {
    out.verdict = Verdict::kNoBreach;
    out.reasons.emplace_back("not in force at the time of the incident");
    out.in_force = false;
    return out;
  }
  Context local = context;
  local.time_certain =
      context.time_certain && context.when.first >= from && context.when.last <= until;
  std::vector<std::string> hostile;
  for (EventType type : facts.event_types) {
    if (is_hostile(type)) {
      hostile.push_back(words(to_string(type)));
    }
  }
  switch (provision.kind) {
    case ProvisionKind::kCeasefire: {
      if (hostile.empty()) {
        out.verdict = Verdict::kNoBreach;
        out.reasons.emplace_back("no act of hostility reported");
        return out;
      }
      std::string engaged = "hostilities reported: " + join(hostile);
      if (!facts.casualties.empty()) {
        engaged += "; casualties: " + casualties_text(facts);
      }
      out.reasons.push_back(engaged);
      decide(local, provision, zone_scope(local, provision), facts.perpetrators, out);
      return out;
    }
    case ProvisionKind::kHoldPositions: {
      std::vector<std::string> captures;
      std::vector<ActorRef> gainers;
      for (const AssetChange& asset : facts.assets) {
        if (!is_capture(asset)) {
          continue;
        }
        std::string text = (asset.count ? count_text(*asset.count) + " " : "") +
                           std::string(to_string(asset.kind)) + " " +
                           std::string(to_string(asset.outcome));
        if (asset.owner) {
          text += " by " + asset.owner->name;
        }
        if (asset.gainer) {
          text += " to " + asset.gainer->name;
          gainers.push_back(*asset.gainer);
        }
        captures.push_back(text);
      }
      bool seizure = std::find(facts.event_types.begin(), facts.event_types.end(),
                               EventType::kTerritorySeizure) != facts.event_types.end();
      if (captures.empty() && !seizure) {
        out.verdict = Verdict::kNoBreach;
        out.reasons.emplace_back("no advance or capture of positions or territory reported");
        return out;
      }
      out.reasons.push_back("advance reported: " +
                            (captures.empty() ? std::string("territory seized") : join(captures)));
      decide(local, provision, zone_scope(local, provision),
             gainers.empty() ? facts.perpetrators : gainers, out);
      return out;
    }
    case ProvisionKind::kWithdrawal: {
      if (context.when.last <= utc_seconds_end(*provision.deadline)) {
        out.verdict = Verdict::kNoBreach;
        out.reasons.push_back("before the withdrawal deadline " +
                              format_civil_time(provision.deadline->local));
        return out;
      }
      if (hostile.empty()) {
        out.verdict = Verdict::kNoBreach;
        out.reasons.emplace_back("no armed activity reported that would show forces still present");
        return out;
      }
      out.reasons.push_back("armed activity after the deadline " +
                            format_civil_time(provision.deadline->local) + ": " + join(hostile));
      decide(local, provision, zone_scope(local, provision), facts.perpetrators, out);
      return out;
    }
    case ProvisionKind::kHeavyWeaponsLimit: {
      std::vector<std::string> used;
      for (WeaponClass weapon : facts.weapons) {
        if (std::find(provision.weapon_classes.begin(), provision.weapon_classes.end(), weapon) !=
            provision.weapon_classes.end()) {
          used.push_back(words(to_string(weapon)));
        }
      }
      if (used.empty()) {
        out.verdict = Verdict::kNoBreach;
        out.reasons.emplace_back(facts.weapons.empty()
                                     ? "no weapons reported"
                                     : "no weapon of the limited classes reported");
        return out;
      }
      out.reasons.push_back("limited weapons reported: " + join(used));
      decide(local, provision, distance_scope(local, provision, *provision.distance_km),
             facts.perpetrators, out);
      return out;
    }
    case ProvisionKind::kCorridorSecurity: {
      if (hostile.empty()) {
        out.verdict = Verdict::kNoBreach;
        out.reasons.emplace_back("no act of hostility reported");
        return out;
      }
      out.reasons.push_back("hostilities reported: " + join(hostile));
      decide(local, provision, distance_scope(local, provision, provision.distance_km.value_or(0)),
             facts.perpetrators, out);
      return out;
    }
    case ProvisionKind::kPeacekeepers: {
      bool against_force = false;
      for (const ActorRef& target : facts.targets) {
        against_force = against_force || target.id == provision.force;
      }
      if (hostile.empty() || !against_force) {
        out.verdict = Verdict::kNoBreach;
        out.reasons.push_back("no act against the peacekeeping force (" + provision.force +
                              ") reported");
        return out;
      }
      out.reasons.emplace_back("hostilities against the peacekeeping force reported");
      decide(local, provision, zone_scope(local, provision), facts.perpetrators, out);
      return out;
    }
    case ProvisionKind::kExchange: {
      out.verdict = Verdict::kNotChecked;
      for (const CasualtyFacts& casualty : facts.casualties) {
        if (casualty.status == CasualtyStatus::kCaptured ||
            casualty.status == CasualtyStatus::kMissing) {
          out.reasons.push_back(count_text(casualty.count) + " " +
                                std::string(to_string(casualty.status)) + " (" + casualty.side +
                                "): engages the exchange of prisoners, not a breach in itself");
        }
      }
      out.reasons.emplace_back("exchanges are followed over time, not judged by one incident");
      return out;
    }
    case ProvisionKind::kReturnOfDisplaced:
    case ProvisionKind::kTransportLinks:
    case ProvisionKind::kMonitoring:
    case ProvisionKind::kOther:
      out.verdict = Verdict::kNotChecked;
      out.reasons.emplace_back("recorded with its text; not checked against single incidents");
      return out;
  }
  return out;
}

std::optional<int> theatre_offset(const Registry& registry, const Agreement& agreement) {
  for (const std::string& id : agreement.area) {
    const Feature* feature = registry.feature(id);
    if (feature != nullptr && feature->utc_offset_minutes) {
      return feature->utc_offset_minutes;
    }
  }
  return std::nullopt;
}

// "N km from <line>" for the agreement's lines and borders, nearest first.
std::vector<std::string> describe_place(const Context& context) {
  std::vector<std::pair<double, std::string>> found;
  for (const Feature& feature : context.registry.features()) {
    bool line_kind = feature.kind == FeatureKind::kLineOfContact ||
                     feature.kind == FeatureKind::kStateBorder ||
                     feature.kind == FeatureKind::kCorridor;
    bool ours = std::find(context.agreement.area.begin(), context.agreement.area.end(),
                          feature.theatre) != context.agreement.area.end();
    if (!line_kind || !ours || !valid_at(feature, context.when.first)) {
      continue;
    }
    const geo::LineSet* lines = context.registry.lines(feature.id);
    double distance = lines->nearest(context.disc->first).distance_m / 1000;
    if (distance <= kDescribeWithinKm) {
      found.emplace_back(distance, km(distance) + " from the " + words(to_string(feature.kind)) +
                                       " (" + feature.name +
                                       (feature.approximate ? ", approximate geometry" : "") + ")");
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> lines;
  lines.reserve(found.size());
  for (auto& [distance, text] : found) {
    lines.push_back(std::move(text));
  }
  return lines;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kBreach: return "breach";
    case Verdict::kPossibleBreach: return "possible_breach";
    case Verdict::kNoBreach: return "no_breach";
    case Verdict::kUndetermined: return "undetermined";
    case Verdict::kNotChecked: return "not_checked";
  }
  return "undetermined";
}

IncidentAssessment assess(const Registry& registry, const IncidentFacts& facts) {
  IncidentAssessment result;
  result.incident = facts.id;
  const auto disc = place_disc(facts.place);
  for (const Agreement& agreement : registry.agreements()) {
    Context context{registry,  facts,
                    agreement, utc_range(facts.time, theatre_offset(registry, agreement)),
                    disc,      true};
    const std::int64_t effective = utc_seconds(agreement.effective);
    const std::int64_t ends = agreement.ends ? utc_seconds_end(*agreement.ends) : kNever;
    if (context.when.last < effective) {
      result.not_applicable.push_back({agreement.id, "the incident is before it took effect"});
      continue;
    }
    if (context.when.first > ends) {
      result.not_applicable.push_back({agreement.id, "the incident is after it ended"});
      continue;
    }
    AgreementAssessment out{agreement.id, agreement.title, true, {}, {}};
    context.time_certain = context.when.first >= effective && context.when.last <= ends;
    // Where it applies: inside one of its area features.
    bool inside = agreement.area.empty();
    bool straddles = false;
    std::vector<std::string> area_names;
    for (const std::string& id : agreement.area) {
      const geo::Area* area = registry.area(id);
      if (area == nullptr) {
        continue;
      }
      area_names.push_back(registry.feature(id)->name);
      Placement placement = place_in(*area, disc);
      inside = inside || placement.relation == Relation::kInside;
      straddles = straddles || placement.relation == Relation::kStraddles ||
                  placement.relation == Relation::kUnknown;
    }
    std::vector<std::string> actor_ids;
    for (const auto* list : {&facts.perpetrators, &facts.targets, &facts.claimed_by}) {
      for (const ActorRef& actor : *list) {
        actor_ids.push_back(actor.id);
      }
    }
    bool parties_involved = false;
    for (const ActorRef& party : agreement.parties) {
      parties_involved = parties_involved ||
                         std::find(actor_ids.begin(), actor_ids.end(), party.id) != actor_ids.end();
    }
    if (!inside && !straddles) {
      result.not_applicable.push_back(
          {agreement.id, "the place is outside its area (" + join(area_names) + ")"});
      continue;
    }
    if (!inside && !parties_involved) {
      result.not_applicable.push_back(
          {agreement.id,
           "the place is not known to be in its area and none of its parties is "
           "involved"});
      continue;
    }
    out.applies_certainly = inside && context.time_certain;
    std::vector<std::string> types;
    for (EventType type : facts.event_types) {
      types.push_back(words(to_string(type)));
    }
    const std::int64_t days =
        day_number(facts.time.start.date) - day_number(agreement.effective.local.date);
    out.reasons.push_back((types.empty() ? std::string("incident") : join(types)) + " reported " +
                          time_text(facts.time) + ", " + std::to_string(days) +
                          " days after the agreement took effect (" +
                          format_zoned_time(agreement.effective) + ")");
    if (!context.when.note.empty()) {
      out.reasons.push_back(context.when.note);
    }
    if (!context.time_certain) {
      out.reasons.emplace_back("the incident's time straddles the agreement's start or end");
    }
    if (disc) {
      std::string place = "place: " + (facts.place.name.empty() ? "unnamed" : facts.place.name);
      if (disc->second > 0) {
        place += " (known to within " + km(disc->second) + ")";
      }
      std::vector<std::string> lines = describe_place(context);
      out.reasons.push_back(place + (lines.empty() ? "" : "; " + join(lines, "; ")));
    } else {
      out.reasons.push_back("place: " + facts.place.name + " (not located)");
    }
    if (!inside) {
      out.reasons.push_back("the place may lie outside the agreement's area (" + join(area_names) +
                            ")");
    }
    out.reasons.push_back(attribution_text(facts));
    for (const Provision& provision : agreement.provisions) {
      out.provisions.push_back(assess_provision(context, provision));
    }
    result.agreements.push_back(std::move(out));
  }
  return result;
}

Verdict worst_verdict(const IncidentAssessment& assessment) {
  auto rank = [](Verdict verdict) {
    switch (verdict) {
      case Verdict::kBreach: return 4;
      case Verdict::kPossibleBreach: return 3;
      case Verdict::kUndetermined: return 2;
      case Verdict::kNoBreach: return 1;
      case Verdict::kNotChecked: return 0;
    }
    return 0;
  };
  Verdict worst = Verdict::kNotChecked;
  for (const AgreementAssessment& agreement : assessment.agreements) {
    for (const ProvisionAssessment& provision : agreement.provisions) {
      if (rank(provision.verdict) > rank(worst)) {
        worst = provision.verdict;
      }
    }
  }
  return worst;
}

}  // namespace truce::assess
