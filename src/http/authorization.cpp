#include "http/authorization.hpp"

namespace truce::http {

// No default: -Wswitch points here when a role or a permission is added.
bool allows(Role role, Permission permission) {
  switch (permission) {
    case Permission::kOpen:
    case Permission::kPublicRead:
    case Permission::kLogin: return true;
    case Permission::kAuthenticated: return role != Role::kPublic;
    case Permission::kReadRecords:
      switch (role) {
        case Role::kAdmin:
        case Role::kOperator:
        case Role::kMonitor:
        case Role::kAnalyst: return true;
        case Role::kLiaison:  // sees its own complaints and published records
        case Role::kPublic: return false;
      }
      return false;
    case Permission::kExport:
      return role == Role::kAdmin || role == Role::kOperator || role == Role::kAnalyst;
    case Permission::kIngest:
    case Permission::kCorrectIncidents:
    case Permission::kPublish:
    case Permission::kOpenReview: return role == Role::kOperator;
    case Permission::kSignOff: return role == Role::kMonitor;
    case Permission::kFileComplaint: return role == Role::kLiaison;
    case Permission::kReadComplaints: return role != Role::kPublic;
    case Permission::kDecideComplaints: return role == Role::kOperator;
    case Permission::kManageUsers:
    case Permission::kReadAudit: return role == Role::kAdmin;
    // Those who work on incidents: the operator records, monitors verify,
    // analysts reconcile (names tell two reports of one person apart). Not
    // the admin, who manages accounts; never liaison officers or the public.
    case Permission::kReadInternal:
    case Permission::kWriteComments:
    case Permission::kReadNames:
      return role == Role::kOperator || role == Role::kMonitor || role == Role::kAnalyst;
    case Permission::kAddEvidence: return role == Role::kOperator || role == Role::kMonitor;
    case Permission::kRecordNames: return role == Role::kOperator;
  }
  return false;
}

bool needs_token(Permission permission) {
  return !allows(Role::kPublic, permission);
}

const char* to_string(Permission permission) {
  switch (permission) {
    case Permission::kOpen: return "open";
    case Permission::kPublicRead: return "public_read";
    case Permission::kLogin: return "login";
    case Permission::kAuthenticated: return "authenticated";
    case Permission::kReadRecords: return "read_records";
    case Permission::kExport: return "export";
    case Permission::kIngest: return "ingest";
    case Permission::kManageUsers: return "manage_users";
    case Permission::kReadAudit: return "read_audit";
    case Permission::kCorrectIncidents: return "correct_incidents";
    case Permission::kPublish: return "publish";
    case Permission::kOpenReview: return "open_review";
    case Permission::kSignOff: return "sign_off";
    case Permission::kFileComplaint: return "file_complaint";
    case Permission::kReadComplaints: return "read_complaints";
    case Permission::kDecideComplaints: return "decide_complaints";
    case Permission::kReadInternal: return "read_internal";
    case Permission::kWriteComments: return "write_comments";
    case Permission::kAddEvidence: return "add_evidence";
    case Permission::kReadNames: return "read_names";
    case Permission::kRecordNames: return "record_names";
  }
  return "?";
}

}  // namespace truce::http
