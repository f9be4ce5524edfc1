// Formats one claim, with its document and source, as the cells of one row in
// writer column order (csv_columns.hpp). The inverse of csv_row_reader.
#pragma once

#include <array>
#include <string>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"
#include "serial/detail/csv_columns.hpp"

namespace truce::serial::detail {

using RowCells = std::array<std::string, kColumnCount>;

// `document` and `source` may be null when the batch lacks them; their cells
// stay empty then (except document and source ids known from the claim and
// the document), and reading the row back fails on the required source cells.
RowCells claim_row(const Claim& claim, const Document* document, const Source* source);

// How many leading casualty figures go to the plain columns: the longest prefix
// whose figures share the first figure's side and whose statuses follow the
// plain columns' order strictly (killed, wounded, captured, missing), so that
// reading the plain columns and then more_casualties restores the order.
std::size_t plain_casualty_count(const std::vector<CasualtyFigure>& casualties);

}  // namespace truce::serial::detail
