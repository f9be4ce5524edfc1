// Maps the field paths of core validation problems ("casualties/1/max",
// "time/end") back to the CSV columns they were read from, so every problem
// names a column the user can find in the spreadsheet.
#pragma once

#include <optional>
#include <string_view>

#include "serial/detail/csv_columns.hpp"
#include "serial/detail/csv_row_reader.hpp"

namespace truce::serial::detail {

// nullopt only for paths this format does not know (then the caller names the
// field path instead of a column).
std::optional<Column> column_for_source_field(std::string_view path);
std::optional<Column> column_for_document_field(std::string_view path, const RowRecords& row);
std::optional<Column> column_for_claim_field(std::string_view path, const RowRecords& row);

}  // namespace truce::serial::detail
