// What the "same event" relation looks at in a claim, reduced to numbers and
// short lists once, so that comparing two claims costs tens of nanoseconds:
// the widened time interval in hours, the place as a box with its reach, the
// parties involved, the event type's role and group.
//
// Thread-safety: plain values; ActorParties is immutable after construction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "fusion/parameters.hpp"

namespace truce::fusion {

// Which party an actor acts for ("am-mod" -> "armenia"), from the actor
// registry's party column. An actor the table does not know is its own party;
// one mapped to "" acts for no one (an international body, an outlet).
class ActorParties {
 public:
  ActorParties() = default;
  explicit ActorParties(std::map<std::string, std::string, std::less<>> party_of)
      : party_of_(std::move(party_of)) {}
  std::string party_of(std::string_view actor) const;

 private:
  std::map<std::string, std::string, std::less<>> party_of_;
};

struct ClaimFacts {
  ClaimId id;
  EventType event_type = EventType::kOther;
  EventRole role = EventRole::kNone;
  std::string group;
  double start_hours = 0;          // civil time, hours since 1970-01-01T00:00
  double end_hours = 0;            // end of the last unit the interval covers
  double widen_hours = 0;          // by the interval's precision
  bool links_by_time = true;       // false: coarser than Parameters::coarsest_linking_time
  std::optional<BoundingBox> box;  // absent: no geometry
  double reach_km = 0;             // by the place's precision
  std::string admin1;              // as named; may be empty
  bool admin1_wide = false;        // the place stands for its whole admin1 or more
  std::string country;
  std::vector<std::string> parties;  // belligerent parties named, sorted, unique
  std::uint64_t party_bits = 0;      // party_bits_of(parties)
};

// One bit per party (by a hash of its id): the bits of two claims together
// never count more parties than they name, so too many bits rules a pair out
// before any string is compared.
std::uint64_t party_bits_of(const std::vector<std::string>& parties);

// Facts of a claim. Parties: of the perpetrator, target, combatant casualty
// sides, civilians' party, asset owner and gainer, and participants, less
// the parties the claim names as mediators; "unknown" names none.
ClaimFacts facts_of(const Claim& claim, const ActorParties& parties, const Parameters& parameters);

// Hours since 1970-01-01T00:00 of a civil time (its time of day, else midnight).
double hours_since_epoch(const CivilTime& time);

}  // namespace truce::fusion
