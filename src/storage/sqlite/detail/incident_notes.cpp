#include "storage/sqlite/detail/incident_notes.hpp"

#include <cstdint>

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kContext = "storage.sqlite: incident notes";

constexpr std::string_view kEvidenceColumns =
    "a.attachment_id, a.incident_id, a.sha256, a.name, f.media_type, f.size, a.added_by, "
    "a.added_at FROM incident_evidence AS a JOIN evidence_files AS f ON f.sha256 = a.sha256";

EvidenceAttachment evidence_row(Statement& row) {
  return {row.int_at(0),  IncidentId(row.text_at(1)),
          row.text_at(2), row.text_at(3),
          row.text_at(4), row.int_at(5),
          row.text_at(6), row.text_at(7)};
}

// Every row of `statement` read by `read_row`.
template <typename Row, typename ReadRow>
Result<std::vector<Row>> all_rows(StatementLease& statement, ReadRow&& read_row) {
  std::vector<Row> rows;
  while (true) {
    auto row = statement->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      return rows;
    }
    rows.push_back(read_row(*statement));
  }
}

// Which notes of a kind show on incident ?1 (docs/api.md, "Which incident a
// note shows on"): those with an anchor among its members today, and those
// written on ?1 that show nowhere else (none of their anchors is in an
// incident) or that ?1 is no longer an incident to show.
std::string shown_on(std::string_view kind, std::string_view table, std::string_view key) {
  const std::string anchored =
      "(SELECT na.note_id FROM incident_members AS nm "
      "JOIN incident_note_anchors AS na ON na.claim_id = nm.claim_id "
      "AND na.kind = '" +
      std::string(kind) + "' WHERE nm.incident_id = ?1)";
  const std::string placed =
      "(SELECT 1 FROM incident_note_anchors AS na JOIN incident_members AS nm "
      "ON nm.claim_id = na.claim_id WHERE na.kind = '" +
      std::string(kind) + "' AND na.note_id = " + std::string(table) + "." + std::string(key) + ")";
  return " WHERE " + std::string(table) + "." + std::string(key) + " IN " + anchored + " OR (" +
         std::string(table) +
         ".incident_id = ?1 AND (NOT EXISTS (SELECT 1 FROM incidents WHERE id = ?1) OR NOT "
         "EXISTS " +
         placed + "))";
}

// Anchors a note just written on `incident` to the incident's members, or,
// when `claim` is one of them, to that claim alone.
Status anchor_note(Connection& db, std::string_view kind, long long note_id,
                   const IncidentId& incident, const std::optional<ClaimId>& claim) {
  return run_statement(
      db,
      "INSERT INTO incident_note_anchors (kind, note_id, claim_id) "
      "SELECT ?1, ?2, claim_id FROM incident_members WHERE incident_id = ?3 AND (?4 IS NULL OR "
      "claim_id = ?4 OR NOT EXISTS (SELECT 1 FROM incident_members WHERE incident_id = ?3 AND "
      "claim_id = ?4))",
      [&](Statement& s) {
        s.bind_text(1, kind);
        s.bind_int(2, note_id);
        s.bind_text(3, incident.str());
        claim ? s.bind_text(4, claim->str()) : s.bind_null(4);
      });
}

Result<bool> exists(Connection& db, std::string_view sql, std::string_view id) {
  auto statement = db.statement(sql);
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, id);
  return (*statement)->step();
}

}  // namespace

Result<long long> insert_comment(Connection& db, const IncidentComment& comment) {
  auto ran = run_statement(db,
                           "INSERT INTO incident_comments (incident_id, author, created_at, body) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           [&](Statement& s) {
                             s.bind_text(1, comment.incident.str());
                             s.bind_text(2, comment.author);
                             s.bind_text(3, comment.created_at);
                             s.bind_text(4, comment.text);
                           });
  if (!ran) {
    return ran.error();
  }
  const long long id = db.last_insert_rowid();
  if (auto anchored = anchor_note(db, "comment", id, comment.incident, std::nullopt); !anchored) {
    return anchored.error();
  }
  return id;
}

Result<std::vector<IncidentComment>> read_comments(Connection& db, const IncidentId& incident) {
  auto statement = db.statement(
      "SELECT comment_id, incident_id, author, created_at, body FROM incident_comments" +
      shown_on("comment", "incident_comments", "comment_id") + " ORDER BY comment_id");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, incident.str());
  return all_rows<IncidentComment>(*statement, [](Statement& row) {
    return IncidentComment{row.int_at(0), IncidentId(row.text_at(1)), row.text_at(2),
                           row.text_at(3), row.text_at(4)};
  });
}

Result<EvidenceStored> insert_evidence(Connection& db, const EvidenceAttachment& attachment,
                                       std::string_view content) {
  EvidenceStored stored;
  auto file =
      run_statement(db,
                    "INSERT INTO evidence_files (sha256, media_type, size, content, "
                    "stored_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING",
                    [&](Statement& s) {
                      s.bind_text(1, attachment.sha256);
                      s.bind_text(2, attachment.media_type);
                      s.bind_int(3, static_cast<long long>(content.size()));
                      s.bind_blob(4, content);
                      s.bind_text(5, attachment.added_at);
                    });
  if (!file) {
    return file.error();
  }
  stored.file_added = db.changes() > 0;
  auto attach =
      run_statement(db,
                    "INSERT INTO incident_evidence (incident_id, sha256, name, added_by, added_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (incident_id, sha256) DO NOTHING",
                    [&](Statement& s) {
                      s.bind_text(1, attachment.incident.str());
                      s.bind_text(2, attachment.sha256);
                      s.bind_text(3, attachment.name);
                      s.bind_text(4, attachment.added_by);
                      s.bind_text(5, attachment.added_at);
                    });
  if (!attach) {
    return attach.error();
  }
  stored.attachment_added = db.changes() > 0;
  if (stored.attachment_added) {
    if (auto anchored =
            anchor_note(db, "evidence", db.last_insert_rowid(), attachment.incident, std::nullopt);
        !anchored) {
      return anchored.error();
    }
  }
  auto row = db.statement("SELECT " + std::string(kEvidenceColumns) +
                          " WHERE a.incident_id = ?1 AND a.sha256 = ?2");
  if (!row) {
    return std::move(row).error();
  }
  (*row)->bind_text(1, attachment.incident.str());
  (*row)->bind_text(2, attachment.sha256);
  auto found = (*row)->step();
  if (!found) {
    return std::move(found).error();
  }
  if (!*found) {
    return make_error(ErrorCode::kInternal, "an attachment just written is not there",
                      std::string(kContext));
  }
  stored.attachment = evidence_row(**row);
  return stored;
}

Result<std::vector<EvidenceAttachment>> read_evidence(Connection& db, const IncidentId& incident) {
  auto statement =
      db.statement("SELECT " + std::string(kEvidenceColumns) +
                   shown_on("evidence", "a", "attachment_id") + " ORDER BY a.attachment_id");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, incident.str());
  return all_rows<EvidenceAttachment>(*statement, evidence_row);
}

Result<std::optional<EvidenceFile>> read_evidence_file(Connection& db, std::string_view sha256) {
  auto statement = db.statement(
      "SELECT sha256, media_type, size, content FROM evidence_files WHERE sha256 = ?1");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, sha256);
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (!*row) {
    return std::optional<EvidenceFile>();
  }
  return std::optional<EvidenceFile>(EvidenceFile{(*statement)->text_at(0),
                                                  (*statement)->text_at(1), (*statement)->int_at(2),
                                                  (*statement)->blob_at(3)});
}

Result<long long> insert_person(Connection& db, const PersonRecord& person) {
  if (person.claim) {
    auto found = exists(db, "SELECT 1 FROM claims WHERE id = ?1", person.claim->str());
    if (!found) {
      return std::move(found).error();
    }
    if (!*found) {
      return make_error(ErrorCode::kInvalidInput,
                        "claim '" + person.claim->str() + "' is not stored", std::string(kContext));
    }
  }
  if (person.document) {
    auto found = exists(db, "SELECT 1 FROM documents WHERE id = ?1", person.document->str());
    if (!found) {
      return std::move(found).error();
    }
    if (!*found) {
      return make_error(ErrorCode::kInvalidInput,
                        "document '" + person.document->str() + "' is not stored",
                        std::string(kContext));
    }
  }
  auto ran = run_statement(
      db,
      "INSERT INTO incident_persons (incident_id, name, status, side, claim_id, document_id, "
      "span_start, span_end, recorded_by, recorded_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      [&](Statement& insert) {
        insert.bind_text(1, person.incident.str());
        insert.bind_text(2, person.name);
        insert.bind_text(3, person.status);
        insert.bind_text(4, person.side);
        person.claim ? insert.bind_text(5, person.claim->str()) : insert.bind_null(5);
        person.document ? insert.bind_text(6, person.document->str()) : insert.bind_null(6);
        if (person.span) {
          insert.bind_int(7, person.span->start);
          insert.bind_int(8, person.span->end);
        } else {
          insert.bind_null(7);
          insert.bind_null(8);
        }
        insert.bind_text(9, person.recorded_by);
        insert.bind_text(10, person.recorded_at);
      });
  if (!ran) {
    return ran.error();
  }
  const long long id = db.last_insert_rowid();
  if (auto anchored = anchor_note(db, "person", id, person.incident, person.claim); !anchored) {
    return anchored.error();
  }
  return id;
}

Result<std::vector<PersonRecord>> read_persons(Connection& db, const IncidentId& incident) {
  auto statement = db.statement(
      "SELECT person_id, incident_id, name, status, side, claim_id, document_id, span_start, "
      "span_end, recorded_by, recorded_at FROM incident_persons" +
      shown_on("person", "incident_persons", "person_id") + " ORDER BY person_id");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, incident.str());
  return all_rows<PersonRecord>(*statement, [](Statement& row) {
    PersonRecord person;
    person.id = row.int_at(0);
    person.incident = IncidentId(row.text_at(1));
    person.name = row.text_at(2);
    person.status = row.text_at(3);
    person.side = row.text_at(4);
    if (!row.is_null(5)) {
      person.claim = ClaimId(row.text_at(5));
    }
    if (!row.is_null(6)) {
      person.document = DocumentId(row.text_at(6));
    }
    if (!row.is_null(7)) {
      person.span = TextSpan{static_cast<std::uint32_t>(row.int_at(7)),
                             static_cast<std::uint32_t>(row.int_at(8))};
    }
    person.recorded_by = row.text_at(9);
    person.recorded_at = row.text_at(10);
    return person;
  });
}

Result<std::vector<IncidentId>> read_evidence_incidents(Connection& db, std::string_view sha256) {
  auto statement = db.statement(
      "SELECT nm.incident_id FROM incident_evidence AS e "
      "JOIN incident_note_anchors AS na ON na.kind = 'evidence' AND na.note_id = e.attachment_id "
      "JOIN incident_members AS nm ON nm.claim_id = na.claim_id WHERE e.sha256 = ?1 "
      "UNION SELECT e.incident_id FROM incident_evidence AS e WHERE e.sha256 = ?1 AND "
      "NOT EXISTS (SELECT 1 FROM incident_note_anchors AS na JOIN incident_members AS nm "
      "ON nm.claim_id = na.claim_id WHERE na.kind = 'evidence' AND na.note_id = e.attachment_id) "
      "ORDER BY 1");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, sha256);
  return all_rows<IncidentId>(*statement,
                              [](Statement& row) { return IncidentId(row.text_at(0)); });
}

Result<bool> has_incident_notes(Connection& db, const IncidentId& incident) {
  return exists(db,
                "SELECT 1 WHERE EXISTS (SELECT 1 FROM incident_comments WHERE incident_id = ?1) "
                "OR EXISTS (SELECT 1 FROM incident_evidence WHERE incident_id = ?1) "
                "OR EXISTS (SELECT 1 FROM incident_persons WHERE incident_id = ?1)",
                incident.str());
}

}  // namespace truce::storage::sqlite::detail
