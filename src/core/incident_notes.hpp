// What the monitoring centre keeps about an incident beside its claims:
// internal comments, evidence files attached to it and the people named as
// killed, wounded, captured or missing. Never part of the public view.
#pragma once

#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/text_span.hpp"

namespace truce {

// Internal comments on an incident (stored by migration 7).
struct IncidentComment {
  long long id = 0;  // assigned when stored
  IncidentId incident;
  std::string author;  // user name, or "cli"
  std::string created_at;
  std::string text;
};

// An evidence file attached to an incident: the file is stored once by its
// SHA-256 (hex), whatever incidents it is attached to.
struct EvidenceAttachment {
  long long id = 0;  // assigned when stored
  IncidentId incident;
  std::string sha256;
  std::string name;
  std::string media_type;  // of the stored file (the first upload's)
  long long size = 0;
  std::string added_by;
  std::string added_at;
};

// What add_evidence did: whether the bytes and the attachment were new.
struct EvidenceStored {
  EvidenceAttachment attachment;
  bool file_added = false;        // false: the same bytes were stored already
  bool attachment_added = false;  // false: already attached to this incident
};

// The bytes of a stored evidence file as read; the caller checks the hash.
struct EvidenceFile {
  std::string sha256;
  std::string media_type;
  long long size = 0;
  std::string content;
};

// A person named as killed, wounded, captured or missing in an incident:
// personal data (docs/api.md, "Comments, evidence and personal names").
struct PersonRecord {
  long long id = 0;  // assigned when stored
  IncidentId incident;
  std::string name;
  std::string status;  // killed, wounded, captured, missing
  std::string side;    // "armenia", "civilians", "civilians:armenia"
  std::optional<ClaimId> claim;
  std::optional<DocumentId> document;
  std::optional<TextSpan> span;  // in the document's text
  std::string recorded_by;
  std::string recorded_at;
};

}  // namespace truce
