#include "serial/detail/csv_row_reader.hpp"

#include <array>
#include <optional>
#include <utility>

#include "core/vocabulary.hpp"
#include "serial/detail/csv_cells.hpp"
#include "serial/detail/csv_compact.hpp"
#include "serial/detail/csv_geometry.hpp"

namespace truce::serial::detail {
namespace {

// Collects a cell's problem and hands back its value when there is none.
class Reader {
 public:
  Reader(const RowView& row, std::vector<CellProblem>& problems) : row_(row), problems_(problems) {}

  const RowView& row() const { return row_; }

  void report(Column column, std::string message) {
    problems_.push_back(CellProblem{column, std::move(message)});
  }

  template <typename T>
  std::optional<T> take(Column column, Result<T> result) {
    if (!result) {
      report(column, result.error().message);
      return std::nullopt;
    }
    return std::move(result).value();
  }

  // An empty cell of a required column is reported; the value is then empty.
  std::string required_word(Column column) {
    std::string_view value = row_.word(column);
    if (value.empty()) {
      report(column, "is empty; this column is required");
    }
    return std::string(value);
  }
  std::string required_text(Column column) {
    if (row_.word(column).empty()) {
      report(column, "is empty; this column is required");
    }
    return std::string(row_.text(column));
  }

 private:
  const RowView& row_;
  std::vector<CellProblem>& problems_;
};

// "doc_"/"clm_" + 20 lower-case hex digits (core/ids.hpp); a content hash is 64.
bool is_hex_id(std::string_view text, std::string_view prefix, std::size_t digits) {
  if (!text.starts_with(prefix) || text.size() != prefix.size() + digits) {
    return false;
  }
  return text.substr(prefix.size()).find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::optional<ActorRef> actor_from(const RowView& row, Column id, Column name) {
  if (row.word(id).empty() && row.text(name).empty()) {
    return std::nullopt;
  }
  return ActorRef{std::string(row.word(id)), std::string(row.text(name))};
}

Source read_source(Reader& in) {
  const RowView& row = in.row();
  Source source;
  source.id = SourceId(in.required_word(Column::kSourceId));
  source.name = in.required_text(Column::kSourceName);
  if (auto word = row.word(Column::kSourceReliability); !word.empty()) {
    if (auto reliability = parse_reliability(word)) {
      source.reliability = *reliability;
    } else {
      in.report(
          Column::kSourceReliability,
          quote_cell(word) + " is not a reliability grade; expected one of: A, B, C, D, E, F");
    }
  }
  if (auto word = row.word(Column::kSourceAffiliation); !word.empty()) {
    if (auto kind =
            in.take(Column::kSourceAffiliation,
                    parse_word<AffiliationKind>(word, parse_affiliation_kind,
                                                words_of_affiliation_kind, "an affiliation"))) {
      source.affiliation.kind = *kind;
    }
  }
  source.affiliation.actor = actor_from(row, Column::kSourceActorId, Column::kSourceActorName);
  source.url = std::string(row.word(Column::kSourceUrl));
  return source;
}

void read_document(Reader& in, RowRecords& records) {
  const RowView& row = in.row();
  Document& document = records.document;
  std::string_view id = row.word(Column::kDocumentId);
  std::string_view key = row.word(Column::kDocumentKey);
  if (!id.empty() && !key.empty()) {
    in.report(Column::kDocumentKey, "give either document_id or document_key, not both");
  } else if (id.starts_with("key:")) {
    in.report(Column::kDocumentId, quote_cell(id) +
                                       " starts with \"key:\"; put a local name in "
                                       "document_key instead");
  } else if (id.starts_with("doc_") && !is_hex_id(id, "doc_", 20)) {
    in.report(Column::kDocumentId,
              quote_cell(id) + " is not a document id (doc_ and 20 hex digits 0-9a-f)");
  } else if (!id.empty()) {
    records.document_ref = DocumentRef::kId;
    records.document_ref_text = std::string(id);
  } else if (!key.empty()) {
    records.document_ref = DocumentRef::kKey;
    records.document_ref_text = std::string(key);
  }
  document.source = records.source.id;
  if (auto word = row.word(Column::kDocumentKind); !word.empty()) {
    if (auto kind = in.take(Column::kDocumentKind,
                            parse_word<DocumentKind>(word, parse_document_kind,
                                                     words_of_document_kind, "a document kind"))) {
      document.kind = *kind;
    }
  }
  document.title = std::string(row.text(Column::kDocumentTitle));
  document.language = std::string(row.word(Column::kDocumentLanguage));
  if (auto word = row.word(Column::kDocumentPublished); !word.empty()) {
    document.published = in.take(Column::kDocumentPublished, parse_time_cell(word));
  }
  document.url = std::string(row.word(Column::kDocumentUrl));
  if (auto cell = row.text(Column::kDocumentOrigin); !trim_blanks(cell).empty()) {
    if (auto origin = in.take(Column::kDocumentOrigin, parse_origin(cell))) {
      document.origin = std::move(*origin);
    }
  }
  document.external_ref = std::string(row.word(Column::kDocumentRef));
  document.content_hash = std::string(row.word(Column::kDocumentHash));
  if (!document.content_hash.empty() && !is_hex_id(document.content_hash, "", 64)) {
    in.report(Column::kDocumentHash,
              quote_cell(document.content_hash) + " is not a SHA-256 in hex (64 digits 0-9a-f)");
  }
}

void read_time(Reader& in, Claim& claim) {
  const RowView& row = in.row();
  auto start_word = in.required_word(Column::kTimeStart);
  if (start_word.empty()) {
    return;
  }
  auto start = in.take(Column::kTimeStart, parse_time_cell(start_word));
  if (!start) {
    return;
  }
  claim.time.start = *start;
  claim.time.end = *start;
  if (auto word = row.word(Column::kTimeEnd); !word.empty()) {
    if (auto end = in.take(Column::kTimeEnd, parse_time_cell(word))) {
      if (*end < *start) {
        in.report(Column::kTimeEnd,
                  quote_cell(word) + " is before time_start " + quote_cell(start_word));
      }
      claim.time.end = *end;
    }
  }
  claim.time.precision = start->time_of_day ? TimePrecision::kMinute : TimePrecision::kDay;
  if (auto word = row.word(Column::kTimePrecision); !word.empty()) {
    if (auto precision =
            in.take(Column::kTimePrecision,
                    parse_word<TimePrecision>(word, parse_time_precision, words_of_time_precision,
                                              "a time precision"))) {
      claim.time.precision = *precision;
    }
  }
  claim.time.timezone = std::string(row.word(Column::kTimezone));
}

// Spreadsheets write TRUE and FALSE; 1 and 0 are accepted too. Empty is false.
Result<bool> parse_flag(std::string_view word) {
  std::string lower;
  for (char c : word) {
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (lower == "true" || lower == "1") {
    return true;
  }
  if (lower == "false" || lower == "0") {
    return false;
  }
  return make_error(ErrorCode::kInvalidInput,
                    quote_cell(word) + " is not true or false (or 1 or 0)");
}

void read_time_basis(Reader& in, Claim& claim) {
  const RowView& row = in.row();
  if (auto word = row.word(Column::kTimeBasis); !word.empty()) {
    if (auto basis = in.take(
            Column::kTimeBasis,
            parse_word<DateBasis>(word, parse_date_basis, words_of_date_basis, "a date basis"))) {
      claim.time_basis.basis = *basis;
    }
  }
  if (auto word = row.word(Column::kTimeFromContext); !word.empty()) {
    if (auto flag = in.take(Column::kTimeFromContext, parse_flag(word))) {
      claim.time_basis.from_context = *flag;
    }
  }
  claim.time_basis.wording = std::string(row.text(Column::kTimeBasisWording));
}

void read_place(Reader& in, RowRecords& records) {
  const RowView& row = in.row();
  constexpr std::array kPlaceColumns{Column::kPlaceName, Column::kLon,       Column::kLat,
                                     Column::kGeometry,  Column::kWherePrec, Column::kCountry,
                                     Column::kAdmin1};
  bool any = false;
  for (Column column : kPlaceColumns) {
    any = any || !row.word(column).empty();
  }
  // A place name of blanks only still names a place: free text is kept as written.
  any = any || !row.text(Column::kPlaceName).empty();
  if (!any) {
    return;
  }
  Place place;
  place.name = std::string(row.text(Column::kPlaceName));
  std::string_view lon_word = row.word(Column::kLon);
  std::string_view lat_word = row.word(Column::kLat);
  std::string_view geometry_word = row.word(Column::kGeometry);
  if (!geometry_word.empty() && (!lon_word.empty() || !lat_word.empty())) {
    in.report(Column::kGeometry, "give either lon and lat or geometry, not both");
  } else if (!geometry_word.empty()) {
    place.geometry = in.take(Column::kGeometry, parse_geometry_cell(geometry_word));
  } else if (lon_word.empty() != lat_word.empty()) {
    in.report(lon_word.empty() ? Column::kLon : Column::kLat,
              "is empty; give both lon and lat, or neither");
  } else if (!lon_word.empty()) {
    auto lon = in.take(Column::kLon, parse_degrees(lon_word, 180.0));
    auto lat = in.take(Column::kLat, parse_degrees(lat_word, 90.0));
    if (lon && lat) {
      place.geometry = make_point(*lon, *lat);
      records.place_from_lon_lat = true;
    }
  }
  if (auto word = row.word(Column::kWherePrec); !word.empty()) {
    if (auto code =
            in.take(Column::kWherePrec, parse_int_in(word, 1, 7, "a UCDP where_prec code"))) {
      if (auto precision = parse_location_precision(*code)) {
        place.precision = *precision;
      } else {
        in.report(Column::kWherePrec, quote_cell(word) + " is not a location precision (1-7)");
      }
    }
  }
  place.country = std::string(row.word(Column::kCountry));
  place.admin1 = std::string(row.text(Column::kAdmin1));
  records.claim.place = std::move(place);
}

void read_casualties(Reader& in, RowRecords& records) {
  const RowView& row = in.row();
  std::vector<std::pair<StatusColumn, CountRange>> counts;
  bool count_problem = false;
  for (const auto& entry : status_columns()) {
    if (auto word = row.word(entry.column); !word.empty()) {
      if (auto count = in.take(entry.column, parse_count(word))) {
        counts.emplace_back(entry, *count);
      } else {
        count_problem = true;
      }
    }
  }
  std::string_view kind_word = row.word(Column::kSideKind);
  bool any_side = !kind_word.empty() || !row.word(Column::kSidePartyId).empty() ||
                  !row.text(Column::kSidePartyName).empty();
  if (counts.empty() && !count_problem && any_side) {
    in.report(Column::kSideKind,
              "a side is given but none of killed, wounded, captured, missing (leave the side "
              "empty, or give a figure)");
  } else if ((!counts.empty() || count_problem) && kind_word.empty()) {
    in.report(Column::kSideKind,
              "is empty; give combatants or civilians for the figures in killed, wounded, "
              "captured, missing");
  } else if (!counts.empty()) {
    auto side =
        in.take(Column::kSideKind, make_side(kind_word, std::string(row.word(Column::kSidePartyId)),
                                             std::string(row.text(Column::kSidePartyName))));
    if (side) {
      for (const auto& [entry, count] : counts) {
        records.claim.casualties.push_back(CasualtyFigure{*side, entry.status, count});
        records.casualty_columns.push_back(entry.column);
      }
    }
  }
  if (auto cell = row.text(Column::kMoreCasualties); !trim_blanks(cell).empty()) {
    if (auto more = in.take(Column::kMoreCasualties, parse_more_casualties(cell))) {
      for (auto& figure : *more) {
        records.claim.casualties.push_back(std::move(figure));
        records.casualty_columns.push_back(Column::kMoreCasualties);
      }
    }
  }
}

void read_claim(Reader& in, RowRecords& records) {
  const RowView& row = in.row();
  Claim& claim = records.claim;
  claim.id = ClaimId(std::string(row.word(Column::kClaimId)));
  if (!claim.id.empty() && !is_hex_id(claim.id.str(), "clm_", 20)) {
    in.report(Column::kClaimId, quote_cell(claim.id.str()) +
                                    " is not a claim id (clm_ and 20 hex digits 0-9a-f); leave "
                                    "it empty for new claims");
  }
  claim.claimant.id = in.required_word(Column::kClaimantId);
  claim.claimant.name = in.required_text(Column::kClaimantName);
  auto event_word = in.required_word(Column::kEventType);
  if (!event_word.empty()) {
    if (auto type = in.take(Column::kEventType,
                            parse_word<EventType>(event_word, parse_event_type, words_of_event_type,
                                                  "an event type"))) {
      claim.event_type = *type;
    }
  }
  read_time(in, claim);
  read_time_basis(in, claim);
  read_place(in, records);
  claim.perpetrator = actor_from(row, Column::kPerpetratorId, Column::kPerpetratorName);
  claim.target = actor_from(row, Column::kTargetId, Column::kTargetName);
  if (auto cell = row.text(Column::kActors); !trim_blanks(cell).empty()) {
    if (auto actors = in.take(Column::kActors, parse_actors(cell))) {
      claim.actors = std::move(*actors);
    }
  }
  read_casualties(in, records);
  if (auto cell = row.text(Column::kWeapons); !trim_blanks(cell).empty()) {
    if (auto weapons = in.take(Column::kWeapons, parse_weapons(cell))) {
      claim.weapons = std::move(*weapons);
    }
  }
  if (auto word = row.word(Column::kViolations); !word.empty()) {
    claim.violations = in.take(Column::kViolations, parse_count(word));
  }
  if (auto word = row.word(Column::kExplosions); !word.empty()) {
    claim.explosions = in.take(Column::kExplosions, parse_count(word));
  }
  if (auto cell = row.text(Column::kAssets); !trim_blanks(cell).empty()) {
    if (auto assets = in.take(Column::kAssets, parse_assets(cell))) {
      claim.assets = std::move(*assets);
    }
  }
  if (auto cell = row.text(Column::kAgreements); !trim_blanks(cell).empty()) {
    if (auto agreements = in.take(Column::kAgreements, parse_agreements(cell))) {
      claim.agreements = std::move(*agreements);
    }
  }
  if (auto word = row.word(Column::kCredibility); !word.empty()) {
    if (auto grade =
            in.take(Column::kCredibility, parse_int_in(word, 1, 6, "a credibility grade"))) {
      claim.credibility.grade = *grade;
    }
  }
  claim.summary = std::string(row.text(Column::kSummary));
  if (auto cell = row.text(Column::kProvenance); !trim_blanks(cell).empty()) {
    if (auto provenance = in.take(Column::kProvenance, parse_provenance(cell))) {
      claim.provenance = std::move(*provenance);
    }
  }
}

}  // namespace

std::string_view RowView::text(Column column) const {
  const auto& index = columns_[static_cast<std::size_t>(column)];
  if (!index || *index >= record_.cells.size()) {
    return {};
  }
  return record_.cells[*index];
}

std::string_view RowView::word(Column column) const {
  return trim_blanks(text(column));
}

RowRecords read_row(const RowView& row, std::vector<CellProblem>& problems) {
  Reader in(row, problems);
  RowRecords records;
  records.source = read_source(in);
  read_document(in, records);
  read_claim(in, records);
  return records;
}

}  // namespace truce::serial::detail
