// The authorisation matrix: which role may do what. Every route names one
// Permission; this table alone says which roles hold it (docs/api.md prints
// the same table, and the matrix test walks every route with every role).
#pragma once

#include "core/access.hpp"

namespace truce::http {

enum class Permission {
  kOpen,              // health, metrics, the API document: no token looked at
  kPublicRead,        // the public view: anyone, with or without a token
  kLogin,             // exchanging a password for a token: no token needed
  kAuthenticated,     // any valid token (who am I, log out)
  kReadRecords,       // documents, claims, statistics, including unpublished records
  kExport,            // bulk export of records
  kIngest,            // store documents and reports
  kManageUsers,       // add users, issue tokens
  kReadAudit,         // read and verify the audit log
  kCorrectIncidents,  // merge, split, attach, detach
  kPublish,           // publish and unpublish incidents
  kOpenReview,        // open an incident's joint verification under a mechanism
  kSignOff,           // sign an incident off for one member of its mechanism
  kFileComplaint,     // file a complaint for the liaison officer's own party
  kReadComplaints,    // complaints: a liaison officer's own party's, everyone's for the others
  kDecideComplaints,  // open a complaint's review, record its finding
  // Beside an incident's claims (docs/api.md, "Comments, evidence and personal names").
  kReadInternal,   // internal comments and evidence files
  kWriteComments,  // add internal comments
  kAddEvidence,    // attach evidence files
  kReadNames,      // the people named as killed, wounded, captured or missing
  kRecordNames,    // record such people
};

// One line per addition keeps concurrent additions apart.
// clang-format off
inline constexpr Permission kAllPermissions[] = {
    Permission::kOpen,
    Permission::kPublicRead,
    Permission::kLogin,
    Permission::kAuthenticated,
    Permission::kReadRecords,
    Permission::kExport,
    Permission::kIngest,
    Permission::kManageUsers,
    Permission::kReadAudit,
    Permission::kCorrectIncidents,
    Permission::kPublish,
    Permission::kOpenReview,
    Permission::kSignOff,
    Permission::kFileComplaint,
    Permission::kReadComplaints,
    Permission::kDecideComplaints,
    Permission::kReadInternal,
    Permission::kWriteComments,
    Permission::kAddEvidence,
    Permission::kReadNames,
    Permission::kRecordNames};
// clang-format on

bool allows(Role role, Permission permission);

// Whether a request needs a valid token at all (false: the public may).
bool needs_token(Permission permission);

const char* to_string(Permission permission);

}  // namespace truce::http
