#include "storage/sqlite/sqlite_store.hpp"

#include <filesystem>
#include <system_error>
#include <utility>

#include "core/vocabulary.hpp"
#include "storage/sqlite/detail/accounts.hpp"
#include "storage/sqlite/detail/audit_log.hpp"
#include "storage/sqlite/detail/batch_writer.hpp"
#include "storage/sqlite/detail/claim_query.hpp"
#include "storage/sqlite/detail/claim_summaries.hpp"
#include "storage/sqlite/detail/complaints.hpp"
#include "storage/sqlite/detail/connection.hpp"
#include "storage/sqlite/detail/incident_notes.hpp"
#include "storage/sqlite/detail/incident_records.hpp"
#include "storage/sqlite/detail/incident_summaries.hpp"
#include "storage/sqlite/detail/migrations.hpp"
#include "storage/sqlite/detail/record_reader.hpp"
#include "storage/sqlite/detail/registry_files.hpp"

namespace truce::storage::sqlite {
namespace {

using detail::Connection;
using detail::Transaction;
using detail::with_context;

constexpr std::string_view kMemory = ":memory:";

Error not_found(std::string_view kind, const std::string& id, std::string_view context) {
  return make_error(ErrorCode::kNotFound, std::string(kind) + " '" + id + "' is not stored",
                    std::string(context));
}

// Runs `read` in one read transaction, so a multi-statement read sees one
// snapshot even while another process writes.
template <typename Read>
auto in_snapshot(Connection& db, std::string_view context, Read&& read) -> decltype(read()) {
  auto transaction = Transaction::begin(db, Transaction::Kind::kRead);
  if (!transaction) {
    return with_context(std::move(transaction).error(), context);
  }
  auto result = read();
  auto ended = transaction->commit();  // a read-only COMMIT only ends the snapshot
  if (!result) {
    return with_context(std::move(result).error(), context);
  }
  if (!ended) {
    return with_context(ended.error(), context);
  }
  return result;
}

// Runs `write` in one write transaction, committed only when it succeeds.
template <typename Write>
auto in_write(Connection& db, std::string_view context, Write&& write) -> decltype(write()) {
  auto transaction = Transaction::begin(db, Transaction::Kind::kWrite);
  if (!transaction) {
    return with_context(std::move(transaction).error(), context);
  }
  auto result = write();
  if (!result) {
    static_cast<void>(transaction->rollback());
    return with_context(std::move(result).error(), context);
  }
  auto committed = transaction->commit();
  if (!committed) {
    return with_context(committed.error(), context);
  }
  return result;
}

std::string summary_json(const WriteSummary& summary) {
  return "{\"sources_added\":" + std::to_string(summary.sources_added) +
         ",\"sources_unchanged\":" + std::to_string(summary.sources_unchanged) +
         ",\"documents_added\":" + std::to_string(summary.documents_added) +
         ",\"documents_unchanged\":" + std::to_string(summary.documents_unchanged) +
         ",\"claims_added\":" + std::to_string(summary.claims_added) +
         ",\"claims_unchanged\":" + std::to_string(summary.claims_unchanged) + "}";
}

// The audit record of a new row: its "after" wrapped with the row's id.
AuditRecord with_row_id(const AuditRecord& audit, long long id) {
  AuditRecord record = audit;
  record.after = "{\"id\":" + std::to_string(id) + ",\"detail\":" + audit.after + "}";
  return record;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Connection db) : db_(std::move(db)) {}

  Result<WriteSummary> write(const IntakeBatch& batch, WriteMode mode,
                             const IncidentUpdate& incidents, const AuditRecord* audit) override {
    constexpr std::string_view kContext = "storage.sqlite: write batch";
    auto transaction = Transaction::begin(db_, Transaction::Kind::kWrite);
    if (!transaction) {
      return with_context(std::move(transaction).error(), kContext);
    }
    // Returns instead of assigning an Error to the Result: g++ 12 at -O3 takes
    // the assignment's move of the inactive alternative for a read of it.
    auto summary = [&]() -> Result<WriteSummary> {
      auto written = detail::write_batch(db_, batch);
      if (!written || incidents.empty()) {
        return written;
      }
      if (auto done = detail::write_incident_update(db_, incidents, detail::utc_now()); !done) {
        return done.error();
      }
      return written;
    }();
    if (summary && audit != nullptr && mode == WriteMode::kCommit) {
      AuditRecord record = *audit;
      record.after = "{\"summary\":" + summary_json(*summary) + ",\"detail\":" + audit->after + "}";
      if (auto appended = detail::append_audit_entry(db_, record); !appended) {
        return with_context(appended.error(), kContext);
      }
    }
    if (!summary || mode == WriteMode::kDryRun) {
      auto rolled_back = transaction->rollback();
      if (!summary) {
        Error error = std::move(summary).error();
        if (!rolled_back) {
          error.message += "; rolling back also failed: " + rolled_back.error().message;
        }
        return error;
      }
      if (!rolled_back) {
        return with_context(rolled_back.error(), kContext);
      }
      return summary;
    }
    auto committed = transaction->commit();
    if (!committed) {
      return with_context(committed.error(), kContext);
    }
    return summary;
  }

  Status record_decision(const Decision& decision, const IncidentUpdate& incidents) override {
    return in_write(db_, "storage.sqlite: record decision", [&]() -> Status {
      if (auto written = detail::write_decision(db_, decision); !written) {
        return written;
      }
      return detail::write_incident_update(db_, incidents, decision.at);
    });
  }

  Result<long long> next_decision_sequence() const override {
    return in_snapshot(db_, "storage.sqlite: next decision",
                       [&] { return detail::next_decision_sequence(db_); });
  }

  Result<std::vector<Decision>> decisions_about(const std::vector<ClaimId>& claims) const override {
    return in_snapshot(db_, "storage.sqlite: read decisions",
                       [&] { return detail::read_decisions_about(db_, claims); });
  }

  Result<std::vector<Incident>> find_incidents(const IncidentQuery& query) const override {
    return in_snapshot(db_, "storage.sqlite: find incidents",
                       [&] { return detail::read_incidents(db_, query); });
  }

  Result<long long> count_incidents() const override {
    return in_snapshot(db_, "storage.sqlite: count incidents",
                       [&] { return detail::count_incidents(db_); });
  }

  Result<Incident> get_incident(const IncidentId& id) const override {
    constexpr std::string_view kContext = "storage.sqlite: get incident";
    return required(in_snapshot(db_, kContext, [&] { return detail::read_incident(db_, id); }),
                    "incident", id.str(), kContext);
  }

  Result<std::vector<std::pair<ClaimId, IncidentId>>> incidents_of(
      const std::vector<ClaimId>& claims) const override {
    return in_snapshot(db_, "storage.sqlite: incidents of claims",
                       [&] { return detail::read_memberships(db_, claims, false); });
  }

  Result<std::vector<std::pair<ClaimId, IncidentId>>> incidents_linking(
      const std::vector<ClaimId>& claims) const override {
    return in_snapshot(db_, "storage.sqlite: incidents linking claims",
                       [&] { return detail::read_memberships(db_, claims, true); });
  }

  Result<std::vector<IncidentEvent>> incident_history(const IncidentId& id) const override {
    return in_snapshot(db_, "storage.sqlite: incident history",
                       [&] { return detail::read_incident_history(db_, id); });
  }

  Result<std::vector<IncidentId>> unsummarised_incidents(int limit) const override {
    return in_snapshot(db_, "storage.sqlite: unsummarised incidents",
                       [&] { return detail::read_unsummarised_incidents(db_, limit); });
  }

  Status put_incident_summaries(const std::vector<IncidentSummary>& summaries) override {
    return in_write(db_, "storage.sqlite: put incident summaries", [&] {
      return detail::write_incident_summaries(db_, summaries, detail::utc_now());
    });
  }

  // One statement is one snapshot: no transaction of its own, which a page
  // served many times a second would pay for twice.
  Result<std::vector<IncidentSummaryRow>> find_incident_summaries(
      const IncidentSummaryQuery& query) const override {
    if (query.limit < 0) {
      return make_error(ErrorCode::kInvalidInput, "a negative limit",
                        "storage.sqlite: find incident summaries");
    }
    auto rows = detail::read_incident_summaries(db_, query);
    if (!rows) {
      return with_context(std::move(rows).error(), "storage.sqlite: find incident summaries");
    }
    return rows;
  }

  Result<std::optional<IncidentSummaryRow>> get_incident_summary(const IncidentId& id,
                                                                 bool public_view) const override {
    auto row = detail::read_incident_summary(db_, id, public_view);
    if (!row) {
      return with_context(std::move(row).error(), "storage.sqlite: get incident summary");
    }
    return row;
  }

  Result<IncidentReview> incident_review(const IncidentId& id) const override {
    return in_snapshot(db_, "storage.sqlite: incident review",
                       [&] { return detail::read_incident_review(db_, id); });
  }

  Status put_incident_review(const IncidentReview& review, const IncidentReview& expected,
                             const AuditRecord& audit) override {
    constexpr std::string_view kContext = "storage.sqlite: put incident review";
    return in_write(db_, kContext, [&]() -> Status {
      auto stored = detail::read_incident_review(db_, review.incident);
      if (!stored) {
        return std::move(stored).error();
      }
      if (!(*stored == expected)) {
        return make_error(ErrorCode::kConflict,
                          "incident " + review.incident.str() +
                              " was reviewed by someone else meanwhile; read it again",
                          std::string(kContext));
      }
      if (auto done = detail::write_incident_review(db_, review); !done) {
        return done;
      }
      return detail::append_audit_entry(db_, audit);
    });
  }

  Result<std::vector<Claim>> find_claims(const ClaimQuery& query) const override {
    constexpr std::string_view kContext = "storage.sqlite: find claims";
    if (query.limit < 0 || query.offset < 0) {
      return make_error(ErrorCode::kInvalidInput,
                        "limit and offset must not be negative (limit " +
                            std::to_string(query.limit) + ", offset " +
                            std::to_string(query.offset) + ")",
                        std::string(kContext));
    }
    auto filter = detail::claim_filter(query);
    if (!filter) {
      return std::move(filter).error();
    }
    return in_snapshot(db_, kContext, [&]() -> Result<std::vector<Claim>> {
      auto statement = db_.statement(find_sql(*filter));
      if (!statement) {
        return std::move(statement).error();
      }
      int bound = detail::bind_filter(**statement, *filter);
      (*statement)->bind_int(bound + 1, query.limit);
      (*statement)->bind_int(bound + 2, query.offset);
      std::vector<Claim> claims;
      while (true) {
        auto row = (*statement)->step();
        if (!row) {
          return std::move(row).error();
        }
        if (!*row) {
          return claims;
        }
        auto claim = detail::read_claim_row(db_, **statement);
        if (!claim) {
          return std::move(claim).error();
        }
        claims.push_back(std::move(claim).value());
      }
    });
  }

  Result<long long> count_claims(const ClaimQuery& query) const override {
    constexpr std::string_view kContext = "storage.sqlite: count claims";
    auto filter = detail::claim_filter(query);
    if (!filter) {
      return std::move(filter).error();
    }
    auto statement = db_.statement("SELECT count(*) FROM claims AS c WHERE " + filter->where);
    if (!statement) {
      return with_context(std::move(statement).error(), kContext);
    }
    detail::bind_filter(**statement, *filter);
    auto row = (*statement)->step();
    if (!row) {
      return with_context(std::move(row).error(), kContext);
    }
    return (*statement)->int_at(0);
  }

  Result<Claim> get_claim(const ClaimId& id) const override {
    constexpr std::string_view kContext = "storage.sqlite: get claim";
    return required(in_snapshot(db_, kContext, [&] { return detail::read_claim(db_, id); }),
                    "claim", id.str(), kContext);
  }

  Result<Document> get_document(const DocumentId& id) const override {
    constexpr std::string_view kContext = "storage.sqlite: get document";
    return required(in_snapshot(db_, kContext, [&] { return detail::read_document(db_, id); }),
                    "document", id.str(), kContext);
  }

  Result<Source> get_source(const SourceId& id) const override {
    constexpr std::string_view kContext = "storage.sqlite: get source";
    auto source = detail::read_source(db_, id);
    if (!source) {
      return with_context(std::move(source).error(), kContext);
    }
    return required(std::move(source), "source", id.str(), kContext);
  }

  Result<std::vector<Source>> list_sources() const override {
    auto sources = detail::read_sources(db_);
    if (!sources) {
      return with_context(std::move(sources).error(), "storage.sqlite: list sources");
    }
    return sources;
  }

  Result<std::vector<Document>> list_documents() const override {
    return in_snapshot(db_, "storage.sqlite: list documents",
                       [&] { return detail::read_documents_without_text(db_); });
  }

  Result<StoreStats> stats() const override {
    return in_snapshot(db_, "storage.sqlite: stats", [&]() -> Result<StoreStats> {
      StoreStats stats;
      auto version = detail::schema_version(db_);
      if (!version) {
        return std::move(version).error();
      }
      stats.schema_version = *version;
      auto statement = db_.statement(
          "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM documents), "
          "(SELECT count(*) FROM claims), (SELECT min(start_key) FROM claims), "
          "(SELECT max(end_key) FROM claims)");
      if (!statement) {
        return std::move(statement).error();
      }
      auto row = (*statement)->step();
      if (!row) {
        return std::move(row).error();
      }
      stats.sources = (*statement)->int_at(0);
      stats.documents = (*statement)->int_at(1);
      stats.claims = (*statement)->int_at(2);
      if (!(*statement)->is_null(3)) {
        stats.first_event = (*statement)->text_at(3);
        stats.last_event = (*statement)->text_at(4);
      }
      return stats;
    });
  }

  Result<IncidentComment> add_comment(const IncidentComment& comment,
                                      const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: add comment", [&]() -> Result<IncidentComment> {
      auto id = detail::insert_comment(db_, comment);
      if (!id) {
        return std::move(id).error();
      }
      if (auto appended = detail::append_audit_entry(db_, with_row_id(audit, *id)); !appended) {
        return appended.error();
      }
      IncidentComment stored = comment;
      stored.id = *id;
      return stored;
    });
  }

  Result<std::vector<IncidentComment>> comments_of(const IncidentId& incident) const override {
    return in_snapshot(db_, "storage.sqlite: comments",
                       [&] { return detail::read_comments(db_, incident); });
  }

  Result<EvidenceStored> add_evidence(const EvidenceAttachment& attachment,
                                      std::string_view content, const AuditRecord& audit) override {
    constexpr std::string_view kContext = "storage.sqlite: add evidence";
    auto transaction = Transaction::begin(db_, Transaction::Kind::kWrite);
    if (!transaction) {
      return with_context(std::move(transaction).error(), kContext);
    }
    auto stored = detail::insert_evidence(db_, attachment, content);
    if (!stored) {
      return with_context(std::move(stored).error(), kContext);
    }
    if (!stored->attachment_added) {
      // Nothing new: no write, so no audit entry either.
      if (auto rolled_back = transaction->rollback(); !rolled_back) {
        return with_context(rolled_back.error(), kContext);
      }
      return stored;
    }
    if (auto appended = detail::append_audit_entry(db_, with_row_id(audit, stored->attachment.id));
        !appended) {
      return with_context(appended.error(), kContext);
    }
    if (auto committed = transaction->commit(); !committed) {
      return with_context(committed.error(), kContext);
    }
    return stored;
  }

  Result<std::vector<EvidenceAttachment>> evidence_of(const IncidentId& incident) const override {
    return in_snapshot(db_, "storage.sqlite: evidence",
                       [&] { return detail::read_evidence(db_, incident); });
  }

  Result<std::optional<EvidenceFile>> evidence_file(std::string_view sha256) const override {
    auto file = detail::read_evidence_file(db_, sha256);
    if (!file) {
      return with_context(std::move(file).error(), "storage.sqlite: evidence file");
    }
    return file;
  }

  Result<std::vector<IncidentId>> evidence_incidents(std::string_view sha256) const override {
    return in_snapshot(db_, "storage.sqlite: evidence incidents",
                       [&] { return detail::read_evidence_incidents(db_, sha256); });
  }

  Result<PersonRecord> add_person(const PersonRecord& person, const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: add person", [&]() -> Result<PersonRecord> {
      auto id = detail::insert_person(db_, person);
      if (!id) {
        return std::move(id).error();
      }
      if (auto appended = detail::append_audit_entry(db_, with_row_id(audit, *id)); !appended) {
        return appended.error();
      }
      PersonRecord stored = person;
      stored.id = *id;
      return stored;
    });
  }

  Result<std::vector<PersonRecord>> read_persons(const IncidentId& incident,
                                                 const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: read persons",
                    [&]() -> Result<std::vector<PersonRecord>> {
                      if (auto appended = detail::append_audit_entry(db_, audit); !appended) {
                        return appended.error();
                      }
                      return detail::read_persons(db_, incident);
                    });
  }

  Result<bool> has_incident_notes(const IncidentId& incident) const override {
    auto found = detail::has_incident_notes(db_, incident);
    if (!found) {
      return with_context(std::move(found).error(), "storage.sqlite: incident notes");
    }
    return found;
  }

  Result<std::vector<RegistryFile>> registry_files() const override {
    return in_snapshot(db_, "storage.sqlite: registry files",
                       [&] { return detail::read_registry_files(db_); });
  }

  Result<int> put_registry_files(const std::vector<RegistryFile>& files) override {
    constexpr std::string_view kContext = "storage.sqlite: put registry files";
    auto transaction = Transaction::begin(db_, Transaction::Kind::kWrite);
    if (!transaction) {
      return with_context(std::move(transaction).error(), kContext);
    }
    auto changed = detail::write_registry_files(db_, files);
    if (!changed || *changed == 0) {
      auto rolled_back = transaction->rollback();
      if (!changed) {
        return with_context(std::move(changed).error(), kContext);
      }
      if (!rolled_back) {
        return with_context(rolled_back.error(), kContext);
      }
      return changed;
    }
    auto committed = transaction->commit();
    if (!committed) {
      return with_context(committed.error(), kContext);
    }
    return changed;
  }

  // One statement, so one read transaction: health checks are frequent and
  // every read transaction costs file-lock and stat system calls. The
  // migration table exists in every store that opened.
  Status ping() const override {
    auto statement = db_.statement("SELECT max(version) FROM schema_migrations");
    if (!statement) {
      return with_context(std::move(statement).error(), "storage.sqlite: ping");
    }
    if (auto row = (*statement)->step(); !row) {
      return with_context(std::move(row).error(), "storage.sqlite: ping");
    }
    return Status::ok();
  }

  Result<std::vector<ClaimSummary>> find_claim_summaries(const ClaimQuery& query) const override {
    constexpr std::string_view kContext = "storage.sqlite: find claim summaries";
    if (query.limit < 0 || query.offset < 0) {
      return make_error(ErrorCode::kInvalidInput, "limit and offset must not be negative",
                        std::string(kContext));
    }
    auto filter = detail::claim_filter(query);
    if (!filter) {
      return std::move(filter).error();
    }
    return in_snapshot(db_, kContext, [&] {
      return detail::read_claim_summaries(db_, *filter, query.limit, query.offset);
    });
  }

  Result<std::vector<Document>> find_documents(const DocumentQuery& query) const override {
    if (query.limit < 0) {
      return make_error(ErrorCode::kInvalidInput, "limit must not be negative",
                        "storage.sqlite: find documents");
    }
    std::optional<std::string> source;
    if (query.source) {
      source = query.source->str();
    }
    return in_snapshot(db_, "storage.sqlite: find documents", [&] {
      return detail::read_documents_page(db_, source, query.after_id, query.limit);
    });
  }

  Result<std::vector<DailyCount>> daily_claim_counts(const ClaimQuery& query) const override {
    constexpr std::string_view kContext = "storage.sqlite: daily claim counts";
    auto filter = detail::claim_filter(query);
    if (!filter) {
      return std::move(filter).error();
    }
    auto statement = db_.statement(
        "SELECT substr(c.start_key, 1, 10) AS day, c.event_type, count(*) FROM claims AS c "
        "WHERE " +
        filter->where + " GROUP BY day, c.event_type ORDER BY day, c.event_type");
    if (!statement) {
      return with_context(std::move(statement).error(), kContext);
    }
    detail::bind_filter(**statement, *filter);
    std::vector<DailyCount> counts;
    while (true) {
      auto row = (*statement)->step();
      if (!row) {
        return with_context(std::move(row).error(), kContext);
      }
      if (!*row) {
        return counts;
      }
      auto type = parse_event_type((*statement)->text_at(1));
      if (!type) {
        return make_error(ErrorCode::kDataCorruption,
                          "database '" + db_.path() + "': claims.event_type '" +
                              (*statement)->text_at(1) + "' is not an event type",
                          std::string(kContext));
      }
      counts.push_back({(*statement)->text_at(0), *type, (*statement)->int_at(2)});
    }
  }

  Result<User> add_user(const User& user, const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: add user", [&]() -> Result<User> {
      auto added = detail::insert_user(db_, user);
      if (!added) {
        return added;
      }
      auto appended = detail::append_audit_entry(db_, audit);
      if (!appended) {
        return appended.error();
      }
      return added;
    });
  }

  Result<User> find_user(std::string_view name) const override {
    auto user = detail::read_user(db_, name);
    return required(std::move(user), "user", std::string(name), "storage.sqlite: find user");
  }

  Result<std::vector<User>> list_users() const override {
    auto users = detail::read_users(db_);
    if (!users) {
      return with_context(std::move(users).error(), "storage.sqlite: list users");
    }
    return users;
  }

  Status add_token(const TokenRecord& token, const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: add token", [&]() -> Status {
      if (auto inserted = detail::insert_token(db_, token); !inserted) {
        return inserted;
      }
      return detail::append_audit_entry(db_, audit);
    });
  }

  Result<std::pair<TokenRecord, User>> find_token(std::string_view token_hash) const override {
    auto found = detail::read_token(db_, token_hash);
    return required(std::move(found), "token", "(hidden)", "storage.sqlite: find token");
  }

  Status revoke_token(std::string_view token_hash, std::string_view at,
                      const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: revoke token", [&]() -> Status {
      auto changed = detail::mark_token_revoked(db_, token_hash, at);
      if (!changed) {
        return std::move(changed).error();
      }
      if (*changed == 0) {
        return not_found("live token", "(hidden)", "storage.sqlite: revoke token");
      }
      return detail::append_audit_entry(db_, audit);
    });
  }

  Status append_audit(const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: append audit",
                    [&] { return detail::append_audit_entry(db_, audit); });
  }

  Result<std::vector<AuditEntry>> audit_entries(long long after_seq, int limit) const override {
    return in_snapshot(db_, "storage.sqlite: audit entries",
                       [&] { return detail::read_audit_entries(db_, after_seq, limit); });
  }

  Result<AuditCheck> verify_audit() const override {
    return in_snapshot(db_, "storage.sqlite: verify audit",
                       [&] { return detail::check_audit_chain(db_); });
  }

  Result<WriteSummary> file_complaint(const IntakeBatch& batch, const IncidentUpdate& incidents,
                                      const Complaint& complaint,
                                      const AuditRecord& audit) override {
    return in_write(db_, "storage.sqlite: file complaint", [&] {
      return detail::write_complaint(db_, batch, incidents, complaint, audit);
    });
  }

  Result<std::optional<Complaint>> get_complaint(std::string_view id) const override {
    auto found = detail::read_complaint(db_, id);
    if (!found) {
      return with_context(std::move(found).error(), "storage.sqlite: get complaint");
    }
    return found;
  }

  Result<std::vector<Complaint>> find_complaints(const ComplaintQuery& query) const override {
    if (query.limit < 0) {
      return make_error(ErrorCode::kInvalidInput, "a negative limit",
                        "storage.sqlite: find complaints");
    }
    auto found = detail::read_complaints(db_, query);
    if (!found) {
      return with_context(std::move(found).error(), "storage.sqlite: find complaints");
    }
    return found;
  }

  Status put_complaint(const Complaint& complaint, const Complaint& expected,
                       const AuditRecord& audit) override {
    constexpr std::string_view kContext = "storage.sqlite: put complaint";
    return in_write(db_, kContext, [&]() -> Status {
      auto stored = detail::read_complaint(db_, complaint.id);
      if (!stored) {
        return std::move(stored).error();
      }
      if (!*stored) {
        return not_found("complaint", complaint.id, kContext);
      }
      if (!(**stored == expected)) {
        return make_error(
            ErrorCode::kConflict,
            "complaint " + complaint.id + " was changed by someone else meanwhile; read it again",
            std::string(kContext));
      }
      if (auto done = detail::update_complaint(db_, complaint); !done) {
        return done;
      }
      return detail::append_audit_entry(db_, audit);
    });
  }

  Result<std::string> explain_find_claims(const ClaimQuery& query) const override {
    constexpr std::string_view kContext = "storage.sqlite: explain find claims";
    auto filter = detail::claim_filter(query);
    if (!filter) {
      return std::move(filter).error();
    }
    auto statement = db_.statement("EXPLAIN QUERY PLAN " + find_sql(*filter));
    if (!statement) {
      return with_context(std::move(statement).error(), kContext);
    }
    int bound = detail::bind_filter(**statement, *filter);
    (*statement)->bind_int(bound + 1, query.limit);
    (*statement)->bind_int(bound + 2, query.offset);
    // Rows are (id, parent, notused, detail); indent each detail under its parent.
    std::string plan;
    std::vector<std::pair<long long, int>> depth_of;  // plan node id -> depth
    while (true) {
      auto row = (*statement)->step();
      if (!row) {
        return with_context(std::move(row).error(), kContext);
      }
      if (!*row) {
        return plan;
      }
      long long id = (*statement)->int_at(0);
      long long parent = (*statement)->int_at(1);
      int depth = 0;
      for (const auto& [node, node_depth] : depth_of) {
        if (node == parent) {
          depth = node_depth + 1;
        }
      }
      depth_of.emplace_back(id, depth);
      plan +=
          std::string(static_cast<std::size_t>(depth) * 2, ' ') + (*statement)->text_at(3) + "\n";
    }
  }

 private:
  static std::string find_sql(const detail::ClaimFilter& filter) {
    int parameters = static_cast<int>(filter.parameters.size());
    return "SELECT " + std::string(detail::kClaimColumns) + " FROM claims AS c WHERE " +
           filter.where + " ORDER BY c.start_key, c.id LIMIT ?" + std::to_string(parameters + 1) +
           " OFFSET ?" + std::to_string(parameters + 2);
  }

  // kNotFound for an absent record; other errors pass through.
  template <typename Record>
  static Result<Record> required(Result<std::optional<Record>> found, std::string_view kind,
                                 const std::string& id, std::string_view context) {
    if (!found) {
      return std::move(found).error();
    }
    if (!*found) {
      return not_found(kind, id, context);
    }
    return std::move(**found);
  }

  // Reads use the statement cache, which is state of the connection, not of
  // the stored data; hence mutable behind the const interface.
  mutable Connection db_;
};

// The first read of a file tells whether it is a SQLite database at all.
Status check_readable(Connection& db) {
  auto statement = db.statement("SELECT count(*) FROM sqlite_schema");
  if (!statement) {
    return statement.error();
  }
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  return Status::ok();
}

// foreign_keys is per connection; synchronous=FULL in WAL mode syncs the WAL
// at every commit, which is what makes an acknowledged write survive kill -9
// and power loss alike. Reads go through a memory map of the file and a page
// cache of 32 MiB per connection: with SQLite's defaults (no map, 2 MiB) a
// page of 100 claims from a store of 100,000 spent most of its time copying
// pages in pread() (measured by bench/http; see RESULTS.md). Writes still go
// through the WAL, so durability is unchanged.
Status configure(Connection& db, bool in_memory) {
  auto pragmas = db.exec(
      "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768; "
      "PRAGMA mmap_size = 1073741824");
  if (!pragmas || in_memory) {
    return pragmas;
  }
  auto statement = db.statement("PRAGMA journal_mode = WAL");
  if (!statement) {
    return statement.error();
  }
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (!*row || (*statement)->text_at(0) != "wal") {
    return make_error(
        ErrorCode::kUnavailable,
        "database '" + db.path() + "' cannot use write-ahead logging (journal mode stays '" +
            (*row ? (*statement)->text_at(0) : std::string()) + "'); put it on a local file system",
        "storage.sqlite: open");
  }
  return Status::ok();
}

Status check_is_truce_database(Connection& db) {
  auto has_table = detail::has_migration_table(db);
  if (!has_table) {
    return std::move(has_table).error();
  }
  if (!*has_table) {
    return make_error(ErrorCode::kIncompatible,
                      "'" + db.path() +
                          "' is a SQLite database but not a truce database (it has no "
                          "schema_migrations table); give the path of a truce database or "
                          "create a new one",
                      "storage.sqlite: open");
  }
  return Status::ok();
}

Result<Connection> open_connection(const std::string& path, OpenMode mode) {
  if (path == kMemory) {
    return Connection::open(path, true);
  }
  std::error_code ignored;  // an unreadable directory reads as "absent"; open says why
  bool exists = std::filesystem::exists(path, ignored);
  if (mode == OpenMode::kCreate && exists) {
    return make_error(ErrorCode::kConflict,
                      "cannot create database '" + path +
                          "': a file already exists there; open it instead or choose a new path",
                      "storage.sqlite: open");
  }
  if (mode == OpenMode::kOpenExisting && !exists) {
    return make_error(ErrorCode::kNotFound,
                      "database '" + path + "' does not exist; create it first",
                      "storage.sqlite: open");
  }
  return Connection::open(path, mode == OpenMode::kCreate);
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, OpenMode mode) {
  auto db = open_connection(path, mode);
  if (!db) {
    return std::move(db).error();
  }
  bool in_memory = path == kMemory;
  bool fresh = in_memory || mode == OpenMode::kCreate;
  // Identify the file before configuring it: switching a foreign file to WAL
  // would already change it.
  Status ready = check_readable(*db);
  if (ready && !fresh) {
    ready = check_is_truce_database(*db);
  }
  if (ready) {
    ready = configure(*db, in_memory);
  }
  if (ready) {
    ready = detail::migrate(*db, detail::bundled_migrations());
  }
  if (!ready) {
    return with_context(ready.error(), "storage.sqlite: open");
  }
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db).value()));
}

}  // namespace truce::storage::sqlite
