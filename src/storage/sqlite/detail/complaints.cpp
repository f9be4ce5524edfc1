#include "storage/sqlite/detail/complaints.hpp"

#include <string>

#include "storage/sqlite/detail/audit_log.hpp"
#include "storage/sqlite/detail/batch_writer.hpp"
#include "storage/sqlite/detail/incident_records.hpp"

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kColumns =
    "k.complaint_id, k.claim_id, c.document_id, k.party, k.incident_id, k.state, k.filed_by, "
    "k.filed_at, k.reviewed_by, k.reviewed_at, k.outcome, k.finding, k.found_by, k.found_at, "
    "k.updated_at FROM complaints AS k JOIN claims AS c ON c.id = k.claim_id";

std::optional<std::string> optional_text(const Statement& row, int column) {
  if (row.is_null(column)) {
    return std::nullopt;
  }
  return row.text_at(column);
}

std::optional<ComplaintStep> step_at(const Statement& row, int by, int at) {
  if (row.is_null(at)) {
    return std::nullopt;
  }
  return ComplaintStep{row.text_at(by), row.text_at(at)};
}

Complaint decode(const Statement& row) {
  Complaint complaint;
  complaint.id = row.text_at(0);
  complaint.claim = ClaimId(row.text_at(1));
  complaint.document = DocumentId(row.text_at(2));
  complaint.party = row.text_at(3);
  if (auto incident = optional_text(row, 4)) {
    complaint.incident = IncidentId(*incident);
  }
  complaint.state = row.text_at(5);
  complaint.filed = {row.text_at(6), row.text_at(7)};
  complaint.review = step_at(row, 8, 9);
  complaint.outcome = optional_text(row, 10);
  complaint.finding = optional_text(row, 11).value_or("");
  complaint.found = step_at(row, 12, 13);
  complaint.updated_at = row.text_at(14);
  return complaint;
}

void bind_optional(Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) {
    statement.bind_text(index, *value);
  } else {
    statement.bind_null(index);
  }
}

// Parameters 1-14 of the INSERT and the UPDATE alike.
void bind_row(Statement& statement, const Complaint& complaint) {
  statement.bind_text(1, complaint.id);
  statement.bind_text(2, complaint.claim.str());
  statement.bind_text(3, complaint.party);
  bind_optional(statement, 4,
                complaint.incident ? std::optional(complaint.incident->str()) : std::nullopt);
  statement.bind_text(5, complaint.state);
  statement.bind_text(6, complaint.filed.by);
  statement.bind_text(7, complaint.filed.at);
  bind_optional(statement, 8,
                complaint.review ? std::optional(complaint.review->by) : std::nullopt);
  bind_optional(statement, 9,
                complaint.review ? std::optional(complaint.review->at) : std::nullopt);
  bind_optional(statement, 10, complaint.outcome);
  bind_optional(statement, 11, complaint.found ? std::optional(complaint.finding) : std::nullopt);
  bind_optional(statement, 12, complaint.found ? std::optional(complaint.found->by) : std::nullopt);
  bind_optional(statement, 13, complaint.found ? std::optional(complaint.found->at) : std::nullopt);
  statement.bind_text(14, complaint.updated_at);
}

}  // namespace

Result<WriteSummary> write_complaint(Connection& db, const IntakeBatch& batch,
                                     const IncidentUpdate& incidents, const Complaint& complaint,
                                     const AuditRecord& audit) {
  auto summary = write_batch(db, batch);
  if (!summary) {
    return summary;
  }
  if (!incidents.empty()) {
    if (auto done = write_incident_update(db, incidents, complaint.filed.at); !done) {
      return done.error();
    }
  }
  if (auto done = insert_complaint(db, complaint); !done) {
    return done.error();
  }
  if (auto appended = append_audit_entry(db, audit); !appended) {
    return appended.error();
  }
  return summary;
}

Status insert_complaint(Connection& db, const Complaint& complaint) {
  auto existing = read_complaint(db, complaint.id);
  if (!existing) {
    return std::move(existing).error();
  }
  if (*existing) {
    return make_error(
        ErrorCode::kConflict,
        "complaint " + complaint.id + " is filed already (claim " + complaint.claim.str() + ")",
        "storage.sqlite: file complaint");
  }
  return run_statement(
      db,
      "INSERT INTO complaints (complaint_id, claim_id, party, incident_id, state, filed_by, "
      "filed_at, reviewed_by, reviewed_at, outcome, finding, found_by, found_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
      [&](Statement& s) { bind_row(s, complaint); });
}

Status update_complaint(Connection& db, const Complaint& complaint) {
  return run_statement(
      db,
      "UPDATE complaints SET claim_id = ?2, party = ?3, incident_id = ?4, state = ?5, "
      "filed_by = ?6, filed_at = ?7, reviewed_by = ?8, reviewed_at = ?9, outcome = ?10, "
      "finding = ?11, found_by = ?12, found_at = ?13, updated_at = ?14 WHERE complaint_id = ?1",
      [&](Statement& s) { bind_row(s, complaint); });
}

Result<std::optional<Complaint>> read_complaint(Connection& db, std::string_view id) {
  auto statement = db.statement("SELECT " + std::string(kColumns) + " WHERE k.complaint_id = ?1");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, id);
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (!*row) {
    return std::optional<Complaint>();
  }
  return std::optional<Complaint>(decode(**statement));
}

Result<std::vector<Complaint>> read_complaints(Connection& db, const ComplaintQuery& query) {
  // Absent filters bind NULL and drop out, so one statement serves every query.
  auto statement = db.statement(
      "SELECT " + std::string(kColumns) +
      " WHERE (?1 IS NULL OR k.state = ?1) AND (?2 IS NULL OR k.party = ?2) AND (?3 IS NULL OR "
      "(k.filed_at, k.complaint_id) > (?3, ?4)) ORDER BY k.filed_at, k.complaint_id LIMIT ?5");
  if (!statement) {
    return std::move(statement).error();
  }
  bind_optional(**statement, 1, query.state);
  bind_optional(**statement, 2, query.party);
  bind_optional(**statement, 3, query.after ? std::optional(query.after->first) : std::nullopt);
  bind_optional(**statement, 4, query.after ? std::optional(query.after->second) : std::nullopt);
  (*statement)->bind_int(5, query.limit);
  std::vector<Complaint> complaints;
  const Status walked =
      for_each_row(*statement, [&] { complaints.push_back(decode(**statement)); });
  if (!walked) {
    return walked.error();
  }
  return complaints;
}

}  // namespace truce::storage::sqlite::detail
