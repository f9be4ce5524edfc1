#include "core/incident.hpp"

namespace truce {

IncidentId incident_id_for(const ClaimId& first_member) {
  const std::string& claim = first_member.str();
  constexpr std::string_view kClaimPrefix = "clm_";
  std::string_view digits = claim;
  if (digits.substr(0, kClaimPrefix.size()) == kClaimPrefix) {
    digits.remove_prefix(kClaimPrefix.size());
  }
  return IncidentId("inc_" + std::string(digits));
}

}  // namespace truce
