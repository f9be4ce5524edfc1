// Casualty figures as sources give them: one figure per side and status, each
// a range. Only figures a source states are recorded; "no casualties" is an
// explicit figure of 0, and an absent figure means "not stated".
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/actors.hpp"

namespace truce {

// A count known as a range: exact (min == max), "at least 7" (max absent),
// "between 10 and 15".
struct CountRange {
  std::int64_t min = 0;
  std::optional<std::int64_t> max;  // absent: open-ended
  friend bool operator==(const CountRange&, const CountRange&) = default;
};

CountRange exactly(std::int64_t count);
CountRange at_least(std::int64_t count);

// kUnknown: persons the source counts without saying whose they are ("no
// one was hurt" in a monitor's report of fire between two sides).
enum class SideKind { kCombatants, kCivilians, kUnknown };

// Whose losses: a party's combatants, civilians (of a nationality or party
// when the source says so), or persons of no stated side.
struct Side {
  SideKind kind = SideKind::kCombatants;
  std::optional<ActorRef> party;  // required for combatants, absent when unknown

  // "armenia" for combatants, "civilians" or "civilians:armenia", "unknown".
  std::string id() const;
  // "Armenia" for combatants, "civilians" or "civilians (Armenia)", "side not stated".
  std::string name() const;
  friend bool operator==(const Side&, const Side&) = default;
};

enum class CasualtyStatus { kKilled, kWounded, kCaptured, kMissing };

struct CasualtyFigure {
  Side side;
  CasualtyStatus status = CasualtyStatus::kKilled;
  CountRange count;
  friend bool operator==(const CasualtyFigure&, const CasualtyFigure&) = default;
};

}  // namespace truce
