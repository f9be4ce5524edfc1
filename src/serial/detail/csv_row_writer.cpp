#include "serial/detail/csv_row_writer.hpp"

#include <span>

#include "core/vocabulary.hpp"
#include "serial/detail/csv_cells.hpp"
#include "serial/detail/csv_compact.hpp"
#include "serial/detail/csv_geometry.hpp"

namespace truce::serial::detail {
namespace {

constexpr std::string_view kKeyPrefix = "key:";

std::size_t status_rank(CasualtyStatus status) {
  const auto& columns = status_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].status == status) {
      return i;
    }
  }
  return columns.size();
}

Column status_column(CasualtyStatus status) {
  return status_columns()[status_rank(status)].column;
}

class Cells {
 public:
  void set(Column column, std::string value) {
    cells_[static_cast<std::size_t>(column)] = std::move(value);
  }
  void set_actor(const std::optional<ActorRef>& actor, Column id, Column name) {
    if (actor) {
      set(id, actor->id);
      set(name, actor->name);
    }
  }
  RowCells take() { return std::move(cells_); }

 private:
  RowCells cells_;
};

void write_source(Cells& cells, const Source& source) {
  cells.set(Column::kSourceId, source.id.str());
  cells.set(Column::kSourceName, source.name);
  cells.set(Column::kSourceReliability, std::string(to_string(source.reliability)));
  cells.set(Column::kSourceAffiliation, std::string(to_string(source.affiliation.kind)));
  cells.set_actor(source.affiliation.actor, Column::kSourceActorId, Column::kSourceActorName);
  cells.set(Column::kSourceUrl, source.url);
}

void write_document(Cells& cells, const Document& document) {
  cells.set(Column::kDocumentKind, std::string(to_string(document.kind)));
  cells.set(Column::kDocumentTitle, document.title);
  cells.set(Column::kDocumentLanguage, document.language);
  if (document.published) {
    cells.set(Column::kDocumentPublished, format_civil_time(*document.published));
  }
  cells.set(Column::kDocumentUrl, document.url);
  cells.set(Column::kDocumentOrigin, format_origin(document.origin));
  cells.set(Column::kDocumentRef, document.external_ref);
  cells.set(Column::kDocumentHash, document.content_hash);
}

bool is_single_point(const Geometry& geometry) {
  return geometry.type == GeometryType::kPoint && geometry.parts.size() == 1 &&
         geometry.parts[0].size() == 1;
}

void write_place(Cells& cells, const Place& place) {
  cells.set(Column::kPlaceName, place.name);
  if (place.geometry && is_single_point(*place.geometry)) {
    const GeoPoint& point = place.geometry->parts[0][0];
    cells.set(Column::kLon, format_double(point.lon.degrees));
    cells.set(Column::kLat, format_double(point.lat.degrees));
  } else if (place.geometry) {
    cells.set(Column::kGeometry, format_geometry(*place.geometry));
  }
  // Always written, so that a place with no other cell still reads back as present.
  cells.set(Column::kWherePrec, std::to_string(static_cast<int>(place.precision)));
  cells.set(Column::kCountry, place.country);
  cells.set(Column::kAdmin1, place.admin1);
}

void write_casualties(Cells& cells, const std::vector<CasualtyFigure>& casualties) {
  std::size_t plain = plain_casualty_count(casualties);
  if (plain > 0) {
    const Side& side = casualties[0].side;
    cells.set(Column::kSideKind, std::string(to_string(side.kind)));
    cells.set_actor(side.party, Column::kSidePartyId, Column::kSidePartyName);
    for (std::size_t i = 0; i < plain; ++i) {
      cells.set(status_column(casualties[i].status), format_count(casualties[i].count));
    }
  }
  std::span<const CasualtyFigure> rest(casualties);
  cells.set(Column::kMoreCasualties, format_more_casualties(rest.subspan(plain)));
}

}  // namespace

std::size_t plain_casualty_count(const std::vector<CasualtyFigure>& casualties) {
  std::size_t count = 0;
  std::size_t next_rank = 0;
  for (const auto& figure : casualties) {
    std::size_t rank = status_rank(figure.status);
    if (!(figure.side == casualties[0].side) || rank < next_rank ||
        rank >= status_columns().size()) {
      break;
    }
    next_rank = rank + 1;
    ++count;
  }
  return count;
}

RowCells claim_row(const Claim& claim, const Document* document, const Source* source) {
  Cells cells;
  cells.set(Column::kClaimId, claim.id.str());
  if (source) {
    write_source(cells, *source);
  } else if (document) {
    cells.set(Column::kSourceId, document->source.str());
  }
  const std::string& document_id = claim.document.str();
  if (std::string_view(document_id).starts_with(kKeyPrefix)) {
    cells.set(Column::kDocumentKey, document_id.substr(kKeyPrefix.size()));
  } else {
    cells.set(Column::kDocumentId, document_id);
  }
  if (document) {
    write_document(cells, *document);
  }
  cells.set_actor(claim.claimant, Column::kClaimantId, Column::kClaimantName);
  cells.set(Column::kEventType, std::string(to_string(claim.event_type)));
  cells.set(Column::kTimeStart, format_civil_time(claim.time.start));
  cells.set(Column::kTimeEnd, format_civil_time(claim.time.end));
  cells.set(Column::kTimePrecision, std::string(to_string(claim.time.precision)));
  cells.set(Column::kTimezone, claim.time.timezone);
  if (claim.time_basis.basis != DateBasis::kUnknown) {
    cells.set(Column::kTimeBasis, std::string(to_string(claim.time_basis.basis)));
  }
  if (claim.time_basis.from_context) {
    cells.set(Column::kTimeFromContext, "true");
  }
  cells.set(Column::kTimeBasisWording, claim.time_basis.wording);
  if (claim.place) {
    write_place(cells, *claim.place);
  }
  cells.set_actor(claim.perpetrator, Column::kPerpetratorId, Column::kPerpetratorName);
  cells.set_actor(claim.target, Column::kTargetId, Column::kTargetName);
  cells.set(Column::kActors, format_actors(claim.actors));
  write_casualties(cells, claim.casualties);
  cells.set(Column::kWeapons, format_weapons(claim.weapons));
  if (claim.violations) {
    cells.set(Column::kViolations, format_count(*claim.violations));
  }
  if (claim.explosions) {
    cells.set(Column::kExplosions, format_count(*claim.explosions));
  }
  cells.set(Column::kAssets, format_assets(claim.assets));
  cells.set(Column::kAgreements, format_agreements(claim.agreements));
  cells.set(Column::kCredibility, std::to_string(claim.credibility.grade));
  cells.set(Column::kSummary, claim.summary);
  cells.set(Column::kProvenance, format_provenance(claim.provenance));
  return cells.take();
}

}  // namespace truce::serial::detail
