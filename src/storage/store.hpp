// The persistence boundary. Everything the rest of truce stores or reads goes
// through Store; the SQLite backend (default, embedded) implements it and a
// PostgreSQL backend will implement the same contract. Nothing outside
// storage/ includes a database header.
//
// Thread-safety: a Store is used by one thread at a time. Open one per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/batch.hpp"
#include "core/claim.hpp"
#include "core/complaint.hpp"
#include "core/document.hpp"
#include "core/geo.hpp"
#include "core/incident.hpp"
#include "core/incident_notes.hpp"
#include "core/result.hpp"
#include "core/source.hpp"

namespace truce::storage {

// What a write did, record by record, so the CLI can say "already stored".
struct WriteSummary {
  int sources_added = 0;
  int sources_unchanged = 0;
  int documents_added = 0;
  int documents_unchanged = 0;
  int claims_added = 0;
  int claims_unchanged = 0;
  bool nothing_new() const {
    return sources_added == 0 && documents_added == 0 && claims_added == 0;
  }
};

enum class WriteMode {
  kCommit,  // write and commit
  kDryRun,  // run every check and statement, then roll back
};

// A position in the claims' stable order (time start key, then id): a page
// that continues after it starts with the next claim in that order.
struct ClaimCursor {
  std::string start_key;  // interval_start_key of the last claim seen
  std::string id;         // its id
};

// Filters combine with AND; an empty field does not filter.
struct ClaimQuery {
  std::optional<std::string>
      since;  // ISO date or date-time; claims whose interval ends at or after it
  std::optional<std::string> until;  // claims whose interval starts at or before it
  std::optional<BoundingBox> bbox;   // claims whose geometry's box intersects it (R*Tree)
  std::optional<EventType> event_type;
  // An actor id in any role the claim gives it: claimant, perpetrator, target,
  // casualty side, asset owner or gainer, participant, mediator.
  std::optional<std::string> actor;
  std::optional<SourceId> source;
  std::optional<DocumentId> document;
  std::optional<ClaimCursor> after;  // only claims after this position
  int limit = 1000;                  // at most this many, ordered by time start, then id
  int offset = 0;
};

// What a listing of many claims shows of each: who, what, when, where, the
// grade and the figures, read from the claims row and one query for all the
// figures of a page, instead of every child row of every claim. Words and
// times are as stored (the vocabulary's words, civil times as given).
struct CasualtySummary {
  std::string side_kind;             // combatants, civilians, unknown
  std::optional<std::string> party;  // actor id
  std::string status;                // killed, wounded, captured, missing
  long long min = 0;
  std::optional<long long> max;  // absent: open-ended
};

struct ClaimSummary {
  std::string id;
  std::string document;
  std::string claimant;  // actor id
  std::string event_type;
  std::string time_start;
  std::string time_end;
  std::string time_precision;
  std::string start_key;  // for cursors
  std::optional<std::string> place_name;
  std::optional<int> place_precision;
  std::optional<BoundingBox> box;  // of the geometry, if any
  std::optional<std::string> perpetrator;
  std::optional<std::string> target;
  int credibility = 6;
  std::vector<CasualtySummary> casualties;
};

// Documents ordered by id, a page at a time.
struct DocumentQuery {
  std::optional<SourceId> source;
  std::optional<std::string> after_id;  // only documents whose id sorts after this
  int limit = 100;
};

// Claims per calendar day (of the interval start) and event type.
struct DailyCount {
  std::string day;  // "YYYY-MM-DD"
  EventType event_type = EventType::kOther;
  long long claims = 0;
};

// Users of the HTTP API. role is a word of core/access.hpp; secrets are kept
// only as hashes (Argon2id strings for passwords, SHA-256 hex for tokens).
struct User {
  long long id = 0;
  std::string name;
  std::string role;
  std::optional<std::string> affiliation;    // actor id
  std::optional<std::string> password_hash;  // absent: tokens only
  std::string created_at;                    // UTC "YYYY-MM-DDTHH:MM:SSZ"
  bool disabled = false;
};

enum class TokenKind { kApi, kSession };

struct TokenRecord {
  std::string token_hash;  // hex SHA-256 of the token
  long long user_id = 0;
  TokenKind kind = TokenKind::kApi;
  std::string created_at;
  std::optional<std::string> expires_at;  // absent: no expiry
  std::optional<std::string> revoked_at;
};

// One write as the audit log records it. before/after are JSON texts.
struct AuditRecord {
  std::string actor;   // "user:NAME", "cli", "anonymous"
  std::string action;  // "ingest", "user.add", "token.issue", "login", "logout"
  std::string target;
  std::string before = "null";
  std::string after = "null";
};

struct AuditEntry {
  long long seq = 0;
  std::string at;
  AuditRecord record;
  std::string prev_hash;
  std::string hash;
};

// The outcome of checking the chain: the first entry that breaks it, if any.
struct AuditCheck {
  long long entries = 0;
  std::string head_hash;            // hash of the last entry; empty for an empty log
  std::optional<long long> broken;  // seq of the first entry that does not verify
  std::string problem;              // what is wrong with it
};

struct StoreStats {
  int schema_version = 0;
  long long sources = 0;
  long long documents = 0;
  long long claims = 0;
  std::optional<std::string> first_event;  // earliest interval start key
  std::optional<std::string> last_event;   // latest interval end key
};

// One file of the agreement registry, kept as the text that was read.
struct RegistryFile {
  std::string name;       // "agreements/x.json" or "geography/x.geojson"; unique
  bool agreement = true;  // false: a geography file
  bool bundled = true;    // false: loaded by a user
  int version = 1;        // bumped on every change of content
  std::string content;
  friend bool operator==(const RegistryFile&, const RegistryFile&) = default;
};

// Changes to incidents, written in the same transaction as the batch or the
// decision that caused them.
struct IncidentUpdate {
  std::vector<Incident> put;        // stored whole, replacing what the id held
  std::vector<IncidentId> removed;  // no longer exist (merged into another, emptied)
  std::vector<IncidentEvent> events;
  bool empty() const { return put.empty() && removed.empty() && events.empty(); }
};

// Filters combine with AND.
struct IncidentQuery {
  std::optional<std::string> since;  // incidents ending at or after this date
  std::optional<std::string> until;  // incidents starting at or before this date
  int limit = 1000;                  // ordered by start, then id
  int offset = 0;
};

// What a listing shows of one incident and the columns it is filtered on,
// written by the service after the incident changes (migration 6). Words are
// the vocabulary's; `json` is the listing's JSON object of the incident.
struct IncidentSummary {
  IncidentId id;
  std::string start_key;
  std::string end_key;
  std::optional<BoundingBox> box;  // of the members' geometries
  std::string attribution;         // fusion's grade words
  std::string evidence;
  std::vector<std::string> event_types;  // of any member
  std::vector<std::string> actors;       // in any role of any member
  std::vector<std::string> theatres;     // theatre features holding the place
  std::string json;
  std::string public_json;  // json without what the public view leaves out
};

// A position in the incidents' stable order (start key, then id).
struct IncidentCursor {
  std::string start_key;
  std::string id;
};

// Filters combine with AND; an empty field does not filter.
struct IncidentSummaryQuery {
  std::optional<std::string> since;  // ISO date or date-time: incidents ending at or after it
  std::optional<std::string> until;  // incidents starting at or before it
  std::optional<BoundingBox> bbox;   // incidents whose box intersects it
  std::optional<std::string> theatre;
  std::optional<std::string> event_type;
  std::optional<std::string> actor;
  std::optional<std::string> attribution;
  std::optional<std::string> evidence;
  std::optional<std::string> state;  // verification state word
  bool published_only = false;
  bool public_view = false;  // rows carry IncidentSummary::public_json
  std::optional<IncidentCursor> after;
  int limit = 100;  // ordered by start key, then id
};

struct IncidentSummaryRow {
  std::string id;
  std::string start_key;
  std::string json;  // IncidentSummary::json, or public_json for a public view
  bool published = false;
  std::string state;  // verification state
};

// One member's sign-off of an incident under review.
struct SignOff {
  std::string member;   // actor id of the mechanism's member
  std::string verdict;  // verified, refuted
  std::string by;       // user name
  std::string note;
  std::string at;
  friend bool operator==(const SignOff&, const SignOff&) = default;
};

// What the centre decided about an incident. An incident nobody reviewed
// reads as unpublished and unverified.
struct IncidentReview {
  IncidentId incident;
  bool published = false;
  std::string state = "unverified";      // unverified, under_review, signed_off, verified, refuted
  std::optional<std::string> agreement;  // the mechanism: agreement id and provision id
  std::optional<std::string> provision;
  std::optional<std::string> opened_by;
  std::string updated_at;
  std::vector<SignOff> signoffs;  // by member
  friend bool operator==(const IncidentReview&, const IncidentReview&) = default;
};

// Complaints (migration 7), ordered by filing time, then id. Filters
// combine with AND; an empty field does not filter.
struct ComplaintQuery {
  std::optional<std::string> state;
  std::optional<std::string> party;
  std::optional<std::pair<std::string, std::string>> after;  // (filed_at, id) of the last seen
  int limit = 100;
};

class Store {
 public:
  virtual ~Store() = default;

  // Writes the batch and the incident changes it causes in one transaction,
  // and, when `audit` is given and the mode commits, appends it (with the
  // summary as its "after") to the audit log in the same transaction, so a
  // write is stored only with its record. Records already stored with the same
  // id are counted as unchanged. A source id stored with different attributes
  // is kConflict; a claim or document referring to an unknown source or
  // document is kInvalidInput; an incident member that is not a stored claim
  // is kInvalidInput. On any error nothing is written.
  virtual Result<WriteSummary> write(const IntakeBatch& batch, WriteMode mode,
                                     const IncidentUpdate& incidents, const AuditRecord* audit) = 0;
  Result<WriteSummary> write(const IntakeBatch& batch, WriteMode mode,
                             const IncidentUpdate& incidents) {
    return write(batch, mode, incidents, nullptr);
  }
  Result<WriteSummary> write(const IntakeBatch& batch, WriteMode mode) {
    return write(batch, mode, IncidentUpdate{}, nullptr);
  }

  // Records an analyst decision and the incident changes it causes in one
  // transaction. The decision's sequence must be next_decision_sequence()
  // (kConflict otherwise: another decision was recorded meanwhile).
  virtual Status record_decision(const Decision& decision, const IncidentUpdate& incidents) = 0;
  virtual Result<long long> next_decision_sequence() const = 0;
  // Decisions with a constraint naming any of `claims`, in sequence order.
  virtual Result<std::vector<Decision>> decisions_about(
      const std::vector<ClaimId>& claims) const = 0;

  virtual Result<std::vector<Incident>> find_incidents(const IncidentQuery& query) const = 0;
  virtual Result<long long> count_incidents() const = 0;
  virtual Result<Incident> get_incident(const IncidentId& id) const = 0;  // kNotFound if absent
  // The incident each of `claims` is a member of; claims in none are left out.
  virtual Result<std::vector<std::pair<ClaimId, IncidentId>>> incidents_of(
      const std::vector<ClaimId>& claims) const = 0;
  // Incidents that link `claims` (ending links).
  virtual Result<std::vector<std::pair<ClaimId, IncidentId>>> incidents_linking(
      const std::vector<ClaimId>& claims) const = 0;
  // Everything that happened to the incident, oldest first.
  virtual Result<std::vector<IncidentEvent>> incident_history(const IncidentId& id) const = 0;

  // Incident summaries (migration 6). An incident loses its summary when it
  // changes; these are the ones without one, by id.
  virtual Result<std::vector<IncidentId>> unsummarised_incidents(int limit) const = 0;
  // Replaces the summaries of these incidents in one transaction; a summary
  // of an incident that is no longer stored is skipped.
  virtual Status put_incident_summaries(const std::vector<IncidentSummary>& summaries) = 0;
  virtual Result<std::vector<IncidentSummaryRow>> find_incident_summaries(
      const IncidentSummaryQuery& query) const = 0;
  virtual Result<std::optional<IncidentSummaryRow>> get_incident_summary(
      const IncidentId& id, bool public_view) const = 0;
  // The review of an incident (a fresh one when none is stored).
  virtual Result<IncidentReview> incident_review(const IncidentId& id) const = 0;
  // Stores the review with its sign-offs (replacing the stored ones) and its
  // audit entry in one transaction. `expected` is the review the change was
  // decided on: kConflict when the stored one differs (a concurrent change).
  virtual Status put_incident_review(const IncidentReview& review, const IncidentReview& expected,
                                     const AuditRecord& audit) = 0;

  virtual Result<std::vector<Claim>> find_claims(const ClaimQuery& query) const = 0;
  virtual Result<long long> count_claims(const ClaimQuery& query) const = 0;
  virtual Result<Claim> get_claim(const ClaimId& id) const = 0;           // kNotFound if absent
  virtual Result<Document> get_document(const DocumentId& id) const = 0;  // kNotFound if absent
  virtual Result<Source> get_source(const SourceId& id) const = 0;        // kNotFound if absent
  virtual Result<std::vector<Source>> list_sources() const = 0;
  virtual Result<std::vector<Document>> list_documents() const = 0;  // without text
  virtual Result<StoreStats> stats() const = 0;
  // A cheap read that proves the database answers (health checks).
  virtual Status ping() const = 0;
  // As find_claims, in the same order, as summaries.
  virtual Result<std::vector<ClaimSummary>> find_claim_summaries(const ClaimQuery& query) const = 0;
  virtual Result<std::vector<Document>> find_documents(const DocumentQuery& query) const = 0;
  virtual Result<std::vector<DailyCount>> daily_claim_counts(const ClaimQuery& query) const = 0;

  // Users and tokens. Each write appends `audit` in the same transaction.
  // add_user: kConflict when the name is taken.
  virtual Result<User> add_user(const User& user, const AuditRecord& audit) = 0;
  virtual Result<User> find_user(std::string_view name) const = 0;  // kNotFound if absent
  virtual Result<std::vector<User>> list_users() const = 0;         // ordered by name
  virtual Status add_token(const TokenRecord& token, const AuditRecord& audit) = 0;
  // The token and its user; kNotFound for an unknown hash. Expiry and
  // revocation are the caller's to judge (it knows the time).
  virtual Result<std::pair<TokenRecord, User>> find_token(std::string_view token_hash) const = 0;
  // kNotFound when no live token has the hash.
  virtual Status revoke_token(std::string_view token_hash, std::string_view at,
                              const AuditRecord& audit) = 0;

  // The audit log: append (for writes that have no transaction of their own
  // here, such as a refused login), read a page, and check the chain.
  virtual Status append_audit(const AuditRecord& audit) = 0;
  virtual Result<std::vector<AuditEntry>> audit_entries(long long after_seq, int limit) const = 0;
  virtual Result<AuditCheck> verify_audit() const = 0;

  // Complaints (migration 7). file_complaint writes the batch that holds the
  // complaint's claim, the incident changes it causes, the complaint and its
  // audit entry in one transaction; kConflict when the complaint id is taken.
  // put_complaint replaces a complaint with its audit entry; `expected` is
  // the record the change was decided on (kConflict when the stored one
  // differs, kNotFound when there is none).
  virtual Result<WriteSummary> file_complaint(const IntakeBatch& batch,
                                              const IncidentUpdate& incidents,
                                              const Complaint& complaint,
                                              const AuditRecord& audit) = 0;
  virtual Result<std::optional<Complaint>> get_complaint(std::string_view id) const = 0;
  virtual Result<std::vector<Complaint>> find_complaints(const ComplaintQuery& query) const = 0;
  virtual Status put_complaint(const Complaint& complaint, const Complaint& expected,
                               const AuditRecord& audit) = 0;
  // Comments, evidence files and named persons of incidents (migration 8).
  // Each write appends `audit`, its "after" wrapped as {"id":N,"detail":...}
  // with the new row's id, in the same transaction, and anchors the note to
  // the incident's members (to the person's claim when it is one of them).
  // Reads list what shows on the incident: the notes anchored to its members
  // today, those written on its id and anchored in no incident, and, for an
  // id that is no longer an incident, everything written on it (migration 10).
  virtual Result<IncidentComment> add_comment(const IncidentComment& comment,
                                              const AuditRecord& audit) = 0;
  virtual Result<std::vector<IncidentComment>> comments_of(const IncidentId& incident) const = 0;
  // Stores `content` under attachment.sha256 unless those bytes are stored
  // already, and attaches it unless it is attached to the incident already;
  // nothing is written (and no audit entry) when both were there.
  virtual Result<EvidenceStored> add_evidence(const EvidenceAttachment& attachment,
                                              std::string_view content,
                                              const AuditRecord& audit) = 0;
  virtual Result<std::vector<EvidenceAttachment>> evidence_of(const IncidentId& incident) const = 0;
  virtual Result<std::optional<EvidenceFile>> evidence_file(std::string_view sha256) const = 0;
  // The incidents an attachment of the file shows on (by the rule above;
  // the id written on for an attachment anchored in no incident), by id.
  virtual Result<std::vector<IncidentId>> evidence_incidents(std::string_view sha256) const = 0;
  // A claim or document that is not stored is kInvalidInput.
  virtual Result<PersonRecord> add_person(const PersonRecord& person, const AuditRecord& audit) = 0;
  // Appends `audit` (the read) and reads the persons in one transaction:
  // no names are returned unless the read is on the log.
  virtual Result<std::vector<PersonRecord>> read_persons(const IncidentId& incident,
                                                         const AuditRecord& audit) = 0;
  // Whether anything of the above is stored under the incident id.
  virtual Result<bool> has_incident_notes(const IncidentId& incident) const = 0;

  // The registry's files, by name.
  virtual Result<std::vector<RegistryFile>> registry_files() const = 0;
  // Stores the files in one transaction: a new name is added at version 1, a
  // changed text replaces the old one and bumps its version, an unchanged one
  // is left alone. Returns how many were added or changed. A bundled file
  // never replaces a user file of the same name (kConflict), nor the reverse.
  virtual Result<int> put_registry_files(const std::vector<RegistryFile>& files) = 0;

  // How the store answers a query, for tests that prove the indexes are used
  // (SQLite: EXPLAIN QUERY PLAN text).
  virtual Result<std::string> explain_find_claims(const ClaimQuery& query) const = 0;
};

enum class OpenMode {
  kCreate,        // make a new database; kConflict if one exists at the location
  kOpenExisting,  // open and upgrade; kNotFound if absent
};

// Picks the backend from the location: "sqlite:PATH", "file:PATH" or a plain
// path is SQLite; ":memory:" is a private in-memory SQLite database. Opening
// an older schema upgrades it by the versioned migrations; a newer schema is
// refused with kIncompatible naming both versions.
Result<std::unique_ptr<Store>> open_store(std::string_view location, OpenMode mode);

// The highest schema version this build knows.
int latest_schema_version();

}  // namespace truce::storage
