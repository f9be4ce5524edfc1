// The columns of the claims CSV format (docs/formats/csv.md), in the order the
// writer puts them, and the header check that maps a file's header onto them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/casualties.hpp"
#include "core/result.hpp"

namespace truce::serial::detail {

enum class Column {
  kClaimId,
  kSourceId,
  kSourceName,
  kSourceReliability,
  kSourceAffiliation,
  kSourceActorId,
  kSourceActorName,
  kSourceUrl,
  kDocumentId,
  kDocumentKey,
  kDocumentKind,
  kDocumentTitle,
  kDocumentLanguage,
  kDocumentPublished,
  kDocumentUrl,
  kDocumentOrigin,
  kDocumentRef,
  kDocumentHash,
  kClaimantId,
  kClaimantName,
  kEventType,
  kTimeStart,
  kTimeEnd,
  kTimePrecision,
  kTimezone,
  kTimeBasis,
  kTimeFromContext,
  kTimeBasisWording,
  kPlaceName,
  kLon,
  kLat,
  kGeometry,
  kWherePrec,
  kCountry,
  kAdmin1,
  kPerpetratorId,
  kPerpetratorName,
  kTargetId,
  kTargetName,
  kActors,
  kSideKind,
  kSidePartyId,
  kSidePartyName,
  kKilled,
  kWounded,
  kCaptured,
  kMissing,
  kMoreCasualties,
  kWeapons,
  kViolations,
  kExplosions,
  kAssets,
  kAgreements,
  kCredibility,
  kSummary,
  kProvenance,
};

inline constexpr std::size_t kColumnCount = static_cast<std::size_t>(Column::kProvenance) + 1;

// All columns in writer order.
const std::array<Column, kColumnCount>& all_columns();
std::string_view column_name(Column column);
// Required columns must be in the header and non-empty in every row.
bool is_required(Column column);

struct StatusColumn {
  Column column;
  CasualtyStatus status;
};
// The plain casualty columns, in the order the reader turns them into figures;
// the writer relies on this order to keep the casualty list's order.
const std::array<StatusColumn, 4>& status_columns();

// For each column, the index of its cell in the file's records, if present.
using ColumnMap = std::array<std::optional<std::size_t>, kColumnCount>;

// Checks the header record (line `line`) and maps it. Fails with kInvalidInput
// on unknown names (suggesting the nearest known one), duplicates and missing
// required columns; the message has one "FILE:LINE: column 'NAME': ..." line
// per problem.
Result<ColumnMap> map_header(const std::vector<std::string>& header, std::size_t line,
                             std::string_view file_name);

}  // namespace truce::serial::detail
