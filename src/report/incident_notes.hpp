// Comments, evidence files and named persons of an incident as the CLI
// prints them and the HTTP API returns them (docs/api.md, "Comments,
// evidence and personal names"). The JSON shapes are the API's; the tables
// are for terminals.
#pragma once

#include <string>
#include <vector>

#include "core/incident_notes.hpp"

namespace truce::report {

// Each note carries "written_on": the incident id it was written on, which
// differs from "incident" when the note followed its claims elsewhere.
// {"incident","comments":[{"id","written_on","author","created_at","text"}]}
std::string comments_json(const IncidentId& incident, const std::vector<IncidentComment>& comments);
std::string comment_json(const IncidentComment& comment);  // one comment object
std::string comments_text(const std::vector<IncidentComment>& comments);

// {"incident","evidence":[{"id","incident","written_on","sha256","name","media_type","size",
// "added_by","added_at"}]} ("incident" of an attachment: the same as "written_on")
std::string evidence_json(const IncidentId& incident,
                          const std::vector<EvidenceAttachment>& attachments);
// The attachment object with "file_added" and "attachment_added".
std::string evidence_stored_json(const EvidenceStored& stored);
std::string evidence_table(const std::vector<EvidenceAttachment>& attachments);

// {"incident","persons":[{"id","written_on","name","status","side","claim","document","span",
// "recorded_by","recorded_at"}]}
std::string persons_json(const IncidentId& incident, const std::vector<PersonRecord>& persons);
std::string person_json(const PersonRecord& person);
std::string persons_table(const std::vector<PersonRecord>& persons);

}  // namespace truce::report
