#include "serial/detail/csv_columns.hpp"

#include <algorithm>

namespace truce::serial::detail {
namespace {

struct ColumnInfo {
  Column column;
  std::string_view name;
  bool required;
};

// One table so that the names, the writer order and the required flags cannot
// drift apart. Order must follow the enum.
constexpr std::array<ColumnInfo, kColumnCount> kColumns{{
    {Column::kClaimId, "claim_id", false},
    {Column::kSourceId, "source_id", true},
    {Column::kSourceName, "source_name", true},
    {Column::kSourceReliability, "source_reliability", false},
    {Column::kSourceAffiliation, "source_affiliation", false},
    {Column::kSourceActorId, "source_actor_id", false},
    {Column::kSourceActorName, "source_actor_name", false},
    {Column::kSourceUrl, "source_url", false},
    {Column::kDocumentId, "document_id", false},
    {Column::kDocumentKey, "document_key", false},
    {Column::kDocumentKind, "document_kind", false},
    {Column::kDocumentTitle, "document_title", false},
    {Column::kDocumentLanguage, "document_language", false},
    {Column::kDocumentPublished, "document_published", false},
    {Column::kDocumentUrl, "document_url", false},
    {Column::kDocumentOrigin, "document_origin", false},
    {Column::kDocumentRef, "document_ref", false},
    {Column::kDocumentHash, "document_hash", false},
    {Column::kClaimantId, "claimant_id", true},
    {Column::kClaimantName, "claimant_name", true},
    {Column::kEventType, "event_type", true},
    {Column::kTimeStart, "time_start", true},
    {Column::kTimeEnd, "time_end", false},
    {Column::kTimePrecision, "time_precision", false},
    {Column::kTimezone, "timezone", false},
    {Column::kTimeBasis, "time_basis", false},
    {Column::kTimeFromContext, "time_from_context", false},
    {Column::kTimeBasisWording, "time_basis_wording", false},
    {Column::kPlaceName, "place_name", false},
    {Column::kLon, "lon", false},
    {Column::kLat, "lat", false},
    {Column::kGeometry, "geometry", false},
    {Column::kWherePrec, "where_prec", false},
    {Column::kCountry, "country", false},
    {Column::kAdmin1, "admin1", false},
    {Column::kPerpetratorId, "perpetrator_id", false},
    {Column::kPerpetratorName, "perpetrator_name", false},
    {Column::kTargetId, "target_id", false},
    {Column::kTargetName, "target_name", false},
    {Column::kActors, "actors", false},
    {Column::kSideKind, "side_kind", false},
    {Column::kSidePartyId, "side_party_id", false},
    {Column::kSidePartyName, "side_party_name", false},
    {Column::kKilled, "killed", false},
    {Column::kWounded, "wounded", false},
    {Column::kCaptured, "captured", false},
    {Column::kMissing, "missing", false},
    {Column::kMoreCasualties, "more_casualties", false},
    {Column::kWeapons, "weapons", false},
    {Column::kViolations, "violations", false},
    {Column::kExplosions, "explosions", false},
    {Column::kAssets, "assets", false},
    {Column::kAgreements, "agreements", false},
    {Column::kCredibility, "credibility", false},
    {Column::kSummary, "summary", false},
    {Column::kProvenance, "provenance", false},
}};

constexpr bool table_follows_enum() {
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (static_cast<std::size_t>(kColumns[i].column) != i) {
      return false;
    }
  }
  return true;
}
static_assert(table_follows_enum(), "kColumns must list the columns in enum order");

const ColumnInfo& info(Column column) {
  return kColumns[static_cast<std::size_t>(column)];
}

// Levenshtein distance, for "did you mean" hints on misspelt column names.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_column_problem(std::string_view name) {
  std::string_view nearest;
  std::size_t best = 3;  // further than this is not a typo but a different word
  for (const auto& column : kColumns) {
    std::size_t distance = edit_distance(name, column.name);
    if (distance < best) {
      best = distance;
      nearest = column.name;
    }
  }
  std::string problem = "unknown column";
  if (!nearest.empty()) {
    problem += "; did you mean '" + std::string(nearest) + "'?";
  } else {
    problem += " (see docs/formats/csv.md for the columns)";
  }
  return problem;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

const std::array<Column, kColumnCount>& all_columns() {
  static const std::array<Column, kColumnCount> columns = [] {
    std::array<Column, kColumnCount> result{};
    for (std::size_t i = 0; i < kColumnCount; ++i) {
      result[i] = kColumns[i].column;
    }
    return result;
  }();
  return columns;
}

std::string_view column_name(Column column) {
  return info(column).name;
}

bool is_required(Column column) {
  return info(column).required;
}

const std::array<StatusColumn, 4>& status_columns() {
  static constexpr std::array<StatusColumn, 4> kStatusColumns{{
      {Column::kKilled, CasualtyStatus::kKilled},
      {Column::kWounded, CasualtyStatus::kWounded},
      {Column::kCaptured, CasualtyStatus::kCaptured},
      {Column::kMissing, CasualtyStatus::kMissing},
  }};
  return kStatusColumns;
}

Result<ColumnMap> map_header(const std::vector<std::string>& header, std::size_t line,
                             std::string_view file_name) {
  ColumnMap map{};
  std::vector<std::string> problems;
  auto report = [&](std::string_view name, const std::string& problem) {
    problems.push_back(std::string(file_name) + ":" + std::to_string(line) + ": column '" +
                       std::string(name) + "': " + problem);
  };
  for (std::size_t index = 0; index < header.size(); ++index) {
    std::string_view name = trim(header[index]);
    const auto* found = std::find_if(kColumns.begin(), kColumns.end(),
                                     [&](const ColumnInfo& column) { return column.name == name; });
    if (found == kColumns.end()) {
      report(name, unknown_column_problem(name));
      continue;
    }
    auto& slot = map[static_cast<std::size_t>(found->column)];
    if (slot) {
      report(name, "appears twice in the header (cells " + std::to_string(*slot + 1) + " and " +
                       std::to_string(index + 1) + ")");
      continue;
    }
    slot = index;
  }
  for (const auto& column : kColumns) {
    if (column.required && !map[static_cast<std::size_t>(column.column)]) {
      report(column.name, "required column is missing from the header");
    }
  }
  if (!problems.empty()) {
    std::string message;
    for (const auto& problem : problems) {
      message += (message.empty() ? "" : "\n") + problem;
    }
    return make_error(ErrorCode::kInvalidInput, message, "serial.csv: read header");
  }
  return map;
}

}  // namespace truce::serial::detail
