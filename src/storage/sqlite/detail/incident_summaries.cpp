#include "storage/sqlite/detail/incident_summaries.hpp"

#include <string_view>

#include "storage/sqlite/detail/claim_query.hpp"

namespace truce::storage::sqlite::detail {
namespace {

std::string row_columns(bool public_view) {
  return std::string("s.incident_id, s.start_key, ") +
         (public_view ? "s.public_summary" : "s.summary") + ", s.published, s.state";
}

IncidentSummaryRow read_row(const Statement& row) {
  IncidentSummaryRow summary;
  summary.id = row.text_at(0);
  summary.start_key = row.text_at(1);
  summary.json = row.text_at(2);
  summary.published = row.int_at(3) != 0;
  summary.state = row.text_at(4);
  return summary;
}

Status insert_summary(Connection& db, const IncidentSummary& summary, const std::string& at) {
  auto removed = run_statement(db, "DELETE FROM incident_summaries WHERE incident_id = ?1",
                               [&](Statement& s) { s.bind_text(1, summary.id.str()); });
  if (!removed) {
    return removed;
  }
  auto head = run_statement(
      db,
      "INSERT INTO incident_summaries (incident_id, start_key, end_key, min_lon, min_lat, "
      "max_lon, max_lat, attribution, evidence, summary, public_summary, summarised_at) "
      "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 "
      "WHERE EXISTS (SELECT 1 FROM incidents WHERE id = ?1)",
      [&](Statement& s) {
        s.bind_text(1, summary.id.str());
        s.bind_text(2, summary.start_key);
        s.bind_text(3, summary.end_key);
        if (summary.box) {
          s.bind_real(4, summary.box->min_lon);
          s.bind_real(5, summary.box->min_lat);
          s.bind_real(6, summary.box->max_lon);
          s.bind_real(7, summary.box->max_lat);
        } else {
          for (int i = 4; i <= 7; ++i) {
            s.bind_null(i);
          }
        }
        s.bind_text(8, summary.attribution);
        s.bind_text(9, summary.evidence);
        s.bind_text(10, summary.json);
        s.bind_text(11, summary.public_json);
        s.bind_text(12, at);
      });
  if (!head) {
    return head;
  }
  if (db.changes() == 0) {
    return Status::ok();  // the incident went away meanwhile: nothing to summarise
  }
  const long long key = db.last_insert_rowid();
  if (summary.box) {
    auto box = run_statement(db,
                             "INSERT INTO incident_boxes (summary_key, min_lon, max_lon, min_lat, "
                             "max_lat) VALUES (?1, ?2, ?3, ?4, ?5)",
                             [&](Statement& s) {
                               s.bind_int(1, key);
                               s.bind_real(2, summary.box->min_lon);
                               s.bind_real(3, summary.box->max_lon);
                               s.bind_real(4, summary.box->min_lat);
                               s.bind_real(5, summary.box->max_lat);
                             });
    if (!box) {
      return box;
    }
  }
  auto add_tags = [&](std::string_view kind, const std::vector<std::string>& values) -> Status {
    for (const std::string& value : values) {
      // The tag row copies what the filters test from the summary row just
      // written, so a page led by this tag is filtered in the tag's index.
      auto tag = run_statement(
          db,
          "INSERT OR IGNORE INTO incident_tags (kind, value, start_key, incident_id, summary_key, "
          "end_key, attribution, evidence, state, published, min_lon, max_lon, min_lat, max_lat) "
          "SELECT ?1, ?2, start_key, incident_id, summary_key, end_key, attribution, evidence, "
          "state, published, min_lon, max_lon, min_lat, max_lat FROM incident_summaries WHERE "
          "summary_key = ?3",
          [&](Statement& s) {
            s.bind_text(1, kind);
            s.bind_text(2, value);
            s.bind_int(3, key);
          });
      if (!tag) {
        return tag;
      }
    }
    return Status::ok();
  };
  if (auto done = add_tags("event_type", summary.event_types); !done) {
    return done;
  }
  if (auto done = add_tags("actor", summary.actors); !done) {
    return done;
  }
  return add_tags("theatre", summary.theatres);
}

struct Tag {
  std::string_view kind;
  std::string value;
};

// The tags a query names, the one that leads the page first: event types
// are many and each is rare; a theatre is a region; each party is in most
// incidents. Without statistics per value this order is the guess.
std::vector<Tag> tags_of(const IncidentSummaryQuery& query) {
  std::vector<Tag> tags;
  if (query.event_type) {
    tags.push_back({"event_type", *query.event_type});
  }
  if (query.theatre) {
    tags.push_back({"theatre", *query.theatre});
  }
  if (query.actor) {
    tags.push_back({"actor", *query.actor});
  }
  return tags;
}

// The filters as tests of `o`, the rows read in page order: "s" for the
// start order of incident_summaries, "d" for the rows of the leading tag in
// incident_tags. Both carry every column tested here (migration 9), so a row
// that fails is skipped in the index; only the page's rows are read whole.
Result<ClaimFilter> summary_filter(const IncidentSummaryQuery& query, std::string_view o,
                                   const std::vector<Tag>& tags) {
  const std::string p = std::string(o) + ".";
  FilterBuilder filter;
  if (!tags.empty() && o == "d") {
    filter.add("d.kind = ? AND d.value = ?", std::string(tags.front().kind), tags.front().value);
  }
  if (query.since) {
    auto key = window_key(*query.since, "since", false);
    if (!key) {
      return std::move(key).error();
    }
    // An incident that ends at or after `since` starts no earlier than
    // `since` minus the longest span stored, so the start order is sought
    // from there. Without a span row the bound is '' (every key).
    filter.add(p +
                   "start_key >= coalesce(strftime('%Y-%m-%dT%H:%M:%S', unixepoch(?) - "
                   "(SELECT longest_seconds FROM incident_summary_spans), 'unixepoch'), '') AND " +
                   p + "end_key >= ?",
               key.value(), key.value());
  }
  if (query.until) {
    auto key = window_key(*query.until, "until", true);
    if (!key) {
      return std::move(key).error();
    }
    filter.add(p + "start_key <= ?", std::move(key).value());
  }
  if (query.bbox) {
    const BoundingBox& box = *query.bbox;
    if (auto checked = check_box(box); !checked) {
      return checked.error();
    }
    filter.add(p + "min_lon <= ? AND " + p + "max_lon >= ? AND " + p + "min_lat <= ? AND " + p +
                   "max_lat >= ?",
               box.max_lon, box.min_lon, box.max_lat, box.min_lat);
  }
  // The other tags: one probe of incident_tags_by_summary per candidate.
  for (std::size_t i = o == "d" ? 1 : 0; i < tags.size(); ++i) {
    filter.add("EXISTS (SELECT 1 FROM incident_tags AS t WHERE t.summary_key = " + p +
                   "summary_key AND t.kind = ? AND t.value = ?)",
               std::string(tags[i].kind), tags[i].value);
  }
  if (query.attribution) {
    filter.add(p + "attribution = ?", *query.attribution);
  }
  if (query.evidence) {
    filter.add(p + "evidence = ?", *query.evidence);
  }
  if (query.state) {
    filter.add(p + "state = ?", *query.state);
  }
  if (query.published_only) {
    filter.add(p + "published = 1");
  }
  if (query.after) {
    filter.add("(" + p + "start_key, " + p + "incident_id) > (?, ?)", query.after->start_key,
               query.after->id);
  }
  return std::move(filter).finish();
}

}  // namespace

Result<std::vector<IncidentId>> read_unsummarised_incidents(Connection& db, int limit) {
  auto statement = db.statement(
      "SELECT i.id FROM incidents AS i WHERE NOT EXISTS (SELECT 1 FROM incident_summaries AS s "
      "WHERE s.incident_id = i.id) ORDER BY i.id LIMIT ?1");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_int(1, limit);
  std::vector<IncidentId> ids;
  const Status walked =
      for_each_row(*statement, [&] { ids.emplace_back((*statement)->text_at(0)); });
  if (!walked) {
    return walked.error();
  }
  return ids;
}

Status write_incident_summaries(Connection& db, const std::vector<IncidentSummary>& summaries,
                                const std::string& at) {
  for (const IncidentSummary& summary : summaries) {
    if (auto done = insert_summary(db, summary, at); !done) {
      return done;
    }
  }
  return Status::ok();
}

Result<std::vector<IncidentSummaryRow>> read_incident_summaries(Connection& db,
                                                                const IncidentSummaryQuery& query) {
  const std::vector<Tag> tags = tags_of(query);
  const std::string_view o = tags.empty() ? "s" : "d";
  auto filter = summary_filter(query, o, tags);
  if (!filter) {
    return std::move(filter).error();
  }
  // The order is forced (INDEXED BY, CROSS JOIN): SQLite's own choice would
  // weigh the filters' selectivity without the LIMIT and sort every match.
  // The statement text depends only on which filters are present, so the
  // connection's cache holds one prepared statement per combination.
  const std::string from =
      tags.empty() ? "incident_summaries AS s INDEXED BY incident_summaries_by_start"
                   : "incident_tags AS d CROSS JOIN incident_summaries AS s ON s.summary_key = "
                     "d.summary_key";
  const std::string order = std::string(o) + ".start_key, " + std::string(o) + ".incident_id";
  auto statement = db.statement("SELECT " + row_columns(query.public_view) + " FROM " + from +
                                " WHERE " + filter->where + " ORDER BY " + order + " LIMIT ?" +
                                std::to_string(filter->parameters.size() + 1));
  if (!statement) {
    return std::move(statement).error();
  }
  const int bound = bind_filter(**statement, *filter);
  (*statement)->bind_int(bound + 1, query.limit);
  std::vector<IncidentSummaryRow> rows;
  const Status walked = for_each_row(*statement, [&] { rows.push_back(read_row(**statement)); });
  if (!walked) {
    return walked.error();
  }
  return rows;
}

Result<std::optional<IncidentSummaryRow>> read_incident_summary(Connection& db,
                                                                const IncidentId& id,
                                                                bool public_view) {
  auto statement = db.statement("SELECT " + row_columns(public_view) +
                                " FROM incident_summaries AS s WHERE s.incident_id = ?1");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, id.str());
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (!*row) {
    return std::optional<IncidentSummaryRow>();
  }
  return std::optional<IncidentSummaryRow>(read_row(**statement));
}

Result<IncidentReview> read_incident_review(Connection& db, const IncidentId& id) {
  IncidentReview review;
  review.incident = id;
  auto head = db.statement(
      "SELECT published, state, agreement_id, provision_id, opened_by, updated_at "
      "FROM incident_reviews WHERE incident_id = ?1");
  if (!head) {
    return std::move(head).error();
  }
  (*head)->bind_text(1, id.str());
  auto row = (*head)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (*row) {
    const Statement& r = **head;
    review.published = r.int_at(0) != 0;
    review.state = r.text_at(1);
    if (!r.is_null(2)) {
      review.agreement = r.text_at(2);
    }
    if (!r.is_null(3)) {
      review.provision = r.text_at(3);
    }
    if (!r.is_null(4)) {
      review.opened_by = r.text_at(4);
    }
    review.updated_at = r.text_at(5);
  }
  auto signoffs = db.statement(
      "SELECT member, verdict, signed_by, note, signed_at FROM incident_signoffs "
      "WHERE incident_id = ?1 ORDER BY member");
  if (!signoffs) {
    return std::move(signoffs).error();
  }
  (*signoffs)->bind_text(1, id.str());
  while (true) {
    auto next = (*signoffs)->step();
    if (!next) {
      return std::move(next).error();
    }
    if (!*next) {
      return review;
    }
    const Statement& r = **signoffs;
    review.signoffs.push_back(
        {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4)});
  }
}

Status write_incident_review(Connection& db, const IncidentReview& review) {
  auto head = run_statement(
      db,
      "INSERT INTO incident_reviews (incident_id, published, state, agreement_id, provision_id, "
      "opened_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (incident_id) DO "
      "UPDATE SET published = excluded.published, state = excluded.state, agreement_id = "
      "excluded.agreement_id, provision_id = excluded.provision_id, opened_by = "
      "excluded.opened_by, updated_at = excluded.updated_at",
      [&](Statement& s) {
        s.bind_text(1, review.incident.str());
        s.bind_int(2, review.published ? 1 : 0);
        s.bind_text(3, review.state);
        auto optional_text = [&](int index, const std::optional<std::string>& value) {
          value ? s.bind_text(index, *value) : s.bind_null(index);
        };
        optional_text(4, review.agreement);
        optional_text(5, review.provision);
        optional_text(6, review.opened_by);
        s.bind_text(7, review.updated_at);
      });
  if (!head) {
    return head;
  }
  auto cleared = run_statement(db, "DELETE FROM incident_signoffs WHERE incident_id = ?1",
                               [&](Statement& s) { s.bind_text(1, review.incident.str()); });
  if (!cleared) {
    return cleared;
  }
  for (const SignOff& signoff : review.signoffs) {
    auto inserted = run_statement(db,
                                  "INSERT INTO incident_signoffs (incident_id, member, verdict, "
                                  "signed_by, note, signed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                  [&](Statement& s) {
                                    s.bind_text(1, review.incident.str());
                                    s.bind_text(2, signoff.member);
                                    s.bind_text(3, signoff.verdict);
                                    s.bind_text(4, signoff.by);
                                    s.bind_text(5, signoff.note);
                                    s.bind_text(6, signoff.at);
                                  });
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

}  // namespace truce::storage::sqlite::detail
