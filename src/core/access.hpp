// The roles of a monitoring centre's users. What each role may do is the
// HTTP API's authorisation matrix (http/authorization.hpp, docs/api.md); this
// header only names them. kPublic is anyone without a token and is never
// stored as a user's role.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace truce {

enum class Role {
  kAdmin,     // users and configuration
  kOperator,  // duty officer: ingests documents and reports, publishes
  kMonitor,   // affiliated to one member of a monitoring mechanism: verifies or refutes
  kLiaison,   // affiliated to one party: files complaints, sees their outcome
  kAnalyst,   // reads everything, including unpublished records
  kPublic,    // no token
};

inline constexpr std::array kAllRoles{Role::kAdmin,   Role::kOperator, Role::kMonitor,
                                      Role::kLiaison, Role::kAnalyst,  Role::kPublic};

constexpr std::string_view to_string(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kOperator: return "operator";
    case Role::kMonitor: return "monitor";
    case Role::kLiaison: return "liaison";
    case Role::kAnalyst: return "analyst";
    case Role::kPublic: return "public";
  }
  return "public";
}

constexpr std::optional<Role> parse_role(std::string_view word) {
  for (Role role : kAllRoles) {
    if (to_string(role) == word) {
      return role;
    }
  }
  return std::nullopt;
}

// Monitors and liaison officers act for one member or party.
constexpr bool role_needs_affiliation(Role role) {
  return role == Role::kMonitor || role == Role::kLiaison;
}

}  // namespace truce
