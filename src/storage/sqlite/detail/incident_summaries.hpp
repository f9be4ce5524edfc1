// Incident summaries and reviews in SQLite (migration 6). Every function runs
// inside the caller's transaction; on error the caller rolls back.
#pragma once

#include <optional>
#include <vector>

#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

Result<std::vector<IncidentId>> read_unsummarised_incidents(Connection& db, int limit);
Status write_incident_summaries(Connection& db, const std::vector<IncidentSummary>& summaries,
                                const std::string& at);
Result<std::vector<IncidentSummaryRow>> read_incident_summaries(Connection& db,
                                                                const IncidentSummaryQuery& query);
Result<std::optional<IncidentSummaryRow>> read_incident_summary(Connection& db,
                                                                const IncidentId& id,
                                                                bool public_view);
Result<IncidentReview> read_incident_review(Connection& db, const IncidentId& id);
Status write_incident_review(Connection& db, const IncidentReview& review);

}  // namespace truce::storage::sqlite::detail
