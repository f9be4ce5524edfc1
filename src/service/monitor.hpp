// The one facade every front end uses (the CLI now, HTTP later): open a
// store, ingest files, query and export. Front ends parse arguments, call
// this, and format results; no business logic lives in them.
//
// Thread-safety: one Monitor per thread (it owns one Store).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assess/alerts.hpp"
#include "assess/assessment.hpp"
#include "assess/coverage.hpp"
#include "assess/registry.hpp"
#include "core/access.hpp"
#include "core/batch.hpp"
#include "core/result.hpp"
#include "ingest/intake.hpp"
#include "report/incident.hpp"
#include "report/picture.hpp"
#include "service/accounts.hpp"
#include "service/complaints.hpp"
#include "service/incident_facts.hpp"
#include "service/incidents.hpp"
#include "service/reading.hpp"
#include "storage/store.hpp"

namespace truce::service {

struct IngestOptions {
  ingest::InputFormat format = ingest::InputFormat::kAuto;
  bool dry_run = false;                // validate and check against the store, write nothing
  std::optional<CivilTime> published;  // texts: the publication date, anchor of relative dates
  std::string source;                  // texts: the source id; derived from the publisher if empty
};

// What `truce agreements load` did.
struct RegistryLoad {
  std::vector<std::string> names;  // as stored: "agreements/x.json"
  int changed = 0;                 // added or replaced; 0 when all were stored already
  bool dry_run = false;
};

// `truce coverage`: a line's coverage and, with facts, each incident's nearest post.
struct CoverageReport {
  assess::LineCoverage line;
  std::vector<assess::NearestPost> incidents;
};

// An analyst's correction of the incidents (docs/fusion.md, "Analyst decisions").
struct DecisionRequest {
  DecisionKind kind = DecisionKind::kMerge;
  IncidentId incident;
  std::optional<IncidentId> other;  // merge: the incident merged into `incident`
  std::vector<ClaimId> claims;      // split: the claims that form a new incident;
                                    // attach, detach: the one claim
  std::string by;                   // who decides (required)
  std::string reason;               // why (required)
};

// The steps of joint verification (docs/api.md, "Joint verification").
enum class ReviewStep { kPublish, kUnpublish, kOpen, kSignOff };

struct ReviewRequest {
  ReviewStep step = ReviewStep::kOpen;
  IncidentId incident;
  std::optional<std::string> agreement;  // kOpen: the mechanism, when several apply
  std::optional<std::string> provision;
  std::string verdict;  // kSignOff: verified, refuted
  std::string note;
  std::string by;                          // user name (audit actor "user:NAME"), or "cli"
  Role role = Role::kOperator;             // kSignOff: must be a monitor
  std::optional<std::string> affiliation;  // kSignOff: the member the monitor signs for
};

// A page of stored incidents' assessments (GET /api/v1/assessments).
struct AssessmentQuery {
  storage::IncidentSummaryQuery incidents;  // filters, visibility, position and page size
  std::optional<std::string> agreement;     // only incidents it applies or may apply to
  // Only this worst verdict: of `agreement`'s provisions when it is given,
  // else of the whole assessment.
  std::optional<assess::Verdict> verdict;
};

struct AssessmentPage {
  std::vector<assess::IncidentAssessment> assessments;
  std::optional<storage::IncidentCursor> next;  // the last one's position when more follow
};

// Alerts of stored incidents (GET /api/v1/alerts). The incidents counted are
// chosen first (the escalation test needs their whole history); the alerts
// are then kept by day and kind.
struct AlertQuery {
  bool published_only = false;
  std::optional<std::string> theatre;    // incidents the incident filter `theatre` finds
  std::optional<std::string> agreement;  // incidents it applies or may apply to
  std::optional<std::string> since;      // alert days YYYY-MM-DD, inclusive
  std::optional<std::string> until;
  std::optional<std::string> kind;  // escalation, corridor, death, capture
};

// Comments, evidence files and named persons of an incident
// (service/incident_notes.cpp, docs/api.md "Comments, evidence and personal
// names"). `author` is who is stored as having written (a user name, or what
// --by says on the command line); `actor` is the audit log's actor.
inline constexpr std::size_t kMaxCommentBytes = 8000;
inline constexpr std::size_t kMaxPersonNameBytes = 200;
inline constexpr std::size_t kDefaultMaxEvidenceBytes = std::size_t{32} << 20U;

struct NewComment {
  IncidentId incident;
  std::string text;
  std::string author;
  std::string actor;
};

struct NewEvidence {
  IncidentId incident;
  std::string name;        // what the file is called (1-200 bytes, one line)
  std::string media_type;  // "type/subtype", parameters allowed; empty: application/octet-stream
  std::string author;
  std::string actor;
  std::size_t max_bytes = kDefaultMaxEvidenceBytes;
};

struct NewPerson {
  IncidentId incident;
  std::string name;
  std::string status;  // killed, wounded, captured, missing
  std::string side;    // "PARTY" (its combatants), "civilians" or "civilians:PARTY"
  std::optional<ClaimId> claim;
  std::optional<DocumentId> document;
  std::optional<TextSpan> span;  // needs the document
  std::string author;
  std::string actor;
};

// Who downloads an evidence file: through one incident (the file must show
// on it) or through any, and whether incidents that are not published are
// theirs to see. A file is served only through an incident the reader sees.
struct EvidenceReader {
  std::optional<IncidentId> incident;
  bool sees_unpublished = true;
};

class Monitor final {
 public:
  // kNotFound (with a hint to run `truce init`) when kOpenExisting finds no database.
  static Result<Monitor> open(const std::string& location, storage::OpenMode mode);

  // Each file is its own transaction: one rejected file does not stop the others.
  std::vector<report::FileOutcome> ingest(const std::vector<std::filesystem::path>& files,
                                          const IngestOptions& options);

  // One text held in memory (an HTTP request body); `name` stands for the
  // file in messages. The write and its audit entry (`actor`) are one transaction.
  report::FileOutcome ingest_text(std::string_view content, const std::string& name,
                                  const IngestOptions& options, std::string_view actor);

  Result<std::vector<Claim>> claims(const storage::ClaimQuery& query) const;
  Result<long long> count_claims(const storage::ClaimQuery& query) const;
  Result<std::vector<storage::ClaimSummary>> claim_summaries(
      const storage::ClaimQuery& query) const;
  Result<report::ClaimRecord> claim(const ClaimId& id) const;
  Result<Document> document(const DocumentId& id) const;
  Result<Source> source(const SourceId& id) const;
  Result<std::vector<Source>> sources() const;
  Result<std::vector<Document>> documents() const;
  Result<std::vector<Document>> documents_page(const storage::DocumentQuery& query) const;
  Result<std::vector<storage::DailyCount>> daily_counts(const storage::ClaimQuery& query) const;
  // Whether the store answers (a read of its statistics).
  Status ping() const;

  // Texts are read with `reader` instead of loading one (a Reader is cheap to
  // copy and may be shared by threads).
  void share_reader(const Reader& reader) { reader_ = reader; }

  // Users, tokens and the audit log of this monitor's store.
  Accounts accounts() { return Accounts(*store_); }

  // The claims matching `query` with every document (with text) and source
  // they refer to: what `truce export` writes and `truce ingest` reads back.
  Result<IntakeBatch> export_batch(const storage::ClaimQuery& query) const;

  // The monitoring picture: counts, activity by source, the latest claims.
  Result<report::Picture> picture(int latest_claims) const;

  // The agreement registry: the bundled agreements (registered on open) and
  // any loaded by users, with their geography.
  Result<assess::Registry> registry() const;
  Result<std::vector<storage::RegistryFile>> registry_files() const;
  // Agreement (.json) and geography (.geojson) files: each is checked with
  // every other file of the registry and all are stored in one transaction,
  // or none is (kInvalidInput naming the file and feature or provision).
  Result<RegistryLoad> load_registry_files(const std::vector<std::filesystem::path>& files,
                                           bool dry_run);

  // Incident facts from a file (docs/formats/incident-facts.md): their
  // assessment, coverage and alerts, for incidents not stored.
  Result<std::vector<assess::IncidentFacts>> read_facts(const std::filesystem::path& file);
  Result<std::vector<assess::IncidentAssessment>> assess_facts(
      const std::vector<assess::IncidentFacts>& facts) const;
  Result<CoverageReport> coverage(const std::string& line, const std::vector<std::string>& posts,
                                  const CivilTime& day,
                                  const std::vector<assess::IncidentFacts>& facts) const;
  // Settings from share/truce/assessment/alerts.json.
  Result<std::vector<assess::Alert>> alerts(const std::vector<assess::IncidentFacts>& facts);

  // Stored incidents as assessments see them (service/incident_facts.hpp),
  // computed from the incident, its claims and the data files whenever asked,
  // so they follow every ingest, decision and `truce agreements load`.
  Result<assess::IncidentFacts> incident_facts(const IncidentId& id);
  // Every stored incident matching `query`, all of them when `query.limit` is 0.
  Result<std::vector<assess::IncidentFacts>> stored_incident_facts(
      const storage::IncidentQuery& query);
  // One stored incident against the registry (GET /incidents/{id}/assessment).
  Result<assess::IncidentAssessment> incident_assessment(const IncidentId& id);
  // The stored incidents matching `query` (all when `query.limit` is 0), in
  // the order of `truce incidents`.
  Result<std::vector<assess::IncidentAssessment>> assess_incidents(
      const storage::IncidentQuery& query);
  // Alerts over every stored incident (`truce alerts`).
  Result<std::vector<assess::Alert>> stored_alerts();
  // Assessments and alerts of the stored incidents a query selects, in the
  // incidents' stable order (service/assessment_views.cpp); kInvalidInput
  // (context: the parameter) for an agreement that is not in the registry.
  Result<AssessmentPage> assessment_page(const AssessmentQuery& query);
  Result<std::vector<assess::Alert>> stored_alerts(const AlertQuery& query);

  // Incidents with their reconciled figures and grades, and the headline totals.
  Result<report::IncidentList> incidents(const storage::IncidentQuery& query);
  // One incident with its claims, figures, grades, links, history,
  // decisions and its assessment against the agreements; kNotFound names the id.
  Result<report::IncidentRecord> incident(const IncidentId& id);
  // Records the decision (who, when, why) and regroups the claims it touches
  // in the same transaction. kInvalidInput names what is wrong with the
  // request (an unknown claim, a claim not in the incident...); kNotFound an
  // unknown incident.
  Result<report::DecisionOutcome> decide(const DecisionRequest& request);

  // Incident summaries (service/incident_views.cpp): every incident without
  // one is summarised (grades, figures, box, actors, theatres) and stored.
  // Runs after every write that changes incidents and on open.
  Status refresh_incident_summaries();
  // A page of incident summaries in the stable order (start, then id).
  Result<std::vector<storage::IncidentSummaryRow>> incident_summaries(
      const storage::IncidentSummaryQuery& query) const;
  Result<std::optional<storage::IncidentSummaryRow>> incident_summary(const IncidentId& id,
                                                                      bool public_view) const;
  // The review of an incident and the mechanisms that could verify it.
  Result<report::Verification> incident_review(const IncidentId& id);
  // Publishes, unpublishes, opens a review or signs off, with its audit entry.
  // kNotFound for an unknown incident; kInvalidInput for a step that the
  // state or the mechanism does not allow, or a monitor who is not
  // affiliated to a member of the mechanism; kConflict for a member that
  // has signed already or a concurrent change.
  Result<report::Verification> review_incident(const ReviewRequest& request);
  // Puts a read of restricted records (claims that may name people) on the
  // audit log.
  Status audit_read(const std::string& actor, const std::string& action, const std::string& target);

  // Complaints (service/complaints.cpp). Filing reads the body as a claim of
  // the JSON report format (kInvalidInput naming "body:/POINTER" and the
  // field), stores it as a claim of the party's complaints source, its
  // incident changes, the complaint and the audit entry in one transaction;
  // kInvalidInput with context kClaimantMismatch for another party's
  // claimant; kConflict when the same claim was filed before.
  Result<ComplaintView> file_complaint(const ComplaintFiling& filing);
  // A page in the stable order (filing time, then id). A liaison reader is
  // held to its party (kInvalidInput, context kForeignParty, when `query`
  // names another).
  Result<std::vector<Complaint>> complaints(storage::ComplaintQuery query,
                                            const ComplaintReader& reader);
  // kNotFound for an unknown id and for another party's complaint.
  Result<ComplaintView> complaint(const std::string& id, const ComplaintReader& reader);
  // Opens the review of a filed complaint, or records the finding of one
  // under review, with its audit entry. kConflict with context
  // kInvalidTransition for a step the state does not allow; kInvalidInput
  // for a missing or unknown outcome or an empty finding.
  Result<ComplaintView> advance_complaint(const ComplaintStepRequest& request);
  // Comments, evidence files and named persons of an incident. Writes: the
  // incident must be stored (kNotFound), the input well formed
  // (kInvalidInput, never quoting a person's name), and the write goes with
  // its audit entry, anchored to the incident's claims so that it follows
  // them through merges, splits and re-clustering. Reads list what shows on
  // the incident (docs/api.md, "Which incident a note shows on"); kNotFound
  // when the incident is not stored and nothing is kept under its id.
  Result<IncidentComment> add_comment(const NewComment& comment);
  Result<std::vector<IncidentComment>> comments(const IncidentId& incident) const;
  // Content over max_bytes is kInvalidInput and nothing is written.
  Result<EvidenceStored> add_evidence(const NewEvidence& evidence, std::string_view content);
  Result<std::vector<EvidenceAttachment>> evidence(const IncidentId& incident) const;
  // kNotFound, with the same message, for an unknown hash and for a file
  // that shows on no incident `reader` sees (or not on reader.incident);
  // kDataCorruption when the stored bytes no longer have their hash or size.
  Result<EvidenceFile> evidence_file(const std::string& sha256, const EvidenceReader& reader) const;
  Result<PersonRecord> add_person(const NewPerson& person);
  // Every read is an audit entry ("persons.read": who read which incident's names).
  Result<std::vector<PersonRecord>> persons(const IncidentId& incident, const std::string& actor);

  const std::string& location() const { return location_; }

 private:
  Monitor(std::string location, std::unique_ptr<storage::Store> store);

  report::FileOutcome ingest_one(const std::filesystem::path& file, const IngestOptions& options);
  // Reads texts, drops stored references and writes; `actor` audits the write.
  void store_intake(ingest::Intake& intake, const IngestOptions& options,
                    report::FileOutcome& outcome, const std::string* actor);

  // Texts need the extractor's data; it is loaded on the first text only.
  Result<const Reader*> reader();
  // Fusion's data, loaded on first use.
  Result<const FusionData*> fusion_data();
  // Place precision and alert settings, loaded on first use.
  Result<const AssessmentData*> assessment_data();
  Result<std::vector<Incident>> stored_incidents(const storage::IncidentQuery& query) const;
  // `with_texts`: whether the members' documents keep their texts, for views
  // that quote them; summaries, facts and assessments need none, and a long
  // document copied into each of hundreds of members held gigabytes.
  Result<report::IncidentRecord> incident_record(const Incident& incident, bool with_history,
                                                 bool with_texts = true);

  std::string location_;
  std::unique_ptr<storage::Store> store_;
  std::optional<Reader> reader_;
  std::optional<FusionData> fusion_;
  std::optional<AssessmentData> assessment_;
};

}  // namespace truce::service
