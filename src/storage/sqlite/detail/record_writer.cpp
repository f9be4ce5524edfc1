#include "storage/sqlite/detail/record_writer.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/geo.hpp"
#include "core/time.hpp"
#include "core/vocabulary.hpp"

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kInsertSource =
    "INSERT INTO sources (id, name, reliability, affiliation_kind, affiliation_actor_id, "
    "affiliation_actor_name, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (id) DO NOTHING";

constexpr std::string_view kInsertDocument =
    "INSERT INTO documents (id, source_id, kind, title, language, published, url, external_ref, "
    "text, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT (id) DO NOTHING";

constexpr std::string_view kInsertOrigin =
    "INSERT INTO document_origins (document_id, position, agency) VALUES (?1, ?2, ?3)";

constexpr std::string_view kInsertClaim =
    "INSERT INTO claims (id, document_id, claimant_id, claimant_name, event_type, time_start, "
    "time_end, time_precision, timezone, start_key, end_key, place_name, place_precision, "
    "place_country, place_admin1, geometry_type, min_lon, min_lat, max_lon, max_lat, "
    "perpetrator_id, perpetrator_name, target_id, target_name, violations_min, violations_max, "
    "explosions_min, explosions_max, credibility, summary, time_basis, time_from_context, "
    "time_basis_wording) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33) "
    "ON CONFLICT (id) DO NOTHING";

constexpr std::string_view kInsertCoordinate =
    "INSERT INTO claim_coordinates (claim_key, part, position, lon, lat) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

constexpr std::string_view kInsertBox =
    "INSERT INTO claim_boxes (claim_key, min_lon, max_lon, min_lat, max_lat) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

constexpr std::string_view kInsertCasualty =
    "INSERT INTO claim_casualties (claim_key, position, side_kind, party_id, party_name, status, "
    "count_min, count_max) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

constexpr std::string_view kInsertWeapon =
    "INSERT INTO claim_weapons (claim_key, position, weapon_class, calibre) "
    "VALUES (?1, ?2, ?3, ?4)";

constexpr std::string_view kInsertAsset =
    "INSERT INTO claim_assets (claim_key, position, kind, outcome, count_min, count_max, owner_id, "
    "owner_name, gainer_id, gainer_name, description) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

constexpr std::string_view kInsertProvenance =
    "INSERT INTO claim_provenance (claim_key, position, field) VALUES (?1, ?2, ?3)";

constexpr std::string_view kInsertSpan =
    "INSERT INTO claim_provenance_spans (claim_key, position, span, span_start, span_end) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

constexpr std::string_view kInsertActor =
    "INSERT INTO claim_actors (actor_id, claim_key, role) VALUES (?1, ?2, ?3)";

constexpr std::string_view kInsertInvolvedActor =
    "INSERT INTO claim_involved_actors (claim_key, position, role, actor_id, actor_name) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

// The tables of agreement references, for a claim (keyed by claim_key) or a
// document (keyed by its id); the SQL is otherwise the same.
struct ReferenceTables {
  std::string_view insert_reference;
  std::string_view insert_date;
  std::string_view insert_span;
};

constexpr ReferenceTables kClaimReferenceTables{
    "INSERT INTO claim_agreement_references (claim_key, position, name, registry_id) "
    "VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO claim_agreement_reference_dates (claim_key, position, item, date) "
    "VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO claim_agreement_reference_spans (claim_key, position, span, span_start, "
    "span_end) VALUES (?1, ?2, ?3, ?4, ?5)"};

constexpr ReferenceTables kDocumentReferenceTables{
    "INSERT INTO document_agreement_references (document_id, position, name, registry_id) "
    "VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO document_agreement_reference_dates (document_id, position, item, date) "
    "VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO document_agreement_reference_spans (document_id, position, span, span_start, "
    "span_end) VALUES (?1, ?2, ?3, ?4, ?5)"};

// Binds an optional actor as (id, name) at `index` and `index + 1`.
void bind_actor(Statement& statement, int index, const std::optional<ActorRef>& actor) {
  if (actor) {
    statement.bind_text(index, actor->id);
    statement.bind_text(index + 1, actor->name);
  } else {
    statement.bind_null(index);
    statement.bind_null(index + 1);
  }
}

// Binds a range as (min, max); max NULL is open-ended.
void bind_range(Statement& statement, int index, const CountRange& range) {
  statement.bind_int(index, range.min);
  if (range.max) {
    statement.bind_int(index + 1, *range.max);
  } else {
    statement.bind_null(index + 1);
  }
}

// Binds an optional range; both NULL when absent.
void bind_range(Statement& statement, int index, const std::optional<CountRange>& range) {
  if (range) {
    bind_range(statement, index, *range);
  } else {
    statement.bind_null(index);
    statement.bind_null(index + 1);
  }
}

// Inserts with ON CONFLICT DO NOTHING; true when a row was added.
template <typename Bind>
Result<bool> insert_unless_stored(Connection& db, std::string_view sql, Bind&& bind) {
  auto inserted = run_statement(db, sql, std::forward<Bind>(bind));
  if (!inserted) {
    return inserted.error();
  }
  return db.changes() > 0;
}

Status insert_geometry(Connection& db, long long key, const Geometry& geometry) {
  for (std::size_t part = 0; part < geometry.parts.size(); ++part) {
    const auto& points = geometry.parts[part];
    for (std::size_t position = 0; position < points.size(); ++position) {
      auto inserted = run_statement(db, kInsertCoordinate, [&](Statement& s) {
        s.bind_int(1, key);
        s.bind_int(2, static_cast<long long>(part));
        s.bind_int(3, static_cast<long long>(position));
        s.bind_real(4, points[position].lon.degrees);
        s.bind_real(5, points[position].lat.degrees);
      });
      if (!inserted) {
        return inserted;
      }
    }
  }
  BoundingBox box = bounding_box(geometry);
  return run_statement(db, kInsertBox, [&](Statement& s) {
    s.bind_int(1, key);
    s.bind_real(2, box.min_lon);
    s.bind_real(3, box.max_lon);
    s.bind_real(4, box.min_lat);
    s.bind_real(5, box.max_lat);
  });
}

Status insert_casualties(Connection& db, long long key, const Claim& claim) {
  for (std::size_t i = 0; i < claim.casualties.size(); ++i) {
    const CasualtyFigure& figure = claim.casualties[i];
    auto inserted = run_statement(db, kInsertCasualty, [&](Statement& s) {
      s.bind_int(1, key);
      s.bind_int(2, static_cast<long long>(i));
      s.bind_text(3, to_string(figure.side.kind));
      bind_actor(s, 4, figure.side.party);
      s.bind_text(6, to_string(figure.status));
      bind_range(s, 7, figure.count);
    });
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

Status insert_weapons(Connection& db, long long key, const Claim& claim) {
  for (std::size_t i = 0; i < claim.weapons.size(); ++i) {
    auto inserted = run_statement(db, kInsertWeapon, [&](Statement& s) {
      s.bind_int(1, key);
      s.bind_int(2, static_cast<long long>(i));
      s.bind_text(3, to_string(claim.weapons[i].weapon_class));
      s.bind_text(4, claim.weapons[i].calibre);
    });
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

Status insert_assets(Connection& db, long long key, const Claim& claim) {
  for (std::size_t i = 0; i < claim.assets.size(); ++i) {
    const AssetChange& asset = claim.assets[i];
    auto inserted = run_statement(db, kInsertAsset, [&](Statement& s) {
      s.bind_int(1, key);
      s.bind_int(2, static_cast<long long>(i));
      s.bind_text(3, to_string(asset.kind));
      s.bind_text(4, to_string(asset.outcome));
      bind_range(s, 5, asset.count);
      bind_actor(s, 7, asset.owner);
      bind_actor(s, 9, asset.gainer);
      s.bind_text(11, asset.description);
    });
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

Status insert_involved_actors(Connection& db, long long key, const Claim& claim) {
  for (std::size_t i = 0; i < claim.actors.size(); ++i) {
    const ClaimActor& entry = claim.actors[i];
    auto inserted = run_statement(db, kInsertInvolvedActor, [&](Statement& s) {
      s.bind_int(1, key);
      s.bind_int(2, static_cast<long long>(i));
      s.bind_text(3, to_string(entry.role));
      s.bind_text(4, entry.actor.id);
      s.bind_text(5, entry.actor.name);
    });
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

// `bind_key(statement)` binds ?1, the claim's key or the document's id.
template <typename BindKey>
Status insert_references(Connection& db, const ReferenceTables& tables, BindKey bind_key,
                         const std::vector<AgreementReference>& references) {
  for (std::size_t i = 0; i < references.size(); ++i) {
    const AgreementReference& reference = references[i];
    auto inserted = run_statement(db, tables.insert_reference, [&](Statement& s) {
      bind_key(s);
      s.bind_int(2, static_cast<long long>(i));
      s.bind_text(3, reference.name);
      s.bind_text(4, reference.registry_id);
    });
    for (std::size_t item = 0; inserted && item < reference.dates.size(); ++item) {
      inserted = run_statement(db, tables.insert_date, [&](Statement& s) {
        bind_key(s);
        s.bind_int(2, static_cast<long long>(i));
        s.bind_int(3, static_cast<long long>(item));
        s.bind_text(4, format_civil_time(reference.dates[item]));
      });
    }
    for (std::size_t span = 0; inserted && span < reference.spans.size(); ++span) {
      inserted = run_statement(db, tables.insert_span, [&](Statement& s) {
        bind_key(s);
        s.bind_int(2, static_cast<long long>(i));
        s.bind_int(3, static_cast<long long>(span));
        s.bind_int(4, reference.spans[span].start);
        s.bind_int(5, reference.spans[span].end);
      });
    }
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

Status insert_claim_references(Connection& db, long long key, const Claim& claim) {
  return insert_references(
      db, kClaimReferenceTables, [key](Statement& s) { s.bind_int(1, key); }, claim.agreements);
}

Status insert_provenance(Connection& db, long long key, const Claim& claim) {
  for (std::size_t i = 0; i < claim.provenance.size(); ++i) {
    const FieldProvenance& entry = claim.provenance[i];
    auto inserted = run_statement(db, kInsertProvenance, [&](Statement& s) {
      s.bind_int(1, key);
      s.bind_int(2, static_cast<long long>(i));
      s.bind_text(3, entry.field);
    });
    for (std::size_t span = 0; inserted && span < entry.spans.size(); ++span) {
      inserted = run_statement(db, kInsertSpan, [&](Statement& s) {
        s.bind_int(1, key);
        s.bind_int(2, static_cast<long long>(i));
        s.bind_int(3, static_cast<long long>(span));
        s.bind_int(4, entry.spans[span].start);
        s.bind_int(5, entry.spans[span].end);
      });
    }
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

// Every (actor, role) the claim names once, for the actor filter.
std::vector<std::pair<std::string, std::string_view>> actors_of(const Claim& claim) {
  std::vector<std::pair<std::string, std::string_view>> actors;
  auto add = [&actors](const std::optional<ActorRef>& actor, std::string_view role) {
    if (actor && !actor->id.empty()) {
      actors.emplace_back(actor->id, role);
    }
  };
  add(claim.claimant, "claimant");
  add(claim.perpetrator, "perpetrator");
  add(claim.target, "target");
  for (const auto& figure : claim.casualties) {
    add(figure.side.party, "casualty_side");
  }
  for (const auto& asset : claim.assets) {
    add(asset.owner, "asset_owner");
    add(asset.gainer, "asset_gainer");
  }
  for (const auto& entry : claim.actors) {
    add(entry.actor, to_string(entry.role));  // "participant", "mediator"
  }
  std::sort(actors.begin(), actors.end());
  actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
  return actors;
}

Status insert_actors(Connection& db, long long key, const Claim& claim) {
  for (const auto& entry : actors_of(claim)) {
    // Named references rather than a structured binding: clang before 16 cannot
    // capture a binding in a lambda (C++20 allows it; GCC does).
    const std::string& actor = entry.first;
    std::string_view role = entry.second;
    auto inserted = run_statement(db, kInsertActor, [&](Statement& s) {
      s.bind_text(1, actor);
      s.bind_int(2, key);
      s.bind_text(3, role);
    });
    if (!inserted) {
      return inserted;
    }
  }
  return Status::ok();
}

void bind_claim(Statement& s, const Claim& claim) {
  s.bind_text(1, claim.id.str());
  s.bind_text(2, claim.document.str());
  s.bind_text(3, claim.claimant.id);
  s.bind_text(4, claim.claimant.name);
  s.bind_text(5, to_string(claim.event_type));
  s.bind_text(6, format_civil_time(claim.time.start));
  s.bind_text(7, format_civil_time(claim.time.end));
  s.bind_text(8, to_string(claim.time.precision));
  s.bind_text(9, claim.time.timezone);
  s.bind_text(10, interval_start_key(claim.time));
  s.bind_text(11, interval_end_key(claim.time));
  for (int column = 12; column <= 20; ++column) {
    s.bind_null(column);  // no place, no geometry unless set below
  }
  if (claim.place) {
    const Place& place = *claim.place;
    s.bind_text(12, place.name);
    s.bind_int(13, static_cast<int>(place.precision));
    s.bind_text(14, place.country);
    s.bind_text(15, place.admin1);
    if (place.geometry) {
      BoundingBox box = bounding_box(*place.geometry);
      s.bind_text(16, to_string(place.geometry->type));
      s.bind_real(17, box.min_lon);
      s.bind_real(18, box.min_lat);
      s.bind_real(19, box.max_lon);
      s.bind_real(20, box.max_lat);
    }
  }
  bind_actor(s, 21, claim.perpetrator);
  bind_actor(s, 23, claim.target);
  bind_range(s, 25, claim.violations);
  bind_range(s, 27, claim.explosions);
  s.bind_int(29, claim.credibility.grade);
  s.bind_text(30, claim.summary);
  s.bind_text(31, to_string(claim.time_basis.basis));
  s.bind_int(32, claim.time_basis.from_context ? 1 : 0);
  s.bind_text(33, claim.time_basis.wording);
}

}  // namespace

Result<bool> insert_source(Connection& db, const Source& source) {
  return insert_unless_stored(db, kInsertSource, [&](Statement& s) {
    s.bind_text(1, source.id.str());
    s.bind_text(2, source.name);
    s.bind_text(3, to_string(source.reliability));
    s.bind_text(4, to_string(source.affiliation.kind));
    bind_actor(s, 5, source.affiliation.actor);
    s.bind_text(7, source.url);
  });
}

Result<bool> insert_document(Connection& db, const Document& document) {
  auto inserted = insert_unless_stored(db, kInsertDocument, [&](Statement& s) {
    s.bind_text(1, document.id.str());
    s.bind_text(2, document.source.str());
    s.bind_text(3, to_string(document.kind));
    s.bind_text(4, document.title);
    s.bind_text(5, document.language);
    if (document.published) {
      s.bind_text(6, format_civil_time(*document.published));
    } else {
      s.bind_null(6);
    }
    s.bind_text(7, document.url);
    s.bind_text(8, document.external_ref);
    s.bind_text(9, document.text);
    s.bind_text(10, document.content_hash);
  });
  if (!inserted || !*inserted) {
    return inserted;
  }
  for (std::size_t i = 0; i < document.origin.size(); ++i) {
    auto added = run_statement(db, kInsertOrigin, [&](Statement& s) {
      s.bind_text(1, document.id.str());
      s.bind_int(2, static_cast<long long>(i));
      s.bind_text(3, document.origin[i]);
    });
    if (!added) {
      return added.error();
    }
  }
  const std::string& id = document.id.str();
  auto references = insert_references(
      db, kDocumentReferenceTables, [&id](Statement& s) { s.bind_text(1, id); },
      document.agreement_references);
  if (!references) {
    return references.error();
  }
  return true;
}

Result<bool> insert_claim(Connection& db, const Claim& claim) {
  auto inserted =
      insert_unless_stored(db, kInsertClaim, [&](Statement& s) { bind_claim(s, claim); });
  if (!inserted || !*inserted) {
    return inserted;
  }
  long long key = db.last_insert_rowid();
  Status children = Status::ok();
  if (claim.place && claim.place->geometry) {
    children = insert_geometry(db, key, *claim.place->geometry);
  }
  for (auto insert : {insert_casualties, insert_weapons, insert_assets, insert_provenance,
                      insert_involved_actors, insert_claim_references, insert_actors}) {
    if (!children) {
      break;
    }
    children = insert(db, key, claim);
  }
  if (!children) {
    return children.error();
  }
  return true;
}

}  // namespace truce::storage::sqlite::detail
