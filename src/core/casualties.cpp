#include "core/casualties.hpp"

namespace truce {

CountRange exactly(std::int64_t count) {
  return CountRange{count, count};
}
CountRange at_least(std::int64_t count) {
  return CountRange{count, std::nullopt};
}

std::string Side::id() const {
  if (kind == SideKind::kUnknown) {
    return "unknown";
  }
  if (kind == SideKind::kCombatants) {
    return party ? party->id : std::string("combatants");
  }
  return party ? "civilians:" + party->id : std::string("civilians");
}

std::string Side::name() const {
  if (kind == SideKind::kUnknown) {
    return "side not stated";
  }
  if (kind == SideKind::kCombatants) {
    return party ? party->name : std::string("combatants");
  }
  return party ? "civilians (" + party->name + ")" : std::string("civilians");
}

}  // namespace truce
