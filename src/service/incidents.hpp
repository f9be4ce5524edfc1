// Incidents kept up to date as claims arrive and analysts decide: which stored
// claims a change can touch (a time window around the changed claims, then the
// components they link, then the whole incidents those belong to), how they
// group now, and what to write (docs/fusion.md, "Incremental updates").
//
// Thread-safety: FusionData is immutable after load; the planner functions
// only read the store.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/incident.hpp"
#include "core/result.hpp"
#include "fusion/facts.hpp"
#include "fusion/parameters.hpp"
#include "fusion/reconciliation.hpp"
#include "fusion/reliability.hpp"
#include "storage/store.hpp"

namespace truce::service {

// The data fusion needs: parameters (fusion/parameters.tsv), which party each
// actor acts for (actors/actors.tsv) and the analysts' source ratings
// (sources/reliability.tsv). Errors name the file.
struct FusionData {
  fusion::Parameters parameters;
  fusion::ActorParties parties;
  fusion::ReliabilityTable reliability;

  static Result<FusionData> load(const std::filesystem::path& data_dir);
};

// The incident changes caused by `new_claims` (not yet stored, or stored
// again) and by a change to the incidents of `seeds` (stored claims), with
// `extra` decisions applied as if stored. Reads the store, writes nothing.
Result<storage::IncidentUpdate> plan_incidents(const storage::Store& store, const FusionData& data,
                                               const std::vector<Claim>& new_claims,
                                               const std::vector<ClaimId>& seeds,
                                               const std::vector<Decision>& extra);

// A member claim with its document and source, rated (for fusion::reconcile).
fusion::ClaimContext claim_context(const FusionData& data, const Claim& claim,
                                   const Document& document, const Source& source);

}  // namespace truce::service
