#include "storage/sqlite/detail/incident_records.hpp"

#include <chrono>
#include <ctime>
#include <set>

#include "core/vocabulary.hpp"

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kMemberColumns =
    "matched_with, time_gap_hours, distance_km, place_rule, type_rule, actor_rule, score";

void bind_features(Statement& statement, int first, const MatchFeatures& why) {
  statement.bind_text(first, why.matched_with.str());
  statement.bind_real(first + 1, why.time_gap_hours);
  if (why.distance_km) {
    statement.bind_real(first + 2, *why.distance_km);
  } else {
    statement.bind_null(first + 2);
  }
  statement.bind_text(first + 3, why.place_rule);
  statement.bind_text(first + 4, why.type_rule);
  statement.bind_text(first + 5, why.actor_rule);
  statement.bind_real(first + 6, why.score);
}

MatchFeatures read_features(const Statement& statement, int first) {
  MatchFeatures why;
  why.matched_with = ClaimId(statement.text_at(first));
  why.time_gap_hours = statement.real_at(first + 1);
  if (!statement.is_null(first + 2)) {
    why.distance_km = statement.real_at(first + 2);
  }
  why.place_rule = statement.text_at(first + 3);
  why.type_rule = statement.text_at(first + 4);
  why.actor_rule = statement.text_at(first + 5);
  why.score = statement.real_at(first + 6);
  return why;
}

Error invalid(const std::string& message) {
  return make_error(ErrorCode::kInvalidInput, message, "storage.sqlite: write incidents");
}

Status delete_incident(Connection& db, const IncidentId& id) {
  for (std::string_view sql : {"DELETE FROM incident_members WHERE incident_id = ?1",
                               "DELETE FROM incident_links WHERE incident_id = ?1",
                               "DELETE FROM incidents WHERE id = ?1"}) {
    auto done = run_statement(db, sql, [&](Statement& s) { s.bind_text(1, id.str()); });
    if (!done) {
      return done;
    }
  }
  return Status::ok();
}

Status insert_incident(Connection& db, const Incident& incident, const std::string& at) {
  auto head = run_statement(
      db, "INSERT INTO incidents (id, start_key, end_key, updated_at) VALUES (?1, ?2, ?3, ?4)",
      [&](Statement& s) {
        s.bind_text(1, incident.id.str());
        s.bind_text(2, incident.start_key);
        s.bind_text(3, incident.end_key);
        s.bind_text(4, at);
      });
  if (!head) {
    if (head.error().code == ErrorCode::kConflict) {
      return invalid("incident " + incident.id.str() + " is written twice in one update");
    }
    return head;
  }
  for (const IncidentMember& member : incident.members) {
    auto statement = db.statement("INSERT INTO incident_members (incident_id, claim_id, " +
                                  std::string(kMemberColumns) +
                                  ", decision) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 "
                                  "WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?2)");
    if (!statement) {
      return std::move(statement).error();
    }
    (*statement)->bind_text(1, incident.id.str());
    (*statement)->bind_text(2, member.claim.str());
    bind_features(**statement, 3, member.why);
    if (member.why.decision) {
      (*statement)->bind_int(10, *member.why.decision);
    } else {
      (*statement)->bind_null(10);
    }
    if (auto done = (*statement)->run(); !done) {
      return invalid("incident " + incident.id.str() + ": claim " + member.claim.str() +
                     " cannot be a member (" + done.error().message + ")");
    }
    if (db.changes() == 0) {
      return invalid("incident " + incident.id.str() + ": member " + member.claim.str() +
                     " is not a stored claim");
    }
  }
  for (const IncidentLink& link : incident.links) {
    auto linked = run_statement(db,
                                "INSERT INTO incident_links (incident_id, claim_id, kind, " +
                                    std::string(kMemberColumns) +
                                    ") SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 "
                                    "WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?2)",
                                [&](Statement& s) {
                                  s.bind_text(1, incident.id.str());
                                  s.bind_text(2, link.claim.str());
                                  s.bind_text(3, to_string(link.kind));
                                  bind_features(s, 4, link.why);
                                });
    if (!linked) {
      return linked;
    }
    if (db.changes() == 0) {
      return invalid("incident " + incident.id.str() + ": linked claim " + link.claim.str() +
                     " is not stored");
    }
  }
  return Status::ok();
}

Result<std::vector<ClaimId>> decision_claims(Connection& db, long long sequence) {
  auto statement = db.statement(
      "SELECT claim_id FROM analyst_decision_claims WHERE decision = ?1 ORDER BY position");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_int(1, sequence);
  std::vector<ClaimId> claims;
  const Status walked =
      for_each_row(*statement, [&] { claims.emplace_back((*statement)->text_at(0)); });
  if (!walked) {
    return walked.error();
  }
  return claims;
}

Result<std::vector<PairConstraint>> decision_constraints(Connection& db, long long sequence) {
  auto statement = db.statement(
      "SELECT claim_a, claim_b, must_link FROM decision_constraints WHERE decision = ?1 "
      "ORDER BY claim_a, claim_b");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_int(1, sequence);
  std::vector<PairConstraint> constraints;
  const Status walked = for_each_row(*statement, [&] {
    constraints.push_back({ClaimId((*statement)->text_at(0)), ClaimId((*statement)->text_at(1)),
                           (*statement)->int_at(2) != 0});
  });
  if (!walked) {
    return walked.error();
  }
  return constraints;
}

Result<Decision> read_decision_row(const Statement& row) {
  Decision decision;
  decision.sequence = row.int_at(0);
  auto kind = parse_decision_kind(row.text_at(1));
  if (!kind) {
    return make_error(ErrorCode::kDataCorruption,
                      "decision " + std::to_string(decision.sequence) + " has an unknown kind '" +
                          row.text_at(1) + "'",
                      "storage.sqlite: read decisions");
  }
  decision.kind = *kind;
  decision.incident = IncidentId(row.text_at(2));
  if (!row.is_null(3)) {
    decision.other = IncidentId(row.text_at(3));
  }
  decision.by = row.text_at(4);
  decision.reason = row.text_at(5);
  decision.at = row.text_at(6);
  return decision;
}

}  // namespace

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Status write_incident_update(Connection& db, const IncidentUpdate& update, const std::string& at) {
  std::set<std::string> deleted;
  for (const Incident& incident : update.put) {
    if (deleted.insert(incident.id.str()).second) {
      if (auto done = delete_incident(db, incident.id); !done) {
        return done;
      }
    }
  }
  for (const IncidentId& id : update.removed) {
    if (deleted.insert(id.str()).second) {
      if (auto done = delete_incident(db, id); !done) {
        return done;
      }
    }
  }
  for (const Incident& incident : update.put) {
    if (auto done = insert_incident(db, incident, at); !done) {
      return done;
    }
  }
  for (const IncidentEvent& event : update.events) {
    auto done = run_statement(
        db, "INSERT INTO incident_history (incident_id, at, what, detail) VALUES (?1, ?2, ?3, ?4)",
        [&](Statement& s) {
          s.bind_text(1, event.incident.str());
          s.bind_text(2, event.at.empty() ? at : event.at);
          s.bind_text(3, event.what);
          s.bind_text(4, event.detail);
        });
    if (!done) {
      return done;
    }
  }
  return Status::ok();
}

Result<long long> next_decision_sequence(Connection& db) {
  auto statement = db.statement("SELECT coalesce(max(sequence), 0) + 1 FROM analyst_decisions");
  if (!statement) {
    return std::move(statement).error();
  }
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  return (*statement)->int_at(0);
}

Status write_decision(Connection& db, const Decision& decision) {
  auto next = next_decision_sequence(db);
  if (!next) {
    return std::move(next).error();
  }
  if (decision.sequence != *next) {
    return make_error(ErrorCode::kConflict,
                      "another decision was recorded meanwhile (expected number " +
                          std::to_string(*next) + ", got " + std::to_string(decision.sequence) +
                          "); run the command again",
                      "storage.sqlite: record decision");
  }
  auto head =
      run_statement(db,
                    "INSERT INTO analyst_decisions (sequence, kind, incident_id, "
                    "other_incident_id, decided_by, reason, decided_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    [&](Statement& s) {
                      s.bind_int(1, decision.sequence);
                      s.bind_text(2, to_string(decision.kind));
                      s.bind_text(3, decision.incident.str());
                      decision.other ? s.bind_text(4, decision.other->str()) : s.bind_null(4);
                      s.bind_text(5, decision.by);
                      s.bind_text(6, decision.reason);
                      s.bind_text(7, decision.at);
                    });
  if (!head) {
    return head;
  }
  for (std::size_t i = 0; i < decision.claims.size(); ++i) {
    auto done = run_statement(
        db,
        "INSERT INTO analyst_decision_claims (decision, position, claim_id) VALUES (?1, ?2, ?3)",
        [&](Statement& s) {
          s.bind_int(1, decision.sequence);
          s.bind_int(2, static_cast<long long>(i));
          s.bind_text(3, decision.claims[i].str());
        });
    if (!done) {
      return done;
    }
  }
  for (const PairConstraint& constraint : decision.constraints) {
    const bool ordered = constraint.a < constraint.b;
    auto done = run_statement(
        db,
        "INSERT OR REPLACE INTO decision_constraints (decision, claim_a, claim_b, must_link) "
        "VALUES (?1, ?2, ?3, ?4)",
        [&](Statement& s) {
          s.bind_int(1, decision.sequence);
          s.bind_text(2, (ordered ? constraint.a : constraint.b).str());
          s.bind_text(3, (ordered ? constraint.b : constraint.a).str());
          s.bind_int(4, constraint.must_link ? 1 : 0);
        });
    if (!done) {
      return done;
    }
  }
  return Status::ok();
}

Result<std::vector<Decision>> read_decisions_about(Connection& db,
                                                   const std::vector<ClaimId>& claims) {
  std::set<long long> sequences;
  for (const ClaimId& claim : claims) {
    auto statement = db.statement(
        "SELECT decision FROM decision_constraints WHERE claim_a = ?1 "
        "UNION SELECT decision FROM decision_constraints WHERE claim_b = ?1");
    if (!statement) {
      return std::move(statement).error();
    }
    (*statement)->bind_text(1, claim.str());
    const Status walked =
        for_each_row(*statement, [&] { sequences.insert((*statement)->int_at(0)); });
    if (!walked) {
      return walked.error();
    }
  }
  std::vector<Decision> decisions;
  for (long long sequence : sequences) {
    auto statement = db.statement(
        "SELECT sequence, kind, incident_id, other_incident_id, decided_by, reason, decided_at "
        "FROM analyst_decisions WHERE sequence = ?1");
    if (!statement) {
      return std::move(statement).error();
    }
    (*statement)->bind_int(1, sequence);
    auto row = (*statement)->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      continue;
    }
    auto decision = read_decision_row(**statement);
    if (!decision) {
      return std::move(decision).error();
    }
    auto claims_of = decision_claims(db, sequence);
    if (!claims_of) {
      return std::move(claims_of).error();
    }
    decision->claims = std::move(claims_of).value();
    auto constraints = decision_constraints(db, sequence);
    if (!constraints) {
      return std::move(constraints).error();
    }
    decision->constraints = std::move(constraints).value();
    decisions.push_back(std::move(decision).value());
  }
  return decisions;
}

Result<std::optional<Incident>> read_incident(Connection& db, const IncidentId& id) {
  auto head = db.statement("SELECT start_key, end_key FROM incidents WHERE id = ?1");
  if (!head) {
    return std::move(head).error();
  }
  (*head)->bind_text(1, id.str());
  auto found = (*head)->step();
  if (!found) {
    return std::move(found).error();
  }
  if (!*found) {
    return std::optional<Incident>();
  }
  Incident incident;
  incident.id = id;
  incident.start_key = (*head)->text_at(0);
  incident.end_key = (*head)->text_at(1);
  auto members = db.statement("SELECT claim_id, " + std::string(kMemberColumns) +
                              ", decision FROM incident_members WHERE incident_id = ?1 "
                              "ORDER BY claim_id");
  if (!members) {
    return std::move(members).error();
  }
  (*members)->bind_text(1, id.str());
  const Status walked = for_each_row(*members, [&] {
    IncidentMember member;
    member.claim = ClaimId((*members)->text_at(0));
    member.why = read_features(**members, 1);
    if (!(*members)->is_null(8)) {
      member.why.decision = (*members)->int_at(8);
    }
    incident.members.push_back(std::move(member));
  });
  if (!walked) {
    return walked.error();
  }
  auto links = db.statement("SELECT claim_id, kind, " + std::string(kMemberColumns) +
                            " FROM incident_links WHERE incident_id = ?1 ORDER BY claim_id, kind");
  if (!links) {
    return std::move(links).error();
  }
  (*links)->bind_text(1, id.str());
  while (true) {
    auto row = (*links)->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      break;
    }
    IncidentLink link;
    link.claim = ClaimId((*links)->text_at(0));
    auto kind = parse_incident_link_kind((*links)->text_at(1));
    if (!kind) {
      return make_error(
          ErrorCode::kDataCorruption,
          "incident " + id.str() + " has a link of unknown kind '" + (*links)->text_at(1) + "'",
          "storage.sqlite: read incident");
    }
    link.kind = *kind;
    link.why = read_features(**links, 2);
    incident.links.push_back(std::move(link));
  }
  return std::optional<Incident>(std::move(incident));
}

Result<std::vector<Incident>> read_incidents(Connection& db, const IncidentQuery& query) {
  std::string sql = "SELECT id FROM incidents WHERE 1";
  if (query.since) {
    sql += " AND end_key >= ?1";
  }
  if (query.until) {
    sql += " AND start_key <= ?2 || 'T99'";
  }
  sql += " ORDER BY start_key, id LIMIT ?3 OFFSET ?4";
  auto statement = db.statement(sql);
  if (!statement) {
    return std::move(statement).error();
  }
  if (query.since) {
    (*statement)->bind_text(1, *query.since);
  }
  if (query.until) {
    (*statement)->bind_text(2, *query.until);
  }
  (*statement)->bind_int(3, query.limit);
  (*statement)->bind_int(4, query.offset);
  std::vector<IncidentId> ids;
  const Status walked =
      for_each_row(*statement, [&] { ids.emplace_back((*statement)->text_at(0)); });
  if (!walked) {
    return walked.error();
  }
  std::vector<Incident> incidents;
  for (const IncidentId& id : ids) {
    auto incident = read_incident(db, id);
    if (!incident) {
      return std::move(incident).error();
    }
    if (*incident) {
      incidents.push_back(std::move(**incident));
    }
  }
  return incidents;
}

Result<long long> count_incidents(Connection& db) {
  auto statement = db.statement("SELECT count(*) FROM incidents");
  if (!statement) {
    return std::move(statement).error();
  }
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  return (*statement)->int_at(0);
}

Result<std::vector<std::pair<ClaimId, IncidentId>>> read_memberships(
    Connection& db, const std::vector<ClaimId>& claims, bool links) {
  std::vector<std::pair<ClaimId, IncidentId>> found;
  const std::string sql = links ? "SELECT incident_id FROM incident_links WHERE claim_id = ?1 "
                                  "ORDER BY incident_id"
                                : "SELECT incident_id FROM incident_members WHERE claim_id = ?1";
  for (const ClaimId& claim : claims) {
    auto statement = db.statement(sql);
    if (!statement) {
      return std::move(statement).error();
    }
    (*statement)->bind_text(1, claim.str());
    const Status walked = for_each_row(
        *statement, [&] { found.emplace_back(claim, IncidentId((*statement)->text_at(0))); });
    if (!walked) {
      return walked.error();
    }
  }
  return found;
}

Result<std::vector<IncidentEvent>> read_incident_history(Connection& db, const IncidentId& id) {
  auto statement = db.statement(
      "SELECT at, what, detail FROM incident_history WHERE incident_id = ?1 ORDER BY sequence");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, id.str());
  std::vector<IncidentEvent> events;
  const Status walked = for_each_row(*statement, [&] {
    events.push_back(
        {(*statement)->text_at(0), id, (*statement)->text_at(1), (*statement)->text_at(2)});
  });
  if (!walked) {
    return walked.error();
  }
  return events;
}

}  // namespace truce::storage::sqlite::detail
