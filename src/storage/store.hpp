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
#include <vector>

#include "core/batch.hpp"
#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/geo.hpp"
#include "core/incident.hpp"
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
  int limit = 1000;  // at most this many, ordered by time start, then id
  int offset = 0;
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

class Store {
 public:
  virtual ~Store() = default;

  // Writes the batch and the incident changes it causes in one transaction.
  // Records already stored with the same id are counted as unchanged. A source
  // id stored with different attributes is kConflict; a claim or document
  // referring to an unknown source or document is kInvalidInput; an incident
  // member that is not a stored claim is kInvalidInput. On any error nothing
  // is written.
  virtual Result<WriteSummary> write(const IntakeBatch& batch, WriteMode mode,
                                     const IncidentUpdate& incidents) = 0;
  Result<WriteSummary> write(const IntakeBatch& batch, WriteMode mode) {
    return write(batch, mode, IncidentUpdate{});
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

  virtual Result<std::vector<Claim>> find_claims(const ClaimQuery& query) const = 0;
  virtual Result<long long> count_claims(const ClaimQuery& query) const = 0;
  virtual Result<Claim> get_claim(const ClaimId& id) const = 0;           // kNotFound if absent
  virtual Result<Document> get_document(const DocumentId& id) const = 0;  // kNotFound if absent
  virtual Result<Source> get_source(const SourceId& id) const = 0;        // kNotFound if absent
  virtual Result<std::vector<Source>> list_sources() const = 0;
  virtual Result<std::vector<Document>> list_documents() const = 0;  // without text
  virtual Result<StoreStats> stats() const = 0;

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
