#include "storage/sqlite/detail/record_reader.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "core/time.hpp"
#include "core/vocabulary.hpp"

namespace truce::storage::sqlite::detail {

const std::string_view kClaimColumns =
    "c.claim_key, c.id, c.document_id, c.claimant_id, c.claimant_name, c.event_type, "
    "c.time_start, c.time_end, c.time_precision, c.timezone, c.place_name, c.place_precision, "
    "c.place_country, c.place_admin1, c.geometry_type, c.perpetrator_id, c.perpetrator_name, "
    "c.target_id, c.target_name, c.violations_min, c.violations_max, c.explosions_min, "
    "c.explosions_max, c.credibility, c.summary, c.time_basis, c.time_from_context, "
    "c.time_basis_wording";

namespace {

// Positions in kClaimColumns.
namespace column {
constexpr int kKey = 0, kId = 1, kDocument = 2, kClaimant = 3, kEventType = 5, kTimeStart = 6,
              kTimeEnd = 7, kTimePrecision = 8, kTimezone = 9, kPlaceName = 10,
              kPlacePrecision = 11, kPlaceCountry = 12, kPlaceAdmin1 = 13, kGeometryType = 14,
              kPerpetrator = 15, kTarget = 17, kViolations = 19, kExplosions = 21,
              kCredibility = 23, kSummary = 24, kTimeBasis = 25, kTimeFromContext = 26,
              kTimeBasisWording = 27;
}  // namespace column

// Reads typed values from one row and keeps the first problem, so a record is
// decoded in straight-line code and checked once at the end.
class RowDecoder {
 public:
  RowDecoder(const Statement& row, std::string record, const std::string& path)
      : row_(row), record_(std::move(record)), path_(path) {}

  std::string text(int column) const { return row_.text_at(column); }
  long long integer(int column) const { return row_.int_at(column); }
  double real(int column) const { return row_.real_at(column); }
  bool is_null(int column) const { return row_.is_null(column); }

  template <typename Enum>
  Enum word(int column, std::string_view name, std::optional<Enum> (*parse)(std::string_view)) {
    std::string word = row_.text_at(column);
    auto value = parse(word);
    if (!value) {
      note(name, "holds the unknown word '" + word + "'");
      return Enum{};
    }
    return *value;
  }

  CivilTime civil_time(int column, std::string_view name) {
    std::string text = row_.text_at(column);
    auto time = parse_civil_time(text);
    if (!time) {
      note(name, "holds '" + text + "', which is not a date or date-time");
      return CivilTime{};
    }
    return *time;
  }

  LocationPrecision location_precision(int column) {
    long long code = row_.int_at(column);
    auto precision =
        code >= 1 && code <= 7 ? parse_location_precision(static_cast<int>(code)) : std::nullopt;
    if (!precision) {
      note("place_precision", "holds " + std::to_string(code) + ", not a where_prec code 1-7");
      return LocationPrecision::kExact;
    }
    return *precision;
  }

  // An actor stored as (id, name) at `column` and `column + 1`; NULL id: absent.
  std::optional<ActorRef> actor(int column) const {
    if (row_.is_null(column)) {
      return std::nullopt;
    }
    return ActorRef{row_.text_at(column), row_.text_at(column + 1)};
  }

  // A range stored as (min, max) at `column` and `column + 1`; NULL max: open-ended.
  CountRange range(int column) const {
    CountRange range{row_.int_at(column), std::nullopt};
    if (!row_.is_null(column + 1)) {
      range.max = row_.int_at(column + 1);
    }
    return range;
  }

  std::optional<CountRange> optional_range(int column) const {
    if (row_.is_null(column)) {
      return std::nullopt;
    }
    return range(column);
  }

  std::uint32_t offset(int column, std::string_view name) {
    long long value = row_.int_at(column);
    if (value < 0 || value > std::numeric_limits<std::uint32_t>::max()) {
      note(name, "holds " + std::to_string(value) + ", not a text offset");
      return 0;
    }
    return static_cast<std::uint32_t>(value);
  }

  // A 0-based list position that must lie inside a list of `size` items.
  std::size_t index(int column, std::size_t size, std::string_view name) {
    long long value = row_.int_at(column);
    if (value < 0 || static_cast<unsigned long long>(value) >= size) {
      note(name, "holds position " + std::to_string(value) + ", which has no parent row");
      return 0;
    }
    return static_cast<std::size_t>(value);
  }

  const std::optional<Error>& problem() const { return problem_; }

 private:
  void note(std::string_view column, const std::string& problem) {
    if (!problem_) {
      problem_ =
          make_error(ErrorCode::kDataCorruption,
                     record_ + " in database '" + path_ + "': column " + std::string(column) + " " +
                         problem + "; the database was changed outside truce or is damaged",
                     "storage.sqlite: read");
    }
  }

  const Statement& row_;
  std::string record_;
  const std::string& path_;
  std::optional<Error> problem_;
};

void bind_key(Statement& statement, long long key) {
  statement.bind_int(1, key);
}
void bind_key(Statement& statement, const std::string& key) {
  statement.bind_text(1, key);
}

// Runs `query` with `key` (a claim_key or a document id) bound to ?1 and calls
// `each(decoder)` per row.
template <typename Key, typename Each>
Status for_each_row(Connection& db, std::string_view query, const Key& key,
                    const std::string& record, Each&& each) {
  auto statement = db.statement(query);
  if (!statement) {
    return std::move(statement).error();
  }
  bind_key(**statement, key);
  while (true) {
    auto row = (*statement)->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      return Status::ok();
    }
    RowDecoder decoder(**statement, record, db.path());
    each(decoder);
    if (decoder.problem()) {
      return *decoder.problem();
    }
  }
}

Status read_geometry(Connection& db, long long key, const std::string& record, Geometry& geometry) {
  return for_each_row(
      db,
      "SELECT part, lon, lat FROM claim_coordinates WHERE claim_key = ?1 ORDER BY part, position",
      key, record, [&](RowDecoder& row) {
        auto part = static_cast<std::size_t>(row.integer(0));
        if (part >= geometry.parts.size()) {
          geometry.parts.resize(part + 1);
        }
        geometry.parts[part].push_back(GeoPoint{Longitude{row.real(1)}, Latitude{row.real(2)}});
      });
}

// The SELECTs of agreement references for a claim or a document: each takes
// the key as ?1 and orders by position (then item or span).
struct ReferenceQueries {
  std::string_view dates_table;  // for messages
  std::string_view spans_table;
  std::string_view references;
  std::string_view dates;
  std::string_view spans;
};

constexpr ReferenceQueries kClaimReferenceQueries{
    "claim_agreement_reference_dates", "claim_agreement_reference_spans",
    "SELECT name, registry_id FROM claim_agreement_references WHERE claim_key = ?1 "
    "ORDER BY position",
    "SELECT position, date FROM claim_agreement_reference_dates WHERE claim_key = ?1 "
    "ORDER BY position, item",
    "SELECT position, span_start, span_end FROM claim_agreement_reference_spans "
    "WHERE claim_key = ?1 ORDER BY position, span"};

constexpr ReferenceQueries kDocumentReferenceQueries{
    "document_agreement_reference_dates", "document_agreement_reference_spans",
    "SELECT name, registry_id FROM document_agreement_references WHERE document_id = ?1 "
    "ORDER BY position",
    "SELECT position, date FROM document_agreement_reference_dates WHERE document_id = ?1 "
    "ORDER BY position, item",
    "SELECT position, span_start, span_end FROM document_agreement_reference_spans "
    "WHERE document_id = ?1 ORDER BY position, span"};

template <typename Key>
Status read_references(Connection& db, const ReferenceQueries& queries, const Key& key,
                       const std::string& record, std::vector<AgreementReference>& references) {
  auto status = for_each_row(db, queries.references, key, record, [&](RowDecoder& row) {
    references.push_back(AgreementReference{row.text(0), {}, row.text(1), {}});
  });
  if (status) {
    std::string dates(queries.dates_table);
    status = for_each_row(db, queries.dates, key, record, [&](RowDecoder& row) {
      std::size_t entry = row.index(0, references.size(), dates + ".position");
      CivilTime date = row.civil_time(1, dates + ".date");
      if (!row.problem()) {
        references[entry].dates.push_back(date);
      }
    });
  }
  if (status) {
    std::string spans(queries.spans_table);
    status = for_each_row(db, queries.spans, key, record, [&](RowDecoder& row) {
      std::size_t entry = row.index(0, references.size(), spans + ".position");
      TextSpan span{row.offset(1, spans + ".span_start"), row.offset(2, spans + ".span_end")};
      if (!row.problem()) {
        references[entry].spans.push_back(span);
      }
    });
  }
  return status;
}

Status read_children(Connection& db, long long key, Claim& claim) {
  std::string record = "claim " + claim.id.str();
  auto status = for_each_row(
      db,
      "SELECT side_kind, party_id, party_name, status, count_min, count_max FROM claim_casualties "
      "WHERE claim_key = ?1 ORDER BY position",
      key, record, [&](RowDecoder& row) {
        CasualtyFigure figure;
        figure.side.kind = row.word(0, "claim_casualties.side_kind", parse_side_kind);
        figure.side.party = row.actor(1);
        figure.status = row.word(3, "claim_casualties.status", parse_casualty_status);
        figure.count = row.range(4);
        claim.casualties.push_back(std::move(figure));
      });
  if (status) {
    status = for_each_row(
        db,
        "SELECT weapon_class, calibre FROM claim_weapons WHERE claim_key = ?1 ORDER BY position",
        key, record, [&](RowDecoder& row) {
          claim.weapons.push_back(
              Weapon{row.word(0, "claim_weapons.weapon_class", parse_weapon_class), row.text(1)});
        });
  }
  if (status) {
    status = for_each_row(
        db,
        "SELECT kind, outcome, count_min, count_max, owner_id, owner_name, gainer_id, gainer_name, "
        "description FROM claim_assets WHERE claim_key = ?1 ORDER BY position",
        key, record, [&](RowDecoder& row) {
          AssetChange asset;
          asset.kind = row.word(0, "claim_assets.kind", parse_asset_kind);
          asset.outcome = row.word(1, "claim_assets.outcome", parse_asset_outcome);
          asset.count = row.optional_range(2);
          asset.owner = row.actor(4);
          asset.gainer = row.actor(6);
          asset.description = row.text(8);
          claim.assets.push_back(std::move(asset));
        });
  }
  if (status) {
    status = for_each_row(
        db, "SELECT field FROM claim_provenance WHERE claim_key = ?1 ORDER BY position", key,
        record, [&](RowDecoder& row) {
          claim.provenance.push_back(FieldProvenance{row.text(0), {}});
        });
  }
  if (status) {
    status = for_each_row(
        db,
        "SELECT position, span_start, span_end FROM claim_provenance_spans WHERE claim_key = ?1 "
        "ORDER BY position, span",
        key, record, [&](RowDecoder& row) {
          std::size_t entry =
              row.index(0, claim.provenance.size(), "claim_provenance_spans.position");
          TextSpan span{row.offset(1, "claim_provenance_spans.span_start"),
                        row.offset(2, "claim_provenance_spans.span_end")};
          if (!row.problem()) {
            claim.provenance[entry].spans.push_back(span);
          }
        });
  }
  if (status) {
    status = for_each_row(db,
                          "SELECT role, actor_id, actor_name FROM claim_involved_actors "
                          "WHERE claim_key = ?1 ORDER BY position",
                          key, record, [&](RowDecoder& row) {
                            ActorRole role =
                                row.word(0, "claim_involved_actors.role", parse_actor_role);
                            claim.actors.push_back(ClaimActor{{row.text(1), row.text(2)}, role});
                          });
  }
  if (status) {
    status = read_references(db, kClaimReferenceQueries, key, record, claim.agreements);
  }
  if (status && claim.place && claim.place->geometry) {
    status = read_geometry(db, key, record, *claim.place->geometry);
  }
  return status;
}

Source decode_source(RowDecoder& row) {
  Source source;
  source.id = SourceId(row.text(0));
  source.name = row.text(1);
  source.reliability = row.word(2, "sources.reliability", parse_reliability);
  source.affiliation.kind = row.word(3, "sources.affiliation_kind", parse_affiliation_kind);
  source.affiliation.actor = row.actor(4);
  source.url = row.text(6);
  return source;
}

constexpr std::string_view kSourceColumns =
    "id, name, reliability, affiliation_kind, affiliation_actor_id, affiliation_actor_name, url";

Document decode_document(RowDecoder& row) {
  Document document;
  document.id = DocumentId(row.text(0));
  document.source = SourceId(row.text(1));
  document.kind = row.word(2, "documents.kind", parse_document_kind);
  document.title = row.text(3);
  document.language = row.text(4);
  if (!row.is_null(5)) {
    document.published = row.civil_time(5, "documents.published");
  }
  document.url = row.text(6);
  document.external_ref = row.text(7);
  document.text = row.text(8);
  document.content_hash = row.text(9);
  return document;
}

Status read_origins(Connection& db, Document& document) {
  auto statement =
      db.statement("SELECT agency FROM document_origins WHERE document_id = ?1 ORDER BY position");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, document.id.str());
  const Status walked =
      for_each_row(*statement, [&] { document.origin.push_back((*statement)->text_at(0)); });
  if (!walked) {
    return walked.error();
  }
  return Status::ok();
}

Status read_document_children(Connection& db, Document& document) {
  auto origins = read_origins(db, document);
  if (!origins) {
    return origins;
  }
  return read_references(db, kDocumentReferenceQueries, document.id.str(),
                         "document " + document.id.str(), document.agreement_references);
}

// Runs `sql` (one optional text parameter) and decodes every row with `decode`.
template <typename Record, typename Decode>
Result<std::vector<Record>> read_all(Connection& db, std::string_view sql,
                                     std::optional<std::string_view> parameter,
                                     std::string_view kind, Decode&& decode) {
  auto statement = db.statement(sql);
  if (!statement) {
    return std::move(statement).error();
  }
  if (parameter) {
    (*statement)->bind_text(1, *parameter);
  }
  std::vector<Record> records;
  while (true) {
    auto row = (*statement)->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      return records;
    }
    RowDecoder decoder(**statement, std::string(kind) + " " + (*statement)->text_at(0), db.path());
    records.push_back(decode(decoder));
    if (decoder.problem()) {
      return *decoder.problem();
    }
  }
}

template <typename Record>
Result<std::optional<Record>> first_of(Result<std::vector<Record>> records) {
  if (!records) {
    return std::move(records).error();
  }
  if (records->empty()) {
    return std::optional<Record>();
  }
  return std::optional<Record>(std::move(records->front()));
}

}  // namespace

Result<std::optional<Source>> read_source(Connection& db, const SourceId& id) {
  static const std::string sql =
      "SELECT " + std::string(kSourceColumns) + " FROM sources WHERE id = ?1";
  return first_of(read_all<Source>(db, sql, id.str(), "source", decode_source));
}

Result<std::vector<Source>> read_sources(Connection& db) {
  static const std::string sql =
      "SELECT " + std::string(kSourceColumns) + " FROM sources ORDER BY id";
  return read_all<Source>(db, sql, std::nullopt, "source", decode_source);
}

Result<std::optional<Document>> read_document(Connection& db, const DocumentId& id) {
  auto document = first_of(read_all<Document>(
      db,
      "SELECT id, source_id, kind, title, language, published, url, external_ref, text, "
      "content_hash FROM documents WHERE id = ?1",
      id.str(), "document", decode_document));
  if (document && *document) {
    auto children = read_document_children(db, **document);
    if (!children) {
      return children.error();
    }
  }
  return document;
}

Result<std::vector<Document>> read_documents_without_text(Connection& db) {
  auto documents = read_all<Document>(
      db,
      "SELECT id, source_id, kind, title, language, published, url, external_ref, '', "
      "content_hash FROM documents ORDER BY id",
      std::nullopt, "document", decode_document);
  if (documents) {
    for (Document& document : *documents) {
      auto children = read_document_children(db, document);
      if (!children) {
        return children.error();
      }
    }
  }
  return documents;
}

Result<std::vector<Document>> read_documents_page(Connection& db,
                                                  const std::optional<std::string>& source,
                                                  const std::optional<std::string>& after_id,
                                                  int limit) {
  auto statement = db.statement(
      "SELECT id, source_id, kind, title, language, published, url, external_ref, '', "
      "content_hash FROM documents WHERE (?1 IS NULL OR source_id = ?1) AND "
      "(?2 IS NULL OR id > ?2) ORDER BY id LIMIT ?3");
  if (!statement) {
    return std::move(statement).error();
  }
  if (source) {
    (*statement)->bind_text(1, *source);
  }
  if (after_id) {
    (*statement)->bind_text(2, *after_id);
  }
  (*statement)->bind_int(3, limit);
  std::vector<Document> documents;
  while (true) {
    auto row = (*statement)->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      break;
    }
    RowDecoder decoder(**statement, "document " + (*statement)->text_at(0), db.path());
    documents.push_back(decode_document(decoder));
    if (decoder.problem()) {
      return *decoder.problem();
    }
  }
  for (Document& document : documents) {
    auto children = read_document_children(db, document);
    if (!children) {
      return children.error();
    }
  }
  return documents;
}

Result<std::optional<Claim>> read_claim(Connection& db, const ClaimId& id) {
  static const std::string sql =
      "SELECT " + std::string(kClaimColumns) + " FROM claims AS c WHERE c.id = ?1";
  auto statement = db.statement(sql);
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, id.str());
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (!*row) {
    return std::optional<Claim>();
  }
  auto claim = read_claim_row(db, **statement);
  if (!claim) {
    return std::move(claim).error();
  }
  return std::optional<Claim>(std::move(claim).value());
}

Result<Claim> read_claim_row(Connection& db, const Statement& statement) {
  RowDecoder row(statement, "claim " + statement.text_at(column::kId), db.path());
  Claim claim;
  claim.id = ClaimId(row.text(column::kId));
  claim.document = DocumentId(row.text(column::kDocument));
  claim.claimant = row.actor(column::kClaimant).value_or(ActorRef{});
  claim.event_type = row.word(column::kEventType, "claims.event_type", parse_event_type);
  claim.time.start = row.civil_time(column::kTimeStart, "claims.time_start");
  claim.time.end = row.civil_time(column::kTimeEnd, "claims.time_end");
  claim.time.precision =
      row.word(column::kTimePrecision, "claims.time_precision", parse_time_precision);
  claim.time.timezone = row.text(column::kTimezone);
  if (!statement.is_null(column::kPlacePrecision)) {
    Place place;
    place.name = row.text(column::kPlaceName);
    place.precision = row.location_precision(column::kPlacePrecision);
    place.country = row.text(column::kPlaceCountry);
    place.admin1 = row.text(column::kPlaceAdmin1);
    if (!statement.is_null(column::kGeometryType)) {
      place.geometry = Geometry{
          row.word(column::kGeometryType, "claims.geometry_type", parse_geometry_type), {}};
    }
    claim.place = std::move(place);
  }
  claim.perpetrator = row.actor(column::kPerpetrator);
  claim.target = row.actor(column::kTarget);
  claim.violations = row.optional_range(column::kViolations);
  claim.explosions = row.optional_range(column::kExplosions);
  claim.credibility.grade = static_cast<int>(row.integer(column::kCredibility));
  claim.summary = row.text(column::kSummary);
  claim.time_basis.basis = row.word(column::kTimeBasis, "claims.time_basis", parse_date_basis);
  claim.time_basis.from_context = row.integer(column::kTimeFromContext) != 0;
  claim.time_basis.wording = row.text(column::kTimeBasisWording);
  if (row.problem()) {
    return *row.problem();
  }
  auto children = read_children(db, row.integer(column::kKey), claim);
  if (!children) {
    return children.error();
  }
  return claim;
}

}  // namespace truce::storage::sqlite::detail
