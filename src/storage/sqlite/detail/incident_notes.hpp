// Comments, evidence files and named persons of incidents (migration 8),
// anchored to claims so that they follow their incident (migration 10).
// Writes run inside the caller's write transaction; reads list what shows on
// an incident (docs/api.md, "Which incident a note shows on").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

Result<long long> insert_comment(Connection& db, const IncidentComment& comment);
Result<std::vector<IncidentComment>> read_comments(Connection& db, const IncidentId& incident);

// The file's bytes once, then the attachment once (see Store::add_evidence).
Result<EvidenceStored> insert_evidence(Connection& db, const EvidenceAttachment& attachment,
                                       std::string_view content);
Result<std::vector<EvidenceAttachment>> read_evidence(Connection& db, const IncidentId& incident);
// The incidents (or, for attachments anchored nowhere, the ids written on)
// that show an attachment of the file; empty for an unknown or unattached file.
Result<std::vector<IncidentId>> read_evidence_incidents(Connection& db, std::string_view sha256);
Result<std::optional<EvidenceFile>> read_evidence_file(Connection& db, std::string_view sha256);

// kInvalidInput when the claim or document is not stored. Error messages
// never carry the name.
Result<long long> insert_person(Connection& db, const PersonRecord& person);
Result<std::vector<PersonRecord>> read_persons(Connection& db, const IncidentId& incident);

Result<bool> has_incident_notes(Connection& db, const IncidentId& incident);

}  // namespace truce::storage::sqlite::detail
