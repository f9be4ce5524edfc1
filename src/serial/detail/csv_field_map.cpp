#include "serial/detail/csv_field_map.hpp"

#include <charconv>
#include <vector>

namespace truce::serial::detail {
namespace {

std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> segments;
  while (true) {
    auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) {
      return segments;
    }
    path.remove_prefix(slash + 1);
  }
}

bool mentions(const std::vector<std::string_view>& segments, std::string_view word) {
  for (std::size_t i = 1; i < segments.size(); ++i) {
    if (segments[i] == word) {
      return true;
    }
  }
  return false;
}

// An actor reference is two columns: its name, or (for the id and the actor
// as a whole) its id.
Column actor_column(const std::vector<std::string_view>& segments, Column id, Column name) {
  return mentions(segments, "name") ? name : id;
}

Column document_reference_column(const RowRecords& row) {
  return row.document_ref == DocumentRef::kKey ? Column::kDocumentKey : Column::kDocumentId;
}

std::optional<Column> casualty_column(const std::vector<std::string_view>& segments,
                                      const RowRecords& row) {
  std::size_t index = 0;
  if (segments.size() < 2) {
    return Column::kMoreCasualties;
  }
  auto [end, error] =
      std::from_chars(segments[1].data(), segments[1].data() + segments[1].size(), index);
  if (error != std::errc{} || index >= row.casualty_columns.size()) {
    return Column::kMoreCasualties;
  }
  Column column = row.casualty_columns[index];
  if (column == Column::kMoreCasualties || !mentions(segments, "side")) {
    return column;
  }
  if (mentions(segments, "party") || mentions(segments, "id") || mentions(segments, "name")) {
    return actor_column(segments, Column::kSidePartyId, Column::kSidePartyName);
  }
  return Column::kSideKind;
}

std::optional<Column> place_column(const std::vector<std::string_view>& segments,
                                   const RowRecords& row) {
  std::string_view field = segments.size() > 1 ? segments[1] : "";
  if (field == "geometry" || field == "coordinates") {
    if (!row.place_from_lon_lat) {
      return Column::kGeometry;
    }
    return mentions(segments, "lat") ? Column::kLat : Column::kLon;
  }
  if (field == "precision" || field == "where_prec") {
    return Column::kWherePrec;
  }
  if (field == "country") {
    return Column::kCountry;
  }
  if (field == "admin1") {
    return Column::kAdmin1;
  }
  return Column::kPlaceName;
}

Column time_basis_column(const std::vector<std::string_view>& segments) {
  std::string_view field = segments.size() > 1 ? segments[1] : "";
  if (field == "from_context") {
    return Column::kTimeFromContext;
  }
  if (field == "wording") {
    return Column::kTimeBasisWording;
  }
  return Column::kTimeBasis;
}

std::optional<Column> time_column(const std::vector<std::string_view>& segments) {
  std::string_view field = segments.size() > 1 ? segments[1] : "";
  if (field == "end") {
    return Column::kTimeEnd;
  }
  if (field == "precision") {
    return Column::kTimePrecision;
  }
  if (field == "timezone" || field == "zone") {
    return Column::kTimezone;
  }
  return Column::kTimeStart;
}

}  // namespace

std::optional<Column> column_for_source_field(std::string_view path) {
  auto segments = segments_of(path);
  std::string_view head = segments[0];
  if (head == "id") {
    return Column::kSourceId;
  }
  if (head == "name") {
    return Column::kSourceName;
  }
  if (head == "reliability") {
    return Column::kSourceReliability;
  }
  if (head == "affiliation") {
    if (mentions(segments, "actor")) {
      return actor_column(segments, Column::kSourceActorId, Column::kSourceActorName);
    }
    return Column::kSourceAffiliation;
  }
  if (head == "url") {
    return Column::kSourceUrl;
  }
  return std::nullopt;
}

std::optional<Column> column_for_document_field(std::string_view path, const RowRecords& row) {
  auto segments = segments_of(path);
  std::string_view head = segments[0];
  if (head == "id") {
    return document_reference_column(row);
  }
  if (head == "source") {
    return Column::kSourceId;
  }
  if (head == "kind") {
    return Column::kDocumentKind;
  }
  if (head == "title") {
    return Column::kDocumentTitle;
  }
  if (head == "language") {
    return Column::kDocumentLanguage;
  }
  if (head == "published") {
    return Column::kDocumentPublished;
  }
  if (head == "url") {
    return Column::kDocumentUrl;
  }
  if (head == "origin") {
    return Column::kDocumentOrigin;
  }
  if (head == "external_ref" || head == "ref") {
    return Column::kDocumentRef;
  }
  if (head == "content_hash" || head == "hash") {
    return Column::kDocumentHash;
  }
  return std::nullopt;
}

std::optional<Column> column_for_claim_field(std::string_view path, const RowRecords& row) {
  auto segments = segments_of(path);
  std::string_view head = segments[0];
  if (head == "id") {
    return Column::kClaimId;
  }
  if (head == "document") {
    return document_reference_column(row);
  }
  if (head == "claimant") {
    return actor_column(segments, Column::kClaimantId, Column::kClaimantName);
  }
  if (head == "event_type") {
    return Column::kEventType;
  }
  if (head == "time") {
    return time_column(segments);
  }
  if (head == "time_basis") {
    return time_basis_column(segments);
  }
  if (head == "place") {
    return place_column(segments, row);
  }
  if (head == "perpetrator") {
    return actor_column(segments, Column::kPerpetratorId, Column::kPerpetratorName);
  }
  if (head == "target") {
    return actor_column(segments, Column::kTargetId, Column::kTargetName);
  }
  if (head == "casualties") {
    return casualty_column(segments, row);
  }
  struct Simple {
    std::string_view field;
    Column column;
  };
  static constexpr Simple kSimple[] = {
      {"weapons", Column::kWeapons},         {"violations", Column::kViolations},
      {"explosions", Column::kExplosions},   {"assets", Column::kAssets},
      {"credibility", Column::kCredibility}, {"summary", Column::kSummary},
      {"provenance", Column::kProvenance},   {"actors", Column::kActors},
      {"agreements", Column::kAgreements},
  };
  for (const auto& simple : kSimple) {
    if (head == simple.field) {
      return simple.column;
    }
  }
  return std::nullopt;
}

}  // namespace truce::serial::detail
