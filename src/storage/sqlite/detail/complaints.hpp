// Complaints in SQLite (migration 7). Every function runs inside the caller's
// transaction; on error the caller rolls back.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

// The batch holding the complaint's claim, the incident changes, the
// complaint and its audit entry. kConflict when the complaint id is taken.
Result<WriteSummary> write_complaint(Connection& db, const IntakeBatch& batch,
                                     const IncidentUpdate& incidents, const Complaint& complaint,
                                     const AuditRecord& audit);
// kConflict when the id is taken.
Status insert_complaint(Connection& db, const Complaint& complaint);
// Replaces the stored row of the complaint's id (the claim and party stay).
Status update_complaint(Connection& db, const Complaint& complaint);
Result<std::optional<Complaint>> read_complaint(Connection& db, std::string_view id);
Result<std::vector<Complaint>> read_complaints(Connection& db, const ComplaintQuery& query);

}  // namespace truce::storage::sqlite::detail
