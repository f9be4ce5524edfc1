#include "fusion/facts.hpp"

#include <algorithm>
#include <chrono>
#include <functional>

namespace truce::fusion {
namespace {

constexpr double kHoursPerDay = 24;

void add_party(std::vector<std::string>& parties, const ActorParties& table,
               const std::optional<ActorRef>& actor) {
  if (!actor || actor->id.empty() || actor->id == "unknown") {
    return;
  }
  std::string party = table.party_of(actor->id);
  if (!party.empty()) {
    parties.push_back(std::move(party));
  }
}

// Hours after the interval's last civil time that it still covers: the rest of
// its unit of precision (a date without a time covers the whole day).
double end_allowance_hours(const TimeInterval& interval) {
  if (!interval.end.time_of_day) {
    return kHoursPerDay;
  }
  switch (interval.precision) {
    case TimePrecision::kMinute: return 1.0 / 60;
    case TimePrecision::kHour: return 1;
    case TimePrecision::kDay:
    case TimePrecision::kWeek:
    case TimePrecision::kMonth:
    case TimePrecision::kYear:
    case TimePrecision::kSpan: return 0;
  }
  return 0;
}

}  // namespace

std::string ActorParties::party_of(std::string_view actor) const {
  auto found = party_of_.find(actor);
  return found == party_of_.end() ? std::string(actor) : found->second;
}

std::uint64_t party_bits_of(const std::vector<std::string>& parties) {
  std::uint64_t bits = 0;
  for (const std::string& party : parties) {
    bits |= std::uint64_t{1} << (std::hash<std::string>{}(party) % 64);
  }
  return bits;
}

double hours_since_epoch(const CivilTime& time) {
  const auto days = std::chrono::sys_days(time.date).time_since_epoch().count();
  double hours = static_cast<double>(days) * kHoursPerDay;
  if (time.time_of_day) {
    hours += static_cast<double>(time.time_of_day->count()) / 3600.0;
  }
  return hours;
}

ClaimFacts facts_of(const Claim& claim, const ActorParties& parties, const Parameters& parameters) {
  ClaimFacts facts;
  facts.id = claim.id;
  facts.event_type = claim.event_type;
  const EventTypeRule& rule = rule_of(parameters, claim.event_type);
  facts.role = rule.role;
  facts.group = rule.group;
  facts.start_hours = hours_since_epoch(claim.time.start);
  facts.end_hours = hours_since_epoch(claim.time.end) + end_allowance_hours(claim.time);
  facts.widen_hours = widen_hours(parameters, claim.time.precision);
  facts.links_by_time = claim.time.precision <= parameters.coarsest_linking_time;
  if (claim.place) {
    if (claim.place->geometry && !claim.place->geometry->parts.empty()) {
      facts.box = bounding_box(*claim.place->geometry);
    }
    facts.reach_km = radius_km(parameters, claim.place->precision);
    facts.admin1 = claim.place->admin1;
    facts.admin1_wide = claim.place->precision >= LocationPrecision::kAdmin1;
    facts.country = claim.place->country;
  }
  add_party(facts.parties, parties, claim.perpetrator);
  add_party(facts.parties, parties, claim.target);
  for (const CasualtyFigure& figure : claim.casualties) {
    add_party(facts.parties, parties, figure.side.party);
  }
  for (const AssetChange& asset : claim.assets) {
    add_party(facts.parties, parties, asset.owner);
    add_party(facts.parties, parties, asset.gainer);
  }
  for (const ClaimActor& actor : claim.actors) {
    if (actor.role == ActorRole::kParticipant) {
      add_party(facts.parties, parties, actor.actor);
    }
  }
  // A party the claim names as mediator is not a belligerent in it, even when
  // its officials take part ("after Shoigu's talks with both ministers").
  std::vector<std::string> mediators;
  for (const ClaimActor& actor : claim.actors) {
    if (actor.role == ActorRole::kMediator) {
      add_party(mediators, parties, actor.actor);
    }
  }
  std::erase_if(facts.parties, [&](const std::string& party) {
    return std::find(mediators.begin(), mediators.end(), party) != mediators.end();
  });
  std::sort(facts.parties.begin(), facts.parties.end());
  facts.parties.erase(std::unique(facts.parties.begin(), facts.parties.end()), facts.parties.end());
  facts.party_bits = party_bits_of(facts.parties);
  return facts;
}

}  // namespace truce::fusion
