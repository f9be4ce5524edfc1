// Incidents, their members and links, analysts' decisions and incident
// history in SQLite (migration 4). Every function runs inside the caller's
// transaction; on error the caller rolls back.
#pragma once

#include <vector>

#include "core/incident.hpp"
#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

// Deletes every incident in `update.put` and `update.removed`, then inserts the
// ones in `put`, then appends the events; `at` stamps the rows.
Status write_incident_update(Connection& db, const IncidentUpdate& update, const std::string& at);

Status write_decision(Connection& db, const Decision& decision);
Result<long long> next_decision_sequence(Connection& db);
Result<std::vector<Decision>> read_decisions_about(Connection& db,
                                                   const std::vector<ClaimId>& claims);

Result<std::optional<Incident>> read_incident(Connection& db, const IncidentId& id);
Result<std::vector<Incident>> read_incidents(Connection& db, const IncidentQuery& query);
Result<long long> count_incidents(Connection& db);
Result<std::vector<std::pair<ClaimId, IncidentId>>> read_memberships(
    Connection& db, const std::vector<ClaimId>& claims, bool links);
Result<std::vector<IncidentEvent>> read_incident_history(Connection& db, const IncidentId& id);

// UTC now as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now();

}  // namespace truce::storage::sqlite::detail
