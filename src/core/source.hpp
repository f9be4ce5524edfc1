// Who speaks: a ministry, a monitor patrol, a news agency. Graded by the
// Admiralty code's first half (reliability A-F) and tagged with an affiliation,
// because a party's account of its own losses weighs differently from a
// neutral monitor's.
#pragma once

#include <optional>
#include <string>

#include "core/actors.hpp"
#include "core/ids.hpp"

namespace truce {

// A completely reliable ... F reliability cannot be judged.
enum class Reliability { kA, kB, kC, kD, kE, kF };

enum class AffiliationKind { kParty, kCoChair, kMission, kNeutral };

struct Affiliation {
  AffiliationKind kind = AffiliationKind::kNeutral;
  std::optional<ActorRef> actor;  // the party, co-chair or mission; absent for neutral
  friend bool operator==(const Affiliation&, const Affiliation&) = default;
};

struct Source {
  SourceId id;
  std::string name;
  Reliability reliability = Reliability::kF;
  Affiliation affiliation;
  std::string url;  // home page or channel; may be empty
  friend bool operator==(const Source&, const Source&) = default;
};

}  // namespace truce
